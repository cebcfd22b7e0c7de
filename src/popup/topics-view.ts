// The topics found on the page, each with its full name and count, in the dataset's order.
import type { ShippedTopic } from '../data/schema.js';
import { el } from '../shared/dom.js';
import { t, uiLocale } from '../shared/i18n.js';
import { topicAttrs } from '../shared/topic-attrs.js';

export function topicsView(
  topics: readonly ShippedTopic[],
  counts: Readonly<Record<string, number>>,
) {
  const number = new Intl.NumberFormat(uiLocale());
  const found = topics.filter((topic) => (counts[topic.id] ?? 0) > 0);
  const items = found.map((topic) =>
    el(
      'li',
      { className: 'topic', attrs: topicAttrs(topic.id) },
      el('span', { className: 'topic-chip', text: topic.name, attrs: topicAttrs(topic.id) }),
      el('span', { className: 'topic-expansion', text: topic.expansion }),
      el('span', {
        className: 'topic-count',
        text: number.format(counts[topic.id] ?? 0),
        attrs: { 'aria-label': t('popupTopicCount', [String(counts[topic.id] ?? 0)]) },
      }),
    ),
  );
  return el(
    'section',
    { className: 'topics', attrs: { 'aria-labelledby': 'topics-heading' } },
    el('h2', { text: t('popupTopicsHeading'), attrs: { id: 'topics-heading' } }),
    el('ul', { className: 'topic-list' }, ...items),
  );
}
