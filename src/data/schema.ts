// Valibot schemas for the bundled dataset; every dataset type is inferred from them.
import * as v from 'valibot';

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9-]+$/, 'an id uses only lower-case letters, digits and hyphens'),
);
const Text = v.pipe(v.string(), v.nonEmpty('must not be empty'));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Window = Count;

export const SourceSchema = v.strictObject({
  id: Id,
  title: Text,
  publisher: Text,
  author: Text,
  authorNote: v.optional(Text),
  year: v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(9999)),
  yearBasis: Text,
  // A bare file name: sources live next to the dataset, never elsewhere.
  file: v.pipe(v.string(), v.regex(/^[\w.-]+$/, 'a file name without folders')),
});

export const TopicMatchSchema = v.strictObject({
  phrases: v.array(Text),
  acronyms: v.array(v.pipe(v.string(), v.regex(/^\S+$/, 'an acronym is one word'))),
  contextual: v.array(Text),
  variants: v.array(
    v.pipe(v.array(Text), v.minLength(2, 'a variant group needs two words or more')),
  ),
  confirm: v.strictObject({ words: v.array(Text), window: Window }),
  reject: v.strictObject({ phrases: v.array(Text), patterns: v.array(Text), window: Window }),
});

export const TopicSchema = v.strictObject({
  id: Id,
  name: Text,
  expansion: Text,
  description: Text,
  match: TopicMatchSchema,
});

export const StatementSchema = v.strictObject({
  id: Id,
  source: Id,
  topics: v.pipe(v.array(Id), v.minLength(1, 'a statement needs at least one topic')),
  kind: v.picklist(['quote', 'reported']),
  speaker: v.optional(Text),
  text: Text,
  start: Count,
  end: Count,
  paragraph: Count,
  date: v.optional(Id),
  relevance: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
});

export const DateBasisSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('article'), note: v.optional(Text) }),
  v.strictObject({
    kind: v.literal('outside'),
    source: Text,
    url: v.pipe(v.string(), v.url('must be a full address'), v.startsWith('https://')),
    note: Text,
  }),
]);

export const DateEntrySchema = v.strictObject({
  id: Id,
  words: Text,
  value: v.pipe(
    v.string(),
    v.regex(/^\d{4}(?:-\d{2}){0,2}$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'),
  ),
  precision: v.picklist(['year', 'month', 'day']),
  basis: DateBasisSchema,
});

export const EventSchema = v.strictObject({
  id: Id,
  title: Text,
  date: Id,
  topics: v.pipe(v.array(Id), v.minLength(1, 'an event needs at least one topic')),
  statements: v.pipe(v.array(Id), v.minLength(1, 'an event needs at least one statement')),
});

export const DatasetSchema = v.strictObject({
  version: v.literal(1),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'the dataset needs at least one source')),
  topics: v.array(TopicSchema),
  statements: v.array(StatementSchema),
  dates: v.array(DateEntrySchema),
  events: v.array(EventSchema),
});

export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Topic = v.InferOutput<typeof TopicSchema>;
export type TopicMatch = v.InferOutput<typeof TopicMatchSchema>;
export type Statement = v.InferOutput<typeof StatementSchema>;
export type DateBasis = v.InferOutput<typeof DateBasisSchema>;
export type DateEntry = v.InferOutput<typeof DateEntrySchema>;
export type Event = v.InferOutput<typeof EventSchema>;

/**
 * What the extension ships and reads at run time: the dataset without the fields only its checks
 * read against the article (`checkOnlyFields` in build.mjs, which leaves them out of the bundles),
 * and without the topics' matching rules, which ship as a plan made from them (`RulePlan`,
 * src/data/rule-plan.ts).
 */
export type ShippedSource = Omit<Source, 'file' | 'authorNote' | 'yearBasis'>;
export type ShippedStatement = Omit<Statement, 'end' | 'paragraph'>;
export type ShippedTopic = Omit<Topic, 'match'>;
export type ShippedDataset = Omit<Dataset, 'sources' | 'statements' | 'topics'> & {
  sources: ShippedSource[];
  statements: ShippedStatement[];
  topics: ShippedTopic[];
};
