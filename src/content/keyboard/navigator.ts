// Moves through the frame's mentions in document order, as the keyboard commands and the popup
// ask: scrolls to a mention, marks it as the current one and hands it to be presented.
import type { Annotator } from '../annotator.js';
import type { Mention } from '../mentions.js';
import { scrollToRange } from './scroll.js';

export type PresentMention = (mention: Mention, index: number, total: number) => boolean;

export class MentionNavigator {
  #current: Mention | null = null;
  #index = -1;

  readonly #annotator: Annotator;
  readonly #present: PresentMention;

  constructor(annotator: Annotator, present: PresentMention) {
    this.#annotator = annotator;
    this.#present = present;
  }

  get currentMention(): Mention | null {
    return this.#current;
  }

  show(index: number): boolean {
    const all = this.#annotator.store.all();
    const mention = all[index];
    if (!mention) return false;
    this.#current = mention;
    this.#index = index;
    scrollToRange(mention.range);
    this.#annotator.currentHighlights?.setCurrent(mention);
    return this.#present(mention, index, all.length);
  }

  /** Next (+1) or previous (-1), wrapping around; from nothing, the first or the last. */
  step(direction: 1 | -1): boolean {
    const all = this.#annotator.store.all();
    const total = all.length;
    if (total === 0) return false;
    if (this.#index < 0) return this.show(direction === 1 ? 0 : total - 1);
    const found = this.#current ? all.indexOf(this.#current) : -1;
    if (found >= 0) return this.show((found + direction + total) % total);
    // The current mention is gone: the one that took its place is next, the one before previous.
    const next = direction === 1 ? this.#index : this.#index - 1;
    return this.show(((next % total) + total) % total);
  }

  /** The current mention was rescanned into `replacement` (or vanished, with null). */
  replaceCurrent(replacement: Mention | null): void {
    this.#current = replacement;
    this.#annotator.currentHighlights?.setCurrent(replacement);
  }

  clear(): void {
    this.#current = null;
    this.#index = -1;
    this.#annotator.currentHighlights?.setCurrent(null);
  }
}
