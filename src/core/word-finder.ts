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
  /** Per state, 1 + the index of a word that ends there (0: none). */
  readonly #ends: Int32Array;
  /** Per word, 1 + the index of another word that ends in the same state (0: none). */
  readonly #sameEnd: Int32Array;
  /** Per state, the nearest state down its failure chain where a word ends (0: none). */
  readonly #suffix: Uint32Array;
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
   *
   * Everything is built in typed arrays. With ten thousand words, lists and maps of JS objects
   * made megabytes of garbage and kept one and a half, and a page's scan paid for them in
   * collections of the whole heap, the page's DOM included.
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

    // The trie first, as child lists (states numbered as they are made; 0 is the root). No
    // more states than characters, and the root.
    let bound = 1;
    for (const word of words) bound += word.length;
    const firstChild = new Int32Array(bound).fill(-1);
    const nextSibling = new Int32Array(bound);
    const label = new Uint8Array(bound);
    const ends = new Int32Array(bound);
    const sameEnd = new Int32Array(words.length);
    let states = 1;
    for (let index = 0; index < words.length; index += 1) {
      const word = words[index] as string;
      let state = 0;
      for (let i = 0; i < word.length; i += 1) {
        const k = classOf[word.charCodeAt(i)] as number;
        if (k === SKIP || k === OTHER) continue;
        let child = firstChild[state] as number;
        while (child >= 0 && label[child] !== k) child = nextSibling[child] as number;
        if (child < 0) {
          child = states++;
          label[child] = k;
          nextSibling[child] = firstChild[state] as number;
          firstChild[state] = child;
        }
        state = child;
      }
      if (state !== 0) {
        sameEnd[index] = ends[state] as number;
        ends[state] = index + 1;
      }
    }

    // Then the whole table at once, breadth first: a state's row starts as a copy of its
    // failure state's row, and its own children are written over it. Two bytes a cell when
    // the states fit, for a table half the size.
    const table =
      states <= 0xffff ? new Uint16Array(states * classes) : new Uint32Array(states * classes);
    const fail = new Uint32Array(states);
    const suffix = new Uint32Array(states);
    const queue = new Uint32Array(states);
    let tail = 0;
    for (let child = firstChild[0] as number; child >= 0; child = nextSibling[child] as number) {
      table[label[child] as number] = child;
      queue[tail++] = child;
    }
    for (let head = 0; head < tail; head += 1) {
      const state = queue[head] as number;
      const failState = fail[state] as number;
      suffix[state] = ends[failState] !== 0 ? failState : (suffix[failState] as number);
      const row = state * classes;
      table.copyWithin(row, failState * classes, failState * classes + classes);
      for (
        let child = firstChild[state] as number;
        child >= 0;
        child = nextSibling[child] as number
      ) {
        const k = label[child] as number;
        fail[child] = table[failState * classes + k] as number;
        table[row + k] = child;
        queue[tail++] = child;
      }
    }
    const hits = new Uint8Array(states);
    for (let i = 1; i < states; i += 1) hits[i] = ends[i] !== 0 || suffix[i] !== 0 ? 1 : 0;
    this.#hits = hits;
    this.#table = table;
    this.#ends = ends.slice(0, states);
    this.#sameEnd = sameEnd;
    this.#suffix = suffix;
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
    const hits = this.#hits;
    const seen = new Set<number>();
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const k = classOf[text.charCodeAt(i)] as number;
      if (k === SKIP) continue;
      state = table[state * classes + k] as number;
      if (hits[state] === 0) continue;
      // The words ending here, then down the chain of states that end in a word.
      for (let at = state; at !== 0; at = this.#suffix[at] as number) {
        for (let w = this.#ends[at] as number; w !== 0; w = this.#sameEnd[w - 1] as number) {
          seen.add(w - 1);
        }
      }
    }
    return [...seen].sort((a, b) => a - b);
  }
}
