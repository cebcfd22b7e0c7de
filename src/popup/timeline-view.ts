// The timeline of the dated events for the topics on the page: a drawn axis where each event is
// as wide as its date is precise (a month-precision event spans the month), and the same events
// as a list, each opening onto the statements that report it. The drawing is for the eye and
// the mouse; the list is what keyboards and screen readers use.
import { formatDate } from '../core/dates.js';
import { layoutTimeline } from '../core/timeline.js';
import type { ShippedDataset as Dataset, DateEntry, Event } from '../data/schema.js';
import { el } from '../shared/dom.js';
import { t, uiLocale } from '../shared/i18n.js';
import { topicAttrs } from '../shared/topic-attrs.js';

interface DatedEvent {
  event: Event;
  date: DateEntry;
}

export function eventsFor(dataset: Dataset, topics: ReadonlySet<string>): DatedEvent[] {
  const dates = new Map(dataset.dates.map((d) => [d.id, d]));
  return dataset.events
    .filter((event) => event.topics.some((topic) => topics.has(topic)))
    .flatMap((event) => {
      const date = dates.get(event.date);
      return date ? [{ event, date }] : [];
    })
    .sort(
      (a, b) => a.date.value.localeCompare(b.date.value) || a.event.id.localeCompare(b.event.id),
    );
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;
const LANE_HEIGHT = 14;

function statementsOf(dataset: Dataset, event: Event): HTMLElement {
  const byId = new Map(dataset.statements.map((s) => [s.id, s]));
  const items = event.statements.flatMap((id) => {
    const statement = byId.get(id);
    if (!statement) return [];
    const parts: HTMLElement[] = [el('p', { className: 'statement-text', text: statement.text })];
    if (statement.kind === 'quote' && statement.speaker) {
      parts.push(el('p', { className: 'speaker', text: t('popupQuoteBy', [statement.speaker]) }));
    }
    return [el('li', { className: `statement ${statement.kind}` }, ...parts)];
  });
  return el('ul', { className: 'statements' }, ...items);
}

export function timelineView(dataset: Dataset, topics: ReadonlySet<string>): HTMLElement | null {
  const events = eventsFor(dataset, topics);
  if (events.length === 0) return null;
  const locale = uiLocale();
  const layout = layoutTimeline(
    events.map(({ event, date }) => ({
      id: event.id,
      value: date.value,
      precision: date.precision,
    })),
  );
  const details = new Map<string, HTMLDetailsElement>();
  const list = el(
    'ol',
    { className: 'events' },
    ...events.map(({ event, date }) => {
      const when = formatDate(date.value, date.precision, locale);
      const item = el(
        'details',
        { attrs: { 'data-event': event.id } },
        el(
          'summary',
          {},
          el('time', { text: when, attrs: { datetime: date.value } }),
          el('span', { className: 'event-title', text: event.title }),
        ),
        statementsOf(dataset, event),
      );
      details.set(event.id, item);
      return el('li', { attrs: topicAttrs(event.topics[0] ?? '') }, item);
    }),
  );

  const track = el('div', { className: 'timeline-track', attrs: { 'aria-hidden': 'true' } });
  track.style.height = `${layout.lanes * LANE_HEIGHT + 20}px`;
  for (const tick of layout.ticks) {
    const mark = el('span', { className: 'tick', text: String(tick.year) });
    mark.style.left = percent(tick.left);
    track.append(mark);
  }
  for (const mark of layout.marks) {
    const dated = events.find((e) => e.event.id === mark.id);
    if (!dated) continue;
    const when = formatDate(dated.date.value, dated.date.precision, locale);
    const bar = el('div', {
      className: 'event-mark',
      attrs: {
        title: `${when}: ${dated.event.title}`,
        'data-event': mark.id,
        ...topicAttrs(dated.event.topics[0] ?? ''),
      },
    });
    bar.style.left = percent(mark.left);
    bar.style.width = percent(mark.width);
    bar.style.top = `${mark.lane * LANE_HEIGHT}px`;
    bar.addEventListener('click', () => {
      const target = details.get(mark.id);
      if (!target) return;
      target.open = true;
      target.querySelector('summary')?.focus();
      target.scrollIntoView({ block: 'nearest' });
    });
    track.append(bar);
  }
  return el(
    'section',
    { className: 'timeline', attrs: { 'aria-labelledby': 'timeline-heading' } },
    el('h2', { text: t('popupTimelineHeading'), attrs: { id: 'timeline-heading' } }),
    track,
    list,
  );
}
