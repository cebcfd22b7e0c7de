// The JS sampling profile a trace carries for one thread: for any stretch of time, how many
// samples ran our script and how many ran someone else's (page scripts, the harness).
import type { ProfileNode, TraceEvent } from './trace.js';

export interface Samples {
  /** Typical time between two samples, µs. */
  interval: number;
  count(from: number, to: number): { ours: number; foreign: number };
}

type Owner = 'ours' | 'foreign' | 'none';

export function samplesOf(
  events: TraceEvent[],
  thread: { pid: number; tid: number },
  isOurs: (url: string) => boolean,
): Samples {
  const profile = events.find(
    (e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid,
  );
  const nodes = new Map<number, ProfileNode>();
  const times: number[] = [];
  const owners: Owner[] = [];
  const deltas: number[] = [];
  const ownerCache = new Map<number, Owner>();
  const ownerOf = (id: number): Owner => {
    const known = ownerCache.get(id);
    if (known) return known;
    const node = nodes.get(id);
    const url = node?.callFrame.url ?? '';
    const parent = node?.parent === undefined ? 'none' : ownerOf(node.parent);
    const own: Owner = url === '' ? 'none' : isOurs(url) ? 'ours' : 'foreign';
    // Our frame anywhere on the stack makes the sample ours (page callbacks we call stay ours).
    const owner = parent === 'ours' || own === 'ours' ? 'ours' : own === 'foreign' ? own : parent;
    ownerCache.set(id, owner);
    return owner;
  };
  let clock = profile?.args?.data?.startTime ?? 0;
  for (const e of events) {
    if (!profile || e.name !== 'ProfileChunk' || e.pid !== thread.pid || e.id !== profile.id) {
      continue;
    }
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = e.args?.data?.cpuProfile?.samples ?? [];
    const chunkDeltas = e.args?.data?.timeDeltas ?? [];
    ids.forEach((id, i) => {
      const delta = chunkDeltas[i] ?? 0;
      clock += delta;
      deltas.push(delta);
      times.push(clock);
      owners.push(ownerOf(id));
    });
  }
  const sortedDeltas = deltas.filter((d) => d > 0).sort((a, b) => a - b);
  const interval = sortedDeltas[sortedDeltas.length >> 1] ?? 0;
  return {
    interval,
    count(from, to) {
      let lo = 0;
      let hi = times.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((times[mid] ?? 0) < from) lo = mid + 1;
        else hi = mid;
      }
      let ours = 0;
      let foreign = 0;
      for (let i = lo; i < times.length && (times[i] ?? 0) <= to; i++) {
        if (owners[i] === 'ours') ours++;
        else if (owners[i] === 'foreign') foreign++;
      }
      return { ours, foreign };
    },
  };
}
