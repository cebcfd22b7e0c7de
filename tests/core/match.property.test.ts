// Property tests of the matcher against a plain word-by-word oracle, over random text full of
// NBSP, soft hyphens, zero-width characters, combining marks, surrogate pairs and line breaks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, findCandidates } from '../../src/core/match.js';
import { type CompiledRules, compileRules, rulesFromPlan } from '../../src/core/rules.js';
import { rulePlan } from '../../src/data/rule-plan.js';

const rules = rulesFromPlan(rulePlan);

// A word: a run of letters, digits, marks, connector punctuation and apostrophes; invisible
// characters inside it are dropped. Everything else is a gap.
const wordRun = /[\p{L}\p{N}\p{M}\p{Pc}'\u2019\u02BC\u00AD\u200B-\u200D\u2060\uFEFF]+/gu;
const invisible = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const separatorGap = /^[\s\u00A0\u2010-\u2013\-\u00AD\u200B-\u200D\u2060\uFEFF]*$/u;
const visibleSeparator = /[\s\u00A0\u2010-\u2013-]/u;

interface Word {
  word: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(wordRun)) {
    const raw = m[0];
    const lead = raw.length - raw.replace(/^[\u00AD\u200B-\u200D\u2060\uFEFF]+/u, '').length;
    const trail = raw.length - raw.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]+$/u, '').length;
    const word = raw.replace(invisible, '');
    if (word === '') continue;
    words.push({ word, start: m.index + lead, end: m.index + raw.length - trail });
  }
  return words;
}

/** Leftmost-longest matching of whole words against the compiled term tables. */
function oracle(text: string, compiled: CompiledRules): Candidate[] {
  const words = wordsOf(text);
  const longest = Math.max(
    ...[...compiled.folded.keys(), ...compiled.exact.keys()].map((k) => k.split(' ').length),
  );
  const found: Candidate[] = [];
  let i = 0;
  while (i < words.length) {
    let taken = 0;
    for (let n = Math.min(longest, words.length - i); n >= 1 && taken === 0; n--) {
      const run = words.slice(i, i + n);
      const gapsOk = run.every((w, k) => {
        const prev = run[k - 1];
        if (!prev) return true;
        const gap = text.slice(prev.end, w.start);
        return separatorGap.test(gap) && visibleSeparator.test(gap);
      });
      if (!gapsOk) continue;
      const key = run.map((w) => w.word.replace(/[\u2019\u02BC]/g, "'")).join(' ');
      const infos = compiled.exact.get(key) ?? compiled.folded.get(key.toLowerCase());
      if (!infos) continue;
      const start = run[0]?.start ?? 0;
      const end = run[n - 1]?.end ?? 0;
      for (const info of infos) found.push({ topic: info.topic, kind: info.kind, start, end });
      taken = n;
    }
    i += Math.max(taken, 1);
  }
  return found;
}

// biome-ignore format: a word list reads best packed
const termWords = [
  'NATO', 'NATO’s', "NATO's", 'nato', 'Nato', 'missile', 'Missile', 'MISSILE', 'defense', 'defence',
  'Defence', 'defenses', 'defensive', 'ballistic', 'territorial', 'cooperation', 'shield', 'BMD',
  'bmd', 'Alliance', "Alliance's", 'European', 'Phased', 'Adaptive', 'Approach', 'EPAA', 'EPAAS',
  'epaa', 'Joint', 'joint', 'Threat', 'Assessment', 'JTA', 'JTAC', 'JTAs', 'Jta', 'integrated',
  'air', 'and', 'system', 'systems', 'the', 'of',
];

const gaps = [
  ' ',
  '  ',
  '\u00A0',
  '\n',
  '\r\n',
  '\t',
  '-',
  '\u2010',
  '\u2011',
  ' - ',
  ', ',
  '. ',
  ' (',
  ') ',
  '—',
  '😀',
  ' \u00AD ',
  '\u200B ',
  '\u00AD',
  '\u200B',
  '\u2060',
  '/',
  ': ',
  '\u0000',
  '"',
  '_',
];

const ignorables = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const marks = ['\u0301', '\u0308', '\u0327'];
const astral = ['𝐄', '𝔸', '𠀀'];

