// Finds the mention under the pointer. Highlights get no events, so the element under the
// pointer is checked first (cheap: does it hold mention text at all?), then the caret position
// names the text node, and the point must lie in one of the mention's own line boxes. Line boxes
// are cached until the page scrolls, resizes or changes.
import { hitsAny, lineBoxes, type Point, type Rect } from '../../core/placement.js';
import type { Mention, MentionStore } from '../mentions.js';

type CaretDocument = Document & {
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export class MentionHitTester {
  private readonly boxes = new Map<Mention, Rect[]>();

  constructor(
    private readonly store: MentionStore,
    private readonly doc: Document,
    isOwnNode: (node: Node) => boolean,
    signal: AbortSignal,
  ) {
    const forget = () => this.boxes.clear();
    const win = doc.defaultView;
    const options = { passive: true, capture: true, signal };
    win?.addEventListener('scroll', forget, options);
    win?.addEventListener('resize', forget, options);
    const unsubscribe = store.subscribe(forget);
    const changes = new MutationObserver((records) => {
      if (records.some((r) => !isOwnNode(r.target))) forget();
    });
    changes.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true });
    // Layout also moves without DOM changes (images and fonts arriving).
    const sizes = new ResizeObserver(forget);
    if (doc.body) sizes.observe(doc.body);
    signal.addEventListener(
      'abort',
      () => {
        unsubscribe();
        changes.disconnect();
        sizes.disconnect();
        forget();
      },
      { once: true },
    );
  }

  /** The mention whose text lies under `point`, or null. `target` is the element there. */
  mentionAt(point: Point, target: Node | null): Mention | null {
    if (!target || !this.store.mayHoldMention(target)) return null;
    const caretNode = this.caretNodeAt(point);
    if (caretNode) {
      for (const mention of this.store.at(caretNode)) {
        if (hitsAny(this.boxesOf(mention), point)) return mention;
      }
    }
    // Near the end of a line the caret may land in the neighbouring node: try the element's text.
    for (let child = target.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 3 || child === caretNode) continue;
      for (const mention of this.store.at(child)) {
        if (hitsAny(this.boxesOf(mention), point)) return mention;
      }
    }
    return null;
  }

  private caretNodeAt(point: Point): Node | null {
    const doc = this.doc as CaretDocument;
    if (typeof doc.caretPositionFromPoint === 'function') {
      return doc.caretPositionFromPoint(point.x, point.y)?.offsetNode ?? null;
    }
    return doc.caretRangeFromPoint?.(point.x, point.y)?.startContainer ?? null;
  }

  private boxesOf(mention: Mention): Rect[] {
    let boxes = this.boxes.get(mention);
    if (!boxes) {
      boxes = lineBoxes(mention.range.getClientRects());
      this.boxes.set(mention, boxes);
    }
    return boxes;
  }
}
