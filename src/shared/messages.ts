// Every message between the extension's contexts, declared once, named by direction
// (ContentToBackground, PopupToContent, BackgroundToContent), each with its reply type and a
// validator. Handlers validate the payload and check the sender before acting on anything.
import * as v from 'valibot';

const topicId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const index = count;
/** Bounds every string a content script may send, so a hostile frame cannot flood the popup. */
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** At most this many mentions are listed per frame (the counts still count them all). */
export const MAX_LISTED_MENTIONS = 20_000;

/** Per-topic mention counts of one frame. */
export const TopicCountsSchema = v.pipe(
  v.record(topicId, count),
  v.check((r) => Object.keys(r).length <= 50, 'too many topics'),
);
export type TopicCounts = v.InferOutput<typeof TopicCountsSchema>;

// ── content script → background ────────────────────────────────────────────────────────────
export const ContentToBackgroundSchema = v.variant('type', [
  /** The frame's mentions changed, or it was switched on or off; the background redraws the badge. */
  v.strictObject({ type: v.literal('cs:counts'), counts: TopicCountsSchema, enabled: v.boolean() }),
]);
export type ContentToBackground = v.InferOutput<typeof ContentToBackgroundSchema>;

// ── popup → content script ─────────────────────────────────────────────────────────────────
export const PopupToContentSchema = v.variant('type', [
  /**
   * Reply: PageSummary, listing only the `first` mentions when given (counts and total are
   * always whole), so the popup can draw its first screen before the whole list has crossed.
   */
  v.strictObject({
    type: v.literal('popup:get-summary'),
    first: v.optional(v.pipe(count, v.minValue(1), v.maxValue(MAX_LISTED_MENTIONS))),
  }),
  /** Scroll to mention `index` (of the frame's list), mark it and open its context. Reply: boolean. */
  v.strictObject({ type: v.literal('popup:show-mention'), index }),
]);
export type PopupToContent = v.InferOutput<typeof PopupToContentSchema>;

// ── background → content script ────────────────────────────────────────────────────────────
export const BackgroundToContentSchema = v.variant('type', [
  /** A keyboard command from the manifest's `commands`. Reply: boolean (handled). */
  v.strictObject({
    type: v.literal('bg:command'),
    command: v.picklist(['next-mention', 'previous-mention']),
  }),
  /**
   * The tab navigated within its document (or came back from the back-forward cache) and the
   * background forgot its counts; every frame answers with a fresh `cs:counts`. Reply: none.
   */
  v.strictObject({ type: v.literal('bg:report-counts') }),
]);
export type BackgroundToContent = v.InferOutput<typeof BackgroundToContentSchema>;

/** Every message a content script accepts, from the popup or the background. */
export const ToContentSchema = v.variant('type', [
  ...PopupToContentSchema.options,
  ...BackgroundToContentSchema.options,
]);
export type ToContent = PopupToContent | BackgroundToContent;

/** One mention as the popup lists it. */
export const MentionSummarySchema = v.strictObject({
  index,
  topic: topicId,
  /** The mention's words as they stand on the page. */
  text: shortText(300),
  /** The words of its sentence before and after it, shortened. */
  before: shortText(300),
  after: shortText(300),
});
export type MentionSummary = v.InferOutput<typeof MentionSummarySchema>;

/** What a frame's content script reports to the popup. */
export const PageSummarySchema = v.strictObject({
  url: shortText(8192),
  host: shortText(300),
  /** False when the user switched the site off (then mentions are empty). */
  enabled: v.boolean(),
  counts: TopicCountsSchema,
  total: count,
  mentions: v.pipe(v.array(MentionSummarySchema), v.maxLength(MAX_LISTED_MENTIONS)),
});
export type PageSummary = v.InferOutput<typeof PageSummarySchema>;

export interface Replies {
  'popup:get-summary': PageSummary;
  'popup:show-mention': boolean;
  'bg:command': boolean;
  'bg:report-counts': undefined;
  'cs:counts': undefined;
}

/** Parses an incoming message against one direction's schema; anything else is `undefined`. */
export function parseMessage<S extends v.GenericSchema>(
  schema: S,
  message: unknown,
): v.InferOutput<S> | undefined {
  const result = v.safeParse(schema, message);
  return result.success ? result.output : undefined;
}
