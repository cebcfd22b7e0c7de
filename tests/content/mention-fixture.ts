// A mention over the whole text of one paragraph, for tests of what consumes mentions (the
// store, the navigator, the reporters) without scanning a page.
import type { Mention } from '../../src/content/mentions.js';

export function mentionOver(p: HTMLElement, id = 1, topic = 'epaa'): Mention {
  const text = p.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, text.data.length);
  return {
    id,
    topic,
    kind: 'phrase',
    range,
    text: text.data,
    block: p,
    blockText: text.data,
    start: 0,
    end: text.data.length,
  };
}
