// Compiles the dataset's matching rules, once per frame: a prefilter of anchor words (one
// automaton, the same cost per character for any number of words), scanning expressions (tries of
// the terms whose anchors a text holds) and term lookup tables.
import type { Topic } from '../data/schema.js';
import { escapeChar, IGNORABLE, SEPARATOR, termKey } from './text.js';
import { WordFinder } from './word-finder.js';

export type TermKind = 'phrase' | 'acronym' | 'contextual';

export interface TermInfo {
  topic: string;
  kind: TermKind;
}

export interface TopicRule {
  id: string;
  /** Topic words; one near an acronym or contextual term confirms it. */
  confirm: RegExp | null;
  confirmWindow: number;
  /** Look-alike words; one near an acronym or contextual term vetoes it. */
  reject: RegExp | null;
  rejectWindow: number;
  /** Look-alike shapes (datelines, bylines); a match covering a term vetoes it. */
  rejectPatterns: RegExp[];
}

/** True when a text may hold part of a term. */
export interface AnchorTest {
  test(text: string): boolean;
}

export interface CompiledRules {
  /**
   * A global expression that finds every candidate term in a block's text: one made of only
   * the terms whose anchor words the text contains (null: it contains none), so its size, and
   * the browser's cost of compiling it, does not grow with the dictionary.
   */
  scannerFor(text: string): RegExp | null;
  /** True when a text node may hold part of a term. */
  anchors: AnchorTest;
  /**
   * Keys of case-insensitive terms (phrases, contextual phrases). Every term of a small
   * dictionary; of a large one, those a scanner was made for (the only ones it can match).
   */
  folded: Map<string, TermInfo[]>;
  /** Keys of case-sensitive terms (acronyms), filed as `folded` is. */
  exact: Map<string, TermInfo[]>;
  topics: Map<string, TopicRule>;
}

type Topics = readonly Pick<Topic, 'id' | 'match'>[];

/** Every spelling of a phrase: each word replaced by each member of its variant group. */
export function expandVariants(
  phrase: string,
  groups: readonly (readonly string[])[] | VariantIndex,
): string[] {
  const index = groups instanceof Map ? groups : variantIndex(groups);
  const words = phrase.split(/\s+/);
  // Most phrases have no variant word: one spelling, as written.
  if (!words.some((word) => index.has(word.toLowerCase()))) return [words.join(' ')];
  let spellings: string[][] = [[]];
  for (const word of words) {
    const options = index.get(word.toLowerCase()) ?? [word];
    spellings = spellings.flatMap((s) => options.map((o) => [...s, o]));
  }
  return spellings.map((s) => s.join(' '));
}

/** Variant groups by each member's lower-case form (the first group naming a word wins). */
export type VariantIndex = Map<string, readonly string[]>;

export function variantIndex(groups: readonly (readonly string[])[]): VariantIndex {
  const index: VariantIndex = new Map();
  for (const group of groups) {
    for (const word of group) {
      const key = word.toLowerCase();
      if (!index.has(key)) index.set(key, group);
    }
  }
  return index;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

const apostrophes = "['\u2019\u02BC]";
/** Text with no character that Unicode normalisation could change. */
const ascii = /^[ -~]*$/;
/** Expressions kept per frame, one per mix of anchor words met in a block. */
const MAX_SCANNERS = 64;
/**
 * The end must fall on a word boundary inside the expression: checked only afterwards, a longest
 * term ending mid-word ("…defense system" in "systems") would hide the shorter whole one.
 */
const wordEnd = `(?![${IGNORABLE}]*[\\p{L}\\p{N}\\p{M}\\p{Pc}])`;

/** A character, in its composed or decomposed form ("ü" or "u" + U+0308) alike. */
function charPattern(ch: string): string {
  const decomposed = ch.normalize('NFD');
  if (decomposed === ch) return escapeChar(ch);
  return `(?:${escapeChar(ch)}|${[...decomposed].map(escapeChar).join('')})`;
}

/** One trie of terms, emitted as a regular expression source (longest alternative first). */
export function trieSource(terms: Iterable<string>): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const term of terms) {
    let node = root;
    // Tokens: a character (lower-cased; the scanner is case-insensitive) or ' ' (a separator).
    // A hyphen in a term is a separator too, so "SM-3" also matches "SM 3" and "SM‑3".
    for (const ch of term.toLowerCase().replace(/[\s-]+/g, ' ')) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode, prev: string | null): string => {
    const branches = [...node.next].map(([ch, child]) => {
      const joiner = prev !== null && prev !== ' ' && ch !== ' ' ? `[${IGNORABLE}]*` : '';
      const token = ch === ' ' ? SEPARATOR : ch === "'" ? apostrophes : charPattern(ch);
      return joiner + token + emit(child, ch);
    });
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root, null);
}

