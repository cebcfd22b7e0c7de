// Reads what the extension drew on a page (its CSS highlights, by topic) from a world the page
// cannot tamper with, and waits for it to settle.
import type { Frame, Page } from 'puppeteer-core';
import { evaluateInFrame } from '../support/baseline.js';
import type { Session } from '../support/browsers.js';
import { inExtension, tabIdOf } from '../support/extension.js';

/** Topic id → the text of each highlighted range (in the highlight's order). */
export type TopicTexts = Record<string, string[]>;

/** Puppeteer's isolated world, where a hostile page's overrides do not reach. */
export function pristine(target: Page | Frame): { evaluate<R>(fn: () => R): Promise<R> } {
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  return { evaluate: (fn) => evaluateInFrame(frame, fn, undefined) };
}

/** What the page's `context-lens-*` highlights draw, by topic (both styles; not `current`). */
export async function readTopics(target: Page | Frame): Promise<TopicTexts> {
  return pristine(target).evaluate(() => {
    const out: Record<string, string[]> = {};
    if (typeof CSS === 'undefined' || !CSS.highlights) return out;
    // forEach, not iteration: Firefox's Xray wrappers cannot iterate maplike objects.
    CSS.highlights.forEach((highlight, name) => {
      const topic = /^context-lens-(?:fill-)?(.+)$/.exec(name)?.[1];
      if (!topic || topic === 'current' || highlight.size === 0) return;
      const texts = out[topic] ?? [];
      highlight.forEach((range) => {
        texts.push(range.toString());
      });
      out[topic] = texts;
    });
    return out;
  });
}

/** Every highlight name registered in the page, ours or not. */
export async function highlightNames(target: Page | Frame): Promise<string[]> {
  return pristine(target).evaluate(() => {
    const names: string[] = [];
    if (typeof CSS !== 'undefined' && CSS.highlights) {
      CSS.highlights.forEach((_highlight, name) => {
        names.push(name);
      });
    }
    return names.sort();
  });
}

/** Number of highlighted ranges per topic. */
export function counts(topics: TopicTexts): Record<string, number> {
  return Object.fromEntries(Object.entries(topics).map(([t, texts]) => [t, texts.length]));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `read` until `done` holds (returns the last value either way, for the assertion). */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await sleep(100);
    value = await read();
  }
  return value;
}

/** The mentions of the fixture paragraph every reliability page carries, by topic. */
export const fixtureParagraph = {
  epaa: ['European Phased Adaptive Approach', 'EPAA'],
  'nato-md': ['NATO missile defense'],
};

/** The page's summary as the popup gets it (`popup:get-summary`, sent from the extension). */
export async function summaryOf(
  session: Session,
  page: Page,
): Promise<{ total: number; counts: Record<string, number> } | null> {
  const tabId = await tabIdOf(session, page);
  return inExtension(
    session,
    (id: number) =>
      chrome.tabs.sendMessage(id, { type: 'popup:get-summary' }, { frameId: 0 }).catch(() => null),
    tabId,
  );
}

/** Centre of the first highlighted mention's first line box (viewport coordinates). */
export async function firstMentionPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await pristine(page).evaluate(() => {
    let found: { x: number; y: number } | null = null;
    CSS.highlights.forEach((highlight, name) => {
      if (found || !name.startsWith('context-lens-') || name === 'context-lens-current') return;
      highlight.forEach((range) => {
        const rect = found ? null : (range as Range).getClientRects()[0];
        if (rect) found = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      });
    });
    return found as { x: number; y: number } | null;
  });
  if (!point) throw new Error('no highlighted mention to point at');
  return point;
}

export interface HostView {
  present: boolean;
  open: boolean;
  box: { x: number; y: number; width: number; height: number } | null;
}

/** Our tooltip host as the page sees it (its contents are in a closed shadow root). */
export function hostView(page: Page): Promise<HostView> {
  return pristine(page).evaluate(() => {
    const host = document.querySelector('context-lens-ui');
    const r = host?.getBoundingClientRect();
    return {
      present: Boolean(host),
      open: Boolean(host?.matches(':popover-open')),
      box: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null,
    };
  });
}

/** Rests the pointer on the first mention long enough for the tooltip to open (delay 300 ms). */
export async function hoverFirstMention(page: Page): Promise<HostView> {
  const { x, y } = await firstMentionPoint(page);
  await page.mouse.move(x, y, { steps: 3 });
  return pollUntil(
    () => hostView(page),
    (v) => v.open,
    3000,
  );
}

/**
 * Share of pixels that differ clearly between two PNG screenshots of the same size, decoded
 * by the browser itself in a blank tab.
 */
export async function pixelDifference(session: Session, a: string, b: string): Promise<number> {
  const tab = await session.browser.newPage();
  try {
    return await tab.evaluate(
      async (first: string, second: string) => {
        const pixels = async (png: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${png}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const context = canvas.getContext('2d') as CanvasRenderingContext2D;
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height).data;
        };
        const [p, q] = [await pixels(first), await pixels(second)];
        if (p.length !== q.length) return 1;
        let differing = 0;
        for (let i = 0; i < p.length; i += 4) {
          const delta = Math.max(
            Math.abs((p[i] ?? 0) - (q[i] ?? 0)),
            Math.abs((p[i + 1] ?? 0) - (q[i + 1] ?? 0)),
            Math.abs((p[i + 2] ?? 0) - (q[i + 2] ?? 0)),
          );
          if (delta > 40) differing++;
        }
        return differing / (p.length / 4);
      },
      a,
      b,
    );
  } finally {
    await tab.close();
  }
}
