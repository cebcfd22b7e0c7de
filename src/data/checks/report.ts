// Formats check errors so that each names its entry (collection, index, id), its field and the fault.

export type Collection = 'sources' | 'topics' | 'statements' | 'dates' | 'events';

/** Builds the error for one field of one entry. */
export type At = (field: string, fault: string) => string;

export function entryName(collection: string, index: number, id: unknown): string {
  return typeof id === 'string'
    ? `${collection}[${index}] (id "${id}")`
    : `${collection}[${index}]`;
}

export function entry(collection: Collection, index: number, id: string): At {
  const name = entryName(collection, index, id);
  return (field, fault) => `${name}.${field}: ${fault}`;
}

/** Renders a path such as ["match", "reject", "patterns", 2] as `match.reject.patterns[2]`. */
export function fieldPath(keys: readonly unknown[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/** Lists offsets of every occurrence of `needle` in `haystack`. */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

export function quoted(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}
