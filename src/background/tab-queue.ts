// Runs the background's work on one tab in order, so two frames reporting at once cannot
// overwrite each other's counts (each step reads storage after the previous one wrote it).
// Only pending work lives here; if the worker stops, nothing is lost but the queue.

const queues = new Map<number, Promise<void>>();

export function inTabQueue(tabId: number, work: () => Promise<void>): Promise<void> {
  const previous = queues.get(tabId) ?? Promise.resolve();
  const next = previous.then(work).catch(() => undefined);
  queues.set(tabId, next);
  void next.then(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next;
}
