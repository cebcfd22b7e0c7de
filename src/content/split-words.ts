// Words split by markup across text nodes ("E<b>PAA</b>", a drop cap, one span per letter): the
// word each node starts or ends with, and the word carried from node to node while the scan reads
// them in order.
import { IGNORABLE } from '../core/text.js';

/** What may continue a word across a markup boundary: word characters, apostrophes, invisibles. */
const wordPart = new RegExp(`[\\p{L}\\p{N}\\p{M}\\p{Pc}'\\u2019${IGNORABLE}]`, 'u');
/** `wordPart` for the ASCII code units, looked up instead of tested: every text node's ends are. */
const asciiWordPart = Uint8Array.from({ length: 128 }, (_, code) =>
  wordPart.test(String.fromCharCode(code)) ? 1 : 0,
);
const isWordPart = (code: number) =>
  code < 128 ? asciiWordPart[code] === 1 : wordPart.test(String.fromCharCode(code));

/** The word a text starts with ("" when it starts with a space or punctuation). */
export function leadingWord(text: string): string {
  let i = 0;
  while (i < text.length && isWordPart(text.charCodeAt(i))) i++;
  return text.slice(0, i);
}

/** The word a text ends with ("" when it ends with a space or punctuation). */
export function trailingWord(text: string): string {
  let i = text.length;
  while (i > 0 && isWordPart(text.charCodeAt(i - 1))) i--;
  return text.slice(i);
}

/**
 * Follows, text node after text node, the word the text read so far ends with: a word split by
 * markup ("E<b>PAA</b>", a drop cap, one span per letter) is whole in no single node. Lazily: a
 * node's last word is cut out only when the next node goes on with it, which few do.
 */
export class WordCarry {
  /** The carried word up to the node before the pending one. */
  #before = '';
  /** The last node read, when it ends with a word not yet cut out. */
  #pending: string | null = null;

  /**
   * Reads the next node's text. Returns the word it continues (at most 64 characters of it), or
   * "" when it starts no differently from a new word.
   */
  next(data: string): string {
    if (data === '') return '';
    const continues = isWordPart(data.charCodeAt(0));
    const carried = continues ? this.#settle() : '';
    if (isWordPart(data.charCodeAt(data.length - 1))) this.#pending = data;
    else {
      this.#before = '';
      this.#pending = null;
    }
    return carried;
  }

  /** The word carried into the node after the pending one. */
  #settle(): string {
    const pending = this.#pending;
    if (pending !== null) {
      const tail = trailingWord(pending);
      this.#before = tail.length === pending.length ? (this.#before + pending).slice(-64) : tail;
      this.#pending = null;
    }
    return this.#before;
  }
}
