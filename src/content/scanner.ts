// Scans the page for mentions: a cheap anchor test on every text node picks the blocks worth
// reading; each such block is read whole, matched and judged. Long scans yield to the page
// between short slices so no task of ours runs long.
import { judge, NO_EVIDENCE, tallyTopics, type Verdict } from '../core/disambiguate.js';
import { type Candidate, findCandidates } from '../core/match.js';
import type { CompiledRules } from '../core/rules.js';
import { type Block, blockOf, isReadable, pointAt, readBlock } from './blocks.js';
import type { Mention, MentionStore } from './mentions.js';
import { PageEvidenceBook } from './page-evidence.js';
import { yieldToPage } from './schedule.js';
import { leadingWord, WordCarry } from './split-words.js';

/** Longest stretch of work between two yields. */
const SLICE_MS = 8;
/** Elements whose text is never prose (by local name: SVG's script and style too). */
const skippedParents = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

export class PageScanner {
  readonly #evidence = new PageEvidenceBook();
  /** Blocks holding candidates whose verdict depends on what the rest of the page says. */
  readonly #waiting = new Set<Block>();
  /**
   * Blocks that hold a candidate the reader cannot see now (hidden by style or attribute, or a
   * frame not laid out yet): read again when the page may have revealed them.
   */
  readonly #concealed = new Set<Block>();
  #nextId = 1;

  readonly #rules: CompiledRules;
  readonly #store: MentionStore;
  readonly #signal: AbortSignal;

  constructor(rules: CompiledRules, store: MentionStore, signal: AbortSignal) {
    this.#rules = rules;
    this.#store = store;
    this.#signal = signal;
  }

  /** Scans every text node under `root`, in slices; resolves when done (and settled) or aborted. */
  scanTree(root: Node): Promise<void> {
    return this.scanTrees([root]);
  }

