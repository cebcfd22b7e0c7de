// The toolbar badge: frames summed (none when the top frame is switched off), the number capped
// at "999+", and a title naming each topic with its count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BadgeMessages,
  badgeText,
  badgeTitle,
  tabCounts,
  totalOf,
} from '../../src/core/badge.js';

const topics = [
  { id: 'epaa', name: 'EPAA' },
  { id: 'jta', name: 'JTA' },
  { id: 'nato-md', name: 'NATO missile defense' },
];

/** The English messages, with Chrome's $1-style substitution. */
const english: BadgeMessages = (key, subs) =>
  ({ badgeTitleOne: '1 mention: $1', badgeTitleMany: '$1 mentions: $2' })[key].replace(
    /\$(\d)/g,
    (_, n) => subs[Number(n) - 1] ?? '',
  );

describe('badgeText', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [42, '42'],
    [999, '999'],
    [1000, '999+'],
    [5_000_000, '999+'],
    [-3, ''],
    [Number.NaN, ''],
  ])('%d → %j', (total, text) => {
    expect(badgeText(total)).toBe(text);
  });

  it('always fits in four characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(badgeText(n).length).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe('badgeTitle', () => {
  it('names each topic with its count, in the topics’ order', () => {
    expect(badgeTitle({ jta: 2, epaa: 1 }, topics, english)).toBe('3 mentions: EPAA 1, JTA 2');
  });

  it('says "1 mention" for one', () => {
    expect(badgeTitle({ 'nato-md': 1 }, topics, english)).toBe('1 mention: NATO missile defense 1');
  });

  it('writes large numbers with the locale’s separators', () => {
    expect(badgeTitle({ epaa: 1201 }, topics, english, 'en')).toBe('1,201 mentions: EPAA 1,201');
    expect(badgeTitle({ epaa: 1201 }, topics, english, 'de')).toBe('1.201 mentions: EPAA 1.201');
  });

  it('is empty when there is nothing, and leaves out topics with none', () => {
    expect(badgeTitle({}, topics, english)).toBe('');
    expect(badgeTitle({ epaa: 0, jta: 0 }, topics, english)).toBe('');
    expect(badgeTitle({ epaa: 0, jta: 2 }, topics, english)).toBe('2 mentions: JTA 2');
  });

  it('counts topics it cannot name in the total only', () => {
    expect(badgeTitle({ epaa: 1, other: 4 }, topics, english)).toBe('5 mentions: EPAA 1');
  });
});

describe('tabCounts', () => {
  it('sums the frames that are switched on', () => {
    expect(
      tabCounts({
        '0': { counts: { epaa: 1, jta: 1 }, enabled: true },
        '7': { counts: { jta: 2 }, enabled: true },
        '9': { counts: { epaa: 5 }, enabled: false },
      }),
    ).toEqual({ epaa: 1, jta: 3 });
  });

  it('counts nothing when the top frame’s site is switched off', () => {
    expect(
      tabCounts({
        '0': { counts: {}, enabled: false },
        '7': { counts: { jta: 2 }, enabled: true },
      }),
    ).toEqual({});
  });

  it('the total is the sum of the frames’ totals', () => {
    const frame = fc.record({
      counts: fc.dictionary(fc.constantFrom('epaa', 'jta', 'nato-md'), fc.nat(1000)),
      enabled: fc.constant(true),
    });
    fc.assert(
      fc.property(fc.dictionary(fc.nat(50).map(String), frame), (frames) => {
        const expected = Object.values(frames).reduce((sum, f) => sum + totalOf(f.counts), 0);
        expect(totalOf(tabCounts(frames))).toBe(expected);
      }),
    );
  });
});
