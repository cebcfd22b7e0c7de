// Hover: the pointer sweeps over the mention-dense page, one move per frame; each move's cost is
// our work (the pointer listener, the frame callback that hit-tests, any timer) from that move's
// pointermove to the next one's, read from the trace.
import type { Page } from 'puppeteer-core';
import type { Session } from '../tests/e2e/support/browsers.js';
import { alteredCopy } from './builds.js';
import {
  extensionScript,
  lightTraceCategories,
  load,
  openGuarded,
  settle,
  sleep,
} from './chromium.js';
import type { BenchPage } from './pages.js';
import { settleTime } from './scan.js';
import type { PageServer } from './serve.js';
import { extensionWork, parseTrace } from './trace.js';

export interface HoverRun {
  /** Cost of each pointer move, ms. */
  moves: number[];
  /** Moves the trace showed as pointermove events (each one a window). */
  dispatched: number;
}

const MOVES = 100;

/** Points to move to: the centres of marked-up words (most are mentions), visible on screen. */
function targets(): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const el of document.querySelectorAll(
    'article a, article abbr, article em, article strong',
  )) {
    const r = el.getBoundingClientRect();
    if (r.top > 10 && r.bottom < innerHeight - 10 && r.width > 0) {
      out.push({ x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) });
    }
  }
  return out;
}

export async function sweep(page: Page): Promise<void> {
  const points = await page.evaluate(targets);
  if (points.length === 0) throw new Error('No word to hover on the mention-dense page');
  for (let i = 0; i < MOVES; i++) {
    // Every other move lands between two targets, off the marked-up words.
    const a = points[i % points.length] ?? { x: 200, y: 200 };
    const b = points[(i * 7 + 3) % points.length] ?? a;
    const point = i % 2 === 0 ? a : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    await page.mouse.move(point.x, point.y);
    await sleep(25);
  }
}

/**
 * A copy of the built extension whose content script only listens for pointer moves, doing
 * nothing: what the browser charges for calling any content script's listener, the floor.
 */
export function emptyListenerBuild(chromeDist: string, out: string): string {
  return alteredCopy(chromeDist, out, {
    'content.js': "addEventListener('pointermove', () => {}, { capture: true, passive: true });\n",
  });
}

export async function measureHover(
  session: Session,
  server: PageServer,
  page: BenchPage,
  runs: number,
  log: (line: string) => void,
): Promise<HoverRun[]> {
  const results: HoverRun[] = [];
  for (let run = 1; run <= runs; run++) {
    const tab = await openGuarded(session, server.origin);
    try {
      await load(tab, server.url(page.name));
      await settle(tab, settleTime(page.bytes));
      // No JS sampling here: every move's work starts from a listener or frame callback the trace
      // names, and sampling would add its own cost to each of these sub-millisecond calls.
      await tab.tracing.start({ categories: lightTraceCategories });
      await sweep(tab);
      await sleep(300);
      const events = parseTrace(await tab.tracing.stop());
      const work = extensionWork(events, extensionScript(session));
      const starts = work.events
        .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove')
        .map((e) => e.ts);
      const moves = starts.map((start, i) => {
        const end = starts[i + 1] ?? Number.POSITIVE_INFINITY;
        let cost = 0;
        for (const s of work.slices) if (s.start >= start && s.start < end) cost += s.dur;
        return cost / 1000;
      });
      results.push({ moves, dispatched: starts.length });
      const sorted = [...moves].sort((x, y) => x - y);
      log(
        `  hover run ${run}: ${starts.length} moves, median ${sorted[sorted.length >> 1]?.toFixed(3)} ms, ` +
          `max ${sorted.at(-1)?.toFixed(3)} ms`,
      );
    } finally {
      await tab.close();
    }
  }
  return results;
}
