// The pure matcher: whole words, case rules, separators, invisible characters, longest match.
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/core/match.js';
import { compileRules, rulesFromPlan } from '../../src/core/rules.js';
import { rulePlan } from '../../src/data/rule-plan.js';

const rules = rulesFromPlan(rulePlan);
const spans = (text: string) =>
  findCandidates(text, rules).map((c) => [c.topic, c.kind, text.slice(c.start, c.end)]);

describe('findCandidates', () => {
  it('finds phrases case-insensitively across any white space', () => {
    expect(spans('the european phased\u00a0adaptive\n  Approach')).toEqual([
      ['epaa', 'phrase', 'european phased\u00a0adaptive\n  Approach'],
    ]);
  });

  it('takes acronyms only in their own case and as whole words', () => {
    expect(spans('EPAA, epaa, EPAAS, JTAC, JTAs-free, (JTA)')).toEqual([
      ['epaa', 'acronym', 'EPAA'],
      ['jta', 'acronym', 'JTA'],
    ]);
  });

  it('matches spelling variants, possessives and hyphenated forms', () => {
    expect(spans('NATO’s missile-defence plans')).toEqual([
      ['nato-md', 'phrase', 'NATO’s missile-defence'],
    ]);
    expect(spans("NATO's ballistic missile defense")).toEqual([
      ['nato-md', 'phrase', "NATO's ballistic missile defense"],
    ]);
  });

  it('ignores soft hyphens and zero-width characters inside words', () => {
    const text = 'Joint Thr\u00adeat Assess\u200bment';
    expect(spans(text)).toEqual([['jta', 'phrase', text]]);
  });

  it('prefers the longest term at a position', () => {
    expect(spans('territorial ballistic missile defense capability')).toEqual([
      ['nato-md', 'contextual', 'territorial ballistic missile defense'],
    ]);
  });

  it('does not split a combining mark or a surrogate pair from its base', () => {
    expect(spans('EPAA\u0301 and 𝐄EPAA')).toEqual([]);
  });
});

describe('findCandidates, word edges and separators', () => {
  it('keeps the longest term that ends on a word boundary', () => {
    expect(spans('NATO missile defense systems')).toEqual([
      ['nato-md', 'phrase', 'NATO missile defense'],
    ]);
    expect(spans('NATO missile defense system.')).toEqual([
      ['nato-md', 'phrase', 'NATO missile defense system'],
    ]);
  });

  it('matches plural and possessive variants the dataset lists', () => {
    expect(spans('NATO’s missile defences and the Alliance’s missile defense')).toEqual([
      ['nato-md', 'phrase', 'NATO’s missile defences'],
      ['nato-md', 'contextual', 'Alliance’s missile defense'],
    ]);
  });

  it('reads line breaks, tabs and non-breaking hyphens as separators', () => {
    expect(spans('NATO\r\nmissile\n\tdefense')).toEqual([
      ['nato-md', 'phrase', 'NATO\r\nmissile\n\tdefense'],
    ]);
    expect(spans('missile\u2011defence')).toEqual([
      ['nato-md', 'contextual', 'missile\u2011defence'],
    ]);
  });

  it('does not take an invisible character alone for a gap between words', () => {
    expect(spans('missile\u00addefense and missile\u200bdefense')).toEqual([]);
    expect(spans('missile\u00ad defense')).toEqual([
      ['nato-md', 'contextual', 'missile\u00ad defense'],
    ]);
  });

  it('takes an acronym next to punctuation but not inside a longer word', () => {
    expect(spans('(JTA), JTA’s, JTA-led, “JTA”')).toEqual([
      ['jta', 'acronym', 'JTA'],
      ['jta', 'acronym', 'JTA'],
      ['jta', 'acronym', 'JTA'],
      ['jta', 'acronym', 'JTA'],
    ]);
    expect(spans('xJTA JTA2 JTA_x ΑJTA JTA\u200bC JTAs')).toEqual([]);
  });

  it('compiles terms with hyphens and regular-expression characters', () => {
    const custom = compileRules([
      {
        id: 'x',
        match: {
          phrases: ['SM-3 Block IIA', 'U.S. (Aegis) radar'],
          acronyms: ['C++'],
          contextual: [],
          variants: [],
          confirm: { words: ['S-400', 'a+b'], window: 10 },
          reject: { phrases: ['(JTA)'], patterns: [], window: 10 },
        },
      },
    ]);
    const found = (text: string) =>
      findCandidates(text, custom).map((c) => text.slice(c.start, c.end));
    expect(found('the SM\u20113 block IIA and the u.s. (aegis) radar')).toEqual([
      'SM\u20113 block IIA',
      'u.s. (aegis) radar',
    ]);
    expect(found('SMx3 Block IIA, US (Aegis) radar')).toEqual([]);
  });
});

describe('compileRules with a large dictionary', () => {
  it('files a term group for lookup only once a text holds its anchor word', () => {
    const large = rulesFromPlan(rulePlan, { oneScannerUpTo: 0 });
    expect(large.folded.size + large.exact.size).toBe(0);
    expect(large.scannerFor('Nothing to see here.')).toBeNull();
    expect(large.folded.size + large.exact.size).toBe(0);
    const text = 'The European Phased Adaptive Approach, said NATO.';
    expect(findCandidates(text, large).map((c) => c.topic)).toEqual(['epaa']);
    // The EPAA phrase's group is filed; no JTA spelling is.
    expect(large.folded.has('european phased adaptive approach')).toBe(true);
    expect(
      [...large.folded.values(), ...large.exact.values()].flat().map((i) => i.topic),
    ).not.toContain('jta');
    // The small (shipped) dictionary files everything at once.
    const small = rulesFromPlan(rulePlan);
    expect(small.exact.has('JTA')).toBe(true);
  });
});
