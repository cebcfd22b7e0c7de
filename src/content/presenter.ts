// Shows a mention's context: the hover tooltip and the keyboard/popup dialog. (Placeholder until
// the hover-and-keyboard work lands; it marks the mention and scrolls to it.)
import type { Annotator } from './annotator.js';

export interface Presenter {
  /** Scrolls to mention `index` of the frame's list, marks it current and opens its context. */
  showMention(index: number): boolean;
  /** Moves to the next (+1) or previous (-1) mention, as the keyboard commands do. */
  step(direction: 1 | -1): boolean;
  /** True for nodes of our own UI (never scanned, never counted as page changes). */
  owns(node: Node): boolean;
  setHoverDelay(ms: number): void;
  dispose(): void;
}

export function createPresenter(annotator: Annotator): Presenter {
  let current = -1;
  const show = (index: number) => {
    const mention = annotator.store.all()[index];
    if (!mention) return false;
    current = index;
    annotator.currentHighlights?.setCurrent(mention);
    mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return true;
  };
  return {
    showMention: show,
    step: (direction) => {
      const total = annotator.store.all().length;
      if (total === 0) return false;
      return show((current + direction + total) % total);
    },
    owns: () => false,
    setHoverDelay: () => undefined,
    dispose: () => annotator.currentHighlights?.setCurrent(null),
  };
}
