// Annotates one document: scanning, highlights and change tracking, started and stopped as a
// unit. Everything it starts hangs off one AbortController, so `stop()` undoes all of it.
import type { CompiledRules } from '../core/rules.js';
import type { HighlightStyle } from '../shared/settings.js';
import { TopicHighlights } from './highlights.js';
import { MentionStore } from './mentions.js';
import { PageObserver } from './observer.js';
import { PageScanner } from './scanner.js';

export class Annotator {
  readonly store = new MentionStore();
  #controller: AbortController | null = null;
  #highlights: TopicHighlights | null = null;
  #style: HighlightStyle = 'underline';
  /** Resolves when the first full scan is done. */
  scanned: Promise<void> = Promise.resolve();

  readonly #doc: Document;
  #rules: CompiledRules;
  readonly #isOwnNode: (node: Node) => boolean;

  constructor(doc: Document, rules: CompiledRules, isOwnNode: (node: Node) => boolean) {
    this.#doc = doc;
    this.#rules = rules;
    this.#isOwnNode = isOwnNode;
  }

  get running(): boolean {
    return this.#controller !== null;
  }

  get currentHighlights(): TopicHighlights | null {
    return this.#highlights;
  }

  start(): void {
    if (this.#controller) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#highlights = new TopicHighlights(this.store, this.#style);
    const scanner = new PageScanner(this.#rules, this.store, controller.signal);
    // Observe first, so what changes while the first scan runs is caught too.
    const observer = new PageObserver(scanner, this.#isOwnNode, controller.signal);
    observer.observe(this.#doc);
    const root = this.#doc.body ?? this.#doc.documentElement;
    this.scanned = root ? scanner.scanTree(root) : Promise.resolve();
    void this.scanned.then(() => {
      if (!controller.signal.aborted) observer.recheckAfterLayout();
    });
  }

  /** Matches with other rules (e.g. only the topics the user keeps on), rescanning if running. */
  setRules(rules: CompiledRules): void {
    this.#rules = rules;
    if (this.running) {
      this.stop();
      this.start();
    }
  }

  setHighlightStyle(style: HighlightStyle): void {
    this.#style = style;
    this.#highlights?.setStyle(style);
  }

  stop(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.#highlights?.dispose();
    this.#highlights = null;
    this.store.clear();
  }
}
