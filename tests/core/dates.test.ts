// Dates written out to their precision, and which of them offer the article's own words.
import { describe, expect, it } from 'vitest';
import { explainDate, formatDate, isResolvedDate } from '../../src/core/dates.js';
import { dataset } from '../../src/data/dataset.js';
import type { DateEntry } from '../../src/data/schema.js';

const entry = (id: string): DateEntry => {
  const found = dataset.dates.find((d) => d.id === id);
  if (!found) throw new Error(`no date ${id}`);
  return found;
};

describe('formatDate', () => {
  it('writes each precision, and never more precisely than the data', () => {
    expect(formatDate('2012-05-30', 'day')).toBe('May 30, 2012');
    expect(formatDate('2009-07', 'month')).toBe('July 2009');
    expect(formatDate('2009', 'year')).toBe('2009');
  });

  it('does not slip a day at either end of a month or year, whatever the time zone', () => {
    expect(formatDate('2009-12-31', 'day')).toBe('December 31, 2009');
    expect(formatDate('2010-01-01', 'day')).toBe('January 1, 2010');
    expect(formatDate('2010-01', 'month')).toBe('January 2010');
  });

  it('follows the locale it is given', () => {
    expect(formatDate('2012-05-30', 'day', 'de-DE')).toBe('30. Mai 2012');
    expect(formatDate('2009-07', 'month', 'fr-FR')).toBe('juillet 2009');
  });

  it('shows a malformed value as it is rather than a wrong date', () => {
    expect(formatDate('May 2012', 'month')).toBe('May 2012');
  });

  it('formats every date of the dataset to its precision', () => {
    const shown = dataset.dates.map((d) => formatDate(d.value, d.precision));
    expect(shown).toEqual([
      'May 30, 2012',
      '2009',
      'November 2010',
      'March 2012',
      'July 2009',
      'July 2009',
      'December 2009',
      'May 2010',
    ]);
  });
});

describe('isResolvedDate', () => {
  it('offers the article’s words for dates from outside and for relative wording', () => {
    expect(isResolvedDate(entry('d-rusi-conference'))).toBe(true);
    expect(isResolvedDate(entry('d-nato-territorial-decision'))).toBe(true);
    expect(isResolvedDate(entry('d-march-2012'))).toBe(true);
  });

  it('does not for dates the article writes out', () => {
    expect(isResolvedDate(entry('d-moscow-summit'))).toBe(false);
    expect(isResolvedDate(entry('d-photo-2009'))).toBe(false);
    expect(isResolvedDate(entry('d-jta-session-3'))).toBe(false);
  });
});

describe('explainDate', () => {
  it('gives the words, the reasoning and the outside source', () => {
    const explained = explainDate(entry('d-nato-territorial-decision'));
    expect(explained.words).toBe('18 months ago');
    expect(explained.note).toContain('Lisbon Summit');
    expect(explained.outsideSource).toContain('Twelfth RUSI Missile Defense Conference');
  });

  it('has no outside source for a date the article gives', () => {
    const explained = explainDate(entry('d-march-2012'));
    expect(explained.words).toBe('On March this year');
    expect(explained.outsideSource).toBeNull();
  });
});
