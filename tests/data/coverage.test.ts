// Maps every paragraph of the article to the statements that cover it; anything left out is listed with a reason.
import { describe, expect, it } from 'vitest';
import raw from '../../assets/data/dataset.json';
import { paragraphsOf } from '../../src/data/check.js';
import type { Dataset } from '../../src/data/schema.js';

/** The dataset whole, with the fields only checks read (the extension ships it without them). */
const dataset = raw as Dataset;

import { article } from './read.js';

/** [paragraph index, its opening words, the statements that stand in it]. */
const COVERAGE: ReadonlyArray<readonly [number, string, readonly string[]]> = [
  [0, 'Is NATO Missile Defense', ['s-headline']],
  [1, 'With its commitment to', ['s-not-directed-against-russia']],
  [2, 'In her remarks at', ['s-strategic-partnership-with-russia']],
  [3, 'Ms. Tauschers says the', ['s-two-objectives']],
  [4, 'U.S. President Barack Obama', ['s-photo-caption']],
  [5, 'First, she cites that', ['s-see-with-own-eyes']],
  [6, '“It will allow Russia', ['s-quote-epaa-not-against-russia']],
  [7, 'Second, she notes that', ['s-true-strategic-partnership']],
  [8, '“Russia should come inside', ['s-quote-cooperation-tent']],
  [9, 'Russia has also observed', ['s-intercept-tests']],
  [10, 'We will also be', ['s-protect-european-populations']],
  [11, 'At the same time,', ['s-areas-of-cooperation']],
  [12, 'The United States and', ['s-transparent-programs']],
  [13, 'The US has provided', ['s-transparency-ideas']],
  [14, 'She adds that the', ['s-building-confidence']],
  [15, 'In addition, she highlighted', ['s-terminate-cooperation']],
  [16, 'It will take time', ['s-trust-lacking']],
  [17, '“But let me be', ['s-quote-no-preconditions']],
  [18, 'She notes that the', ['s-no-limitations']],
  [19, 'The US cannot agree', ['s-no-military-technical-criteria']],
  [20, '“If we can work', ['s-quote-game-changer']],
  [21, 'She notes that that', ['s-risks-manageable']],
  [22, '“So we will keep', ['s-quote-plan-for-cooperation']],
  [23, 'At the Conference, Ms.', ['s-progress-in-18-months']],
  [24, 'In that year-and-a-half period,', ['s-peacetime-capability']],
  [25, '“That means that NATO', ['s-quote-first-radar-and-interceptors']],
  [26, 'This progress was only', ['s-allies-embraced-epaa']],
  [27, 'On March this year,', ['s-march-not-undercut-russia']],
  [28, 'United States always stresses', ['s-new-security-environment']],
  [29, 'With the relentless efforts', ['s-prepared-to-cooperate']],
  [30, 'US intends to continue', ['s-continue-negotiations']],
  [31, 'Both governments are continuing', ['s-mutually-acceptable-approach']],
  [32, 'United States and Russia', ['s-mistrust-into-partnership']],
  [33, 'In an effort to', ['s-jta-agreed-at-moscow-summit']],
  [34, 'The objective of these', ['s-jta-objective', 's-jta-three-sessions']],
  [35, 'The United States has', ['s-cooperation-proposals']],
  [36, 'Joint research and development;', ['s-proposed-areas']],
];

/** Paragraphs deliberately not represented by any statement, and why. */
const LEFT_OUT: ReadonlyArray<{ paragraph: number; opening: string; reason: string }> = [
  {
    paragraph: 37,
    opening: 'Mina Fabulous\nMina Fabulous follows',
    reason:
      'Byline and author bio: about the writer, not the topics. The source entry keeps the author and pen name.',
  },
];

// Words that make a paragraph topical: it may then never be left out.
const TOPICAL = [
  /missile defen[cs]e|European Phased Adaptive Approach|Joint Threat Assessment/i,
  /\b(?:EPAA|JTA)\b/,
  /\b(?:1[89]|20)\d\d\b/,
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/,
  /\b(?:today|yesterday|tomorrow|years?|months?|weeks?|days?)\b/i,
];

const paragraphs = paragraphsOf(article);
const fromArticle = dataset.statements.filter((s) => s.source === 'newsblaze-nato-md-russia');
const coveredBy = (start: number, end: number): string[] =>
  fromArticle.filter((s) => start <= s.start && s.end <= end).map((s) => s.id);

describe('coverage of the article', () => {
  it('accounts for every paragraph exactly once, in order', () => {
    const listed = [...COVERAGE.map(([i]) => i), ...LEFT_OUT.map((l) => l.paragraph)].sort(
      (a, b) => a - b,
    );
    expect(listed).toEqual(paragraphs.map((p) => p.index));
  });

  it('names each paragraph by its real opening words', () => {
    for (const [i, opening] of COVERAGE)
      expect(paragraphs[i]?.text.startsWith(opening), `${i}`).toBe(true);
    for (const l of LEFT_OUT)
      expect(paragraphs[l.paragraph]?.text.startsWith(l.opening), `${l.paragraph}`).toBe(true);
  });

  it('covers each listed paragraph with exactly the statements listed', () => {
    for (const [i, , ids] of COVERAGE) {
      const p = paragraphs[i];
      expect(p && coveredBy(p.start, p.end), `paragraph ${i}`).toEqual(ids);
    }
  });

  it('leaves no paragraph both uncovered and unlisted', () => {
    const leftOut = new Set(LEFT_OUT.map((l) => l.paragraph));
    const bare = paragraphs.filter(
      (p) => coveredBy(p.start, p.end).length === 0 && !leftOut.has(p.index),
    );
    expect(bare.map((p) => `${p.index}: ${p.text.slice(0, 40)}`)).toEqual([]);
  });

  it('leaves out only paragraphs that no statement covers', () => {
    for (const l of LEFT_OUT) {
      const p = paragraphs[l.paragraph];
      expect(p && coveredBy(p.start, p.end), `paragraph ${l.paragraph}`).toEqual([]);
    }
  });

  it('never leaves out a topical or dated paragraph', () => {
    for (const l of LEFT_OUT) {
      const text = paragraphs[l.paragraph]?.text ?? '';
      const hits = TOPICAL.filter((pattern) => pattern.test(text)).map(String);
      expect(hits, `paragraph ${l.paragraph} (${l.reason})`).toEqual([]);
    }
  });

  it('gives a reason for every paragraph left out', () => {
    for (const l of LEFT_OUT) expect(l.reason.length).toBeGreaterThan(20);
  });
});
