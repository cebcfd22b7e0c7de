// `npm run bench -- --profile PAGE`: where Context Lens spends its time on one page. Loads the page
// once with an unminified build (build.mjs with CONTEXT_LENS_READABLE=1, so names are readable),
// traced with JS samples, and prints each of our tasks and the functions our samples spent the
// most time in.
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Session } from '../tests/e2e/support/browsers.js';
import { buildExtension } from './builds.js';
import {
  contentEntry,
  extensionScript,
  load,
  openGuarded,
  settle,
  traceCategories,
} from './chromium.js';
import { appendedBursts } from './generate.js';
import { sweep } from './hover.js';
import { APPEND_GAP_MS } from './incremental.js';
import type { BenchPage } from './pages.js';
import { appendBursts } from './probe.js';
import { settleTime } from './scan.js';
import type { PageServer } from './serve.js';
import { extensionWork, type ProfileNode, parseTrace, type TraceEvent } from './trace.js';

/** The extension built by build.mjs without minifying, in `out`; returns its Chrome folder. */
export function readableBuild(
  root: string,
  out: string,
  /** Another dataset to bundle (the dictionary-scaling one), as build.mjs's CONTEXT_LENS_DATASET. */
  datasetFile: string | null = null,
): string {
  buildExtension(root, out, datasetFile, { readable: true });
  return join(out, 'chrome');
}

/** Self and total time per function, over the samples whose stack holds our script. */
function timeByFunction(
  events: TraceEvent[],
  thread: { pid: number; tid: number },
  ours: string,
  from: number,
) {
  const profile = events.find(
    (e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid,
  );
  const nodes = new Map<number, ProfileNode>();
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let clock = profile?.args?.data?.startTime ?? 0;
  let previous: { id: number; at: number } | null = null;
  const name = (n: ProfileNode) => {
    // Regular expressions are named by their source, which can run to kilobytes.
    const fn = (n.callFrame.functionName || '(anonymous)').slice(0, 80);
    return `${fn}${n.callFrame.url?.startsWith(ours) ? '' : ' [native or page]'}`;
  };
  const charge = (id: number, dt: number) => {
    const stack: ProfileNode[] = [];
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
      stack.push(n);
    }
    if (!stack.some((n) => n.callFrame.url?.startsWith(ours))) return;
    const top = stack[0];
    if (top) self.set(name(top), (self.get(name(top)) ?? 0) + dt);
    for (const label of new Set(stack.map(name))) total.set(label, (total.get(label) ?? 0) + dt);
  };
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !profile || e.pid !== thread.pid || e.id !== profile.id) {
      continue;
    }
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const deltas = e.args?.data?.timeDeltas ?? [];
    (e.args?.data?.cpuProfile?.samples ?? []).forEach((id, i) => {
      clock += deltas[i] ?? 0;
      // A sample stands for the time until the next one (capped: the thread may have slept).
      if (previous && previous.at >= from) charge(previous.id, Math.min(clock - previous.at, 2000));
      previous = { id, at: clock };
    });
  }
  return { self, total };
}

/** What to do on the scanned page before profiling, as `--only` names it (none: the load itself). */
export interface ProfileAct {
  name: string;
  run: (tab: Page) => Promise<void>;
}

/** With `--only incremental` or `--only hover`: appending stories, or sweeping the pointer. */
export function profileAct(only: ReadonlySet<string> | null): ProfileAct | null {
  if (only?.has('incremental')) {
    const bursts = appendedBursts(100, 10).map((b) => b.html);
    return {
      name: `after ${bursts.length} appended bursts`,
      run: async (tab) => {
        await tab.evaluate(appendBursts, bursts, APPEND_GAP_MS);
      },
    };
  }
  if (only?.has('hover')) return { name: 'while the pointer sweeps over it', run: sweep };
  return null;
}

export async function profilePage(
  session: Session,
  server: PageServer,
  page: BenchPage,
  print: (line: string) => void,
  /** What to do on the scanned page (append stories, sweep the pointer): then only its cost is shown. */
  act: ProfileAct | null = null,
): Promise<void> {
  const tab = await openGuarded(session, server.origin);
  try {
    await tab.tracing.start({ categories: traceCategories });
    await load(tab, server.url(page.name));
    await settle(tab, settleTime(page.bytes));
    let from = Number.NEGATIVE_INFINITY;
    if (act) {
      await tab.evaluate(() => performance.mark('bench:act-start'));
      await act.run(tab);
      await settle(tab, 1500);
    }
    const events = parseTrace(await tab.tracing.stop());
    const all = extensionWork(events, extensionScript(session), { entry: contentEntry(session) });
    if (act) from = all.marks.get('bench:act-start') ?? from;
    const work = { ...all, slices: all.slices.filter((s) => s.start >= from) };
    const origin = work.injectedAt ?? 0;
    print(
      `Our tasks on ${page.name}${act ? `, ${act.name}` : ''} (ms from the injection of content.js; W: whole task ours)`,
    );
    for (const s of work.slices) {
      print(
        `  ${((s.start - origin) / 1000).toFixed(1).padStart(8)}  ${(s.dur / 1000).toFixed(2).padStart(7)} ms  ${s.whole ? 'W' : ' '}`,
      );
    }
    const total = work.slices.reduce((sum, s) => sum + s.dur, 0) / 1000;
    print(`  total ${total.toFixed(1)} ms in ${work.slices.length} slices\n`);
    const thread = work.events[0];
    if (!thread) return;
    const times = timeByFunction(events, thread, `${session.extensionOrigin}/`, from);
    const top = (map: Map<string, number>) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([label, us]) => `  ${(us / 1000).toFixed(1).padStart(7)} ms  ${label}`);
    print('Self time (JS samples with our script on the stack)');
    for (const line of top(times.self)) print(line);
    print('\nTotal time (the function or what it called)');
    for (const line of top(times.total)) print(line);
  } finally {
    await tab.close();
  }
}
