// Compiles the dataset's matching rules, once, into one scanning regular expression (a trie of
// every term, so its cost barely grows with the number of terms), a prefilter of anchor words for
// single text nodes, and term lookup tables.
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
  /** Keys of case-insensitive terms (phrases, contextual phrases). */
  folded: Map<string, TermInfo[]>;
  /** Keys of case-sensitive terms (acronyms). */
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
  const list = map.get(key) ?? [];
  if (!list.some((i) => i.topic === info.topic && i.kind === info.kind)) list.push(info);
  map.set(key, list);
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
  const byAnchor = new Map<string, Set<string>>();
  const topicRules = new Map<string, TopicRule>();

  for (const { id, match } of topics) {
    const add = (text: string, kind: TermKind) => {
      const forms = ascii.test(text)
        ? [text]
        : new Set([text.normalize('NFC'), text.normalize('NFD')]);
      for (const form of forms) {
        if (kind === 'acronym') addTerm(exact, termKey(form, true), { topic: id, kind });
        else addTerm(folded, termKey(form, false), { topic: id, kind });
        // The longest word of a term lies whole inside one text node whenever the term does.
        const longest = form.split(/[\s-]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
        // NFC and NFD spellings share their anchor: a text may mix the two forms.
        const key = longest.normalize('NFC').toLowerCase();
        const group = byAnchor.get(key) ?? new Set<string>();
        group.add(form);
        byAnchor.set(key, group);
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

  const anchorWords = [...byAnchor.keys()].sort();
  const groups = anchorWords.map((word) => [...(byAnchor.get(word) ?? [])]);
  const finder = WordFinder.of(anchorWords);
  // Words of so many different characters that the finder cannot hold them: one expression.
  const anchorExpression = finder ? null : new RegExp(trieSource(anchorWords), 'iu');
  const everyAnchor = anchorWords.map((_, i) => i);
  const scanners = new Map<string, RegExp>();
  // A dictionary this small makes one expression, cheaper than telling the mixes apart.
  const oneScanner = groups.reduce((n, g) => n + g.length, 0) <= options.oneScannerUpTo;
  return {
    scannerFor(text: string): RegExp | null {
      if (finder && !finder.test(text)) return null;
      const present = oneScanner || !finder ? everyAnchor : finder.wordsIn(text);
      if (present.length === 0) return null;
      const key = present.join(',');
      let scanner = scanners.get(key);
      if (!scanner) {
        const terms = present.flatMap((i) => groups[i] ?? []).sort();
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
