// Incremental work: on a scanned 1 MB page, 1,000 paragraphs arrive in 100 bursts; what our work
// costs per appended KB is compared with what the first scan cost per KB of the page.
import type { Session } from '../tests/e2e/support/browsers.js';
import {
  contentEntry,
  extensionScript,
  load,
  openGuarded,
  settle,
  traceCategories,
} from './chromium.js';
import { appendedBursts } from './generate.js';
import type { BenchPage } from './pages.js';
import { appendBursts } from './probe.js';
import { settleTime } from './scan.js';
import type { PageServer } from './serve.js';
import { extensionWork, parseTrace, workBetween } from './trace.js';

export interface IncrementalRun {
  initialMs: number;
  initialKb: number;
  appendedMs: number;
  appendedKb: number;
  longestAppendedMs: number;
  highlightsBefore: number;
  highlightsAfter: number;
  plantedInBursts: number;
}

/** Time between two bursts: a page loading more stories. */
export const APPEND_GAP_MS = 20;

export async function measureIncremental(
  session: Session,
  server: PageServer,
  page: BenchPage,
  runs: number,
  log: (line: string) => void,
): Promise<IncrementalRun[]> {
  const bursts = appendedBursts(100, 10);
  const html = bursts.map((b) => b.html);
  const appendedKb = html.reduce((sum, h) => sum + Buffer.byteLength(h), 0) / 1024;
  const planted = bursts.reduce((sum, b) => sum + b.planted.mentions, 0);
  const results: IncrementalRun[] = [];
  for (let run = 1; run <= runs; run++) {
    const tab = await openGuarded(session, server.origin);
    try {
      await tab.tracing.start({ categories: traceCategories });
      await load(tab, server.url(page.name));
      const before = await settle(tab, settleTime(page.bytes));
      await tab.evaluate(() => performance.mark('bench:append-start'));
      await tab.evaluate(appendBursts, html, APPEND_GAP_MS);
      const after = await settle(tab, 1500);
      const events = parseTrace(await tab.tracing.stop());
      const work = extensionWork(events, extensionScript(session), {
        entry: contentEntry(session),
      });
      const appendStart = work.marks.get('bench:append-start');
      if (appendStart === undefined) throw new Error('The append mark is missing from the trace');
      const initial = workBetween(work, Number.NEGATIVE_INFINITY, appendStart);
      const appended = workBetween(work, appendStart, Number.POSITIVE_INFINITY);
      results.push({
        initialMs: initial.totalMs,
        initialKb: page.bytes / 1024,
        appendedMs: appended.totalMs,
        appendedKb,
        longestAppendedMs: appended.longestMs,
        highlightsBefore: before.total,
        highlightsAfter: after.total,
        plantedInBursts: planted,
      });
      log(
        `  incremental run ${run}: first scan ${initial.totalMs.toFixed(1)} ms for ${(page.bytes / 1024).toFixed(0)} KB, ` +
          `appends ${appended.totalMs.toFixed(1)} ms for ${appendedKb.toFixed(0)} KB (highlights ${before.total} → ${after.total})`,
      );
    } finally {
      await tab.close();
    }
  }
  return results;
}
