// What the dataset says about one topic, ready to show: its statements, most relevant first,
// each with its date and the dated events it reports, cut to the first few for a tooltip.
import type {
  ShippedDataset as Dataset,
  DateEntry,
  ShippedTopic,
  ShippedSource as Source,
  ShippedStatement as Statement,
} from '../data/schema.js';

export interface DatedEvent {
  title: string;
  date: DateEntry;
}

export interface DatedStatement {
  statement: Statement;
  /** When it was said, or the one date it is about. */
  date: DateEntry | null;
  /** Dated events it reports, other than its own date. */
  events: DatedEvent[];
}

export interface TopicContext {
  topic: ShippedTopic;
  /** The statements to show first. */
  shown: DatedStatement[];
  /** The rest, in the same order (shown on demand). */
  more: DatedStatement[];
  /** The sources the statements come from, in dataset order. */
  sources: Source[];
}

/** How many statements a tooltip shows before it says how many more there are. */
export const SHOWN_STATEMENTS = 3;

/** Every statement about the topic: most relevant first, then in the order of their source. */
export function statementsAbout(dataset: Dataset, topicId: string): DatedStatement[] {
  const dates = new Map(dataset.dates.map((d) => [d.id, d]));
  const sourceOrder = new Map(dataset.sources.map((s, i) => [s.id, i]));
  const about = dataset.statements.filter((s) => s.topics.includes(topicId));
  about.sort(
    (a, b) =>
      b.relevance - a.relevance ||
      (sourceOrder.get(a.source) ?? 0) - (sourceOrder.get(b.source) ?? 0) ||
      a.start - b.start,
  );
  return about.map((statement) => {
    const events: DatedEvent[] = [];
    for (const event of dataset.events) {
      if (!event.statements.includes(statement.id) || event.date === statement.date) continue;
      const date = dates.get(event.date);
      if (date) events.push({ title: event.title, date });
    }
    events.sort((a, b) => a.date.value.localeCompare(b.date.value));
    const date = statement.date ? (dates.get(statement.date) ?? null) : null;
    return { statement, date, events };
  });
}

/**
 * The context of one topic, cut after `limit` statements. One statement more than the limit is
 * shown rather than hidden: "1 more" would cost as much room as the statement itself.
 */
export function topicContext(
  dataset: Dataset,
  topicId: string,
  limit = SHOWN_STATEMENTS,
): TopicContext | null {
  const topic = dataset.topics.find((t) => t.id === topicId);
  if (!topic) return null;
  const all = statementsAbout(dataset, topicId);
  const cut = all.length > limit + 1 ? limit : all.length;
  const used = new Set(all.map((s) => s.statement.source));
  return {
    topic,
    shown: all.slice(0, cut),
    more: all.slice(cut),
    sources: dataset.sources.filter((s) => used.has(s.id)),
  };
}
