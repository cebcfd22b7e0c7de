// Checks dates: the value's form agrees with its precision and names a real day, and the article's words are in use.
import type { Dataset, DateEntry } from '../schema.js';
import { type At, entry, quoted } from './report.js';

const FORMS: Record<DateEntry['precision'], RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
};
const SHAPES: Record<DateEntry['precision'], string> = {
  year: 'YYYY',
  month: 'YYYY-MM',
  day: 'YYYY-MM-DD',
};

function isRealDate(value: string): boolean {
  const [year = Number.NaN, month = 1, day = 1] = value.split('-').map(Number);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not move years 0–99 into the 1900s.
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function checkValue(date: DateEntry, at: At): string[] {
  if (!FORMS[date.precision].test(date.value)) {
    return [
      at(
        'value',
        `"${date.value}" does not agree with precision "${date.precision}" (expected ${SHAPES[date.precision]})`,
      ),
    ];
  }
  return isRealDate(date.value) ? [] : [at('value', `"${date.value}" is not a real date`)];
}

/** Texts of the statements that use each date, directly or through an event. */
function textsByDate(dataset: Dataset): Map<string, string[]> {
  const textOf = new Map(dataset.statements.map((s) => [s.id, s.text]));
  const byDate = new Map<string, string[]>();
  const add = (dateId: string, text: string | undefined): void => {
    if (text === undefined) return;
    byDate.set(dateId, [...(byDate.get(dateId) ?? []), text]);
  };
  for (const s of dataset.statements) if (s.date !== undefined) add(s.date, s.text);
  for (const e of dataset.events) for (const id of e.statements) add(e.date, textOf.get(id));
  return byDate;
}

/** Date values well formed for their precision; each date used, and its words found where it is used. */
export function checkDates(dataset: Dataset): string[] {
  const byDate = textsByDate(dataset);
  return dataset.dates.flatMap((date, i) => {
    const at = entry('dates', i, date.id);
    const errors = checkValue(date, at);
    const texts = byDate.get(date.id);
    if (texts === undefined) {
      errors.push(at('id', 'no statement or event uses this date'));
    } else if (!texts.some((text) => text.includes(date.words))) {
      errors.push(
        at('words', `${quoted(date.words)} does not occur in any statement that uses this date`),
      );
    }
    return errors;
  });
}
