// The dataset's matching rules, in two steps. At build time, a plan: every term spelled out,
// anchored by its longest word and grouped (planRules). In each frame, from the plan: a prefilter
// of anchor words (one automaton, the same cost per character for any number of words), scanning
// expressions (tries of the terms whose anchors a text holds) and term lookup tables.
import type { Topic } from '../data/schema.js';
import {
  escapeChar,
  hasIgnorable,
  IGNORABLE,
  PLAIN_SEPARATOR,
  SEPARATOR,
  termKey,
} from './text.js';
import { WordFinder } from './word-finder.js';

export type TermKind = 'phrase' | 'acronym' | 'contextual';

export interface TermInfo {
  topic: string;
  kind: TermKind;
}

export interface TopicRule {
  readonly id: string;
  /**
   * Topic words; one near an acronym or contextual term confirms it. `plain`: the expression for
   * a text that holds no invisible character (see trieSource).
   */
  confirm(plain: boolean): RegExp | null;
  readonly confirmWindow: number;
  /** Look-alike words; one near an acronym or contextual term vetoes it. */
  reject(plain: boolean): RegExp | null;
  readonly rejectWindow: number;
  /** Look-alike shapes (datelines, bylines); a match covering a term vetoes it. */
  readonly rejectPatterns: readonly RegExp[];
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
/** `wordEnd` for a text that holds no invisible character. */
const plainWordEnd = '(?![\\p{L}\\p{N}\\p{M}\\p{Pc}])';

/** A character, in its composed or decomposed form ("ü" or "u" + U+0308) alike. */
function charPattern(ch: string): string {
  // ASCII has no other form: no need to ask.
  if (ch.charCodeAt(0) < 0x80) return escapeChar(ch);
  const decomposed = ch.normalize('NFD');
  if (decomposed === ch) return escapeChar(ch);
  return `(?:${escapeChar(ch)}|${[...decomposed].map(escapeChar).join('')})`;
}

/**
 * One trie of terms, emitted as a regular expression source (longest alternative first).
 * `plain`: for texts that hold no invisible character, so none is allowed between the letters.
 * That expression is a fraction of the size, and compiles and runs in a fraction of the time.
 */
export function trieSource(terms: Iterable<string>, plain = false): string {
  const separator = plain ? PLAIN_SEPARATOR : SEPARATOR;
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
      const joiner = !plain && prev !== null && prev !== ' ' && ch !== ' ' ? `[${IGNORABLE}]*` : '';
      const token = ch === ' ' ? separator : ch === "'" ? apostrophes : charPattern(ch);
      return joiner + token + emit(child, ch);
    });
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root, null);
}

function wordList(words: readonly string[], plain: boolean): RegExp | null {
  if (words.length === 0) return null;
  // No look-behind for the start of a word: tried at every position of the text, it cost more
  // than the words themselves. The matcher checks the character before each match instead.
  return new RegExp(`(?:${trieSource(words, plain)})(?![\\p{L}\\p{N}])`, 'giu');
}

/** The word list's expression kept in `made` for `plain` (see PlannedTopicRule), made on first use. */
function listIn(
  made: (RegExp | null | undefined)[],
  words: readonly string[],
  plain: boolean,
): RegExp | null {
  const at = plain ? 1 : 0;
  let list = made[at];
  if (list === undefined) made[at] = list = wordList(words, plain);
  return list;
}

