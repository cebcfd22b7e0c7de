// The word finder behind the anchor test: any case, invisible characters inside words, the three
// apostrophes, composed and decomposed letters, and the same answers for ten thousand words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordFinder } from '../../src/core/word-finder.js';

function finder(words: string[]): WordFinder {
  const made = WordFinder.of(words);
  if (!made) throw new Error('no finder');
  return made;
}

describe('WordFinder', () => {
  const f = finder(['missile', 'epaa', "nato's", 'kürecik']);

  it('finds words in any case, inside other text', () => {
    expect(f.wordsIn('The MISSILE shield and the Epaa.')).toEqual([0, 1]);
    expect(f.test('nothing here')).toBe(false);
    expect(f.test('antimissiles')).toBe(true);
  });

  it('steps over invisible characters and folds apostrophes', () => {
    expect(f.wordsIn('mis\u00ADsi\u200Ble')).toEqual([0]);
    expect(f.wordsIn('NATO\u2019s and NATO\u02BCs')).toEqual([2]);
  });

  it('finds composed and decomposed letters alike', () => {
    expect(f.wordsIn('Kürecik'.normalize('NFD'))).toEqual([3]);
    expect(f.wordsIn('KÜRECIK')).toEqual([3]);
  });

  it('finds overlapping words and words inside words', () => {
    const g = finder(['he', 'she', 'hers', 'his']);
    expect(g.wordsIn('ushers')).toEqual([0, 1, 2]);
  });

  it('agrees with a plain search, for ten thousand words', () => {
    const word = fc.stringMatching(/^[a-e]{2,6}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 300 }),
        fc.string(),
        (words, text) => {
          const lower = text.toLowerCase();
          const expected = words.flatMap((w, i) => (lower.includes(w) ? [i] : []));
          expect(finder(words).wordsIn(text)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
    const many = Array.from({ length: 10_000 }, (_, i) => `w${i.toString(36)}x`);
    const big = finder(many);
    expect(big.wordsIn(`a ${many[9999]} and ${many[1234]}`)).toEqual([1234, 9999]);
    expect(big.test('nothing of the sort')).toBe(false);
  });

  it('agrees with a plain search when its states outgrow two bytes a cell', () => {
    // 30,000 distinct 8-letter words share few prefixes: well over 65,535 states.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return letters[(seed >>> 16) % 26] ?? 'a';
    };
    const words = [
      ...new Set(Array.from({ length: 30_000 }, () => Array.from({ length: 8 }, next).join(''))),
    ];
    expect(words.length).toBeGreaterThan(29_500);
    const big = finder(words);
    const last = words.length - 1;
    expect(big.wordsIn(`x ${words[last]} y ${words[17]} z`)).toEqual([17, last]);
    expect(big.test(`..${(words[29_000] ?? '').toUpperCase()}..`)).toBe(true);
    const text = 'the quick brown fox jumps over the lazy dog';
    const expected = words.flatMap((w, i) => (text.includes(w) ? [i] : []));
    expect(big.wordsIn(text)).toEqual(expected);
  });
});
