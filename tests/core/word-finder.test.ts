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
});
