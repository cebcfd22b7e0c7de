// Dates of the dataset as a reader sees them: formatted by their precision ("May 30, 2012",
// "July 2009", "2009"), and whether the article's own words are worth showing next to them.
import type { DateEntry } from '../data/schema.js';

export type Precision = DateEntry['precision'];

/** Words that place a date relative to something else, so the resolved date is our reading. */
const relativeWords =
  /\b(?:ago|this|last|next|previous|earlier|later|since|today|yesterday|tomorrow|recently|year-and-a-half)\b/i;

const formatOptions: Record<Precision, Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** Splits `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into numbers; missing parts are 1. */
function partsOf(value: string): [number, number, number] | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!match) return null;
  return [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
}

/** The date written out to its precision, never more precise than the data. */
export function formatDate(value: string, precision: Precision, locale = 'en-US'): string {
  const parts = partsOf(value);
  if (!parts) return value;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; the dataset has four-digit years, but be exact anyway.
  date.setUTCFullYear(year);
  return new Intl.DateTimeFormat(locale, formatOptions[precision]).format(date);
}

/**
 * True when the shown date is resolved rather than read off the page: it comes from another
 * document, or the article's words only place it relative to something ("18 months ago").
 * Such dates offer the article's own words on demand.
 */
export function isResolvedDate(entry: DateEntry): boolean {
  return entry.basis.kind === 'outside' || relativeWords.test(entry.words);
}

export interface DateExplanation {
  /** The article's own words for the date. */
  words: string;
  /** How the date was worked out, when the dataset says. */
  note: string | null;
  /** The outside document that gives it, when there is one. */
  outsideSource: string | null;
}

export function explainDate(entry: DateEntry): DateExplanation {
  const basis = entry.basis;
  return {
    words: entry.words,
    note: basis.note ?? null,
    outsideSource: basis.kind === 'outside' ? basis.source : null,
  };
}
