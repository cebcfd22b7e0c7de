// The frame's mentions: kept per block as scanning finds them, listed in document order on
// demand, and looked up by text node for hit-testing.
import type { TermKind } from '../core/rules.js';
import type { Block } from './blocks.js';

export interface Mention {
  readonly id: number;
  readonly topic: string;
  readonly kind: TermKind;
  /** Live range over the page's text; the page's DOM is never changed to mark it. */
  readonly range: Range;
  /** The words as they stand on the page. */
  readonly text: string;
  readonly block: Block;
  /** The block's text and the mention's offsets in it (for snippets). */
  readonly blockText: string;
  readonly start: number;
  readonly end: number;
}

export type MentionListener = (added: readonly Mention[], removed: readonly Mention[]) => void;

export class MentionStore {
  readonly #byBlock = new Map<Block, Mention[]>();
  readonly #byNode = new WeakMap<Node, Mention[]>();
  /** Parents of mention text; may keep a stale entry, which only costs a slower hit-test. */
  readonly #hosts = new WeakSet<Node>();
  #ordered: Mention[] | null = [];
  readonly #listeners = new Set<MentionListener>();

  /** Replaces the mentions of one block (an empty list forgets the block). */
  setBlock(block: Block, mentions: Mention[]): void {
    const old = this.#byBlock.get(block) ?? [];
    if (old.length === 0 && mentions.length === 0) return;
    for (const m of old) this.#unindex(m);
    if (mentions.length > 0) this.#byBlock.set(block, mentions);
    else this.#byBlock.delete(block);
    for (const m of mentions) this.#index(m);
    this.#ordered = null;
    for (const listener of this.#listeners) listener(mentions, old);
  }

  /** True while no block holds a mention (cheap: does not sort). */
  isEmpty(): boolean {
    return this.#byBlock.size === 0;
  }

  blocks(): IterableIterator<Block> {
    return this.#byBlock.keys();
  }

  /** Every mention, in document order. */
  all(): readonly Mention[] {
    if (!this.#ordered) {
      this.#ordered = [...this.#byBlock.values()]
        .flat()
        .sort((a, b) => compareRanges(a.range, b.range));
    }
    return this.#ordered;
  }

  /** The mentions whose text touches `node`. */
  at(node: Node): readonly Mention[] {
    return this.#byNode.get(node) ?? [];
  }

  /** True when the element's own text may hold part of a mention (a cheap pointer pre-check). */
  mayHoldMention(element: Node): boolean {
    return this.#hosts.has(element);
  }

  subscribe(listener: MentionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    for (const block of [...this.#byBlock.keys()]) this.setBlock(block, []);
  }

  #index(m: Mention): void {
    for (const node of nodesOf(m.range)) {
      const list = this.#byNode.get(node);
      if (list) list.push(m);
      else this.#byNode.set(node, [m]);
      if (node.parentNode) this.#hosts.add(node.parentNode);
    }
  }

  #unindex(m: Mention): void {
    for (const node of nodesOf(m.range)) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      const rest = list.filter((x) => x !== m);
      if (rest.length > 0) this.#byNode.set(node, rest);
      else this.#byNode.delete(node);
    }
  }
}

/** The text nodes a range covers (start and end nodes, and every text node between). */
function nodesOf(range: Range): Node[] {
  if (range.startContainer === range.endContainer) return [range.startContainer];
  const nodes: Node[] = [];
  const root = range.commonAncestorContainer;
  const walker = root.ownerDocument?.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  if (!walker) return [range.startContainer];
  walker.currentNode = range.startContainer;
  for (let n: Node | null = range.startContainer; n; n = walker.nextNode()) {
    nodes.push(n);
    if (n === range.endContainer) break;
  }
  return nodes;
}

function compareRanges(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b);
  } catch {
    // Ranges in different roots (shadow trees) cannot be compared; keep them stable.
    return 0;
  }
}
