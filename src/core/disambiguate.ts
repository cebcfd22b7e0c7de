// Decides whether a candidate term really is a mention of its topic. Phrases count on their own;
// acronyms and contextual terms need the page to confirm the topic, and look-alikes never count.
import type { Candidate } from './match.js';
import type { CompiledRules, TopicRule } from './rules.js';

/** Topics named unambiguously (by a phrase) somewhere on the page, by topic id. */
export type PageEvidence = Set<string>;

export type Verdict = 'mention' | 'not-mention' | 'pending';

function occursNear(re: RegExp | null, text: string, start: number, end: number, window: number) {
  if (!re) return false;
  // The candidate itself is cut out, so a term never confirms or vetoes itself.
  for (const part of [
    text.slice(Math.max(0, start - window), start),
    text.slice(end, end + window),
  ]) {
    re.lastIndex = 0;
    if (re.test(part)) return true;
  }
  return false;
}

function coveredByPattern(rule: TopicRule, text: string, start: number, end: number): boolean {
  for (const pattern of rule.rejectPatterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m.index < end && m.index + m[0].length > start) return true;
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return false;
}

/**
 * The verdict on one candidate in its block's text. A phrase is a mention unless a look-alike
 * pattern covers it; an acronym or contextual term is a mention when a topic word stands near it
 * or the page names the topic by a phrase anywhere, and never when a look-alike stands near it.
 * Otherwise it waits ('pending'): a phrase further down the page may still confirm it.
 */
export function judge(
  candidate: Candidate,
  text: string,
  rules: CompiledRules,
  evidence: PageEvidence,
): Verdict {
  const rule = rules.topics.get(candidate.topic);
  if (!rule) return 'not-mention';
  const { start, end } = candidate;
  if (coveredByPattern(rule, text, start, end)) return 'not-mention';
  if (candidate.kind === 'phrase') return 'mention';
  if (occursNear(rule.reject, text, start, end, rule.rejectWindow)) return 'not-mention';
  if (occursNear(rule.confirm, text, start, end, rule.confirmWindow)) return 'mention';
  return evidence.has(candidate.topic) ? 'mention' : 'pending';
}

/** Records the topics a block names by a phrase; true when that is news to the page. */
export function gatherEvidence(
  verdicts: readonly { candidate: Candidate; verdict: Verdict }[],
  evidence: PageEvidence,
): boolean {
  let changed = false;
  for (const { candidate, verdict } of verdicts) {
    if (candidate.kind === 'phrase' && verdict === 'mention' && !evidence.has(candidate.topic)) {
      evidence.add(candidate.topic);
      changed = true;
    }
  }
  return changed;
}
