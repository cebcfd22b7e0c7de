// Snippets for the popup's list: the mention's own sentence, cut at word boundaries.
import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../src/core/snippet.js';

const around = (text: string, term: string, max?: number) => {
  const start = text.indexOf(term);
  return snippetOf(text, start, start + term.length, max);
};

describe('snippetOf', () => {
  it('keeps the mention’s sentence and no other', () => {
    const text = 'First one. The EPAA is a plan for Europe! Last one.';
    expect(around(text, 'EPAA')).toEqual({
      before: 'The ',
      text: 'EPAA',
      after: ' is a plan for Europe!',
    });
  });

  it('never crosses into a nested block', () => {
    const text = 'Heading text\u0000The JTA met\u0000Next block';
    expect(around(text, 'JTA')).toEqual({ before: 'The ', text: 'JTA', after: ' met' });
  });

  it('cuts a long sentence at word boundaries with an ellipsis', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const text = `${words} NATO missile defense ${words}.`;
    const snippet = around(text, 'NATO missile defense', 30);
    expect(snippet.before.startsWith('…')).toBe(true);
    expect(snippet.after.endsWith('…')).toBe(true);
    expect(snippet.before.length).toBeLessThanOrEqual(32);
    expect(snippet.after.length).toBeLessThanOrEqual(32);
    expect(snippet.before).toMatch(/^… ?word\d+ /);
  });

  it('folds runs of white space, as the page shows them', () => {
    const text = 'The\n   European  Phased\tAdaptive Approach\n is here.';
    expect(around(text, 'European  Phased\tAdaptive Approach')).toEqual({
      before: 'The ',
      text: 'European Phased Adaptive Approach',
      after: ' is here.',
    });
  });
});
