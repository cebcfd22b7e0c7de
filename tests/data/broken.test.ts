// Each broken fixture holds one fault; the check must report exactly it, naming the entry and the field.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/data/check.js';
import { buildWith } from './build-run.js';
import { readJson, readText } from './read.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/datasets');
const sources = { 'mini.txt': readText('../fixtures/datasets/mini.txt') };

function errorsOf(fixture: string): string[] {
  const result = checkDataset(readJson(`../fixtures/datasets/${fixture}`), sources);
  return result.ok ? [] : result.errors;
}

describe('checkDataset on broken fixtures', () => {
  it('accepts the unbroken fixture they derive from', () => {
    expect(errorsOf('mini.json')).toEqual([]);
  });

  it('says where a misplaced text really stands', () => {
    expect(errorsOf('broken/wrong-offset.json')).toEqual([
      'statements[0] (id "s-epaa-radars").start: text not found at 49; it occurs at 45',
    ]);
  });

  it('reports a reference to a topic that does not exist', () => {
    expect(errorsOf('broken/unknown-topic.json')).toEqual([
      'statements[0] (id "s-epaa-radars").topics[1]: unknown topic "aegis-ashore"',
    ]);
  });

  it('reports a reference to a date that does not exist', () => {
    expect(errorsOf('broken/unknown-date.json')).toEqual([
      'events[0] (id "e-jta-began").date: unknown date "d-jta-ended"',
    ]);
  });

  it('reports a duplicate id and where it was first used', () => {
    expect(errorsOf('broken/duplicate-id.json')).toEqual([
      'dates[1] (id "d-jta-began").id: duplicate id; first used by dates[0]',
    ]);
  });

  it('reports a date value finer or coarser than its precision', () => {
    expect(errorsOf('broken/date-precision.json')).toEqual([
      'dates[0] (id "d-jta-began").value: "2009-07" does not agree with precision "day" (expected YYYY-MM-DD)',
    ]);
  });

  it('reports a quote without a speaker', () => {
    expect(errorsOf('broken/quote-without-speaker.json')).toEqual([
      'statements[1] (id "s-envoy-quote").speaker: a quote needs a speaker',
    ]);
  });

  it('reports a reject pattern that does not compile', () => {
    const errors = errorsOf('broken/invalid-pattern.json');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^topics\[1\] \(id "jta"\)\.match\.reject\.patterns\[1\]: invalid regular expression: .*\(JTA/,
    );
  });

  it('reports a field of the wrong type, by entry and field', () => {
    expect(errorsOf('broken/schema-type-error.json')).toEqual([
      'statements[2] (id "s-jta-began").start: Invalid type: Expected number but received "193"',
    ]);
  });

  it('reports a paragraph index that disagrees with the offset', () => {
    expect(errorsOf('broken/wrong-paragraph.json')).toEqual([
      'statements[2] (id "s-jta-began").paragraph: is 2 but the text stands in paragraph 3',
    ]);
  });

  it('reports a source file whose text was not given', () => {
    const result = checkDataset(readJson('../fixtures/datasets/mini.json'), {});
    expect(result.ok ? [] : result.errors).toEqual([
      'sources[0] (id "mini-note").file: no text was given for "mini.txt"',
    ]);
  });
});

describe('the build on a broken dataset', () => {
  const build = (dataset: string) =>
    buildWith(dataset, { 'mini.txt': readFileSync(join(fixtures, 'mini.txt'), 'utf8') });

  it('stops with the entry and field at fault, and writes no extension', () => {
    const run = build(readFileSync(join(fixtures, 'broken/unknown-topic.json'), 'utf8'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'statements[0] (id "s-epaa-radars").topics[1]: unknown topic "aegis-ashore"',
    );
    expect(run.files['manifest.json']).toBeNull();
  }, 30_000);

  it('names a source whose file is missing, rather than crashing', () => {
    const dataset = JSON.parse(readFileSync(join(fixtures, 'mini.json'), 'utf8'));
    dataset.sources[0].file = 'gone.txt';
    const run = build(JSON.stringify(dataset));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /sources\[0\] \(id "[^"]+"\)\.file: no text was given for "gone\.txt"/,
    );
    expect(run.stderr).not.toContain('ENOENT');
  }, 30_000);

  it('says a file that is not JSON is not JSON', () => {
    const run = build('{"sources": [');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/dataset\.json cannot be read as JSON: /);
    expect(run.stderr).not.toContain('    at ');
    expect(run.files['manifest.json']).toBeNull();
  }, 30_000);

  it('builds the unbroken fixture, so the failures above are the faults', () => {
    const run = build(readFileSync(join(fixtures, 'mini.json'), 'utf8'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.files['manifest.json']).toContain('"manifest_version": 3');
  }, 60_000);
});
