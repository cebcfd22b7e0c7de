// Checks that ids are unique within each collection and that every reference names an existing entry.
import type { Dataset } from '../schema.js';
import { type At, type Collection, entry } from './report.js';

type Ids = Record<Collection, ReadonlySet<string>>;

function uniqueIds(dataset: Dataset, collection: Collection, errors: string[]): Set<string> {
  const firstIndex = new Map<string, number>();
  dataset[collection].forEach(({ id }, index) => {
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else
      errors.push(
        entry(collection, index, id)('id', `duplicate id; first used by ${collection}[${first}]`),
      );
  });
  return new Set(firstIndex.keys());
}

function collectIds(dataset: Dataset, errors: string[]): Ids {
  return {
    sources: uniqueIds(dataset, 'sources', errors),
    topics: uniqueIds(dataset, 'topics', errors),
    statements: uniqueIds(dataset, 'statements', errors),
    dates: uniqueIds(dataset, 'dates', errors),
    events: uniqueIds(dataset, 'events', errors),
  };
}

const NOUN: Record<Collection, string> = {
  sources: 'source',
  topics: 'topic',
  statements: 'statement',
  dates: 'date',
  events: 'event',
};

function refer(known: Ids, target: Collection, ref: string, field: string, at: At): string[] {
  return known[target].has(ref) ? [] : [at(field, `unknown ${NOUN[target]} "${ref}"`)];
}

function referList(
  known: Ids,
  target: Collection,
  refs: readonly string[],
  field: string,
  at: At,
): string[] {
  return refs.flatMap((ref, i) => {
    const problems = refer(known, target, ref, `${field}[${i}]`, at);
    if (refs.indexOf(ref) !== i) problems.push(at(`${field}[${i}]`, `"${ref}" is listed twice`));
    return problems;
  });
}

/** Duplicate ids and unresolved references; empty when all is well. */
export function checkReferences(dataset: Dataset): string[] {
  const errors: string[] = [];
  const known = collectIds(dataset, errors);
  dataset.statements.forEach((s, i) => {
    const at = entry('statements', i, s.id);
    errors.push(...refer(known, 'sources', s.source, 'source', at));
    errors.push(...referList(known, 'topics', s.topics, 'topics', at));
    if (s.date !== undefined) errors.push(...refer(known, 'dates', s.date, 'date', at));
  });
  dataset.events.forEach((e, i) => {
    const at = entry('events', i, e.id);
    errors.push(...refer(known, 'dates', e.date, 'date', at));
    errors.push(...referList(known, 'topics', e.topics, 'topics', at));
    errors.push(...referList(known, 'statements', e.statements, 'statements', at));
  });
  return errors;
}
