// Reads the extension's highlights as the page sees them (`CSS.highlights`), and waits for them
// to settle: which topic, which text, in document order.
import type { Frame, Page } from 'puppeteer-core';

export interface Highlighted {
  topic: string;
  text: string;
}

/** Every range under a `context-lens-<topic>` highlight (not the "current" one), in document order. */
export async function highlightedMentions(target: Page | Frame): Promise<Highlighted[]> {
  return target.evaluate(() => {
    const found: { topic: string; range: Range }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      const topic = /^context-lens-(?:fill-)?(.+)$/.exec(name)?.[1];
      if (!topic || topic === 'current') continue;
      for (const range of highlight) found.push({ topic, range: range as Range });
    }
    found.sort((a, b) => {
      try {
        return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
      } catch {
        return 0; // Ranges in different trees (a shadow root) have no order.
      }
    });
    return found.map(({ topic, range }) => ({ topic, text: range.toString() }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The highlights once they equal `expected` (or after `timeoutMs`), read again after `quietMs`
 * so a late extra highlight is caught too. Assert on the result.
 */
export async function settledHighlights(
  target: Page | Frame,
  expected: readonly Highlighted[],
  { timeoutMs = 10_000, quietMs = 500, normalize = (t: string) => t } = {},
): Promise<Highlighted[]> {
  const read = async () =>
    (await highlightedMentions(target)).map((m) => ({ topic: m.topic, text: normalize(m.text) }));
  const want = JSON.stringify(expected);
  const until = Date.now() + timeoutMs;
  let current = await read();
  while (JSON.stringify(current) !== want && Date.now() < until) {
    await sleep(100);
    current = await read();
  }
  await sleep(quietMs);
  return read();
}
