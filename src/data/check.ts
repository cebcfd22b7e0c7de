// Validates raw dataset JSON against the schema and against its source texts; pure, for the build and the tests.
import * as v from 'valibot';
import { checkDates } from './checks/dates.js';
import { checkReferences } from './checks/references.js';
import { describeIssue } from './checks/schema-issues.js';
import { checkStatements } from './checks/statements.js';
import { checkTopicsAndEvents } from './checks/topics.js';
import { type Dataset, DatasetSchema } from './schema.js';

export { type Paragraph, paragraphsOf } from './paragraphs.js';

export type CheckResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/**
 * Checks `raw` (parsed dataset JSON). `sources` maps each source's file name to its text.
 * Every error names its entry (collection, index and id), the field, and what is wrong.
 */
export function checkDataset(raw: unknown, sources: Readonly<Record<string, string>>): CheckResult {
  const parsed = v.safeParse(DatasetSchema, raw);
  // Later checks rely on the shape, so a schema failure is reported alone.
  if (!parsed.success)
    return { ok: false, errors: parsed.issues.map((issue) => describeIssue(issue, raw)) };
  const dataset = parsed.output;
  const errors = [
    ...checkReferences(dataset),
    ...checkStatements(dataset, sources),
    ...checkDates(dataset),
    ...checkTopicsAndEvents(dataset),
  ];
  return errors.length === 0 ? { ok: true, dataset } : { ok: false, errors };
}