/** A word, sometimes with an invisible character inside, a combining mark or an astral letter. */
const decoratedWord = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...termWords) },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,6}$/) },
    ),
    fc.nat(),
    fc.constantFrom('none', 'none', 'none', 'ignorable', 'mark', 'astral-before', 'astral-after'),
    fc.constantFrom(...ignorables),
    fc.constantFrom(...marks),
    fc.constantFrom(...astral),
  )
  .map(([word, at, how, ignorable, mark, letter]) => {
    const cut = 1 + (at % Math.max(1, word.length - 1));
    if (how === 'ignorable' && word.length > 1)
      return word.slice(0, cut) + ignorable + word.slice(cut);
    if (how === 'mark') return word + mark;
    if (how === 'astral-before') return letter + word;
    if (how === 'astral-after') return word + letter;
    return word;
  });

/** The words of a whole term (so long terms occur often), sometimes with a letter added. */
const termKeys = [...rules.folded.keys(), ...rules.exact.keys()];
const termRun = fc
  .tuple(fc.constantFrom(...termKeys), fc.constantFrom('', '', '', 's', 'x'))
  .map(([key, suffix]) => `${key}${suffix}`.split(' '));

const words = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: decoratedWord.map((w) => [w]) },
      { weight: 2, arbitrary: termRun },
    ),
    { maxLength: 12 },
  )
  .map((runs) => runs.flat());

const gap = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(' ', '\u00A0', '\n', '-') },
  { weight: 2, arbitrary: fc.constantFrom(...gaps) },
);

const randomText = words
  .chain((ws) =>
    fc.array(gap, { minLength: ws.length, maxLength: ws.length }).map((gs) => [ws, gs] as const),
  )
  .map(([ws, gs]) => ws.map((w, i) => w + (gs[i] ?? ' ')).join(''));

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

