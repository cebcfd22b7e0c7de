// Disambiguation: phrases count alone, acronyms and contextual terms need the page to confirm
// their topic, and the dataset's look-alikes (news agencies, journals, other countries' missile
// defense) never count.
import { describe, expect, it } from 'vitest';
import {
  judge,
  NO_EVIDENCE,
  type PageEvidence,
  pageConfirms,
  tallyTopics,
  type Verdict,
} from '../../src/core/disambiguate.js';
import { findCandidates } from '../../src/core/match.js';
import { compileRules, rulesFromPlan } from '../../src/core/rules.js';
import { rulePlan } from '../../src/data/rule-plan.js';
import type { Topic } from '../../src/data/schema.js';

const rules = rulesFromPlan(rulePlan);

function verdicts(text: string, evidence: PageEvidence = NO_EVIDENCE, compiled = rules) {
  return findCandidates(text, compiled).map((c): [string, string, Verdict] => [
    c.topic,
    text.slice(c.start, c.end),
    judge(c, text, compiled, evidence),
  ]);
}

const pageNames = (...topics: string[]): PageEvidence => ({ has: (t) => topics.includes(t) });

describe('judge, the rules themselves', () => {
  const custom = (match: Partial<Topic['match']>) =>
    compileRules([
      {
        id: 't',
        match: {
          phrases: ['Widget Treaty'],
          acronyms: ['WT'],
          contextual: ['treaty talks'],
          variants: [],
          confirm: { words: ['widget', 'Alliance'], window: 20 },
          reject: { phrases: ['gadget'], patterns: [], window: 20 },
          ...match,
        },
      },
    ]);

  it('counts a phrase on its own, unless a look-alike pattern covers it', () => {
    expect(verdicts('gadget gadget Widget Treaty', NO_EVIDENCE, custom({}))).toEqual([
      ['t', 'Widget Treaty', 'mention'],
    ]);
    const patterned = custom({
      reject: { phrases: [], patterns: ['Widget Treaty Office'], window: 20 },
    });
    expect(verdicts('the Widget Treaty Office', NO_EVIDENCE, patterned)).toEqual([
      ['t', 'Widget Treaty', 'not-mention'],
    ]);
  });

  it('counts an acronym with a topic word near it, waits without one', () => {
    const compiled = custom({});
    expect(verdicts('widget WT', NO_EVIDENCE, compiled)).toEqual([['t', 'WT', 'mention']]);
    expect(verdicts(`widget${' '.repeat(40)}WT`, NO_EVIDENCE, compiled)).toEqual([
      ['t', 'WT', 'pending'],
    ]);
    expect(verdicts(`widget${' '.repeat(40)}WT`, pageNames('t'), compiled)).toEqual([
      ['t', 'WT', 'mention'],
    ]);
  });

  it('lets a look-alike near the term veto it, even when the page names the topic', () => {
    expect(verdicts('widget gadget WT', pageNames('t'), custom({}))).toEqual([
      ['t', 'WT', 'not-mention'],
    ]);
    expect(verdicts(`gadget${' '.repeat(40)}WT`, pageNames('t'), custom({}))).toEqual([
      ['t', 'WT', 'mention'],
    ]);
  });

  it('lets a look-alike that contains the term veto it, but never the term itself', () => {
    const compiled = custom({
      reject: { phrases: ['big treaty talks', 'treaty talks'], patterns: [], window: 20 },
    });
    expect(verdicts('the big treaty talks', pageNames('t'), compiled)).toEqual([
      ['t', 'treaty talks', 'not-mention'],
    ]);
    expect(verdicts('the treaty talks', pageNames('t'), compiled)).toEqual([
      ['t', 'treaty talks', 'mention'],
    ]);
  });

  it('does not let a term confirm itself', () => {
    const compiled = custom({ contextual: ['Alliance treaty talks'] });
    expect(verdicts('Alliance treaty talks', NO_EVIDENCE, compiled)).toEqual([
      ['t', 'Alliance treaty talks', 'pending'],
    ]);
  });

  it('reads a word cut by the window edge whole', () => {
    // "gadgetry" is no look-alike, even though its first letters fall inside the window.
    const text = `gadgetry${' '.repeat(15)}WT widget`;
    expect(verdicts(text, NO_EVIDENCE, custom({}))).toEqual([['t', 'WT', 'mention']]);
  });

  it('takes topic words and look-alikes only at the start of a word', () => {
    const compiled = custom({});
    expect(verdicts('supergadget WT', pageNames('t'), compiled)).toEqual([['t', 'WT', 'mention']]);
    expect(verdicts('9gadget WT', pageNames('t'), compiled)).toEqual([['t', 'WT', 'mention']]);
    // An astral letter (a surrogate pair) before the word counts as a letter too.
    expect(verdicts('𝐀gadget WT', pageNames('t'), compiled)).toEqual([['t', 'WT', 'mention']]);
    expect(verdicts('megawidget WT', NO_EVIDENCE, compiled)).toEqual([['t', 'WT', 'pending']]);
    // Punctuation, or a gadget after a word ending in one, does not shield it.
    expect(verdicts('(gadget) WT', pageNames('t'), compiled)).toEqual([['t', 'WT', 'not-mention']]);
    expect(verdicts('supergadget gadget WT', pageNames('t'), compiled)).toEqual([
      ['t', 'WT', 'not-mention'],
    ]);
    expect(verdicts('megawidget widget WT', NO_EVIDENCE, compiled)).toEqual([
      ['t', 'WT', 'mention'],
    ]);
  });

  it('judges the terms of a long block as those of a short one', () => {
    // What lies far from a term changes nothing about it: neither the windows nor the patterns.
    const filler = ' Nothing to see in this sentence.'.repeat(160);
    const compiled = custom({
      reject: { phrases: ['gadget'], patterns: ['Widget Treaty Office'], window: 20 },
    });
    const texts = [
      'widget WT, then WT, then gadget WT.',
      `gadgetry${' '.repeat(15)}WT widget`,
      'the Widget Treaty Office and the Widget Treaty',
      `widget${' '.repeat(40)}WT gadget`,
    ];
    for (const text of texts) {
      const short = verdicts(text, NO_EVIDENCE, compiled);
      expect(short.length, text).toBeGreaterThan(0);
      expect(verdicts(filler + text + filler, NO_EVIDENCE, compiled), text).toEqual(short);
      expect((filler + text).length).toBeGreaterThan(4096);
    }
  });
});

