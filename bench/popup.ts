// Popup: on the mention-dense page, the toolbar popup is opened for real (action.openPopup) and
// timed until it has drawn the page's summary: topics, counts, timeline and the list's first
// screen (`context-lens:popup-render`, from the first reply's arrival to the laid-out page), and
// until the whole list is in (`context-lens:popup-complete`; the popup marks
// `data-drawn="summary"` then).
import type { Page } from 'puppeteer-core';
import { chromiumWorker, type Session } from '../tests/e2e/support/browsers.js';
import { extensionScript, load, openGuarded, settle, sleep, traceCategories } from './chromium.js';
import type { BenchPage } from './pages.js';
import { settleTime } from './scan.js';
import type { PageServer } from './serve.js';
import { extensionWork, parseTrace, workBetween } from './trace.js';

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
  const openedAt = Date.now();
  await worker.evaluate(() => chrome.action.openPopup());
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

/** Null when this build's popup never reports a drawn summary (no marker to time it by). */
export async function measurePopup(
  session: Session,
  server: PageServer,
  page: BenchPage,
  runs: number,
  log: (line: string) => void,
): Promise<PopupRun[] | null> {
  const results: PopupRun[] = [];
  const tab = await openGuarded(session, server.origin);
  try {
    await load(tab, server.url(page.name));
    await settle(tab, settleTime(page.bytes));
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
  } finally {
    await tab.close();
  }
  return results;
}