  /**
   * Scans the subtrees one after another as one job (what arrived on the page since the last
   * look), settling once at the end.
   */
  async scanTrees(roots: readonly Node[]): Promise<void> {
    const slice = { start: performance.now() };
    const seen = new Set<Block>();
    for (const [first, last] of siblingRuns(roots)) {
      if (this.#signal.aborted) return;
      if (!(await this.#walk(first, last, seen, slice))) return;
    }
    this.settle();
  }

  /**
   * Reads the text under `first` and its following siblings up to `last` (one walk for a run of
   * stories a page appended); false when aborted while yielding.
   */
  async #walk(
    first: Node,
    last: Node,
    seen: Set<Block>,
    slice: { start: number },
  ): Promise<boolean> {
    if (first === last && skippedParents.has((first as Element).localName)) return true;
    const doc = first.ownerDocument ?? (first as Document);
    const scope = first === last ? first : (first.parentNode ?? first);
    const anchors = this.#rules.anchors;
    let count = 0;
    /** Whether the slice is spent (the clock is read every 256 nodes). */
    const spent = () => (++count & 255) === 0 && performance.now() - slice.start > SLICE_MS;
    // Text first, on its own: the walker stops at text nodes only, the least a scan can visit.
    const text = doc.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    // Where a run of siblings ends: the first text after the last one's subtree.
    const textEnd = scope === first ? null : after(text, first, last);
    // A word split by markup is also tested across the nodes it spans.
    const carry = new WordCarry();
    const blocks = new Map<Node, Block | null>();
    for (
      let node = text.nextNode() as Text | null;
      node && node !== textEnd;
      node = text.nextNode() as Text | null
    ) {
      const data = node.data;
      const carried = carry.next(data);
      const mayHoldTerm =
        anchors.test(data) || (carried !== '' && anchors.test(carried + leadingWord(data)));
      // Script and style text is never prose. It is tested with the rest (the walker does not
      // stop at elements), and its parent looked at only when it holds an anchor word.
      const parent = mayHoldTerm ? node.parentNode : null;
      if (parent && !skippedParents.has((parent as Element).localName)) {
        // Mention-dense text has many such nodes under each parent: its block is looked up once.
        let block = blocks.get(parent);
        if (block === undefined) {
          block = blockOf(node);
          blocks.set(parent, block);
        }
        if (block && !seen.has(block)) {
          seen.add(block);
          this.scanBlock(block);
        }
      }
      if (spent() && !(await this.#pause(slice))) return false;
    }
    // Then the elements, for open shadow roots: a TreeWalker never enters shadow trees, but
    // their text is the page's too. Apart from the text, each walk checks one kind of node.
    // The walker starts after `first`, which may host one too.
    const elements = doc.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT);
    const elementsEnd = scope === first ? null : after(elements, first, last);
    for (
      let el = first.nodeType === 1 ? (first as Element) : (elements.nextNode() as Element | null);
      el && el !== elementsEnd;
      el = elements.nextNode() as Element | null
    ) {
      const shadow = el.shadowRoot;
      if (shadow && !(await this.#walk(shadow, shadow, seen, slice))) return false;
      if (spent() && !(await this.#pause(slice))) return false;
    }
    return true;
  }

  /** Yields to the page and starts a new slice; false when the scan was aborted meanwhile. */
  async #pause(slice: { start: number }): Promise<boolean> {
    await yieldToPage();
    slice.start = performance.now();
    return !this.#signal.aborted;
  }

  /**
   * Judges the waiting blocks again if what the page confirms has changed since the last call.
   * Called after a batch of blocks rather than after each one, so a page whose evidence flips
   * back and forth while it is read costs one pass, not one per flip.
   */
  settle(): void {
    while (this.#evidence.takeChange()) {
      for (const block of [...this.#waiting]) this.scanBlock(block);
    }
  }

  /** Forgets the blocks that left the page (their mentions and what they said about topics). */
  dropRemoved(): void {
    for (const block of [...this.#evidence.blocks(), ...this.#waiting, ...this.#concealed]) {
      if (!block.isConnected) this.scanBlock(block);
    }
  }

  get hasConcealed(): boolean {
    return this.#concealed.size > 0;
  }

  /** Reads the blocks with hidden candidates again, highlighting what has come into view. */
  recheckConcealed(): void {
    for (const block of [...this.#concealed]) this.scanBlock(block);
    this.settle();
  }

  /** Reads one block again and replaces its mentions. */
  scanBlock(block: Block): void {
    if (this.#signal.aborted) return;
    if (!isReadable(block)) {
      this.#store.setBlock(block, []);
      this.#waiting.delete(block);
      // A `hidden` (or aria-hidden) block may be shown later; a removed one is forgotten.
      if (block.isConnected) this.#concealed.add(block);
      else this.#concealed.delete(block);
      this.#evidence.record(block, new Map());
      return;
    }
    const read = readBlock(block);
    // Judged on the block alone first: what the block adds to the page's evidence must not
    // depend on that evidence.
    const alone = findCandidates(read.text, this.#rules).map((candidate) => ({
      candidate,
      verdict: judge(candidate, read.text, this.#rules, NO_EVIDENCE),
    }));
    const mentions: Mention[] = [];
    let hidden = false;
    for (const { candidate, verdict } of alone) {
      const onPage: Verdict =
        verdict === 'pending' && this.#evidence.has(candidate.topic) ? 'mention' : verdict;
      if (onPage !== 'mention') continue;
      const mention = this.#toMention(block, read, candidate);
      if (!mention) continue;
      // Hidden text (display: none, visibility: hidden) is not shown, so not highlighted yet.
      if (isShown(mention.range.startContainer as Text)) mentions.push(mention);
      else hidden = true;
    }
    this.#store.setBlock(block, mentions);
    if (hidden) this.#concealed.add(block);
    else this.#concealed.delete(block);
    if (alone.some((v) => v.verdict === 'pending')) this.#waiting.add(block);
    else this.#waiting.delete(block);
    this.#evidence.record(block, tallyTopics(alone));
  }

  #toMention(block: Block, read: ReturnType<typeof readBlock>, c: Candidate): Mention | null {
    const start = pointAt(read, c.start, false);
    const end = pointAt(read, c.end, true);
    if (!start || !end) return null;
    const range = new Range();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    return {
      id: this.#nextId++,
      topic: c.topic,
      kind: c.kind,
      range,
      text: read.text.slice(c.start, c.end),
      block,
      blockText: read.text,
      start: c.start,
      end: c.end,
    };
  }
}

/**
 * The roots as runs of siblings, `[first, last]`: a root directly follows the one before it when
 * only text or comments lie between them (appended stories, with the white space between them).
 * A walk over a run may read that text too, which at worst reads its block once more.
 */
export function* siblingRuns(roots: readonly Node[]): Generator<[Node, Node]> {
  let run: [Node, Node] | null = null;
  for (const root of roots) {
    if (run && follows(root, run[1])) {
      run[1] = root;
      continue;
    }
    if (run) yield run;
    run = [root, root];
  }
  if (run) yield run;
}

/** True when `node` is the next element after `before` among its siblings. */
function follows(node: Node, before: Node): boolean {
  for (let n = before.nextSibling; n; n = n.nextSibling) {
    if (n === node) return true;
    if (n.nodeType === 1) return false;
  }
  return false;
}

/**
 * The first node `walker` shows after the subtree of `last`, or null (none in its root); the
 * walker is left at `first`, where the walk starts.
 */
function after(walker: TreeWalker, first: Node, last: Node): Node | null {
  walker.currentNode = last;
  const end = walker.nextSibling();
  walker.currentNode = first;
  return end;
}

/**
 * Whether a text node is rendered. `checkVisibility()` is false for an element with no box of its
 * own, which `display: contents` wrappers never have, so the test starts from the nearest
 * ancestor that has one.
 */
function isShown(text: Text): boolean {
  let el = text.parentElement;
  if (!el?.checkVisibility || el.checkVisibility({ visibilityProperty: true })) return true;
  while (el && getComputedStyle(el).display === 'contents') el = el.parentElement;
  return !el || el.checkVisibility({ visibilityProperty: true });
}