describe('judge, with the dataset', () => {
  it.each<[string, string, [string, string, Verdict][]]>([
    [
      'EPAA with interceptors',
      'The EPAA will put SM-3 interceptors in Romania.',
      [['epaa', 'EPAA', 'mention']],
    ],
    ['EPAA with radar', 'A radar in Turkey is part of the EPAA.', [['epaa', 'EPAA', 'mention']]],
    [
      'JTA with missiles',
      'The two sides finished a JTA of ballistic missile threats.',
      [['jta', 'JTA', 'mention']],
    ],
    ['JTA with Medvedev', 'Obama and Medvedev agreed on the JTA.', [['jta', 'JTA', 'mention']]],
    ['BMD with NATO', 'BMD sites at Deveselu now serve NATO.', [['nato-md', 'BMD', 'mention']]],
    [
      'missile defense in Europe',
      'Russia objects to missile defense in Europe.',
      [['nato-md', 'missile defense', 'mention']],
    ],
    [
      'a lower-case joint threat assessment about missiles',
      'In 2009 the U.S. and Russia agreed to a joint threat assessment of missile programs.',
      [['jta', 'joint threat assessment', 'mention']],
    ],
    [
      'a spelled-out phrase',
      'Joint Threat Assessment',
      [['jta', 'Joint Threat Assessment', 'mention']],
    ],
  ])('counts %s', (_, text, expected) => {
    expect(verdicts(text)).toEqual(expected);
  });

  it.each<[string, string, [string, string, Verdict][]]>([
    [
      'a JTA dateline',
      'WASHINGTON (JTA) — Lawmakers debated a missile deal.',
      [['jta', 'JTA', 'not-mention']],
    ],
    [
      'a two-word JTA dateline',
      'TEL AVIV (JTA) -- A missile struck near the port.',
      [['jta', 'JTA', 'not-mention']],
    ],
    ['a JTA byline', 'By Ron Kampeas, JTA', [['jta', 'JTA', 'not-mention']]],
    [
      'a mixed-case JTA dateline',
      'Jerusalem (JTA) The missile alert sounded twice.',
      [['jta', 'JTA', 'not-mention']],
    ],
    [
      'the UK Missile Defence Centre',
      'The Missile Defence Centre in Europe tested radars.',
      [['nato-md', 'Missile Defence', 'not-mention']],
    ],
    [
      'a JTA credit',
      'The missile figures were first reported by JTA.',
      [['jta', 'JTA', 'not-mention']],
    ],
    [
      'JTA.org',
      'This story originally appeared on JTA.org about missile alerts.',
      [['jta', 'JTA', 'not-mention']],
    ],
    [
      'the Jewish Telegraphic Agency',
      'the Jewish Telegraphic Agency (JTA) covered the missile attack',
      [['jta', 'JTA', 'not-mention']],
    ],
    [
      'the Jacksonville Transportation Authority',
      'The Jacksonville Transportation Authority (JTA) added buses.',
      [['jta', 'JTA', 'not-mention']],
    ],
    ['JTA bus riders', 'JTA riders can now pay by phone.', [['jta', 'JTA', 'pending']]],
    [
      'an FBI joint threat assessment',
      'The FBI and DHS issued a joint threat assessment before the vote.',
      [['jta', 'joint threat assessment', 'not-mention']],
    ],
    [
      'a Joint Threat Assessment by police',
      'A Joint Threat Assessment warned local police of unrest.',
      [['jta', 'Joint Threat Assessment', 'not-mention']],
    ],
    [
      'JTA quoted as a source',
      'A senior missile engineer told JTA the sirens came late.',
      [['jta', 'JTA', 'not-mention']],
    ],
    [
      'a JTA bureau chief',
      'JTA’s Washington bureau chief covered the missile strikes.',
      [['jta', 'JTA', 'not-mention']],
    ],
    [
      'JTA reporting',
      'JTA reported that ballistic missile fragments fell in the north.',
      [['jta', 'JTA', 'not-mention']],
    ],
    [
      'a school threat assessment team',
      'The Joint Threat Assessment team met after a student posted a threat.',
      [['jta', 'Joint Threat Assessment', 'not-mention']],
    ],
    [
      'a generic joint threat assessment',
      'Both agencies finished a joint threat assessment of the stadium.',
      [['jta', 'joint threat assessment', 'not-mention']],
    ],
    [
      'the Middle East Phased Adaptive Approach',
      'The Middle East Phased Adaptive Approach puts ballistic missile interceptors in the Gulf.',
      [['epaa', 'Phased Adaptive Approach', 'not-mention']],
    ],
    [
      "Ukraine's air defense",
      'NATO allies sent Ukraine more Patriot batteries for its missile defense.',
      [['nato-md', 'missile defense', 'not-mention']],
    ],
    [
      'the European Sky Shield Initiative',
      'Germany leads the European Sky Shield Initiative for missile defence in Europe.',
      [['nato-md', 'missile defence', 'not-mention']],
    ],
    [
      'the education journal',
      'Education Policy Analysis Archives (EPAA) opens a special issue on missile-era schools.',
      [['epaa', 'EPAA', 'not-mention']],
    ],
    [
      'a journal citation',
      'Smith, J. (2019). Funding rural schools. EPAA, 27(41).',
      [['epaa', 'EPAA', 'not-mention']],
    ],
    [
      'the animal-testing partnership',
      'The European Partnership for Alternative Approaches to Animal Testing (EPAA) met NATO-area regulators.',
      [['epaa', 'EPAA', 'not-mention']],
    ],
    [
      'Iron Dome',
      'Israel’s Iron Dome missile defense system stopped rockets fired at towns near Europe’s ports.',
      [['nato-md', 'missile defense', 'not-mention']],
    ],
    [
      'Aegis Ashore in Japan',
      'Japan scrapped its Aegis Ashore missile defense plan despite NATO interest.',
      [['nato-md', 'missile defense', 'not-mention']],
    ],
    [
      'homeland missile defense',
      'The homeland missile defense budget grew as Europe watched.',
      [['nato-md', 'missile defense', 'not-mention']],
    ],
    [
      'Golden Dome',
      'The Golden Dome missile shield would cost more than Europe spends.',
      [['nato-md', 'missile shield', 'not-mention']],
    ],
    [
      'the Missile Defense Agency',
      'The Missile Defense Agency tested an interceptor; NATO observers watched.',
      [['nato-md', 'Missile Defense', 'not-mention']],
    ],
    [
      'bone mineral density',
      'Bone mineral density (BMD) was measured in a European cohort.',
      [['nato-md', 'BMD', 'not-mention']],
    ],
  ])('does not count %s', (_, text, expected) => {
    expect(verdicts(text)).toEqual(expected);
  });

  it('keeps look-alikes out even on a page that names every topic', () => {
    const everywhere = pageNames('jta', 'epaa', 'nato-md');
    expect(verdicts('NEW YORK (JTA) — A synagogue opened a pantry.', everywhere)).toEqual([
      ['jta', 'JTA', 'not-mention'],
    ]);
    expect(verdicts('Israel’s Iron Dome missile defense intercepts a barrage', everywhere)).toEqual(
      [['nato-md', 'missile defense', 'not-mention']],
    );
    expect(
      verdicts('Education Policy Analysis Archives (EPAA) opens a special issue', everywhere),
    ).toEqual([['epaa', 'EPAA', 'not-mention']]);
  });

  it('counts an acronym defined in parentheses, even before a dash', () => {
    expect(verdicts('The Joint Threat Assessment (JTA) — a review of missile threats')).toEqual([
      ['jta', 'Joint Threat Assessment', 'mention'],
      ['jta', 'JTA', 'mention'],
    ]);
  });

  it('counts terms far from any topic word on a page that names the topic', () => {
    const text = 'Both governments have held three JTA sessions, in July and December 2009.';
    expect(verdicts(text)).toEqual([['jta', 'JTA', 'pending']]);
    expect(verdicts(text, pageNames('jta'))).toEqual([['jta', 'JTA', 'mention']]);
  });
});