describe('findCandidates, properties', () => {
  it('equals a word-by-word leftmost-longest oracle', () => {
    fc.assert(
      fc.property(randomText, (text) => {
        expect(findCandidates(text, rules)).toEqual(oracle(text, rules));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same with one expression per mix of anchor words (large dictionaries)', () => {
    // Large dictionaries build an expression from only the terms whose anchors a text holds;
    // forced here on the shipped rules, it must agree with the one expression of them all.
    const perMix = rulesFromPlan(rulePlan, { oneScannerUpTo: 0 });
    fc.assert(
      fc.property(randomText, (text) => {
        expect(findCandidates(text, perMix)).toEqual(findCandidates(text, rules));
      }),
      { numRuns: 1500 },
    );
  }, 30_000);

  it('finds the same with the expression for text that holds no invisible character', () => {
    // A text with no invisible character gets an expression that allows none between letters.
    // An invisible character added after the text's end switches it to the expression that
    // allows them everywhere, and can add no term: both must find the same.
    const visibleText = randomText.map((text) => text.replace(invisible, ''));
    fc.assert(
      fc.property(visibleText, (text) => {
        const plain = findCandidates(text, rules);
        expect(findCandidates(`${text} \u00AD`, rules)).toEqual(plain);
        expect(plain).toEqual(oracle(text, rules));
      }),
      { numRuns: 2000 },
    );
  });

  it('never splits a surrogate pair or a base letter from its combining marks', () => {
    fc.assert(
      fc.property(randomText, (text) => {
        for (const { start, end } of findCandidates(text, rules)) {
          expect(isLowSurrogate(text.charCodeAt(start))).toBe(false);
          expect(isHighSurrogate(text.charCodeAt(end - 1))).toBe(false);
          expect(/^\p{M}/u.test(text.slice(start))).toBe(false);
          expect(/^\p{M}/u.test(text.slice(end))).toBe(false);
          expect(/\p{Cs}/u.test(text.slice(start, end))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: the same text gives the same result, whatever ran before', () => {
    fc.assert(
      fc.property(randomText, randomText, (a, b) => {
        const first = findCandidates(a, rules);
        findCandidates(b, rules);
        expect(findCandidates(a, rules)).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  it('finds candidates in order, without overlaps', () => {
    fc.assert(
      fc.property(randomText, (text) => {
        const found = findCandidates(text, rules);
        for (let i = 1; i < found.length; i++) {
          const prev = found[i - 1] as Candidate;
          const cur = found[i] as Candidate;
          const sameSpan = prev.start === cur.start && prev.end === cur.end;
          expect(sameSpan || cur.start >= prev.end).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a term placed in random text', () => {
  // biome-ignore format: a list of terms
  const placed: [string, string, string][] = [
    ['nato-md', 'phrase', 'NATO missile defense'],
    ['nato-md', 'phrase', 'NATO’s ballistic missile defence'],
    ['nato-md', 'contextual', 'territorial ballistic missile defense'],
    ['epaa', 'phrase', 'European Phased Adaptive Approach'],
    ['epaa', 'acronym', 'EPAA'],
    ['jta', 'phrase', 'Joint Threat Assessment'],
    ['jta', 'acronym', 'JTA'],
    ['nato-md', 'acronym', 'BMD'],
  ];
  const separators = [
    ' ',
    '\u00A0',
    '\n',
    '\r\n',
    ' \n ',
    '-',
    '\u2011',
    '\t',
    '\u00AD ',
    ' \u200B',
  ];
  // Never a bare separator: the term must not join a neighbouring word into a longer term.
  const boundaries = ['. ', ', ', ' (', ') ', '\n—', '"', '😀', ':\u00A0'];

  /** The term with random case (not for acronyms), separators and invisible characters. */
  const decorated = fc
    .tuple(
      fc.constantFrom(...placed),
      fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      fc.array(fc.constantFrom(...separators), { minLength: 8, maxLength: 8 }),
      fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      fc.constantFrom(...ignorables),
    )
    .map(([[topic, kind, term], upper, seps, cuts, ignorable]) => {
      const words = term.split(' ').map((w, i) => {
        const cased =
          kind === 'acronym'
            ? w
            : [...w].map((ch, k) => (upper[k % 64] ? ch.toUpperCase() : ch.toLowerCase())).join('');
        const cut = cuts[i] ?? 0;
        if (cut % 3 !== 0 || cased.length < 2) return cased;
        const at = 1 + (cut % (cased.length - 1));
        return cased.slice(0, at) + ignorable + cased.slice(at);
      });
      const text = words.map((w, i) => (i === 0 ? w : (seps[i] ?? ' ') + w)).join('');
      return { topic, kind, text };
    });

  it('is found with offsets that cover exactly its characters', () => {
    fc.assert(
      fc.property(
        randomText,
        fc.constantFrom(...boundaries),
        decorated,
        fc.constantFrom(...boundaries),
        randomText,
        (before, open, term, close, after) => {
          const prefix = before + open;
          const text = prefix + term.text + close + after;
          const start = prefix.length;
          const end = start + term.text.length;
          const found = findCandidates(text, rules);
          expect(found).toContainEqual({ topic: term.topic, kind: term.kind, start, end });
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('composed and decomposed text', () => {
  const accented = compileRules([
    {
      id: 'site',
      match: {
        phrases: ['Kürecik radar station', 'détente café'],
        acronyms: ['ÉPAA'],
        contextual: [],
        variants: [],
        confirm: { words: [], window: 0 },
        reject: { phrases: [], patterns: [], window: 0 },
      },
    },
  ]);
  const pool = ['Kürecik', 'radar', 'station', 'détente', 'café', 'ÉPAA', 'Épaa', 'the', 'Ü'];
  const word = fc
    .tuple(fc.constantFrom(...pool), fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'))
    .map(([w, form]) => w.normalize(form));
  const text = fc
    .array(fc.tuple(word, fc.constantFrom(' ', '\u00A0', '\n', ', ')), { maxLength: 12 })
    .map((parts) => parts.map(([w, g]) => w + g).join(''));
  const spans = (t: string) =>
    findCandidates(t, accented).map((c) => [c.topic, c.kind, t.slice(c.start, c.end).normalize()]);

  it('match alike in NFC, NFD and any mix of the two', () => {
    fc.assert(
      fc.property(text, (t) => {
        const composed = spans(t.normalize('NFC'));
        expect(spans(t.normalize('NFD'))).toEqual(composed);
        expect(spans(t)).toEqual(composed);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the decomposed mark as part of the word', () => {
    const nfd = 'the détente café'.normalize('NFD');
    expect(spans(nfd)).toEqual([['site', 'phrase', 'détente café']]);
    expect(findCandidates(`${nfd}\u0301`, accented)).toEqual([]);
  });
});
