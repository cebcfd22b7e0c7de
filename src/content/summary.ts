// What this frame tells the popup: its address, whether it is switched on, counts per topic and
// every mention (or the first `listed`) in document order with a snippet of its sentence.
import { snippetOf } from '../core/snippet.js';
import { MAX_LISTED_MENTIONS, type PageSummary, type TopicCounts } from '../shared/messages.js';
import type { Mention } from './mentions.js';

export function countsOf(mentions: readonly Mention[]): TopicCounts {
  const counts: Record<string, number> = {};
  for (const m of mentions) counts[m.topic] = (counts[m.topic] ?? 0) + 1;
  return counts;
}

export function pageSummary(
  mentions: readonly Mention[],
  enabled: boolean,
  where: Pick<Location, 'href' | 'hostname'>,
  listed = MAX_LISTED_MENTIONS,
): PageSummary {
  return {
    url: where.href,
    host: where.hostname,
    enabled,
    counts: countsOf(mentions),
    total: mentions.length,
    mentions: mentions.slice(0, Math.min(listed, MAX_LISTED_MENTIONS)).map((m, index) => {
      const { before, text, after } = snippetOf(m.blockText, m.start, m.end);
      return { index, topic: m.topic, text: text.slice(0, 300), before, after };
    }),
  };
}
