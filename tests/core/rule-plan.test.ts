// The rule plan made at build time: it survives being shipped as JSON, packs spellings without
// loss, and compiles to the rules compiling the topics directly gives, for any set of kept topics.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from '../../assets/data/dataset.json';
import { findCandidates } from '../../src/core/match.js';
import {
  type CompiledRules,
  compileRules,
  packSpellings,
  planRules,
  rulesFromPlan,
  unpackSpellings,
} from '../../src/core/rules.js';
import type { Dataset } from '../../src/data/schema.js';

const topics = (raw as Dataset).topics;
/** The plan as the bundle carries it: written out as JSON and read back. */
const shipped = JSON.parse(JSON.stringify(planRules(topics)));

const sample = [
  'The European Phased Adaptive Approach (EPAA) and the EPAA’s radars.',
  'A Joint Threat Assessment, the JTA, was agreed; JTA Jacksonville buses run late.',
  'NATO’s missile-defence system and NATO ballistic missile defense, said the Alliance.',
  'Missile defense in Japan: Aegis, THAAD and the Iron Dome. Nothing about EPAA here? EPAA.',
].join('\n');

const found = (rules: CompiledRules) =>
  findCandidates(sample, rules).map((c) => [c.topic, c.kind, sample.slice(c.start, c.end)]);

describe('packSpellings', () => {
  const form = fc.stringMatching(/^[A-Za-z’'\- ]{0,12}$/);
  const accented = fc.constantFrom('Kürecik', 'Kürecik'.normalize('NFD'), 'Ḑ', '𝐍ATO');

  it('unpacks what it packed, in sorted order, whatever the forms share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(form, accented), fc.nat({ max: 40 })), { maxLength: 30 }),
        (spellings) => {
          const packed = packSpellings(spellings as [string, number][]);
          const sorted = [...spellings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          expect(unpackSpellings(packed)).toEqual(sorted);
        },
      ),
    );
  });

  it('makes the shipped spellings smaller by what variants share', () => {
    const plan = planRules(topics);
    const packed = plan.spellings.join('').length;
    const spelledOut = plan.spellings.flatMap(unpackSpellings).reduce((n, [f]) => n + f.length, 0);
    expect(packed).toBeLessThan(spelledOut / 2);
  });

  it('refuses a form it could not unpack', () => {
    expect(() => packSpellings([['two\nlines', 0]])).toThrow(/cannot be packed/);
  });
});

describe('rulesFromPlan', () => {
  it('finds what compiling the topics finds, from the plan as shipped', () => {
    const direct = found(compileRules(topics));
    expect(direct.length).toBeGreaterThan(8);
    expect(found(rulesFromPlan(shipped))).toEqual(direct);
    expect(found(rulesFromPlan(shipped, { oneScannerUpTo: 0 }))).toEqual(direct);
  });

  it('keeps only the kept topics, as compiling those topics alone does', () => {
    for (const kept of [['jta'], ['epaa', 'nato-md'], ['nato-md']]) {
      const only = rulesFromPlan(shipped, { keep: new Set(kept) });
      const alone = compileRules(topics.filter((t) => kept.includes(t.id)));
      expect(found(only), kept.join()).toEqual(found(alone));
      expect([...only.topics.keys()]).toEqual(kept);
      expect(new Set(found(only).map(([topic]) => topic))).toEqual(new Set(kept));
    }
    // A text whose only term belongs to a topic switched off holds no anchor.
    expect(rulesFromPlan(shipped, { keep: new Set(['jta']) }).anchors.test('EPAA')).toBe(false);
  });
});
