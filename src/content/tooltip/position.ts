// Keeps the host next to its mention with Floating UI: below the line under the pointer (or
// above when there is more room), shifted to stay on screen, never over the mention, and
// scrollable when the room left is small. Follows scrolling, resizing and layout changes.
import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import type { Point } from '../../core/placement.js';

/** Distance from the mention, and the least distance from the viewport's edges. */
const GAP = 8;
const EDGE = 8;
/** Below this height a scrolling card is hard to use; it may then overlap the page edge instead. */
const MIN_HEIGHT = 96;
/** The card's own limits; text stays in lines short enough to read. */
const MAX_WIDTH = '27em';
const MAX_HEIGHT = '32em';

export function followRange(
  range: Range,
  host: HTMLElement,
  card: HTMLElement,
  pointer: Point | null,
): () => void {
  const reference: VirtualElement = {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
  };
  const context = range.startContainer.parentElement;
  if (context) reference.contextElement = context;
  let stopped = false;
  const update = async () => {
    const { x, y, middlewareData } = await computePosition(reference, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP),
        inline(pointer ? { x: pointer.x, y: pointer.y } : {}),
        flip({ padding: EDGE, fallbackStrategy: 'bestFit' }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply({ availableWidth, availableHeight }) {
            const width = Math.max(0, Math.floor(availableWidth));
            const height = Math.max(MIN_HEIGHT, Math.floor(availableHeight));
            card.style.setProperty('max-width', `min(${MAX_WIDTH}, ${width}px)`);
            card.style.setProperty('max-height', `min(${MAX_HEIGHT}, ${height}px)`);
          },
        }),
        hide({ strategy: 'referenceHidden' }),
      ],
    });
    if (stopped) return;
    host.style.setProperty('left', `${Math.round(x)}px`, 'important');
    host.style.setProperty('top', `${Math.round(y)}px`, 'important');
    const hidden = middlewareData.hide?.referenceHidden === true;
    host.style.setProperty('visibility', hidden ? 'hidden' : 'visible', 'important');
  };
  // Positioning can fail only when the document is going away under an open card (Firefox's
  // getComputedStyle returns null for a window being torn down, and Floating UI reads it): there
  // is nothing left to place then, so the card stays where it is and stops following.
  const stop = autoUpdate(reference, host, () => {
    update().catch(() => {
      stopped = true;
      stop();
    });
  });
  return () => {
    stopped = true;
    stop();
  };
}
