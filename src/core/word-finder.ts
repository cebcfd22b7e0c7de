// Finds which of many words occur in a text in one pass over its characters, whatever their
// number: an Aho–Corasick automaton over character classes. Case is folded, the invisible
// characters that may sit inside a word (soft hyphen, zero-width ones) are stepped over, and the
// three apostrophes count as one. Scanning costs the same per character for three words or
// ten thousand; only building the automaton grows with them.
import { IGNORABLE } from './text.js';

/** Class of characters no word contains: from any state it leads back to the start. */
const OTHER = 0;
/** Class of characters stepped over (invisible inside words). */
const SKIP = 255;
const apostrophes = ["'", '\u2019', '\u02BC'];
const foldApostrophes = (text: string) => text.replace(/[\u2019\u02BC]/g, "'");
/** Combining marks of the blocks Latin, Greek and Cyrillic text uses. */
const markRanges: [number, number][] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
/** A letter's base letter: "é" → "e" (empty for a combining mark alone). */
const baseOf = (letter: string) => letter.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 1);
/** IGNORABLE's code points, as [first, last] ranges. */
const ignorableRanges = [...IGNORABLE.matchAll(/\\u([0-9A-F]{4})(?:-\\u([0-9A-F]{4}))?/g)].map(
  ([, from, to]): [number, number] => [
    Number.parseInt(from ?? '0', 16),
    Number.parseInt(to ?? from ?? '0', 16),
  ],
);

export class WordFinder {
  /** Character class of every UTF-16 code unit. */
  readonly #classOf = new Uint8Array(65536);
  readonly #classes: number;
  /** Transitions: `table[state * classes + class]`. */
  readonly #table: Uint16Array | Uint32Array;
  /** The words (by index) found on reaching a state, suffixes included; null for none. */
  readonly #found: (readonly number[] | null)[];
  /** 1 for the states where a word is found: what `test` reads, in one byte a state. */
  readonly #hits: Uint8Array;

  /**
   * Null when the words use more distinct characters than the classes can hold. `known` may
   * name characters the words use, gathered beforehand (at build time): they need not be again.
   */
  static of(words: readonly string[], known?: string): WordFinder | null {
    const letters = new Set(foldApostrophes((known ?? words.join('')).toLowerCase()));
    const bases = new Set([...letters].map(baseOf).filter((b) => b !== ''));
    return bases.size < SKIP - 1 ? new WordFinder(words, [...letters], [...bases]) : null;
  }

  /**
   * Letters are told apart by their base letter only ("é", "e" + U+0301 and "e" alike, combining
   * marks stepped over): a text in either normal form, or a mix, is found, at the price of a
   * rare false alarm, which the exact expression that follows settles.
   */
  private constructor(words: readonly string[], letters: readonly string[], bases: string[]) {
    const classOf = this.#classOf;
    for (const [from, to] of [...ignorableRanges, ...markRanges]) classOf.fill(SKIP, from, to + 1);
    const classOfBase = new Map(bases.map((base, index) => [base, index + 1]));
    for (const letter of [...bases, ...letters]) {
      const k = classOfBase.get(baseOf(letter));
      if (k === undefined) continue;
      const forms = letter === "'" ? apostrophes : [letter, letter.toUpperCase()];
      for (const form of forms) if (form.length === 1) classOf[form.charCodeAt(0)] = k;
    }
    const classes = bases.length + 1;
    this.#classes = classes;

    // The trie first, as child lists (states numbered as they are made; 0 is the root).
    const firstChild: number[] = [-1];
    const nextSibling: number[] = [-1];
    const label: number[] = [0];
    const own = new Map<number, number[]>();
    words.forEach((word, index) => {
      let state = 0;
      for (let i = 0; i < word.length; i += 1) {
        const k = classOf[word.charCodeAt(i)] ?? OTHER;
        if (k === SKIP || k === OTHER) continue;
        let child = firstChild[state] ?? -1;
        while (child >= 0 && label[child] !== k) child = nextSibling[child] ?? -1;
        if (child < 0) {
          child = label.length;
          label.push(k);
          firstChild.push(-1);
          nextSibling.push(firstChild[state] ?? -1);
          firstChild[state] = child;
        }
        state = child;
      }
      if (state !== 0) own.set(state, [...(own.get(state) ?? []), index]);
    });

    // Then the whole table at once, breadth first: a state's row starts as a copy of its
    // failure state's row, and its own children are written over it. Two bytes a cell when
    // the states fit, for a table half the size.
    const states = label.length;
    const table =
      states <= 0xffff ? new Uint16Array(states * classes) : new Uint32Array(states * classes);
    const fail = new Uint32Array(states);
    const found: (readonly number[] | null)[] = new Array(states).fill(null);
    const queue = new Uint32Array(states);
    let tail = 0;
    for (let child = firstChild[0] ?? -1; child >= 0; child = nextSibling[child] ?? -1) {
      table[label[child] ?? 0] = child;
      queue[tail++] = child;
    }
    for (let head = 0; head < tail; head += 1) {
      const state = queue[head] ?? 0;
      const failState = fail[state] ?? 0;
      const mine = own.get(state);
      const inherited = found[failState] ?? null;
      found[state] = !mine ? inherited : inherited ? [...mine, ...inherited] : mine;
      const row = state * classes;
      table.copyWithin(row, failState * classes, failState * classes + classes);
      for (let child = firstChild[state] ?? -1; child >= 0; child = nextSibling[child] ?? -1) {
        const k = label[child] ?? 0;
        fail[child] = table[failState * classes + k] ?? 0;
        table[row + k] = child;
        queue[tail++] = child;
      }
    }
    const hits = new Uint8Array(states);
    for (let i = 0; i < states; i += 1) hits[i] = found[i] ? 1 : 0;
    this.#hits = hits;
    this.#table = table;
    this.#found = found;
  }

  /** True when any of the words occurs in `text`. */
  test(text: string): boolean {
    const classOf = this.#classOf;
    const table = this.#table;
    const classes = this.#classes;
    const hits = this.#hits;
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const k = classOf[text.charCodeAt(i)] as number;
      if (k === SKIP) continue;
      state = table[state * classes + k] as number;
      if (hits[state] === 1) return true;
    }
    return false;
  }

  /** The indexes of the words that occur in `text`, ascending. */
  wordsIn(text: string): number[] {
    const classOf = this.#classOf;
    const table = this.#table;
    const classes = this.#classes;
    const found = this.#found;
    const seen = new Set<number>();
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const k = classOf[text.charCodeAt(i)] as number;
      if (k === SKIP) continue;
      state = table[state * classes + k] as number;
      const here = found[state];
      if (here) for (const index of here) seen.add(index);
    }
    return [...seen].sort((a, b) => a - b);
  }
}