describe('page evidence', () => {
  const candidate = (topic: string, kind: 'phrase' | 'acronym' | 'contextual') => ({
    topic,
    kind,
    start: 0,
    end: 1,
  });

  it('tallies each topic: phrases, terms confirmed on their block, terms vetoed', () => {
    const tallies = tallyTopics([
      { candidate: candidate('a', 'phrase'), verdict: 'mention' },
      { candidate: candidate('a', 'contextual'), verdict: 'mention' },
      { candidate: candidate('a', 'acronym'), verdict: 'not-mention' },
      { candidate: candidate('a', 'acronym'), verdict: 'pending' },
      { candidate: candidate('b', 'phrase'), verdict: 'not-mention' },
    ]);
    expect(Object.fromEntries(tallies)).toEqual({
      a: { phrases: 1, confirmed: 2, vetoed: 1 },
      b: { phrases: 0, confirmed: 0, vetoed: 1 },
    });
  });

  it('confirms a topic named by a phrase unless look-alikes outnumber its confirmed terms', () => {
    expect(pageConfirms(undefined)).toBe(false);
    expect(pageConfirms({ phrases: 0, confirmed: 5, vetoed: 0 })).toBe(false);
    expect(pageConfirms({ phrases: 1, confirmed: 1, vetoed: 0 })).toBe(true);
    expect(pageConfirms({ phrases: 1, confirmed: 2, vetoed: 2 })).toBe(true);
    expect(pageConfirms({ phrases: 1, confirmed: 2, vetoed: 3 })).toBe(false);
  });
});
