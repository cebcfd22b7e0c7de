// Finds candidate terms in one block of text: every whole-word occurrence of a compiled term,
// with offsets into the original string (no normalised copy is made, so none need mapping back).
import type { CompiledRules, TermKind } from './rules.js';
import { charEnd, charStart, IGNORABLE, isWordChar, termKey } from './text.js';

export interface Candidate {
  topic: string;
  kind: TermKind;
  start: number;
  end: number;
}

const ignorable = new RegExp(`^[${IGNORABLE}]$`, 'u');

/** The character before `index`, stepping over invisible ones and whole surrogate pairs. */
function charBefore(text: string, index: number): string | undefined {
  let i = index;
  while (i > 0) {
    const start = charStart(text, i);
    const ch = text.slice(start, i);
    if (!ignorable.test(ch)) return ch;
    i = start;
  }
  return undefined;
}

function charAfter(text: string, index: number): string | undefined {
  let i = index;
  while (i < text.length) {
    const next = charEnd(text, i);
    const ch = text.slice(i, next);
    if (!ignorable.test(ch)) return ch;
    i = next;
  }
  return undefined;
}

/**
 * Every candidate in `text`, leftmost first; at one position the longest term wins. A span that
 * is not a whole word, or not a term in its case (acronyms), is skipped by one character so a
 * shorter term starting inside it is still found.
 */
export function findCandidates(text: string, rules: CompiledRules): Candidate[] {
  const found: Candidate[] = [];
  const scanner = rules.scannerFor(text);
  if (!scanner) return found;
  scanner.lastIndex = 0;
  for (let m = scanner.exec(text); m !== null; m = scanner.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const infos =
      isWordChar(charBefore(text, start)) || isWordChar(charAfter(text, end))
        ? undefined
        : (rules.exact.get(termKey(m[0], true)) ?? rules.folded.get(termKey(m[0], false)));
    if (!infos) {
      scanner.lastIndex = charEnd(text, start);
      continue;
    }
    for (const info of infos) found.push({ topic: info.topic, kind: info.kind, start, end });
  }
  return found;
}
