// Follows the mouse pointer: passive listeners note each position, and what lies under it, and
// hand the newest to the hover logic once per frame. Scrolling moves the page under a still
// pointer, so it samples again there too.
import type { Point } from '../../core/placement.js';

export interface PointerSample {
  point: Point;
  /** What the pointer is over (the page sees our host for anything inside our UI). */
  target: Node | null;
}

export function trackPointer(
  win: Window,
  onSample: (sample: PointerSample | null) => void,
  signal: AbortSignal,
): void {
  const doc = win.document;
  /** The last sample handled; null when the pointer left the page. */
  let last: PointerSample | null = null;
  /** The newest sample not handled yet, while a frame callback waits for it. */
  let pending: PointerSample | null = null;
  let frame = 0;
  // Browsers do not always deliver one pointermove per frame (synthetic input, pen tablets and
  // high-rate mice can send several): moves only note the newest sample, and one frame callback
  // handles it, so the hit test runs at most once per frame however fast the input comes.
  const handle = () => {
    frame = 0;
    const sample = pending;
    pending = null;
    if (!sample || signal.aborted) return;
    last = sample;
    onSample(sample);
  };
  const options = { passive: true, signal, capture: true };
  win.addEventListener(
    'pointermove',
    (event) => {
      // Touch has no hover; a tap is a click, which the page owns.
      if (event.pointerType === 'touch') return;
      const target = event.target instanceof Node ? event.target : null;
      pending = { point: { x: event.clientX, y: event.clientY }, target };
      if (frame === 0) frame = win.requestAnimationFrame(handle);
    },
    options,
  );
  signal.addEventListener('abort', () => win.cancelAnimationFrame(frame), { once: true });
  win.addEventListener(
    'pointerout',
    (event) => {
      if (event.relatedTarget !== null || event.pointerType === 'touch') return;
      last = null;
      pending = null;
      onSample(null);
    },
    options,
  );
  win.addEventListener(
    'scroll',
    () => {
      const still = pending ?? last;
      if (!still) return;
      // The page moved under a still pointer: ask what lies under it now (in the next frame).
      const { x, y } = still.point;
      pending = { point: still.point, target: doc.elementFromPoint(x, y) };
      if (frame === 0) frame = win.requestAnimationFrame(handle);
    },
    options,
  );
}
