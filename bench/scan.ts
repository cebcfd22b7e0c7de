// One page, measured in Chromium: the floor and mark.js in a browser without the extension (in an
// isolated world, where content scripts run), and Context Lens as installed (from a trace of the
// page's main thread) in a browser with it.
import type { Page } from 'puppeteer-core';
import type { Session } from '../tests/e2e/support/browsers.js';
import {
  contentEntry,
  extensionScript,
  isolatedWorld,
  jsHeapAfterGc,
  load,
  openGuarded,
  settle,
  sleep,
  traceCategories,
} from './chromium.js';
import { type FloorResult, runFloor, runMarkJs } from './probe.js';
import { extensionWork, parseTrace, type WorkSummary, workBetween } from './trace.js';

export interface BaselineRun extends FloorResult {
  markMs: number;
  marks: number;
  heapBytes: number;
}

export interface ExtensionRun extends WorkSummary {
  /** From the script's injection to the first frame showing a highlight; null: none shown. */
  firstHighlightMs: number | null;
  /** From the injection to the end of our last task. */
  spanMs: number;
  highlights: number;
  heapBytes: number;
}

/** Waits long enough for a page of `bytes` to load and be scanned. */
export const settleTime = (bytes: number) => 800 + 150 * (bytes / 1e6);

/** Without the extension nothing runs after the load: a short pause lets the page's frame pass. */
export const BASELINE_PAUSE_MS = 300;

export async function baselineRun(
  session: Session,
  origin: string,
  url: string,
  scripts: { markJs: string; terms: string },
): Promise<BaselineRun> {
  const page = await openGuarded(session, origin);
  try {
    await load(page, url);
    await sleep(BASELINE_PAUSE_MS);
    const heapBytes = await jsHeapAfterGc(page);
    // Where a content script runs (an isolated world), and traced as Context Lens is, so both
    // pay the same for the world's DOM wrappers and for the instrumentation.
    const world = await isolatedWorld(page, 'bench-floor');
    await page.tracing.start({ categories: traceCategories });
    const floor = await world.run(runFloor, scripts.terms);
    await world.evaluate(scripts.markJs);
    const mark = await world.run(runMarkJs, scripts.terms);
    await page.tracing.stop();
    return { ...floor, markMs: mark.ms, marks: mark.marks, heapBytes };
  } finally {
    await page.close();
  }
}

/** Context Lens on one fresh load; a run whose trace ends too soon after our last task is redone. */
export async function extensionRun(
  session: Session,
  origin: string,
  url: string,
  bytes: number,
): Promise<ExtensionRun> {
  let wait = settleTime(bytes);
  for (let attempt = 1; ; attempt++) {
    const page = await openGuarded(session, origin);
    try {
      const run = await tracedLoad(session, page, url, wait);
      if (run || attempt >= 3) {
        if (!run) throw new Error(`Context Lens never settled on ${url}`);
        return run;
      }
    } finally {
      await page.close();
    }
    wait *= 2;
  }
}

async function tracedLoad(
  session: Session,
  page: Page,
  url: string,
  wait: number,
): Promise<ExtensionRun | null> {
  await page.tracing.start({ categories: traceCategories });
  await load(page, url);
  const state = await settle(page, wait);
  const events = parseTrace(await page.tracing.stop());
  const work = extensionWork(events, extensionScript(session), { entry: contentEntry(session) });
  if (work.injectedAt === null) throw new Error(`The content script did not run on ${url}`);
  const summary = workBetween(work, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const traceEnd = work.events.reduce((end, e) => Math.max(end, e.ts + (e.dur ?? 0)), 0);
  // Work of ours in the last 300 ms before the trace stopped: the scan may not have been over.
  // Under 1 ms is quiet: a page showing highlights checks once a second, in about 0.2 ms, that
  // the extension is still there (orphan-watch.ts), and that check is all that runs.
  if (workBetween(work, traceEnd - 300_000, Number.POSITIVE_INFINITY).totalMs >= 1) return null;
  const first = work.marks.get('bench:first-highlight');
  return {
    ...summary,
    firstHighlightMs:
      first !== undefined && first >= work.injectedAt ? (first - work.injectedAt) / 1000 : null,
    spanMs: (summary.lastEnd - work.injectedAt) / 1000,
    highlights: state.total,
    heapBytes: await jsHeapAfterGc(page),
  };
}
