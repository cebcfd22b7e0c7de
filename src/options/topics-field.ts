// Options: one switch per topic; a topic switched off is no longer looked for on any page.
import { dataset } from '../data/dataset.js';
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import type { Settings } from '../shared/settings.js';
import { topicAttrs } from '../shared/topic-attrs.js';

export function topicsField(save: (change: Partial<Settings>) => void) {
  const boxes = new Map<string, HTMLInputElement>();
  const items = dataset.topics.map((topic) => {
    const id = `topic-${topic.id}`;
    const box = el('input', { attrs: { type: 'checkbox', id, ...topicAttrs(topic.id) } });
    boxes.set(topic.id, box);
    box.addEventListener('change', () => {
      const off = [...boxes].filter(([, b]) => !b.checked).map(([topicId]) => topicId);
      save({ disabledTopics: off });
    });
    return el(
      'li',
      {},
      box,
      el(
        'label',
        { attrs: { for: id } },
        el('span', {
          className: 'topic-chip',
          text: topic.name,
          attrs: topicAttrs(topic.id),
        }),
        ` ${topic.expansion}`,
      ),
    );
  });
  const element = el(
    'fieldset',
    { className: 'topics' },
    el('legend', { text: t('optionsTopicsLegend') }),
    el('p', { className: 'hint', text: t('optionsTopicsHint') }),
    el('ul', { className: 'plain' }, ...items),
  );
  return {
    element,
    show(settings: Settings) {
      for (const [topicId, box] of boxes) box.checked = !settings.disabledTopics.includes(topicId);
    },
  };
}
