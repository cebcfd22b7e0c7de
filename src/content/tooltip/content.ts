// Builds the context card of one topic with DOM calls and textContent only (no HTML is ever
// parsed): the topic, its statements with dates and speakers, the rest on demand, the source.
import { explainDate, formatDate, isResolvedDate } from '../../core/dates.js';
import type { DatedStatement, TopicContext } from '../../core/statements.js';
import type { DateEntry } from '../../data/schema.js';
import { topicAttrs } from '../../shared/topic-attrs.js';
import type { Messages } from './messages.js';

type Make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
) => HTMLElementTagNameMap[K];

interface Builder {
  make: Make;
  t: Messages;
  locale: string;
  /** A fresh id, unique within the card. */
  id(name: string): string;
}

export const CARD_CLASS = 'card';

/** The card's element; it carries role="dialog" and is labelled by the topic's name. */
export function buildContextCard(doc: Document, context: TopicContext, t: Messages): HTMLElement {
  let counter = 0;
  const make: Make = (tag, className, text) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const b: Builder = {
    make,
    t,
    locale: t('contextDateLocale') || 'en-US',
    id: (n) => `cl-${n}-${++counter}`,
  };
  const { topic } = context;

  const card = make('div', CARD_CLASS);
  card.setAttribute('role', 'dialog');
  card.tabIndex = -1;
  card.lang = 'en';
  card.dir = 'ltr';
  for (const [name, value] of Object.entries(topicAttrs(topic.id))) card.setAttribute(name, value);

  const head = make('div', 'head');
  const title = make('h2', 'title', topic.name);
  title.id = b.id('title');
  const expansion = make('p', 'expansion', topic.expansion);
  expansion.id = b.id('expansion');
  card.setAttribute('aria-labelledby', `${title.id} ${expansion.id}`);
  const close = make('button', 'close');
  close.type = 'button';
  close.dataset.action = 'close';
  close.setAttribute('aria-label', t('contextClose'));
  close.append(make('span', 'close-icon', '×'));
  close.firstElementChild?.setAttribute('aria-hidden', 'true');
  head.append(make('span', 'swatch'), title, close);

  // The body scrolls when the card is short of room, so it takes focus (the dialog's first):
  // arrow keys then scroll it, and a screen reader starts reading from the dialog's name.
  const body = make('div', 'body');
  body.tabIndex = 0;
  body.setAttribute('role', 'region');
  body.setAttribute('aria-labelledby', title.id);
  body.dataset.initialFocus = '';
  body.append(expansion, make('p', 'description', topic.description));
  body.append(make('h3', 'section', t('contextStatementsHeading')));
  body.append(statementList(b, context.shown));
  if (context.more.length > 0) {
    const rest = statementList(b, context.more);
    rest.id = b.id('more');
    rest.hidden = true;
    rest.classList.add('more-list');
    const toggle = make('button', 'link', t('contextShowMore'));
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', rest.id);
    toggle.addEventListener('click', () => {
      rest.hidden = !rest.hidden;
      toggle.setAttribute('aria-expanded', String(!rest.hidden));
      toggle.textContent = t(rest.hidden ? 'contextShowMore' : 'contextShowFewer');
    });
    const more = make('p', 'more', `${t('contextMoreStatements', [String(context.more.length)])} `);
    more.append(toggle);
    body.append(more, rest);
  }
  for (const source of context.sources) {
    body.append(
      make(
        'p',
        'source',
        t('contextSource', [source.title, source.publisher, source.author, String(source.year)]),
      ),
    );
  }
  card.append(head, body);
  return card;
}

function statementList(b: Builder, statements: readonly DatedStatement[]): HTMLOListElement {
  const list = b.make('ol', 'statements');
  for (const item of statements) list.append(statementItem(b, item));
  return list;
}

function statementItem(b: Builder, { statement, date, events }: DatedStatement): HTMLLIElement {
  const li = b.make('li', `statement ${statement.kind}`);
  if (statement.kind === 'quote') {
    // The text carries the article's own quotation marks, so <blockquote> (which adds none) sets it.
    const figure = b.make('figure', 'quote');
    const quote = b.make('blockquote');
    quote.append(b.make('p', undefined, statement.text));
    figure.append(quote);
    if (statement.speaker) {
      figure.append(b.make('figcaption', 'speaker', b.t('contextQuoteBy', [statement.speaker])));
    }
    li.append(figure);
  } else {
    li.append(b.make('p', 'text', statement.text));
  }
  // A statement dated only through the events it reports shows those dates instead.
  if (date || events.length === 0) {
    const when = b.make('div', 'when');
    if (date) when.append(...dateParts(b, date));
    else when.append(b.make('span', 'undated', b.t('contextUndated')));
    li.append(when);
  }
  if (events.length > 0) {
    const label = b.make('p', 'events-label', b.t('contextEvents'));
    label.id = b.id('events');
    const list = b.make('ul', 'events');
    list.setAttribute('aria-labelledby', label.id);
    for (const event of events) {
      const row = b.make('li');
      row.append(b.make('span', 'event-title', `${event.title}: `), ...dateParts(b, event.date));
      list.append(row);
    }
    li.append(label, list);
  }
  return li;
}

/** A date as <time>, plus, for a date we worked out, a disclosure with the article's words. */
function dateParts(b: Builder, entry: DateEntry): HTMLElement[] {
  const time = b.make('time', 'date', formatDate(entry.value, entry.precision, b.locale));
  time.dateTime = entry.value;
  if (!isResolvedDate(entry)) return [time];
  const explained = explainDate(entry);
  const detail = b.make('span', 'date-words');
  detail.id = b.id('words');
  detail.hidden = true;
  detail.append(b.make('span', 'said', b.t('contextDateSays', [explained.words])));
  if (explained.note) detail.append(' ', b.make('span', 'note', explained.note));
  if (explained.outsideSource) {
    detail.append(' ', b.make('span', 'note', b.t('contextDateFrom', [explained.outsideSource])));
  }
  const toggle = b.make('button', 'link words-toggle', b.t('contextDateWords'));
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', detail.id);
  toggle.addEventListener('click', () => {
    detail.hidden = !detail.hidden;
    toggle.setAttribute('aria-expanded', String(!detail.hidden));
  });
  const wrap = b.make('span', 'date-group');
  wrap.append(time, ' ', toggle);
  return [wrap, detail];
}
