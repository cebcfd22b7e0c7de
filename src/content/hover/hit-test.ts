// Finds the mention under the pointer. Highlights get no events, so the element under the
// pointer is checked first (cheap: does it hold mention text at all?), then the line boxes of the
// mentions in its own text; the caret position is asked only for elements with a great many text
// nodes. Line boxes are cached until the page scrolls, resizes or changes; nothing watches the
// page while the cache is empty, so a page nobody hovers costs nothing here.
import { hitsAny, lineBoxes, type Point, type Rect } from '../../core/placement.js';
import type { Mention, MentionStore } from '../mentions.js';

type CaretDocument = Document & {
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** Above this many child nodes, the caret names the text node rather than trying each one. */
const CHILDREN_TRIED = 64;

interface OwnText {
  /** The mentions in the element's text children. */
  mentions: readonly Mention[];
  /** More children than are worth trying one by one: the caret is asked first. */
  many: boolean;
}

export class MentionHitTester {
  readonly #boxes = new Map<Mention, Rect[]>();
  /** What each hovered element's own text holds, kept as the boxes are. */
  readonly #own = new Map<Node, OwnText>();
  /** The last mention found, tried first: a pointer on a word moves over it for a while. */
  #last: Mention | null = null;
  #changes: MutationObserver | null = null;
  #sizes: ResizeObserver | null = null;

  readonly #store: MentionStore;
  readonly #doc: Document;
  readonly #isOwnNode: (node: Node) => boolean;

  constructor(
    store: MentionStore,
    doc: Document,
    isOwnNode: (node: Node) => boolean,
    signal: AbortSignal,
  ) {
    this.#store = store;
    this.#doc = doc;
    this.#isOwnNode = isOwnNode;
    const forget = () => this.#forget();
    const win = doc.defaultView;
    const options = { passive: true, capture: true, signal };
    win?.addEventListener('scroll', forget, options);
    win?.addEventListener('resize', forget, options);
    const unsubscribe = store.subscribe(forget);
    signal.addEventListener(
      'abort',
      () => {
        unsubscribe();
        forget();
      },
      { once: true },
    );
  }

  /** The mention whose text lies under `point`, or null. `target` is the element there. */
  mentionAt(point: Point, target: Node | null): Mention | null {
    if (!target || !this.#store.mayHoldMention(target)) return null;
    const last = this.#last;
    // The boxes first: plain arithmetic, where `under` asks the DOM three times.
    const lastBoxes = last && this.#boxes.get(last);
    if (last && lastBoxes && hitsAny(lastBoxes, point) && under(last, target)) return last;
    const own = this.#ownText(target);
    if (own.many) {
      const caretNode = this.#caretNodeAt(point);
      const found = caretNode && this.#hitIn(caretNode, point);
      if (found) return found;
    }
    // The text under the pointer is the target's own: one of its text children.
    return this.#hitAmong(own.mentions, point);
  }

  #hitIn(node: Node, point: Point): Mention | null {
    return this.#hitAmong(this.#store.at(node), point);
  }

  #hitAmong(mentions: readonly Mention[], point: Point): Mention | null {
    for (const mention of mentions) {
      if (hitsAny(this.#boxesOf(mention), point)) {
        this.#last = mention;
        return mention;
      }
    }
    return null;
  }

  /** The mentions of the element's text children: a pointer moves over one element for a while. */
  #ownText(element: Node): OwnText {
    let own = this.#own.get(element);
    if (!own) {
      const mentions: Mention[] = [];
      let children = 0;
      for (let child = element.firstChild; child; child = child.nextSibling) {
        children += 1;
        if (child.nodeType === 3) mentions.push(...this.#store.at(child));
      }
      if (this.#cacheEmpty()) this.#watch();
      own = { mentions, many: children > CHILDREN_TRIED };
      this.#own.set(element, own);
    }
    return own;
  }

  #cacheEmpty(): boolean {
    return this.#boxes.size === 0 && this.#own.size === 0;
  }

  #caretNodeAt(point: Point): Node | null {
    const doc = this.#doc as CaretDocument;
    if (typeof doc.caretPositionFromPoint === 'function') {
      return doc.caretPositionFromPoint(point.x, point.y)?.offsetNode ?? null;
    }
    return doc.caretRangeFromPoint?.(point.x, point.y)?.startContainer ?? null;
  }

  #boxesOf(mention: Mention): Rect[] {
    let boxes = this.#boxes.get(mention);
    if (!boxes) {
      if (this.#cacheEmpty()) this.#watch();
      boxes = lineBoxes(mention.range.getClientRects());
      this.#boxes.set(mention, boxes);
    }
    return boxes;
  }

  /** Cached boxes and lists hold only until the page changes: watch it while there are any. */
  #watch(): void {
    this.#changes ??= new MutationObserver((records) => {
      if (records.some((r) => !this.#isOwnNode(r.target))) this.#forget();
    });
    this.#changes.observe(this.#doc, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    // Layout also moves without DOM changes (images and fonts arriving). The observer reports
    // the body's size once when watching begins; only a different size means a change.
    this.#sizes ??= new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      const size = box ? `${box.width}x${box.height}` : '';
      if (this.#bodySize !== null && size !== this.#bodySize) this.#forget();
      else this.#bodySize = size;
    });
    this.#bodySize = null;
    if (this.#doc.body) this.#sizes.observe(this.#doc.body);
  }

  /** The body's size when watching began (null until the observer has said). */
  #bodySize: string | null = null;

  #forget(): void {
    if (this.#cacheEmpty()) return;
    this.#boxes.clear();
    this.#own.clear();
    this.#last = null;
    this.#changes?.disconnect();
    this.#sizes?.disconnect();
  }
}

/** True when `target` holds (part of) the mention's text, not something laid over it. */
function under(mention: Mention, target: Node): boolean {
  const common = mention.range.commonAncestorContainer;
  return common.parentNode === target || common.contains(target);
}
