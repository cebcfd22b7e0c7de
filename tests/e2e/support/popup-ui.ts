// Helpers for tests of the popup, the badge, the options page and the site switch: counts of
// the page's highlights, the tab's badge as the browser shows it, and polling until a state.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'puppeteer-core';
import type { Session } from './browsers.js';
import { pageMentions } from './context-ui.js';
import { inExtension } from './extension.js';

/** Polls `read` until `done` holds for its value; returns the last value either way. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Mentions per topic as the page's highlight registry holds them (either highlight style). */
export async function highlightCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const m of await pageMentions(page)) counts[m.topic] = (counts[m.topic] ?? 0) + 1;
  return counts;
}

/** Mentions per topic highlighted in every frame of the page, summed. */
export async function allFramesHighlightCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const frame of page.frames()) {
    for (const [topic, n] of Object.entries(await frameHighlightCounts(frame))) {
      counts[topic] = (counts[topic] ?? 0) + n;
    }
  }
  return counts;
}

function frameHighlightCounts(frame: Frame): Promise<Record<string, number>> {
  return frame.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const [name, highlight] of CSS.highlights) {
      const topic = /^context-lens-(?:fill-)?(.+)$/.exec(name)?.[1];
      if (topic && topic !== 'current') counts[topic] = (counts[topic] ?? 0) + highlight.size;
    }
    return counts;
  });
}

/** Names of our highlights registered in the page (e.g. to tell the two styles apart). */
export function highlightNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights.keys()].filter((name) => name.startsWith('context-lens-')).sort(),
  );
}

export const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((a, b) => a + b, 0);

/** The tab's badge text and title, read from the browser. */
export function badgeOf(session: Session, tabId: number): Promise<{ text: string; title: string }> {
  return inExtension(
    session,
    async (id: number) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}

/**
 * Waits until the popup has drawn a whole summary or a state; returns which. (A long list's
 * first screen, drawn before the rest arrives, is `first-screen`: not yet done.)
 */
export async function popupDrawn(popup: Page, what: 'summary' | 'state' | null = null) {
  await popup.waitForFunction(
    (want: string | null) => {
      const drawn = document.querySelector('main.popup')?.getAttribute('data-drawn');
      return want ? drawn === want : Boolean(drawn) && drawn !== 'first-screen';
    },
    { timeout: 10_000 },
    what,
  );
  return popup.$eval('main.popup', (main) => main.getAttribute('data-drawn'));
}

/** The popup's topic list: topic id → count shown. */
export function popupTopics(popup: Page): Promise<Record<string, number>> {
  return popup.$$eval('.topic', (items) =>
    Object.fromEntries(
      items.map((item) => [
        item.getAttribute('data-topic') ?? '',
        Number((item.querySelector('.topic-count')?.textContent ?? '').replace(/\D/g, '')),
      ]),
    ),
  );
}

/** The state the popup shows when it has no list ('no-access', 'switched-off', …), or null. */
export function popupState(popup: Page): Promise<string | null> {
  return popup.evaluate(() => document.querySelector('.state')?.getAttribute('data-state') ?? null);
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe-core's findings on one of the extension's own pages (WCAG 2.2 AA and best practice). It is
 * evaluated rather than added as a script tag, which the pages' CSP would refuse.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface Result {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
      passes: unknown[];
    }
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    if (result.passes.length < 10) return [`only ${result.passes.length} rules passed`];
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
  });
}
