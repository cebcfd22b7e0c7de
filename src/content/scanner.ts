// Scans the page for mentions: a cheap anchor test on every text node picks the blocks worth
// reading; each such block is read whole, matched and judged. Long scans yield to the page
// between short slices so no task of ours runs long.
import { gatherEvidence, judge, type PageEvidence, type Verdict } from '../core/disambiguate.js';
import { type Candidate, findCandidates } from '../core/match.js';
import type { CompiledRules } from '../core/rules.js';
import { type Block, blockOf, isReadable, pointAt, readBlock } from './blocks.js';
import type { Mention, MentionStore } from './mentions.js';
import { yieldToPage } from './schedule.js';

/** Longest stretch of work between two yields. */
const SLICE_MS = 8;
const skippedParents = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

export class PageScanner {
  private readonly evidence: PageEvidence = new Set();
  /** Blocks holding candidates that wait for the page to confirm their topic. */
  private readonly waiting = new Set<Block>();
  private nextId = 1;

  constructor(
    private readonly rules: CompiledRules,
    private readonly store: MentionStore,
    private readonly signal: AbortSignal,
  ) {}

  /** Scans every text node under `root`, in slices; resolves when done or aborted. */
  async scanTree(root: Node): Promise<void> {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const anchors = this.rules.anchors;
    const seen = new Set<Block>();
    let sliceStart = performance.now();
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (anchors.test((node as Text).data)) {
        const parent = node.parentElement;
        if (!parent || !skippedParents.has(parent.tagName)) {
          const block = blockOf(node);
          if (block && !seen.has(block)) {
            seen.add(block);
            this.scanBlock(block);
          }
        }
      }
      if ((++count & 255) === 0 && performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (this.signal.aborted) return;
        sliceStart = performance.now();
      }
    }
  }

  /** Reads one block again and replaces its mentions. */
  scanBlock(block: Block): void {
    if (this.signal.aborted) return;
    if (!isReadable(block)) {
      this.store.setBlock(block, []);
      this.waiting.delete(block);
      return;
    }
    const read = readBlock(block);
    const verdicts = findCandidates(read.text, this.rules).map((candidate) => ({
      candidate,
      verdict: judge(candidate, read.text, this.rules, this.evidence) as Verdict,
    }));
    const mentions: Mention[] = [];
    for (const { candidate, verdict } of verdicts) {
      if (verdict !== 'mention') continue;
      const mention = this.toMention(block, read, candidate);
      if (mention) mentions.push(mention);
    }
    this.store.setBlock(block, mentions);
    if (verdicts.some((v) => v.verdict === 'pending')) this.waiting.add(block);
    else this.waiting.delete(block);
    if (gatherEvidence(verdicts, this.evidence)) {
      // A topic was just named on the page: the candidates that waited for it now count.
      for (const waiting of [...this.waiting]) if (waiting !== block) this.scanBlock(waiting);
    }
  }

  private toMention(
    block: Block,
    read: ReturnType<typeof readBlock>,
    c: Candidate,
  ): Mention | null {
    const start = pointAt(read, c.start, false);
    const end = pointAt(read, c.end, true);
    if (!start || !end) return null;
    const range = new Range();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    const parent = start[0].parentElement;
    // Hidden text (display: none, visibility: hidden) is not shown, so not highlighted.
    if (parent?.checkVisibility && !parent.checkVisibility({ visibilityProperty: true }))
      return null;
    return {
      id: this.nextId++,
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
