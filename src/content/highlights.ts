// Draws mentions with the CSS Custom Highlight API: one Highlight per topic, registered as
// `context-lens-<topic>`, plus `context-lens-current` for the mention reached by keyboard or popup.
// The page's DOM is never touched.
import type { Mention, MentionStore } from './mentions.js';

export const highlightName = (topic: string) => `context-lens-${topic}`;
export const CURRENT_HIGHLIGHT = 'context-lens-current';

/** How often a page may drop our highlights before we stop putting them back. */
const MAX_REREGISTRATIONS = 20;

export class TopicHighlights {
  private readonly byTopic = new Map<string, Highlight>();
  private readonly current = new Highlight();
  private reregistrations = 0;
  private readonly unsubscribe: () => void;

  constructor(store: MentionStore) {
    this.current.priority = 1;
    this.unsubscribe = store.subscribe((added, removed) => {
      for (const m of removed) this.byTopic.get(m.topic)?.delete(m.range);
      for (const m of added) this.highlightOf(m.topic).add(m.range);
      this.ensureRegistered();
    });
  }

  setCurrent(mention: Mention | null): void {
    this.current.clear();
    if (mention) this.current.add(mention.range);
    this.ensureRegistered();
  }

  /**
   * Puts our highlights back if the page removed them (e.g. `CSS.highlights.clear()`), a
   * bounded number of times so a page that fights us cannot make us loop.
   */
  ensureRegistered(): void {
    let missing = false;
    for (const [topic, highlight] of this.byTopic) {
      if (highlight.size > 0 && CSS.highlights.get(highlightName(topic)) !== highlight) {
        missing = true;
      }
    }
    const currentMissing =
      this.current.size > 0 && CSS.highlights.get(CURRENT_HIGHLIGHT) !== this.current;
    if (!missing && !currentMissing) return;
    if (this.reregistrations >= MAX_REREGISTRATIONS) return;
    this.reregistrations++;
    for (const [topic, highlight] of this.byTopic) {
      if (highlight.size > 0) CSS.highlights.set(highlightName(topic), highlight);
    }
    if (this.current.size > 0) CSS.highlights.set(CURRENT_HIGHLIGHT, this.current);
  }

  /** Removes every highlight this frame registered. */
  dispose(): void {
    this.unsubscribe();
    for (const [topic, highlight] of this.byTopic) {
      if (CSS.highlights.get(highlightName(topic)) === highlight) {
        CSS.highlights.delete(highlightName(topic));
      }
    }
    if (CSS.highlights.get(CURRENT_HIGHLIGHT) === this.current) {
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
    }
    this.byTopic.clear();
  }

  private highlightOf(topic: string): Highlight {
    let highlight = this.byTopic.get(topic);
    if (!highlight) {
      highlight = new Highlight();
      this.byTopic.set(topic, highlight);
    }
    return highlight;
  }
}
