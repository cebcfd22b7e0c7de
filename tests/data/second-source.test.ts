// A dataset with a second source (and a fourth topic) passes the same checks: adding them is a data change only.
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/data/check.js';
import { article, readJson, readText } from './read.js';

const raw = readJson('../fixtures/datasets/two-sources/dataset.json');
const briefing = readText('../fixtures/datasets/two-sources/briefing.txt');
const texts = { 'article.txt': article, 'briefing.txt': briefing };

describe('a dataset with two sources', () => {
  const result = checkDataset(raw, texts);

  it('validates with no change to the code', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('locates each statement in its own source', () => {
    if (!result.ok) throw new Error('fixture does not validate');
    const { dataset } = result;
    expect(dataset.sources.map((s) => s.file)).toEqual(['article.txt', 'briefing.txt']);
    for (const s of dataset.statements) {
      const file = dataset.sources.find((source) => source.id === s.source)?.file;
      const text = file === 'briefing.txt' ? briefing : article;
      expect(text.slice(s.start, s.end), s.id).toBe(s.text);
    }
    expect(new Set(dataset.statements.map((s) => s.source)).size).toBe(2);
  });

  it('takes a fourth topic as data', () => {
    if (!result.ok) throw new Error('fixture does not validate');
    expect(result.dataset.topics.map((t) => t.id)).toEqual(['epaa', 'jta', 'nato-md', 'new-start']);
  });

  it('checks offsets against the right file', () => {
    const swapped = checkDataset(raw, { 'article.txt': article, 'briefing.txt': article });
    expect(swapped.ok ? [] : swapped.errors).toContain(
      'statements[4] (id "b-new-start-in-force").start: text not found at 333; it does not occur in "briefing.txt"',
    );
  });

  it('needs the text of every source', () => {
    const missing = checkDataset(raw, { 'article.txt': article });
    expect(missing.ok ? [] : missing.errors).toEqual([
      'sources[1] (id "briefing-lisbon").file: no text was given for "briefing.txt"',
    ]);
  });
});
