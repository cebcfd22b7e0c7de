// The bundled dataset validates, quotes its article byte for byte, and gives every topic something to show.
import { describe, expect, it } from 'vitest';
import raw from '../../assets/data/dataset.json';
import { checkDataset } from '../../src/data/check.js';
import type { Dataset } from '../../src/data/schema.js';

/** The dataset whole, with the fields only checks read (the extension ships it without them). */
const dataset = raw as Dataset;

import { article, articleSources, rawDataset } from './read.js';

const result = checkDataset(rawDataset, articleSources);

describe('bundled dataset', () => {
  it('passes every check', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is what src/data/dataset.ts exports', () => {
    expect(result.ok && result.dataset).toEqual(dataset);
  });

  it('quotes every statement byte for byte at its offsets', () => {
    const bytes = Buffer.from(article, 'utf8');
    for (const s of dataset.statements) {
      expect(article.slice(s.start, s.end), s.id).toBe(s.text);
      // The same text, located by bytes, proves offsets index the UTF-8 file as decoded, not its bytes.
      const byteStart = Buffer.byteLength(article.slice(0, s.start), 'utf8');
      expect(
        bytes.subarray(byteStart, byteStart + Buffer.byteLength(s.text)).toString('utf8'),
        s.id,
      ).toBe(s.text);
    }
  });

  it('gives every topic at least one statement', () => {
    for (const topic of dataset.topics) {
      const count = dataset.statements.filter((s) => s.topics.includes(topic.id)).length;
      expect(count, topic.id).toBeGreaterThan(0);
    }
  });

  it('keeps the article’s typos and typography', () => {
    const texts = dataset.statements.map((s) => s.text).join('\n');
    for (const quirk of [
      'Ms. Tauschers',
      'what they doing',
      'that that there',
      'Europe… not Russia.”',
      'Russia’s',
    ]) {
      expect(texts).toContain(quirk);
    }
  });

  it('attributes every quote to Ellen Tauscher', () => {
    const quotes = dataset.statements.filter((s) => s.kind === 'quote');
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q.speaker, q.id).toBe('Ellen Tauscher');
  });

  it('names the three topics the extension is built around', () => {
    expect(dataset.topics.map((t) => t.id)).toEqual(['epaa', 'jta', 'nato-md']);
  });
});
