// Firefox: what can be measured from outside over WebDriver BiDi. There is no performance trace
// there, so Context Lens is timed by wall clock from the page (frames that see our highlights
// change), next to the floor and mark.js run in a Firefox without the extension.
import type { Page } from 'puppeteer-core';
import type { Session } from '../tests/e2e/support/browsers.js';
import { sleep } from './chromium.js';
import type { BenchPage } from './pages.js';
import { highlightState, runFloor, runMarkJs, watchHighlights } from './probe.js';
import { BASELINE_PAUSE_MS, settleTime } from './scan.js';
import type { PageServer } from './serve.js';

export interface FirefoxRun {
  floorMs: number;
  markMs: number;
  /** DOMContentLoaded's end to the last frame whose highlights changed (includes waiting to be injected). */
  loadedToLastMs: number;
  /** First frame showing a highlight to the last frame whose highlights changed (the scan, roughly). */
  firstToLastMs: number;
  highlights: number;
}

export interface FirefoxPage {
  page: string;
  runs: FirefoxRun[];
}

async function fresh(session: Session, url: string, watch: boolean): Promise<Page> {
  const page = await session.browser.newPage();
  if (watch) await page.evaluateOnNewDocument(watchHighlights);
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  return page;
}

/** Waits until our highlights have not changed for a second (and at least `minMs`). */
async function settled(page: Page, minMs: number) {
  const started = Date.now();
  let state = await page.evaluate(highlightState);
  let since = Date.now();
  while (Date.now() - started < Math.max(minMs, 1000) || Date.now() - since < 1000) {
    await sleep(100);
    const now = await page.evaluate(highlightState);
    if (now.total !== state.total) since = Date.now();
    state = now;
    if (Date.now() - started > 60_000) break;
  }
  return state;
}

export async function measureFirefox(
  launcher: { start(dir: string | null): Promise<Session> },
  dist: string,
  server: PageServer,
  pages: readonly BenchPage[],
  options: { runs: number; markJs: string; terms: string },
  log: (line: string) => void,
): Promise<FirefoxPage[]> {
  const baseline = await launcher.start(null);
  const extension = await launcher.start(dist);
  const results: FirefoxPage[] = [];
  for (const bench of pages) {
    const runs: FirefoxRun[] = [];
    const url = server.url(bench.name);
    for (let run = 1; run <= options.runs; run++) {
      const plain = await fresh(baseline, url, false);
      await sleep(BASELINE_PAUSE_MS);
      const floor = await plain.evaluate(runFloor, options.terms);
      await plain.evaluate(options.markJs);
      const mark = await plain.evaluate(runMarkJs, options.terms);
      await plain.close();
      const page = await fresh(extension, url, true);
      const state = await settled(page, settleTime(bench.bytes));
      const loaded = await page.evaluate(() => {
        const [entry] = performance.getEntriesByType('navigation');
        return (entry as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? 0;
      });
      await page.close();
      runs.push({
        floorMs: floor.ms,
        markMs: mark.ms,
        loadedToLastMs: state.lastChange - loaded,
        firstToLastMs: state.lastChange - state.first,
        highlights: state.total,
      });
      log(
        `  firefox ${bench.name} run ${run}: floor ${floor.ms.toFixed(1)} ms, mark.js ${mark.ms.toFixed(0)} ms, ` +
          `Context Lens first→last highlight ${(state.lastChange - state.first).toFixed(0)} ms (${state.total} highlights)`,
      );
    }
    results.push({ page: bench.name, runs });
  }
  return results;
}
