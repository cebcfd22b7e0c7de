// Yielding to the page between slices of work, and running work when the page is idle.

interface Scheduler {
  yield(): Promise<void>;
}

/** Lets the page run (input, rendering) before we continue; keeps our place in the queue. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Runs `work` when the page is idle (or after `timeout` ms at the latest). */
export function whenIdle(work: () => void, timeout = 300): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}
