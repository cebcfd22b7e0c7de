// The attributes that style a topic's chip, mark or row in our pages: its id, and its palette
// slot, which the stylesheets colour (a topic added to the dataset needs no new CSS).
import { slotOf } from '../core/topic-slot.js';
import { dataset } from '../data/dataset.js';

export function topicAttrs(id: string): Record<string, string> {
  const slot = slotOf(dataset.topics, id);
  return slot === null ? { 'data-topic': id } : { 'data-topic': id, 'data-slot': String(slot) };
}
