// The topic phrases the floor and mark.js look for: every phrase, contextual phrase and acronym
// of the bundled dataset (variants spelled out), as one regular expression source.
import { expandVariants } from '../src/core/rules.js';
import type { Dataset } from '../src/data/schema.js';

export function topicTerms(dataset: Pick<Dataset, 'topics'>): string[] {
  const terms = new Set<string>();
  for (const { match } of dataset.topics) {
    for (const phrase of [...match.phrases, ...match.contextual]) {
      for (const spelling of expandVariants(phrase, match.variants)) terms.add(spelling);
    }
    for (const acronym of match.acronyms) terms.add(acronym);
  }
  return [...terms];
}

/** Longest first, so an alternation prefers "NATO missile defense system" to its prefix. */
export function termsSource(terms: readonly string[]): string {
  return [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|');
}
