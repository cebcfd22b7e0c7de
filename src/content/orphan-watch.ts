// Notices, without being asked, that the extension was reloaded, updated or removed under this
// page. Chromium leaves the old content script running in open tabs with no event to say so;
// only `runtime.id` turning undefined tells. Reading it is free, so while this frame shows
// something of ours and the page is visible, it is read once a second; a frame with nothing
// shown, or a hidden page, keeps no timer.
import type { MentionStore } from './mentions.js';

export const ORPHAN_CHECK_MS = 1000;

export function watchForOrphaning(
  store: MentionStore,
  isAlive: () => boolean,
  onOrphaned: () => void,
  signal: AbortSignal,
  doc: Document = document,
): void {
  let timer: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const check = () => {
    if (signal.aborted) return stop();
    if (!isAlive()) {
      stop();
      onOrphaned();
    }
  };
  const update = () => {
    const wanted = !signal.aborted && doc.visibilityState === 'visible' && !store.isEmpty();
    if (wanted && timer === null) timer = setInterval(check, ORPHAN_CHECK_MS);
    else if (!wanted) stop();
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'visible') check();
    update();
  };
  doc.addEventListener('visibilitychange', onVisibility, { signal });
  const unsubscribe = store.subscribe(update);
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      stop();
    },
    { once: true },
  );
  update();
}
