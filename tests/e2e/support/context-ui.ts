// Helpers for tests of the hover tooltip and the keyboard dialog. The card lives in a closed
// shadow root, so a page sees only our host element: its box, whether it is an open popover and
// whether it holds focus. Its text is found with window.find (which searches rendered text,
// shadow trees included) and, in Chromium, read from the accessibility tree.
import type { Page } from 'puppeteer-core';
import type { Rect } from '../../../src/core/placement.js';
import { inExtension, tabIdOf } from './extension.js';
import type { BrowserContext } from './suite.js';

export const HOST_TAG = 'context-lens-ui';

export interface PageMention {
  topic: string;
  text: string;
  /** The mention's client rects (line fragments), as the page reports them now. */
  rects: Rect[];
}

export interface HostState {
  /** Attached to the page at all. */
  present: boolean;
  open: boolean;
  box: Rect | null;
  visible: boolean;
  parentTag: string | null;
  /** Focus is inside our UI (the page sees focus on the host). */
  focused: boolean;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every highlighted mention in document order, read from the CSS highlight registry. */
export function pageMentions(page: Page): Promise<PageMention[]> {
  return page.evaluate(() => {
    const found: { topic: string; range: Range }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      const match = /^context-lens-(?:fill-)?(.+)$/.exec(name);
      if (!match?.[1] || match[1] === 'current') continue;
      for (const range of highlight) found.push({ topic: match[1], range: range as Range });
    }
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return found.map(({ topic, range }) => ({
      topic,
      text: range.toString(),
      rects: [...range.getClientRects()].map((r) => ({
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
      })),
    }));
  });
}

/** The mention the keyboard or the popup marked as current, if any. */
export function currentMention(page: Page): Promise<{ text: string; rects: Rect[] } | null> {
  return page.evaluate(() => {
    const current = CSS.highlights.get('context-lens-current');
    const range = current ? ([...current][0] as Range | undefined) : undefined;
    if (!range || current?.size !== 1) return null;
    const rects = [...range.getClientRects()].map((r) => ({
      left: r.left,
      top: r.top,
      right: r.right,
      bottom: r.bottom,
    }));
    return { text: range.toString(), rects };
  });
}

/** Scrolls the page so the `index`th mention (document order) has its top at `y`. */
export async function scrollMentionTo(page: Page, index: number, y: number): Promise<PageMention> {
  const before = (await pageMentions(page))[index];
  if (!before?.rects[0]) throw new Error(`no mention ${index}`);
  await page.evaluate(
    (dy) => window.scrollBy({ top: dy, behavior: 'instant' }),
    before.rects[0].top - y,
  );
  await sleep(100);
  const after = (await pageMentions(page))[index];
  if (!after) throw new Error(`mention ${index} vanished`);
  return after;
}

export function centerOf(rect: Rect): { x: number; y: number } {
  return { x: (rect.left + rect.right) / 2, y: (rect.top + rect.bottom) / 2 };
}

export function hostState(page: Page): Promise<HostState> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const box = host?.getBoundingClientRect();
    return {
      present: Boolean(host),
      open: Boolean(host?.matches(':popover-open')),
      box: box ? { left: box.left, top: box.top, right: box.right, bottom: box.bottom } : null,
      visible: host ? getComputedStyle(host).visibility === 'visible' : false,
      parentTag: host?.parentElement?.tagName ?? null,
      focused: Boolean(host) && document.activeElement === host,
    };
  }, HOST_TAG);
}

/** Polls until `check` holds for the host's state; returns the last state either way. */
export async function waitForHost(
  page: Page,
  check: (state: HostState) => boolean,
  timeoutMs = 3000,
): Promise<HostState> {
  const until = Date.now() + timeoutMs;
  let state = await hostState(page);
  while (!check(state) && Date.now() < until) {
    await sleep(50);
    state = await hostState(page);
  }
  return state;
}

/** Counts from now on how often our host is attached to the page (a page-side observer). */
export async function countHostInsertions(page: Page): Promise<() => Promise<number>> {
  await page.evaluate((tag) => {
    const w = window as unknown as { __hostInsertions: number };
    w.__hostInsertions = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeName.toLowerCase() === tag) w.__hostInsertions++;
      }
    }).observe(document, { childList: true, subtree: true });
  }, HOST_TAG);
  return () =>
    page.evaluate(() => (window as unknown as { __hostInsertions: number }).__hostInsertions);
}

/**
 * True when `text` is rendered on the page (our card included). The search starts from a clear
 * selection and leaves none behind.
 */
export function pageShowsText(page: Page, text: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    const find = (window as unknown as { find: (s: string, caseSensitive: boolean) => boolean })
      .find;
    getSelection()?.removeAllRanges();
    const found = find.call(window, wanted, true);
    getSelection()?.removeAllRanges();
    return found;
  }, text);
}

export interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
}

/** Chromium only: our dialog in the accessibility tree, with its text in reading order. */
export async function dialogInAccessibilityTree(
  page: Page,
): Promise<{ name: string; texts: string[]; live: string[] } | null> {
  const tree = (await page.accessibility.snapshot({ interestingOnly: false })) as AxNode | null;
  const all: AxNode[] = [];
  const walk = (node: AxNode) => {
    all.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  if (tree) walk(tree);
  const dialog = all.find((n) => n.role === 'dialog');
  if (!dialog) return null;
  const texts: string[] = [];
  const collect = (node: AxNode) => {
    if (node.role === 'StaticText' && node.name) texts.push(node.name);
    for (const child of node.children ?? []) collect(child);
  };
  collect(dialog);
  const live: string[] = [];
  for (const status of all.filter((n) => n.role === 'status')) {
    const before = texts.length;
    collect(status);
    live.push(...texts.splice(before));
  }
  return { name: dialog.name ?? '', texts, live };
}

/** Sends a keyboard command to the page's tab the way the background forwards it. */
export async function sendCommand(
  ctx: BrowserContext,
  page: Page,
  command: 'next-mention' | 'previous-mention',
): Promise<unknown> {
  const tabId = await tabIdOf(ctx.session, page);
  const reply = await inExtension(
    ctx.session,
    (id: number, name: string) =>
      chrome.tabs.sendMessage(id, { type: 'bg:command', command: name }),
    tabId,
    command,
  );
  // Firefox runs extension code in a tab of its own, which may have come to the front.
  await page.bringToFront();
  return reply;
}

/** Asks the page's content script to show mention `index`, as the popup's "Show" does. */
export async function showFromPopup(
  ctx: BrowserContext,
  page: Page,
  index: number,
): Promise<unknown> {
  const tabId = await tabIdOf(ctx.session, page);
  const reply = await inExtension(
    ctx.session,
    (id: number, i: number) =>
      chrome.tabs.sendMessage(id, { type: 'popup:show-mention', index: i }),
    tabId,
    index,
  );
  await page.bringToFront();
  return reply;
}

/** Where the current mention stands in the document-order list of all mentions (-1: none). */
export function currentIndex(page: Page): Promise<number> {
  return page.evaluate(() => {
    const current = CSS.highlights.get('context-lens-current');
    const mark = current ? ([...current][0] as Range | undefined) : undefined;
    if (!mark) return -1;
    const ranges: Range[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!/^context-lens-/.test(name) || name === 'context-lens-current') continue;
      for (const range of highlight) ranges.push(range as Range);
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.findIndex(
      (r) =>
        r.compareBoundaryPoints(Range.START_TO_START, mark) === 0 &&
        r.compareBoundaryPoints(Range.END_TO_END, mark) === 0,
    );
  });
}
