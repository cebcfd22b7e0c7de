// Every message between the extension's contexts, declared once, named by direction
// (ContentToBackground, PopupToContent, BackgroundToContent), each with its reply type and a
// validator. Handlers validate the payload and check the sender before acting on anything.
import * as v from 'valibot';

const topicId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));

/** Per-topic mention counts of one frame. */
export const TopicCountsSchema = v.pipe(
  v.record(topicId, count),
  v.check((r) => Object.keys(r).length <= 50, 'too many topics'),
);
export type TopicCounts = v.InferOutput<typeof TopicCountsSchema>;

// ── content script → background ────────────────────────────────────────────────────────────
export const ContentToBackgroundSchema = v.variant('type', [
  /** The frame's mentions changed; the background redraws the tab's badge. */
  v.strictObject({ type: v.literal('cs:counts'), counts: TopicCountsSchema, enabled: v.boolean() }),
]);
export type ContentToBackground = v.InferOutput<typeof ContentToBackgroundSchema>;

// ── popup → content script ─────────────────────────────────────────────────────────────────
export const PopupToContentSchema = v.variant('type', [
  /** Reply: PageSummary. */
  v.strictObject({ type: v.literal('popup:get-summary') }),
  /** Scroll to mention `index` (of the frame's list), mark it and open its context. Reply: boolean. */
  v.strictObject({
    type: v.literal('popup:show-mention'),
    index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
  }),
]);
export type PopupToContent = v.InferOutput<typeof PopupToContentSchema>;

// ── background → content script ────────────────────────────────────────────────────────────
export const BackgroundToContentSchema = v.variant('type', [
  /** A keyboard command from the manifest's `commands`. Reply: boolean (handled). */
  v.strictObject({
    type: v.literal('bg:command'),
    command: v.picklist(['next-mention', 'previous-mention']),
  }),
]);
export type BackgroundToContent = v.InferOutput<typeof BackgroundToContentSchema>;

/** One mention as the popup lists it. */
export interface MentionSummary {
  index: number;
  topic: string;
  /** The mention's words as they stand on the page. */
  text: string;
  /** A short piece of the sentence around it. */
  snippet: string;
}

/** What a frame's content script reports to the popup. */
export interface PageSummary {
  url: string;
  host: string;
  /** False when the user switched the site off (then mentions are empty). */
  enabled: boolean;
  counts: TopicCounts;
  total: number;
  mentions: MentionSummary[];
}

export interface Replies {
  'popup:get-summary': PageSummary;
  'popup:show-mention': boolean;
  'bg:command': boolean;
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
