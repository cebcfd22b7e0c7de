// Character classes shared by the rule compiler and the matcher: what counts as a word
// character, what is invisible inside a word, and what separates the words of a phrase.

/** Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM: invisible inside words. */
export const IGNORABLE = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';

const SEPARATOR_CHARS = '\\s\\u00A0\\u2010\\u2011\\u2012\\u2013\\-';

/**
 * Between two words of a phrase: any run of white space (NBSP and line breaks too) or hyphens,
 * invisible characters allowed; an invisible character alone ("missile\u00ADdefense") is no gap.
 */
export const SEPARATOR = `[${IGNORABLE}]*[${SEPARATOR_CHARS}][${SEPARATOR_CHARS}${IGNORABLE}]*`;

/** SEPARATOR for a text that holds no invisible character: a run of white space or hyphens. */
export const PLAIN_SEPARATOR = `[${SEPARATOR_CHARS}]+`;

const ignorableChar = new RegExp(`[${IGNORABLE}]`);

/** True when a text holds a character that IGNORABLE names. */
export function hasIgnorable(text: string): boolean {
  return ignorableChar.test(text);
}

/** Letters, digits, combining marks and connector punctuation continue a word. */
const wordChar = /[\p{L}\p{N}\p{M}\p{Pc}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && wordChar.test(ch);
}

const ignorableRun = new RegExp(`[${IGNORABLE}]`, 'gu');
const separatorRun = new RegExp(SEPARATOR, 'gu');
/** Printable ASCII words (no hyphen) joined by single spaces: already a key, but for case. */
const plainWords = /^[!-,.-~]+(?: [!-,.-~]+)*$/;

/**
 * The lookup key of a matched span: invisible characters dropped, separators folded to one
 * space, typographic apostrophes folded to ', and (for case-insensitive terms) lower-cased.
 */
export function termKey(text: string, caseSensitive: boolean): string {
  // Most keys are ASCII words between single spaces: nothing to fold but case.
  if (plainWords.test(text)) return caseSensitive ? text : text.toLowerCase();
  const folded = text
    .normalize('NFC')
    .replace(ignorableRun, '')
    .replace(separatorRun, ' ')
    .replace(/[\u2019\u02BC]/g, "'")
    .trim();
  return caseSensitive ? folded : folded.toLowerCase();
}

/** Escapes one character for use in a regular expression, outside a character class. */
export function escapeChar(ch: string): string {
  // Not "-": with the u flag, "\\-" is a syntax error outside a class.
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** The start of the character ending at `index`, never inside a surrogate pair. */
export function charStart(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xdc00 && code <= 0xdfff && index >= 2 ? index - 2 : index - 1;
}

/** The end of the character starting at `index`, never inside a surrogate pair. */
export function charEnd(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff ? index + 2 : index + 1;
}
