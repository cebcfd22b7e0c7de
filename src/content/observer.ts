// Keeps mentions current on a changing page: a MutationObserver notes which blocks changed and
// which subtrees arrived; they are rescanned together when the page is idle, within a CPU budget
// per second so a page that never stops changing (a ticker) costs a bounded share of time.
import { type Block, blockOf, isBlock } from './blocks.js';
import type { PageScanner } from './scanner.js';
import { whenIdle } from './schedule.js';

/** At most this many milliseconds of rescanning per second of page time. */
const BUDGET_MS_PER_SECOND = 60;
/**
 * After a rescan, changes are gathered for at least this long before the next: a page that
 * appends stories in quick bursts is read in a few batches, not one walk (and settle) per burst.
 * Each batch has a fixed cost (timers, walkers, settling, counts); at 100 ms, appending 100
 * bursts 20 ms apart cost 46 ms, at 250 ms 35 ms. New text is highlighted at most this much later.
 */
const GATHER_MS = 250;

/** Attributes by which pages show what they hid (accordions, tabs, "read more", `<details>`). */
const revealingAttributes = ['class', 'style', 'hidden', 'open', 'aria-hidden', 'contenteditable'];
/**
 * A frame can be read before its parent has laid it out, when nothing in it counts as shown:
 * hidden candidates are looked at again after these delays (and on every revealing change).
 */
const LAYOUT_RECHECK_MS = [250, 500, 1000, 2000, 4000, 8000];
/** Batches of mutation records kept at most before they are read (see #queue). */
const MAX_QUEUED = 256;

const blank = (node: Node) => node.nodeType === 3 && !/\S/.test((node as Text).data);

/**
 * True when `node`, added to or removed from a block, leaves the block's own text as it was: a
 * whole block, blank text or a comment.
 */
function wholeNode(node: Node): boolean {
  return node.nodeType === 1 ? isBlock(node as Element) : blank(node) || node.nodeType === 8;
}

/** True when, on both sides of a whole-block change, no inline text could have been split or joined. */
function clearSides(record: MutationRecord): boolean {
  return (
    clearSide(record.previousSibling, 'previousSibling') ||
    clearSide(record.nextSibling, 'nextSibling')
  );
}

/** True when, going `way` from `node`, a block or the block's edge comes before inline text. */
function clearSide(node: Node | null, way: 'previousSibling' | 'nextSibling'): boolean {
  for (let n = node; n; n = n[way]) {
    if (n.nodeType === 1) return isBlock(n as Element);
    if (n.nodeType === 3 && !blank(n)) return false;
  }
  return true;
}

export class PageObserver {
  readonly #dirtyBlocks = new Set<Block>();
  readonly #addedRoots = new Set<Node>();
  /** Batches of records not read yet: the next flush reads them all in one go. */
  #queued: MutationRecord[][] = [];
  #removals = false;
  /** An attribute that can show hidden text changed since the last flush. */
  #revealing = false;
  #layoutTimer: ReturnType<typeof setTimeout> | null = null;
  #resizes: ResizeObserver | null = null;
  #doc: Document | null = null;
  #cancelIdle: (() => void) | null = null;
  /** No rescan starts before this time: each one is followed by a rest in proportion to it. */
  #notBefore = 0;
  readonly #observer: MutationObserver;

  readonly #scanner: PageScanner;
  readonly #isOwnNode: (node: Node) => boolean;

