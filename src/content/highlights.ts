// Draws mentions with the CSS Custom Highlight API: one Highlight per topic, registered as
// `context-lens-<topic>`, plus `context-lens-current` for the mention reached by keyboard or popup.
// The page's DOM is never touched.
import type { HighlightStyle } from '../shared/settings.js';
import type { Mention, MentionStore } from './mentions.js';

/** 'underline' draws under `context-lens-<topic>`; 'background' under `context-lens-fill-<topic>`. */

export const highlightName = (topic: string, style: HighlightStyle = 'underline') =>
  style === 'background' ? `context-lens-fill-${topic}` : `context-lens-${topic}`;
export const CURRENT_HIGHLIGHT = 'context-lens-current';

/** How often a page may drop our highlights before we stop putting them back. */
const MAX_REREGISTRATIONS = 20;

export class TopicHighlights {
  readonly #byTopic = new Map<string, Highlight>();
  readonly #current = new Highlight();
  /** The range drawn for a mention's range, when an earlier, identical range was kept. */
  readonly #drawn = new WeakMap<Range, Range>();
  #reregistrations = 0;
  readonly #unsubscribe: () => void;

  #style: HighlightStyle;

  constructor(store: MentionStore, style: HighlightStyle = 'underline') {
    this.#style = style;
    this.#current.priority = 1;
    this.#unsubscribe = store.subscribe((added, removed) => {
      this.#redraw(added, removed);
      this.ensureRegistered();
    });
  }

  /**
   * A rescanned block gives new mentions even where nothing changed. A mention found again
   * exactly where one was keeps the range already drawn: every change to a Highlight's ranges
   * costs the browser a repaint, and Firefox much more (a page changing its text 60 times a
   * second otherwise spends over half its CPU time on it).
   */
  #redraw(added: readonly Mention[], removed: readonly Mention[]): void {
    const leaving = new Map<Node, Map<number, { topic: string; range: Range }[]>>();
    for (const m of removed) {
      const range = this.#drawn.get(m.range) ?? m.range;
      const byOffset = leaving.get(range.startContainer) ?? new Map();
      leaving.set(range.startContainer, byOffset);
      byOffset.set(range.startOffset, [
        ...(byOffset.get(range.startOffset) ?? []),
        { topic: m.topic, range },
      ]);
    }
    for (const m of added) {
      const candidates = leaving.get(m.range.startContainer)?.get(m.range.startOffset);
      const at =
        candidates?.findIndex((c) => c.topic === m.topic && sameEnd(c.range, m.range)) ?? -1;
      const kept = at >= 0 ? candidates?.splice(at, 1)[0] : undefined;
      if (kept) this.#drawn.set(m.range, kept.range);
      else this.#highlightOf(m.topic).add(m.range);
    }
    for (const byOffset of leaving.values()) {
      for (const gone of byOffset.values()) {
        for (const { topic, range } of gone) this.#byTopic.get(topic)?.delete(range);
      }
    }
  }

  /** Draws the same ranges under the other style's names (the page's DOM stays as it is). */
  setStyle(style: HighlightStyle): void {
    if (style === this.#style) return;
    this.#unregisterTopics();
    this.#style = style;
    for (const [topic, highlight] of this.#byTopic) {
      if (highlight.size > 0) CSS.highlights.set(highlightName(topic, style), highlight);
    }
  }

  setCurrent(mention: Mention | null): void {
    this.#current.clear();
    if (mention) this.#current.add(mention.range);
    this.ensureRegistered();
  }

  /**
   * Puts our highlights back if the page removed them (e.g. `CSS.highlights.clear()`), a
   * bounded number of times so a page that fights us cannot make us loop.
   */
  ensureRegistered(): void {
    let missing = false;
    for (const [topic, highlight] of this.#byTopic) {
      if (
        highlight.size > 0 &&
        CSS.highlights.get(highlightName(topic, this.#style)) !== highlight
      ) {
        missing = true;
      }
    }
    const currentMissing =
      this.#current.size > 0 && CSS.highlights.get(CURRENT_HIGHLIGHT) !== this.#current;
    if (!missing && !currentMissing) return;
    if (this.#reregistrations >= MAX_REREGISTRATIONS) return;
    this.#reregistrations++;
    for (const [topic, highlight] of this.#byTopic) {
      if (highlight.size > 0) CSS.highlights.set(highlightName(topic, this.#style), highlight);
    }
    if (this.#current.size > 0) CSS.highlights.set(CURRENT_HIGHLIGHT, this.#current);
  }

  /** Removes every highlight this frame registered. */
  dispose(): void {
    this.#unsubscribe();
    this.#unregisterTopics();
    if (CSS.highlights.get(CURRENT_HIGHLIGHT) === this.#current) {
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
    }
    this.#byTopic.clear();
  }

  #unregisterTopics(): void {
    for (const [topic, highlight] of this.#byTopic) {
      const name = highlightName(topic, this.#style);
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
  }

  #highlightOf(topic: string): Highlight {
    let highlight = this.#byTopic.get(topic);
    if (!highlight) {
      highlight = new Highlight();
      this.#byTopic.set(topic, highlight);
    }
    return highlight;
  }
}

function sameEnd(a: Range, b: Range): boolean {
  return a.endContainer === b.endContainer && a.endOffset === b.endOffset;
}
