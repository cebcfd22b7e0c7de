// A dataset with a second source (and a fourth topic) passes the same checks: adding them is a data change only.
import { describe, expect, it } from 'vitest';
import { planRules } from '../../src/core/rules.js';
import { topicSlot } from '../../src/core/topic-slot.js';
import { checkDataset } from '../../src/data/check.js';
import type { Dataset } from '../../src/data/schema.js';
import { buildWith } from './build-run.js';
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

describe('building with a fourth topic', () => {
  const css = readText('../../src/content/content.css');
  /** The declarations of the first rule whose selector list holds `selector` (outside @media). */
  const declarations = (sheet: string, selector: string) => {
    const top = sheet
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
    const rule = [...top.matchAll(/([^{}]+)\{([^{}]*)\}/g)].find(([, selectors]) =>
      (selectors ?? '').split(',').some((s) => s.trim() === selector),
    );
    return rule?.[2]?.trim() ?? null;
  };

  it('paints, styles and lists it with no change to the code', () => {
    const run = buildWith(JSON.stringify(raw), texts, [
      'content.css',
      'content.js',
      'popup/popup.js',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const built = run.files['content.css'] ?? '';
    const ids = ['epaa', 'jta', 'nato-md', 'new-start'];
    ids.forEach((id, index) => {
      // Each topic's highlights, plain and filled, take the rules of its palette slot.
      const slot = topicSlot(index);
      for (const [name, placeholder] of [
        [`context-lens-${id}`, `context-lens-slot-${slot}`],
        [`context-lens-fill-${id}`, `context-lens-fill-slot-${slot}`],
      ]) {
        const own = declarations(built, `::highlight(${name})`);
        expect(own, name).toMatch(/background-color: rgb\(/);
        expect(own, name).toBe(declarations(css, `::highlight(${placeholder})`));
      }
      // And forced colours paint it too.
      expect(built).toMatch(
        new RegExp(
          `@media \\(forced-colors: active\\) \\{[^}]*::highlight\\(context-lens-${id}\\)`,
        ),
      );
    });
    // The fourth topic's slot is its own: no other topic's line style.
    expect(declarations(built, '::highlight(context-lens-new-start)')).toContain('double');
    // The bundles carry it: its name for the popup and card, and its terms for the scanner in
    // the rule plan made at build time (whose anchor words the bundle holds as one array).
    expect(run.files['content.js']).toContain('New START');
    const plan = planRules((raw as Dataset).topics);
    expect(plan.anchors).toContain('start');
    expect(run.files['content.js']).toContain(`anchors:${JSON.stringify(plan.anchors)}`);
    expect(run.files['popup/popup.js']).toContain('new-start');
  }, 60_000);
});
