// Follows the mouse pointer: passive listeners hand each position, and what lies under it, to
// the hover logic. Scrolling moves the page under a still pointer, so it samples again there too.
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
  // Both browsers already deliver pointermove and scroll once per frame at most, so each event
  // is handled as it comes: a frame callback of our own would only add its cost to every move.
  const options = { passive: true, signal, capture: true };
  win.addEventListener(
    'pointermove',
    (event) => {
      // Touch has no hover; a tap is a click, which the page owns.
      if (event.pointerType === 'touch') return;
      const target = event.target instanceof Node ? event.target : null;
      last = { point: { x: event.clientX, y: event.clientY }, target };
      onSample(last);
    },
    options,
  );
  win.addEventListener(
    'pointerout',
    (event) => {
      if (event.relatedTarget !== null || event.pointerType === 'touch') return;
      last = null;
      onSample(null);
    },
    options,
  );
  win.addEventListener(
    'scroll',
    () => {
      if (!last) return;
      // The page moved under a still pointer: ask what lies under it now.
      const { x, y } = last.point;
      last = { point: last.point, target: doc.elementFromPoint(x, y) };
      onSample(last);
    },
    options,
  );
}
