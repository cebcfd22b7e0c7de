// The dataset as the bundles carry it: statements and dates referred to by short codes, every
// reference still pointing at the same entry, and the ids the page or the popup show kept.
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/data/schema.js';
import { buildWith } from './build-run.js';
import { articleSources, rawDataset } from './read.js';

const raw = rawDataset as Dataset;

describe('the shipped dataset', () => {
  const run = buildWith(JSON.stringify(raw), articleSources, ['content.js', 'popup/popup.js']);
  const bundles = [run.files['content.js'] ?? '', run.files['popup/popup.js'] ?? ''];

  it('builds', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('leaves out the readable statement and date ids, and keeps event and topic ids', () => {
    for (const bundle of bundles) {
      for (const s of raw.statements) expect(bundle).not.toContain(`"${s.id}"`);
      for (const d of raw.dates) expect(bundle).not.toContain(`"${d.id}"`);
      for (const e of raw.events) expect(bundle).toContain(`"${e.id}"`);
      for (const t of raw.topics) expect(bundle).toContain(`"${t.id}"`);
    }
  });

  it('keeps each statement with its date and each event with its statements, by the new codes', () => {
    const bundle = bundles[0] ?? '';
    // Each statement literal, from its short id to its text, holds the code of its own date.
    const codeOf = (list: { id: string }[], id: string, prefix: string) =>
      prefix + list.findIndex((x) => x.id === id).toString(36);
    for (const [i, s] of raw.statements.entries()) {
      const start = bundle.indexOf(`id:"s${i.toString(36)}"`);
      expect(start, s.id).toBeGreaterThan(-1);
      const literal = bundle.slice(start, bundle.indexOf('}', start));
      if (s.date) expect(literal, s.id).toContain(`date:"${codeOf(raw.dates, s.date, 'd')}"`);
      else expect(literal, s.id).not.toContain('date:');
    }
    for (const e of raw.events) {
      const start = bundle.indexOf(`id:"${e.id}"`);
      const literal = bundle.slice(start, bundle.indexOf('}', start));
      expect(literal, e.id).toContain(`date:"${codeOf(raw.dates, e.date, 'd')}"`);
      const codes = e.statements.map((id) => `"${codeOf(raw.statements, id, 's')}"`).join(',');
      expect(literal, e.id).toContain(`statements:[${codes}]`);
    }
  });
});
