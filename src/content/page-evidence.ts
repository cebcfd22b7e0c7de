// Keeps the page-wide evidence for each topic: the tallies of every block that holds terms, so
// a block read again or removed updates them, and a note when what the page confirms changes.
import { type PageEvidence, pageConfirms, type Tally } from '../core/disambiguate.js';
import type { Block } from './blocks.js';

export class PageEvidenceBook implements PageEvidence {
  readonly #byBlock = new Map<Block, Map<string, Tally>>();
  readonly #totals = new Map<string, Tally>();
  #changed = false;

  has(topic: string): boolean {
    return pageConfirms(this.#totals.get(topic));
  }

  /** Replaces what one block says (an empty map forgets the block). */
  record(block: Block, tallies: Map<string, Tally>): void {
    const old = this.#byBlock.get(block);
    if (!old && tallies.size === 0) return;
    const topics = new Set([...(old?.keys() ?? []), ...tallies.keys()]);
    const before = [...topics].map((topic) => this.has(topic));
    for (const [topic, tally] of old ?? []) this.#add(topic, tally, -1);
    for (const [topic, tally] of tallies) this.#add(topic, tally, 1);
    if (tallies.size > 0) this.#byBlock.set(block, tallies);
    else this.#byBlock.delete(block);
    if ([...topics].some((topic, i) => this.has(topic) !== before[i])) this.#changed = true;
  }

  /** Every block on record (each holds at least one term). */
  blocks(): Block[] {
    return [...this.#byBlock.keys()];
  }

  /** True once after what the page confirms has changed. */
  takeChange(): boolean {
    const changed = this.#changed;
    this.#changed = false;
    return changed;
  }

  #add(topic: string, tally: Tally, sign: 1 | -1): void {
    const total = this.#totals.get(topic) ?? { phrases: 0, confirmed: 0, vetoed: 0 };
    total.phrases += sign * tally.phrases;
    total.confirmed += sign * tally.confirmed;
    total.vetoed += sign * tally.vetoed;
    this.#totals.set(topic, total);
  }
}