function addTerm(map: Map<string, TermInfo[]>, key: string, info: TermInfo): void {
  const list = map.get(key);
  if (!list) map.set(key, [info]);
  else if (!list.some((i) => i.topic === info.topic && i.kind === info.kind)) list.push(info);
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

/** A topic's own rules as plain data: word lists and pattern sources. */
export interface PlannedTopic {
  id: string;
  confirm: readonly string[];
  confirmWindow: number;
  reject: readonly string[];
  rejectWindow: number;
  rejectPatterns: readonly string[];
}

/**
 * The rules as plain data: everything about them that does not depend on the page. build.mjs
 * makes it from the dataset and ships it, so a frame starts from spellings already spelled out,
 * anchored and grouped, and only builds its automaton and expressions.
 */
export interface RulePlan {
  topics: PlannedTopic[];
  /** Anchor words: the longest word of each spelling, lower-cased (and NFC). */
  anchors: string[];
  /** Per anchor word, its spellings (`packSpellings`). */
  spellings: string[];
  /** How many spellings there are in all. */
  spellingCount: number;
  /** Every character of the anchor words, once each (what the automaton tells apart). */
  letters: string;
}

const kinds: readonly TermKind[] = ['phrase', 'contextual', 'acronym'];

/** Spells out, anchors and groups the terms of `topics`: the part of compiling done at build time. */
export function planRules(topics: Topics): RulePlan {
  /** Every spelling, by its anchor: the longest word, which lies whole in one text node. */
  const byAnchor = new Map<string, Spelling[]>();
  const planned: PlannedTopic[] = [];
  topics.forEach(({ id, match }, topicIndex) => {
    const add = (text: string, kind: TermKind) => {
      const term = topicIndex * kinds.length + kinds.indexOf(kind);
      const plain = ascii.test(text);
      const forms = plain ? [text] : new Set([text.normalize('NFC'), text.normalize('NFD')]);
      for (const form of forms) {
        // NFC and NFD spellings share their anchor: a text may mix the two forms.
        const word = longestWord(form);
        const key = (plain ? word : word.normalize('NFC')).toLowerCase();
        const group = byAnchor.get(key);
        if (!group) byAnchor.set(key, [[form, term]]);
        else if (!group.some(([f, t]) => f === form && t === term)) group.push([form, term]);
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
    planned.push({
      id,
      confirm: match.confirm.words,
      confirmWindow: match.confirm.window,
      reject: match.reject.phrases,
      rejectWindow: match.reject.window,
      rejectPatterns: match.reject.patterns,
    });
  });
  const anchors = [...byAnchor.keys()];
  const letters = new Set<string>();
  for (const word of anchors) for (const ch of word) letters.add(ch);
  return {
    topics: planned,
    anchors,
    spellings: anchors.map((word) => packSpellings(byAnchor.get(word) ?? [])),
    spellingCount: [...byAnchor.values()].reduce((n, group) => n + group.length, 0),
    letters: [...letters].join(''),
  };
}

/** A spelling: the form, and its term as topic index × 3 + kind index. */
type Spelling = [form: string, term: number];

/** Where the one-character numbers of a packed spelling start (printable, never a separator). */
const PACK_BASE = 0x30;
const PACK_MAX = 0xd7ff - PACK_BASE;

/**
 * An anchor word's spellings as one string, sorted, each on its own line as a character for its
 * term, a character for how many characters it shares with the line before, and the rest. The
 * variants of a phrase share most of their letters, so the shipped plan is a third the size.
 */
export function packSpellings(spellings: readonly Spelling[]): string {
  const sorted = [...spellings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let before = '';
  return sorted
    .map(([form, term]) => {
      if (form.includes('\n') || term > PACK_MAX || form.length > PACK_MAX) {
        throw new Error(`A term cannot be packed: ${JSON.stringify(form)}`);
      }
      let shared = 0;
      while (shared < before.length && before[shared] === form[shared]) shared += 1;
      before = form;
      return String.fromCharCode(PACK_BASE + term, PACK_BASE + shared) + form.slice(shared);
    })
    .join('\n');
}

export function unpackSpellings(packed: string): Spelling[] {
  if (packed === '') return [];
  let before = '';
  return packed.split('\n').map((line) => {
    const form = before.slice(0, line.charCodeAt(1) - PACK_BASE) + line.slice(2);
    before = form;
    return [form, line.charCodeAt(0) - PACK_BASE];
  });
}

export interface RuleOptions {
  /** Up to this many spellings, one expression of them all; above, one per mix of anchors. */
  oneScannerUpTo?: number;
  /** Only these topics' terms are matched (all when absent): the ones the user keeps on. */
  keep?: ReadonlySet<string>;
}

/** Compiles the rules of `topics` (tests, and anything without a plan made at build time). */
export function compileRules(topics: Topics, options: RuleOptions = {}): CompiledRules {
  return rulesFromPlan(planRules(topics), options);
}

/**
 * A topic's rules, each expression made when a candidate of the topic is first judged: most
 * pages hold none, and building the word lists' expressions took a fifth of a frame's start.
 */
class PlannedTopicRule implements TopicRule {
  readonly id: string;
  readonly confirmWindow: number;
  readonly rejectWindow: number;
  /** The word lists' expressions, made when first asked for: [for any text, for plain text]. */
  readonly #confirm: (RegExp | null | undefined)[] = [];
  readonly #reject: (RegExp | null | undefined)[] = [];
  #rejectPatterns: readonly RegExp[] | undefined;

  readonly #planned: PlannedTopic;

  constructor(planned: PlannedTopic) {
    this.#planned = planned;
    this.id = planned.id;
    this.confirmWindow = planned.confirmWindow;
    this.rejectWindow = planned.rejectWindow;
  }

  confirm(plain: boolean): RegExp | null {
    return listIn(this.#confirm, this.#planned.confirm, plain);
  }

  reject(plain: boolean): RegExp | null {
    return listIn(this.#reject, this.#planned.reject, plain);
  }

  get rejectPatterns(): readonly RegExp[] {
    this.#rejectPatterns ??= this.#planned.rejectPatterns.map((p) => new RegExp(p, 'gu'));
    return this.#rejectPatterns;
  }
}

/** The frame's rules, from the plan made at build time. */
export function rulesFromPlan(plan: RulePlan, options: RuleOptions = {}): CompiledRules {
  const { oneScannerUpTo = 1000, keep } = options;
  const folded = new Map<string, TermInfo[]>();
  const exact = new Map<string, TermInfo[]>();
  const topicRules = new Map<string, TopicRule>();
  const kept = plan.topics.map((t) => !keep || keep.has(t.id));
  // One TermInfo per topic and kind, shared by all its spellings.
  const infos = plan.topics.map((t) => kinds.map((kind): TermInfo => ({ topic: t.id, kind })));
  plan.topics.forEach((t, i) => {
    if (kept[i]) topicRules.set(t.id, new PlannedTopicRule(t));
  });
  const topicOf = (term: number) => Math.floor(term / kinds.length);
  let anchorWords = plan.anchors;
  let spellingCount = plan.spellingCount;
  /**
   * The spellings of each anchor word, unpacked when first needed; all at once when topics are
   * switched off, since the kept anchors' indexes no longer match the plan's.
   */
  let groups: (Spelling[] | undefined)[] = [];
  if (keep) {
    // The anchors of topics switched off go, and with them their spellings.
    const all = plan.spellings.map((g) => unpackSpellings(g).filter(([, t]) => kept[topicOf(t)]));
    anchorWords = anchorWords.filter((_, i) => (all[i]?.length ?? 0) > 0);
    groups = all.filter((g) => g.length > 0);
    spellingCount = groups.reduce((n, g) => n + (g?.length ?? 0), 0);
  }
  const spellingsOf = (i: number) => (groups[i] ??= unpackSpellings(plan.spellings[i] ?? ''));
  const finder = WordFinder.of(anchorWords, plan.letters);
  // Words of so many different characters that the finder cannot hold them: one expression.
  const anchorExpression = finder ? null : new RegExp(trieSource(anchorWords), 'iu');
  const everyAnchor = anchorWords.map((_, i) => i);
  const scanners = new Map<string, RegExp>();
  // A dictionary this small makes one expression, cheaper than telling the mixes apart.
  const oneScanner = spellingCount <= oneScannerUpTo;
  /**
   * The lookup tables get a group's spellings when a scanner that can match them is made: a large
   * dictionary pays for the words a page holds, not for all of them in every frame.
   */
  const filed = new Uint8Array(anchorWords.length);
  const file = (indexes: readonly number[]) => {
    for (const i of indexes) {
      if (filed[i]) continue;
      filed[i] = 1;
      for (const [form, term] of spellingsOf(i)) {
        const info = infos[topicOf(term)]?.[term % kinds.length];
        if (!info) continue;
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
      const plain = !hasIgnorable(text);
      const key = (plain ? 'plain:' : '') + present.join(',');
      let scanner = scanners.get(key);
      if (!scanner) {
        file(present);
        const terms = present.flatMap((i) => spellingsOf(i).map(([form]) => form)).sort();
        const source = `(?:${trieSource(terms, plain)})${plain ? plainWordEnd : wordEnd}`;
        scanner = new RegExp(source, 'giu');
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