  constructor(scanner: PageScanner, isOwnNode: (node: Node) => boolean, signal: AbortSignal) {
    this.#scanner = scanner;
    this.#isOwnNode = isOwnNode;
    this.#observer = new MutationObserver((records) => this.#queue(records));
    signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  observe(root: Node): void {
    this.#doc = root.ownerDocument ?? (root as Document);
    this.#observer.observe(root, {
      childList: true,
      characterData: true,
      subtree: true,
      attributeFilter: revealingAttributes,
    });
  }

  /**
   * Looks at hidden candidates again when the document's box changes (it gets one when the frame
   * is first laid out) and a few times after, in case they were hidden only by no layout.
   */
  recheckAfterLayout(step = 0): void {
    if (!this.#scanner.hasConcealed) return;
    const root = this.#doc?.documentElement;
    if (step === 0 && root && typeof ResizeObserver === 'function') {
      this.#resizes ??= new ResizeObserver(() => {
        if (!this.#scanner.hasConcealed) return this.#resizes?.disconnect();
        this.#revealing = true;
        this.#schedule();
      });
      this.#resizes.observe(root);
    }
    const delay = LAYOUT_RECHECK_MS[step];
    if (delay === undefined || this.#layoutTimer !== null) return;
    this.#layoutTimer = setTimeout(() => {
      this.#layoutTimer = null;
      this.#revealing = true;
      this.#schedule();
      this.recheckAfterLayout(step + 1);
    }, delay);
  }

  /**
   * Keeps the records for the next flush, and schedules one if any may matter. A page that
   * appends stories in bursts calls this once per burst; each call only looks at what changed
   * where, and the nodes are read once the bursts have been gathered.
   */
  #queue(records: MutationRecord[]): void {
    for (const record of records) {
      const matters = record.type !== 'attributes' || this.#scanner.hasConcealed;
      if (matters && !this.#isOwnNode(record.target)) {
        this.#queued.push(records);
        // A page that never stops changing, while rescans rest: the sets below hold what the
        // records say in less room than the records.
        if (this.#queued.length >= MAX_QUEUED) this.#readQueued();
        this.#schedule();
        return;
      }
    }
  }

  #readQueued(): void {
    const queued = this.#queued;
    this.#queued = [];
    for (const records of queued) this.#note(records);
  }

  #note(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (this.#isOwnNode(target)) continue;
      if (record.type === 'attributes') {
        // Only worth a look when something is hidden; the check is one flag either way.
        this.#revealing ||= this.#scanner.hasConcealed;
        continue;
      }
      if (record.type === 'characterData') {
        const block = blockOf(target);
        if (block) this.#dirtyBlocks.add(block);
        continue;
      }
      const targetIsBlock = target.nodeType === 1 && isBlock(target as Element);
      // Whole blocks arriving in (or leaving) a block leave its own text as it was: they are
      // scanned as added roots (or dropped as removals), and the container is not read again.
      // One pass over the nodes: a page appending stories sends a record per burst.
      let whole = targetIsBlock;
      const added = record.addedNodes;
      for (let i = 0, n = added.length; i < n; i++) {
        const node = added[i] as Node;
        if (whole) whole = wholeNode(node);
        if (node.nodeType === 1 && !this.#isOwnNode(node)) this.#addedRoots.add(node);
      }
      const removed = record.removedNodes;
      if (removed.length > 0) {
        this.#removals = true;
        for (let i = 0; whole && i < removed.length; i++) whole = wholeNode(removed[i] as Node);
      }
      if (!(whole && clearSides(record))) {
        const block = targetIsBlock ? (target as Element) : blockOf(target);
        if (block) this.#dirtyBlocks.add(block);
      }
    }
  }

  #schedule(): void {
    if (this.#cancelIdle) return;
    const wait = this.#notBefore - performance.now();
    const run = () => {
      this.#cancelIdle = null;
      this.#flush();
    };
    if (wait > 0) {
      const handle = setTimeout(() => {
        this.#cancelIdle = whenIdle(run);
      }, wait);
      this.#cancelIdle = () => clearTimeout(handle);
    } else {
      this.#cancelIdle = whenIdle(run);
    }
  }

  #flush(): void {
    const started = performance.now();
    this.#readQueued();
    if (this.#removals) {
      this.#removals = false;
      // Through the scanner, so removed blocks also stop counting as evidence for their topics.
      this.#scanner.dropRemoved();
    }
    const roots = [...this.#addedRoots].filter((n) => n.isConnected);
    this.#addedRoots.clear();
    const blocks = [...this.#dirtyBlocks];
    this.#dirtyBlocks.clear();
    for (const block of blocks) this.#scanner.scanBlock(block);
    this.#scanner.settle();
    if (this.#revealing) {
      this.#revealing = false;
      this.#scanner.recheckConcealed();
    }
    if (roots.length > 0) void this.#scanner.scanTrees(roots);
    // Limiting how often rescans start is not enough: one rescan of a big changing block can
    // take hundreds of ms (Firefox). Resting in proportion to the time spent keeps our share of
    // the page's time at BUDGET_MS_PER_SECOND / 1000 however long each rescan is.
    const finished = performance.now();
    const rest = (finished - started) * (1000 / BUDGET_MS_PER_SECOND - 1);
    this.#notBefore = finished + Math.max(rest, GATHER_MS);
  }

  dispose(): void {
    this.#observer.disconnect();
    this.#resizes?.disconnect();
    if (this.#layoutTimer !== null) clearTimeout(this.#layoutTimer);
    this.#layoutTimer = null;
    this.#cancelIdle?.();
    this.#cancelIdle = null;
    this.#queued = [];
  }
}
