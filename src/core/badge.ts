// The toolbar badge of a tab: the frames' counts summed, the number capped so it fits ("999+"),
// and a title that names the topics ("3 mentions: EPAA 1, JTA 2").

/** Mentions per topic id. */
export type Counts = Readonly<Record<string, number>>;

export const BADGE_CAP = 999;

export interface FrameReport {
  counts: Counts;
  /** False when the frame's site is switched off. */
  enabled: boolean;
}

export function totalOf(counts: Counts): number {
  let total = 0;
  for (const n of Object.values(counts)) total += n;
  return total;
}

/**
 * The tab's counts: every frame that is switched on, summed. When the top frame (id 0) is
 * switched off, the whole tab is: the user switched off the site they are looking at.
 */
export function tabCounts(frames: Readonly<Record<string, FrameReport>>): Counts {
  if (frames['0']?.enabled === false) return {};
  const sum: Record<string, number> = {};
  for (const frame of Object.values(frames)) {
    if (!frame.enabled) continue;
    for (const [topic, n] of Object.entries(frame.counts)) {
      if (n > 0) sum[topic] = (sum[topic] ?? 0) + n;
    }
  }
  return sum;
}

export function badgeText(total: number): string {
  if (!(total > 0)) return '';
  return total > BADGE_CAP ? `${BADGE_CAP}+` : String(Math.floor(total));
}

export type BadgeMessageKey = 'badgeTitleOne' | 'badgeTitleMany';
export type BadgeMessages = (key: BadgeMessageKey, substitutions: string[]) => string;

/**
 * "3 mentions: EPAA 1, JTA 2", topics in the given order; empty when there is nothing. The
 * sentence comes from the locale files through `t`, the list and numbers from Intl.
 */
export function badgeTitle(
  counts: Counts,
  topics: readonly { id: string; name: string }[],
  t: BadgeMessages,
  locale = 'en',
): string {
  const total = totalOf(counts);
  if (total <= 0) return '';
  const number = new Intl.NumberFormat(locale);
  const known = topics.filter((topic) => (counts[topic.id] ?? 0) > 0);
  const parts = known.map((topic) => `${topic.name} ${number.format(counts[topic.id] ?? 0)}`);
  const list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(parts);
  return total === 1
    ? t('badgeTitleOne', [list])
    : t('badgeTitleMany', [number.format(total), list]);
}
