// Popup: on the mention-dense page, the toolbar popup is opened for real (action.openPopup) and
// timed until it has drawn the page's summary: topics, counts, timeline and the list's first
// screen (`context-lens:popup-render`, from the first reply's arrival to the laid-out page), and
// until the whole list is in (`context-lens:popup-complete`; the popup marks
// `data-drawn="summary"` then). Each popup is opened from a quiet browser, a second after the
// last one closed, as a reader's click is; the floor is the same popup as a bare page.
import type { Page } from 'puppeteer-core';
import { chromiumWorker, type Session } from '../tests/e2e/support/browsers.js';
import { alteredCopy } from './builds.js';
import { extensionScript, load, openGuarded, settle, sleep, traceCategories } from './chromium.js';
import type { BenchPage } from './pages.js';
import { settleTime } from './scan.js';
import type { PageServer } from './serve.js';
import { extensionWork, parseTrace, workBetween } from './trace.js';

const QUIET_MS = 1000;

export interface PopupRun {
  /** From the openPopup() call to the summary drawn. */
  openToDrawnMs: number;
  /** From the popup document's navigation start to the summary drawn. */
  documentToDrawnMs: number;
  /** From the popup document's navigation start to the summary's arrival. */
  documentToReceivedMs: number;
  /** From the summary's arrival in the popup to the summary drawn. */
  renderMs: number;
  /** From the popup document's navigation start to the whole list drawn. */
  documentToCompleteMs: number;
  /** The content script's own work in the page while the popup opened (answering it). */
  pageWorkMs: number;
}

interface Drawn {
  drawn: string | null;
  timeOrigin: number;
  end: number;
  render: number;
  received: number;
  complete: number;
}

function readDrawn(): Drawn {
  const drawn = document.querySelector<HTMLElement>('[data-drawn]')?.dataset.drawn ?? null;
  const render = performance.getEntriesByName('context-lens:popup-render').at(-1);
  const received = performance.getEntriesByName('context-lens:summary-received').at(-1);
  const complete = performance.getEntriesByName('context-lens:popup-complete').at(-1);
  return {
    complete: complete ? complete.startTime + complete.duration : -1,
    drawn,
    timeOrigin: performance.timeOrigin,
    end: render ? render.startTime + render.duration : -1,
    render: render?.duration ?? -1,
    received: received?.startTime ?? -1,
  };
}

async function openAndTime(
  session: Session,
  page: Page,
): Promise<Omit<PopupRun, 'pageWorkMs'> | null> {
  const worker = await chromiumWorker(session);
  await page.bringToFront();
  // Opened from a quiet browser: the last run's popup has gone, as it has when a reader clicks.
  await sleep(QUIET_MS);
  // Timed from the call in the browser (epoch milliseconds, the clock of the popup's
  // timeOrigin), not from here: the round trip to the worker is the benchmark's, not the popup's.
  const openedAt = await worker.evaluate(() => {
    const calledAt = performance.timeOrigin + performance.now();
    void chrome.action.openPopup();
    return calledAt;
  });
  const target = await session.browser.waitForTarget(
    (t) => t.url().startsWith(`${session.extensionOrigin}/popup/popup.html`),
    { timeout: 10_000 },
  );
  const popup = await target.asPage();
  try {
    for (let i = 0; i < 100; i++) {
      const state = await popup.evaluate(readDrawn).catch(() => null);
      if (state?.drawn === 'summary' && state.end >= 0) {
        return {
          openToDrawnMs: state.timeOrigin + state.end - openedAt,
          documentToDrawnMs: state.end,
          documentToReceivedMs: state.received,
          renderMs: state.render,
          // A list short enough for one reply is whole when first drawn.
          documentToCompleteMs: state.complete >= 0 ? state.complete : state.end,
        };
      }
      await sleep(50);
    }
    return null;
  } finally {
    await popup.close();
  }
}

/**
 * A copy of the built extension whose popup is a bare page that marks itself drawn as its one
 * script starts: what opening any action popup costs before the popup's own code can run.
 */
export function barePopupBuild(chromeDist: string, out: string): string {
  return alteredCopy(chromeDist, out, {
    'popup/popup.html':
      '<!doctype html><html><head><meta charset="utf-8"></head><body><script src="bare.js"></script></body></html>\n',
    'popup/bare.js': [
      "performance.mark('context-lens:summary-received');",
      "document.body.dataset.drawn = 'summary';",
      'void document.body.offsetHeight;',
      "performance.measure('context-lens:popup-render', 'context-lens:summary-received');",
    ].join('\n'),
  });
}

/** Runs `body` on a tab showing `page`, closing the tab after. */
async function onPage<T>(
  session: Session,
  server: PageServer,
  page: BenchPage,
  body: (tab: Page) => Promise<T>,
): Promise<T> {
  const tab = await openGuarded(session, server.origin);
  try {
    await load(tab, server.url(page.name));
    return await body(tab);
  } finally {
    await tab.close();
  }
}

/** openPopup() → drawn for the bare popup of `barePopupBuild`, on the same page. */
export function measureBarePopup(
  session: Session,
  server: PageServer,
  page: BenchPage,
  runs: number,
  log: (line: string) => void,
): Promise<number[] | null> {
  return onPage(session, server, page, async (tab) => {
    const results: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const opened = await openAndTime(session, tab);
      if (!opened) return null;
      results.push(opened.openToDrawnMs);
      log(
        `  bare popup run ${run}: open → drawn ${opened.openToDrawnMs.toFixed(0)} ms (document → drawn ${opened.documentToDrawnMs.toFixed(0)} ms)`,
      );
    }
    return results;
  });
}

/** Null when this build's popup never reports a drawn summary (no marker to time it by). */
export function measurePopup(
  session: Session,
  server: PageServer,
  page: BenchPage,
  runs: number,
  log: (line: string) => void,
): Promise<PopupRun[] | null> {
  return onPage(session, server, page, async (tab) => {
    await settle(tab, settleTime(page.bytes));
    const results: PopupRun[] = [];
    for (let run = 1; run <= runs; run++) {
      await tab.tracing.start({ categories: traceCategories });
      const opened = await openAndTime(session, tab);
      const events = parseTrace(await tab.tracing.stop());
      if (!opened) {
        log('  popup: no drawn summary was seen (data-drawn="summary"); popup timing skipped');
        return null;
      }
      const work = extensionWork(events, extensionScript(session));
      const pageWork = workBetween(work, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
      const result = { ...opened, pageWorkMs: pageWork.totalMs };
      results.push(result);
      log(
        `  popup run ${run}: open → summary drawn ${result.openToDrawnMs.toFixed(0)} ms ` +
          `(document → drawn ${result.documentToDrawnMs.toFixed(0)} ms, → whole list ${result.documentToCompleteMs.toFixed(0)} ms, render ${result.renderMs.toFixed(1)} ms, ` +
          `content script ${result.pageWorkMs.toFixed(1)} ms)`,
      );
    }
    return results;
  });
}