function wordList(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${trieSource(words)})(?![\\p{L}\\p{N}])`, 'giu');
}

function addTerm(map: Map<string, TermInfo[]>, key: string, info: TermInfo): void {
  const list = map.get(key);
  if (!list) map.set(key, [info]);
  else if (!list.some((i) => i.topic === info.topic && i.kind === info.kind)) list.push(info);
}

/** A term as written (or one of its variant spellings), with what it stands for. */
interface Spelling {
  form: string;
  info: TermInfo;
}

const space = /\s/;

/** The longest word of a term (words split by white space and hyphens; the first of equals). */
function longestWord(term: string): string {
  let best = '';
  let start = 0;
  for (let i = 0; i <= term.length; i += 1) {
    const code = i < term.length ? term.charCodeAt(i) : 32;
    // White space and hyphens end a word (the terms' own separators).
    const separator =
      code === 45 ||
      (code < 128 ? code === 32 || (code >= 9 && code <= 13) : space.test(term[i] ?? ''));
    if (separator) {
      if (i - start > best.length) best = term.slice(start, i);
      start = i + 1;
    }
  }
  return best;
}

export interface RuleOptions {
  /** Up to this many spellings, one expression of them all; above, one per mix of anchors. */
  oneScannerUpTo: number;
}

export function compileRules(
  topics: Topics,
  options: RuleOptions = { oneScannerUpTo: 1000 },
): CompiledRules {
  const folded = new Map<string, TermInfo[]>();
  const exact = new Map<string, TermInfo[]>();
  /** Every spelling, by its anchor: the longest word, which lies whole in one text node. */
  const byAnchor = new Map<string, Spelling[]>();
  const topicRules = new Map<string, TopicRule>();

  for (const { id, match } of topics) {
    // One TermInfo per topic and kind, shared by all its spellings.
    const infos = {
      phrase: { topic: id, kind: 'phrase' },
      contextual: { topic: id, kind: 'contextual' },
      acronym: { topic: id, kind: 'acronym' },
    } satisfies Record<TermKind, TermInfo>;
    const add = (text: string, kind: TermKind) => {
      const plain = ascii.test(text);
      const forms = plain ? [text] : new Set([text.normalize('NFC'), text.normalize('NFD')]);
      for (const form of forms) {
        // NFC and NFD spellings share their anchor: a text may mix the two forms.
        const word = longestWord(form);
        const key = (plain ? word : word.normalize('NFC')).toLowerCase();
        const group = byAnchor.get(key);
        const spelling = { form, info: infos[kind] };
        if (!group) byAnchor.set(key, [spelling]);
        else if (!group.some((s) => s.form === form && s.info === spelling.info))
          group.push(spelling);
      }
    };
    const variants = variantIndex(match.variants);
    for (const phrase of match.phrases) {
      for (const s of expandVariants(phrase, variants)) add(s, 'phrase');
    }
    for (const phrase of match.contextual) {
      for (const s of expandVariants(phrase, variants)) add(s, 'contextual');
    }
    for (const acronym of match.acronyms) add(acronym, 'acronym');
    topicRules.set(id, {
      id,
      confirm: wordList(match.confirm.words),
      confirmWindow: match.confirm.window,
      reject: wordList(match.reject.phrases),
      rejectWindow: match.reject.window,
      rejectPatterns: match.reject.patterns.map((p) => new RegExp(p, 'gu')),
    });
  }

  const anchorWords = [...byAnchor.keys()];
  const groups = anchorWords.map((word) => byAnchor.get(word) ?? []);
  const finder = WordFinder.of(anchorWords);
  // Words of so many different characters that the finder cannot hold them: one expression.
  const anchorExpression = finder ? null : new RegExp(trieSource(anchorWords), 'iu');
  const everyAnchor = anchorWords.map((_, i) => i);
  const scanners = new Map<string, RegExp>();
  // A dictionary this small makes one expression, cheaper than telling the mixes apart.
  const oneScanner = groups.reduce((n, g) => n + g.length, 0) <= options.oneScannerUpTo;
  /**
   * The lookup tables get a group's spellings when a scanner that can match them is made: a large
   * dictionary pays for the words a page holds, not for all of them in every frame.
   */
  const filed = new Uint8Array(groups.length);
  const file = (indexes: readonly number[]) => {
    for (const i of indexes) {
      if (filed[i]) continue;
      filed[i] = 1;
      for (const { form, info } of groups[i] ?? []) {
        if (info.kind === 'acronym') addTerm(exact, termKey(form, true), info);
        else addTerm(folded, termKey(form, false), info);
      }
    }
  };
  const single = oneScanner || !finder;
  if (single) file(everyAnchor);
  return {
    scannerFor(text: string): RegExp | null {
      if (finder && !finder.test(text)) return null;
      const present = single ? everyAnchor : finder.wordsIn(text);
      if (present.length === 0) return null;
      const key = present.join(',');
      let scanner = scanners.get(key);
      if (!scanner) {
        file(present);
        const terms = present.flatMap((i) => groups[i]?.map((s) => s.form) ?? []).sort();
        scanner = new RegExp(`(?:${trieSource(terms)})${wordEnd}`, 'giu');
        // A page of many different term mixes could make this grow without end: start over.
        if (scanners.size >= MAX_SCANNERS) scanners.clear();
        scanners.set(key, scanner);
      }
      return scanner;
    },
    anchors: finder ?? (anchorExpression as RegExp),
    folded,
    exact,
    topics: topicRules,
  };
}
