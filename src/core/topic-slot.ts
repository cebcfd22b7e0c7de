// Topics take their colour and line style from a palette slot, by their place in the dataset:
// styles are written per slot, so a topic added to the data is styled with no change to the code
// (build.mjs runs this module to give each slot's highlight rules the names of its topics).

/** Slots in the palette (Okabe–Ito colours, each with its own underline style). */
export const TOPIC_SLOTS = 4;

/** The slot (1 to TOPIC_SLOTS) of the topic at `index` in the dataset; later topics cycle. */
export function topicSlot(index: number): number {
  return (Math.max(0, index) % TOPIC_SLOTS) + 1;
}

/** The slot of topic `id` among `topics`; null for an id they do not hold. */
export function slotOf(topics: readonly { id: string }[], id: string): number | null {
  const index = topics.findIndex((t) => t.id === id);
  return index < 0 ? null : topicSlot(index);
}
