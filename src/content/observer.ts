// Keeps mentions current on a changing page: a MutationObserver notes which blocks changed and
// which subtrees arrived; they are rescanned together when the page is idle, within a CPU budget
// per second so a page that never stops changing (a ticker) costs a bounded share of time.
import { type Block, blockOf, isBlock } from './blocks.js';
import type { MentionStore } from './mentions.js';
import type { PageScanner } from './scanner.js';
import { whenIdle } from './schedule.js';

/** At most this many milliseconds of rescanning per second of page time. */
const BUDGET_MS_PER_SECOND = 60;

export class PageObserver {
  private readonly dirtyBlocks = new Set<Block>();
  private readonly addedRoots = new Set<Node>();
  private removals = false;
  private cancelIdle: (() => void) | null = null;
  private windowStart = 0;
  private spentInWindow = 0;
  private readonly observer: MutationObserver;

  constructor(
    private readonly scanner: PageScanner,
    private readonly store: MentionStore,
    private readonly isOwnNode: (node: Node) => boolean,
    signal: AbortSignal,
  ) {
    this.observer = new MutationObserver((records) => this.note(records));
    signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  observe(root: Node): void {
    this.observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  private note(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (this.isOwnNode(target)) continue;
      if (record.type === 'characterData') {
        const block = blockOf(target);
        if (block) this.dirtyBlocks.add(block);
        continue;
      }
      const block = target instanceof Element && isBlock(target) ? target : blockOf(target);
      if (block) this.dirtyBlocks.add(block);
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && !this.isOwnNode(node)) this.addedRoots.add(node);
      }
      if (record.removedNodes.length > 0) this.removals = true;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.cancelIdle) return;
    const now = performance.now();
    if (now - this.windowStart > 1000) {
      this.windowStart = now;
      this.spentInWindow = 0;
    }
    const wait = this.spentInWindow >= BUDGET_MS_PER_SECOND ? this.windowStart + 1000 - now : 0;
    const run = () => {
      this.cancelIdle = null;
      this.flush();
    };
    if (wait > 0) {
      const handle = setTimeout(() => {
        this.cancelIdle = whenIdle(run);
      }, wait);
      this.cancelIdle = () => clearTimeout(handle);
    } else {
      this.cancelIdle = whenIdle(run);
    }
  }

  private flush(): void {
    const started = performance.now();
    if (this.removals) {
      this.removals = false;
      for (const block of [...this.store.blocks()]) {
        if (!block.isConnected) this.store.setBlock(block, []);
      }
    }
    const roots = [...this.addedRoots].filter((n) => n.isConnected);
    this.addedRoots.clear();
    const blocks = [...this.dirtyBlocks];
    this.dirtyBlocks.clear();
    for (const block of blocks) this.scanner.scanBlock(block);
    for (const root of roots) void this.scanner.scanTree(root);
    this.spentInWindow += performance.now() - started;
  }

  dispose(): void {
    this.observer.disconnect();
    this.cancelIdle?.();
    this.cancelIdle = null;
  }
}
