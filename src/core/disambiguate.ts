// Decides whether a candidate term really is a mention of its topic. Phrases count on their own;
// acronyms and contextual terms need the page to confirm the topic, and look-alikes never count.
import type { Candidate } from './match.js';
import type { CompiledRules, TopicRule } from './rules.js';
import { charStart, hasIgnorable } from './text.js';

/** What the rest of the page says: whether, as a whole, it confirms a topic (see pageConfirms). */
export interface PageEvidence {
  has(topic: string): boolean;
}

/** A page that names no topic: judging against it tells what the block alone decides. */
export const NO_EVIDENCE: PageEvidence = { has: () => false };

export type Verdict = 'mention' | 'not-mention' | 'pending';

/** Extra text read on each side of a window, so a word cut by the window's edge is read whole. */
const MARGIN = 40;

/**
 * What is worked out once per text judged, not once per candidate: a block's candidates are
 * judged one after another. Whether it holds no invisible character (null: not asked yet), and
 * where each look-alike pattern matches in it.
 */
let judgedText: string | null = null;
let judgedPlain: boolean | null = null;
const spans = new Map<RegExp, number[]>();

function judging(text: string): void {
  if (text === judgedText) return;
  judgedText = text;
  judgedPlain = null;
  spans.clear();
}

/** True when `text` holds no invisible character (the word lists' plain expressions apply). */
function isPlain(text: string): boolean {
  judging(text);
  judgedPlain ??= !hasIgnorable(text);
  return judgedPlain;
}

/**
 * Where a look-alike pattern matches in `text`, as start and end offsets in turn (empty matches
 * too): found once per block, not once per candidate, which ran every pattern over it again.
 */
function spansIn(re: RegExp, text: string): readonly number[] {
  judging(text);
  let found = spans.get(re);
  if (!found) {
    found = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      found.push(m.index, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
    spans.set(re, found);
  }
  return found;
}

const letterOrDigit = /[\p{L}\p{N}]/u;

/** True when a letter or digit ends just before `index` (a surrogate pair read whole). */
function letterBefore(text: string, index: number): boolean {
  return index > 0 && letterOrDigit.test(text.slice(charStart(text, index), index));
}

/**
 * True when `re` matches within `window` characters of the candidate. A confirming word must
 * lie outside the candidate; a look-alike may also overlap it ("homeland missile defense" vetoes
 * the "missile defense" inside it). Either way a candidate never confirms or vetoes itself.
 */
function occursNear(
  re: RegExp | null,
  text: string,
  candidate: { start: number; end: number },
  window: number,
  mayOverlap: boolean,
): boolean {
  if (!re) return false;
  const { start, end } = candidate;
  const from = Math.max(0, start - window);
  const to = end + window;
  const offset = Math.max(0, from - MARGIN);
  const part = text.slice(offset, to + MARGIN);
  re.lastIndex = 0;
  for (let m = re.exec(part); m !== null; m = re.exec(part)) {
    // A word list's expression leaves the start of a word to this check.
    if (m[0].length === 0 || letterBefore(part, m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const s = offset + m.index;
    const e = s + m[0].length;
    if (e <= from || s >= to) continue;
    const outside = e <= start || s >= end;
    const within = s >= start && e <= end;
    if (mayOverlap ? !within : outside) return true;
  }
  return false;
}

function coveredByPattern(rule: TopicRule, text: string, start: number, end: number): boolean {
  for (const pattern of rule.rejectPatterns) {
    const found = spansIn(pattern, text);
    for (let i = 0; i < found.length; i += 2) {
      if ((found[i] as number) < end && (found[i + 1] as number) > start) return true;
    }
  }
  return false;
}

/**
 * The verdict on one candidate in its block's text. A phrase is a mention unless a look-alike
 * pattern covers it; an acronym or contextual term is a mention when a topic word stands near it
 * or the page as a whole confirms the topic, and never when a look-alike stands near it.
 * Otherwise it waits ('pending'): what the rest of the page says may still confirm it.
 */
export function judge(
  candidate: Candidate,
  text: string,
  rules: CompiledRules,
  evidence: PageEvidence,
): Verdict {
  const rule = rules.topics.get(candidate.topic);
  if (!rule) return 'not-mention';
  if (coveredByPattern(rule, text, candidate.start, candidate.end)) return 'not-mention';
  if (candidate.kind === 'phrase') return 'mention';
  const plain = isPlain(text);
  if (occursNear(rule.reject(plain), text, candidate, rule.rejectWindow, true))
    return 'not-mention';
  if (occursNear(rule.confirm(plain), text, candidate, rule.confirmWindow, false)) return 'mention';
  return evidence.has(candidate.topic) ? 'mention' : 'pending';
}

/** What a page's terms of one topic say, judged each on its own block (never on the page). */
export interface Tally {
  /** Phrases naming the topic. */
  phrases: number;
  /** Terms that count on their block's evidence alone: phrases and confirmed terms. */
  confirmed: number;
  /** Terms that look-alikes vetoed. */
  vetoed: number;
}

/** Tallies one block's candidates by topic, from the verdicts they get on the block alone. */
export function tallyTopics(
  verdicts: readonly { candidate: Candidate; verdict: Verdict }[],
): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const { candidate, verdict } of verdicts) {
    if (verdict === 'pending') continue;
    const tally = tallies.get(candidate.topic) ?? { phrases: 0, confirmed: 0, vetoed: 0 };
    if (verdict === 'not-mention') tally.vetoed++;
    else {
      tally.confirmed++;
      if (candidate.kind === 'phrase') tally.phrases++;
    }
    tallies.set(candidate.topic, tally);
  }
  return tallies;
}

/**
 * True when the page as a whole confirms a topic, so a term with no topic word near it counts:
 * the page names the topic by a phrase, and its confirmed terms are at least as many as its
 * look-alikes. On a page about Israel's missile defense, one aside on NATO's does not make every
 * other "missile defense" NATO's.
 */
export function pageConfirms(tally: Tally | undefined): boolean {
  return tally !== undefined && tally.phrases > 0 && tally.confirmed >= tally.vetoed;
}
