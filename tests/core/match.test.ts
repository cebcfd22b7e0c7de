// The pure matcher: whole words, case rules, separators, invisible characters, longest match.
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/core/match.js';
import { compileRules } from '../../src/core/rules.js';
import { dataset } from '../../src/data/dataset.js';

const rules = compileRules(dataset.topics);
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
