// Reads a Chrome performance trace from the outside: which main-thread tasks (or parts of tasks)
// ran the extension's content script, how long each ran, and when the page set its marks.
import { type Samples, samplesOf } from './samples.js';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      taskId?: number;
      type?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

/** One stretch of our work: a whole task we ran, or our calls inside someone else's task. */
export interface Slice {
  start: number;
  dur: number;
  whole: boolean;
}

export interface ExtensionWork {
  /** Trace clock (µs) of the first evaluation of the entry script, if the trace saw it. */
  injectedAt: number | null;
  slices: Slice[];
  /** First timestamp of each user-timing mark on the page's main thread. */
  marks: Map<string, number>;
  /** Main-thread events of the page, in time order, for callers that need more. */
  events: TraceEvent[];
}

const jsEntries = new Set(['EvaluateScript', 'FunctionCall', 'RunYieldContinuation']);
/** Work the page's own task does; at a task's top level, it makes the task the page's. */
const pageWork =
  /^(ParseHTML|EventDispatch|FireAnimationFrame|AnimationFrame|UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|Resource\w+)$/;
/** Events that only wrap a task's work (IPC dispatch, the scheduler's own frames). */
const wrappers = /^(ThreadControllerImpl::RunTask|SimpleWatcher::OnHandleReady|Receive mojo \w+)$/;
const urlOf = (e: TraceEvent) => e.args?.data?.url ?? '';

export function parseTrace(buffer: Uint8Array | undefined): TraceEvent[] {
  if (!buffer) throw new Error('The browser returned no trace');
  const json = JSON.parse(Buffer.from(buffer).toString('utf8')) as
    | { traceEvents: TraceEvent[] }
    | TraceEvent[];
  return Array.isArray(json) ? json : json.traceEvents;
}

/**
 * The page's main thread: where our script was evaluated or called, else the thread whose JS
 * samples show our script (a message listener leaves no other trace), else where `fallback` was.
 */
function mainThread(events: TraceEvent[], isOurs: (url: string) => boolean, fallback: string) {
  const ours = events.find(
    (e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && isOurs(urlOf(e)),
  );
  if (ours) return { pid: ours.pid, tid: ours.tid };
  const sampled = events.find(
    (e) =>
      e.name === 'ProfileChunk' &&
      (e.args?.data?.cpuProfile?.nodes ?? []).some((n) => isOurs(n.callFrame.url ?? '')),
  );
  const profile =
    sampled &&
    events.find((e) => e.name === 'Profile' && e.pid === sampled.pid && e.id === sampled.id);
  if (profile) return { pid: profile.pid, tid: profile.tid };
  const found = events.find((e) => e.name === fallback);
  return found ? { pid: found.pid, tid: found.tid } : null;
}

/**
 * Our work on the page's main thread. A task counts whole when only our script ran in it: the
 * injection, a `scheduler.yield` continuation we scheduled, a callback of ours, or a task whose
 * JS samples are all ours (a storage reply resolving our promise has no other trace). In a task
 * that also ran page script, only our calls count.
 */
export function extensionWork(
  all: TraceEvent[],
  isOurs: (url: string) => boolean,
  options: { entry?: (url: string) => boolean; fallbackEvent?: string } = {},
): ExtensionWork {
  const thread = mainThread(all, isOurs, options.fallbackEvent ?? 'EventDispatch');
  if (!thread) return { injectedAt: null, slices: [], marks: new Map(), events: [] };
  const samples = samplesOf(all, thread, isOurs);
  const events = all
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid)
    // A task and its first event can share a timestamp: the longer (the task) comes first.
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const taskName = events.some((e) => e.name === 'RunTask')
    ? 'RunTask'
    : 'ThreadControllerImpl::RunTask';
  const entry = options.entry ?? isOurs;
  const ourYields = new Set<number>();
  const slices: Slice[] = [];
  const marks = new Map<string, number>();
  let injectedAt: number | null = null;
  let task: TraceEvent | null = null;
  let inside: TraceEvent[] = [];
  const closeTask = () => {
    if (task) slices.push(...judgeTask(task, inside, isOurs, ourYields, samples));
    task = null;
    inside = [];
  };
  for (const e of events) {
    if (e.cat.includes('blink.user_timing') && !marks.has(e.name)) marks.set(e.name, e.ts);
    if (e.name === 'EvaluateScript' && entry(urlOf(e)) && injectedAt === null) injectedAt = e.ts;
    if (task && e.ts >= task.ts + (task.dur ?? 0)) closeTask();
    if (!task && e.name === taskName && e.ph === 'X') task = e;
    else if (task) inside.push(e);
  }
  closeTask();
  return { injectedAt, slices, marks, events };
}

function judgeTask(
  task: TraceEvent,
  inside: TraceEvent[],
  isOurs: (url: string) => boolean,
  ourYields: Set<number>,
  samples: Samples,
): Slice[] {
  const ours: TraceEvent[] = [];
  let foreign = false;
  let coveredUntil = -1;
  for (const e of inside) {
    if (!jsEntries.has(e.name) || e.ts < coveredUntil) continue;
    if (e.name === 'RunYieldContinuation') {
      if (ourYields.has(e.args?.data?.taskId ?? -1)) ours.push(e);
      continue;
    }
    coveredUntil = e.ts + (e.dur ?? 0);
    if (isOurs(urlOf(e))) ours.push(e);
    else foreign = true;
  }
  const end = task.ts + (task.dur ?? 0);
  const sampled = samples.count(task.ts, end);
  foreign ||= sampled.foreign > 0 || ranPageWork(inside);
  if (ours.length === 0 && sampled.ours === 0) return [];
  const ranOurs = (t: number) => ours.some((e) => t >= e.ts && t <= e.ts + (e.dur ?? 0));
  for (const e of inside) {
    // A yield continuation is ours when our code scheduled it.
    if (e.name === 'ScheduleYieldContinuation' && (!foreign || ranOurs(e.ts))) {
      ourYields.add(e.args?.data?.taskId ?? -1);
    }
  }
  if (!foreign) return [{ start: task.ts, dur: task.dur ?? 0, whole: true }];
  const calls = ours.filter((e) => e.name !== 'RunYieldContinuation');
  if (calls.length > 0) {
    return calls.map((e) => ({ start: e.ts, dur: e.dur ?? 0, whole: false }));
  }
  return [{ start: task.ts, dur: sampled.ours * samples.interval, whole: false }];
}

/** True when the task itself did page work (parsing, an event, a frame), not only our script. */
function ranPageWork(inside: TraceEvent[]): boolean {
  let coveredUntil = -1;
  for (const e of inside) {
    if (e.ph !== 'X' || e.ts < coveredUntil) continue;
    if (wrappers.test(e.name)) continue;
    if (pageWork.test(e.name)) return true;
    // Anything else at the top level (a script, a microtask checkpoint) hides what it runs.
    coveredUntil = e.ts + (e.dur ?? 0);
  }
  return false;
}

export interface WorkSummary {
  totalMs: number;
  longestMs: number;
  tasks: number;
  /** Trace clock (µs) at which our last slice in the window ended. */
  lastEnd: number;
}

export function workBetween(work: ExtensionWork, from: number, to: number): WorkSummary {
  let total = 0;
  let longest = 0;
  let tasks = 0;
  let lastEnd = from;
  for (const s of work.slices) {
    if (s.start < from || s.start >= to) continue;
    total += s.dur;
    longest = Math.max(longest, s.dur);
    tasks++;
    lastEnd = Math.max(lastEnd, s.start + s.dur);
  }
  return { totalMs: total / 1000, longestMs: longest / 1000, tasks, lastEnd };
}
