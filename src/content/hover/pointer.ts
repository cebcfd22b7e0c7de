// Samples the mouse pointer at most once per animation frame: a passive pointermove listener
// only stores the last position; the work happens in the frame callback. Scrolling moves the
// page under a still pointer, so it samples again there too.
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
  /** The last sample not yet handled; null (with `dirty`) when the pointer left the page. */
  let last: PointerSample | null = null;
  let dirty = false;
  /** Set by scrolling: what lies under the pointer is to be asked again in the frame. */
  let moved = false;
  let frame = 0;
  const flush = () => {
    frame = 0;
    if (!dirty || signal.aborted) return;
    dirty = false;
    if (moved && last)
      last = { point: last.point, target: doc.elementFromPoint(last.point.x, last.point.y) };
    moved = false;
    onSample(last);
  };
  const schedule = () => {
    dirty = true;
    if (frame === 0) frame = win.requestAnimationFrame(flush);
  };
  const options = { passive: true, signal, capture: true };
  win.addEventListener(
    'pointermove',
    (event) => {
      // Touch has no hover; a tap is a click, which the page owns.
      if (event.pointerType === 'touch') return;
      const target = event.target instanceof Node ? event.target : null;
      last = { point: { x: event.clientX, y: event.clientY }, target };
      moved = false;
      schedule();
    },
    options,
  );
  win.addEventListener(
    'pointerout',
    (event) => {
      if (event.relatedTarget !== null || event.pointerType === 'touch') return;
      last = null;
      schedule();
    },
    options,
  );
  win.addEventListener(
    'scroll',
    () => {
      if (!last) return;
      moved = true;
      schedule();
    },
    options,
  );
  signal.addEventListener('abort', () => win.cancelAnimationFrame(frame), { once: true });
}
