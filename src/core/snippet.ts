// A short piece of the sentence around a mention, for the popup's list: the sentence's words
// before and after it, cut at word boundaries when the sentence is long.

/** Where a nested block stood in a block's text (see BLOCK_BREAK in the content script). */
const BLOCK_BREAK = '\u0000';

export interface Snippet {
  before: string;
  text: string;
  after: string;
}

const sentenceEnd = /[.!?…](?=[\s"'”’)\]]|$)/g;

const spaceOrBreak = new RegExp(`[\\s${BLOCK_BREAK}]+`, 'g');

function collapse(text: string): string {
  return text.replace(spaceOrBreak, ' ');
}

/** The start of the sentence holding `index`: just after the last sentence end or block break. */
function sentenceStart(text: string, index: number): number {
  let start = Math.max(0, text.lastIndexOf(BLOCK_BREAK, index - 1) + 1);
  sentenceEnd.lastIndex = start;
  for (let m = sentenceEnd.exec(text); m && m.index < index; m = sentenceEnd.exec(text)) {
    start = m.index + m[0].length;
  }
  return start;
}

function sentenceStop(text: string, index: number): number {
  const blockBreak = text.indexOf(BLOCK_BREAK, index);
  const limit = blockBreak < 0 ? text.length : blockBreak;
  sentenceEnd.lastIndex = index;
  const m = sentenceEnd.exec(text);
  return m && m.index < limit ? m.index + m[0].length : limit;
}

/** Keeps the last `max` characters, starting at a word. */
function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  const space = cut.indexOf(' ');
  return `…${space >= 0 && space < max / 2 ? cut.slice(space) : cut}`;
}

/** Keeps the first `max` characters, ending at a word. */
function head(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export function snippetOf(blockText: string, start: number, end: number, maxSide = 70): Snippet {
  const from = sentenceStart(blockText, start);
  const to = sentenceStop(blockText, end);
  return {
    before: tail(collapse(blockText.slice(from, start)).trimStart(), maxSide),
    text: collapse(blockText.slice(start, end)),
    after: head(collapse(blockText.slice(end, Math.max(end, to))).trimEnd(), maxSide),
  };
}
