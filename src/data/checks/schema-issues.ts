// Turns valibot issues into errors that name the entry (with its id when the raw data has one) and field.
import type { BaseIssue } from 'valibot';
import { type Collection, entryName, fieldPath } from './report.js';

const COLLECTIONS: ReadonlySet<unknown> = new Set<Collection>([
  'sources',
  'topics',
  'statements',
  'dates',
  'events',
]);

function rawId(raw: unknown, collection: string, index: number): unknown {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const list: unknown = Reflect.get(raw, collection);
  if (!Array.isArray(list)) return undefined;
  const item: unknown = list[index];
  return typeof item === 'object' && item !== null ? Reflect.get(item, 'id') : undefined;
}

// valibot words key problems as types ("Expected never"); say them plainly.
function faultOf(issue: BaseIssue<unknown>): string {
  if (!issue.type.endsWith('object')) return issue.message;
  if (issue.expected === 'never') return 'unknown field; the format has no such field';
  const missing = issue.received === 'undefined' && issue.expected?.startsWith('"') === true;
  return missing ? 'required field is missing' : issue.message;
}

export function describeIssue(issue: BaseIssue<unknown>, raw: unknown): string {
  const fault = faultOf(issue);
  const keys = (issue.path ?? []).map((item) => item.key);
  const [collection, index, ...rest] = keys;
  if (typeof collection === 'string' && COLLECTIONS.has(collection) && typeof index === 'number') {
    const name = entryName(collection, index, rawId(raw, collection, index));
    return rest.length === 0 ? `${name}: ${fault}` : `${name}.${fieldPath(rest)}: ${fault}`;
  }
  return keys.length === 0 ? `dataset: ${fault}` : `${fieldPath(keys)}: ${fault}`;
}
