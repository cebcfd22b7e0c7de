// Hovering a mention in real Chromium and Firefox: the tooltip opens after a rest, shows the
// dataset's statements and dates, sits next to the mention inside the viewport, can be reached
// with the pointer, closes with Esc, and a sweep across the page opens nothing.
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { hitsAny, insideViewport, overlaps, type Rect } from '../../src/core/placement.js';
import { statementsAbout } from '../../src/core/statements.js';
import { dataset } from '../../src/data/dataset.js';
import {
  centerOf,
  countHostInsertions,
  dialogInAccessibilityTree,
  HOST_TAG,
  hostState,
  type PageMention,
  pageMentions,
  pageShowsText,
  scrollMentionTo,
  sleep,
  waitForHost,
} from './support/context-ui.js';
import { inExtension } from './support/extension.js';
import { forEachBrowser } from './support/suite.js';

const VIEWPORT = { width: 1280, height: 900 };
/** Longer than the hover delay (300 ms) plus a frame or two. */
const OPEN_WAIT = 700;
/** Longer than the grace period after the pointer leaves (400 ms). */
const CLOSE_WAIT = 900;
const SCREENSHOTS = 'artifacts/screenshots';

const noOverlap = (box: Rect | null, rects: Rect[]) =>
  box !== null && rects.every((r) => !overlaps(box, r));

async function restOn(page: Page, mention: PageMention): Promise<void> {
  const first = mention.rects[0];
  if (!first) throw new Error('mention has no box');
  const { x, y } = centerOf(first);
  await page.mouse.move(x, y, { steps: 3 });
  await sleep(OPEN_WAIT);
}

async function demoAt(
  open: (path: string) => Promise<Page>,
  topic: string,
  y = 200,
): Promise<{ page: Page; mention: PageMention; index: number }> {
  const page = await open('/demo/index.html');
  const index = (await pageMentions(page)).findIndex((m) => m.topic === topic);
  expect(index, `a ${topic} mention on the demo page`).toBeGreaterThanOrEqual(0);
  const mention = await scrollMentionTo(page, index, y);
  return { page, mention, index };
}

interface MentionTarget {
  /** The mention's text and the text right after it in its text node. */
  text: string;
  next: string;
}

/**
 * Finds the mention `target` on the page: its index in document order (as `pageMentions`), the
 * line height of the element holding its text, and for each point whether that element is what
 * lies there.
 */
function mentionBlock(
  page: Page,
  target: MentionTarget,
  points: { x: number; y: number }[],
): Promise<{ index: number; lineHeight: number; inBlock: boolean[] }> {
  return page.evaluate(
    ({ text, next }, at) => {
      const ranges: Range[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!/^context-lens-/.test(name) || name === 'context-lens-current') continue;
        for (const range of highlight) ranges.push(range as Range);
      }
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const index = ranges.findIndex(
        (r) =>
          r.toString() === text &&
          (r.endContainer.textContent ?? '').slice(r.endOffset).startsWith(next),
      );
      const block = ranges[index]?.startContainer.parentElement;
      if (!block) throw new Error(`no mention "${text}" before "${next}"`);
      return {
        index,
        lineHeight: Number.parseFloat(getComputedStyle(block).lineHeight),
        inBlock: at.map((p) => document.elementFromPoint(p.x, p.y) === block),
      };
    },
    target,
    points,
  );
}

/** Puts a line of text (no mention) right before the element holding the mention's text. */
async function insertLineBefore(page: Page, target: MentionTarget): Promise<void> {
  await page.evaluate(({ text, next }) => {
    const node = [...document.querySelectorAll('p')].find((p) =>
      p.textContent?.includes(text + next),
    );
    const line = document.createElement('div');
    line.textContent = 'Updated: an earlier version of this story misspelled a name.';
    node?.before(line);
  }, target);
}

forEachBrowser('hover tooltip', (ctx) => {
  const open = (path: string) => ctx.open(path, { waitMs: 600 });

  it('opens after the pointer rests on a mention, beside it and inside the viewport', async () => {
    const { page, mention } = await demoAt(open, 'epaa');
    const first = mention.rects[0] as Rect;
    await page.mouse.move(centerOf(first).x, centerOf(first).y);
    await sleep(120);
    expect((await hostState(page)).present, 'nothing opens before the delay').toBe(false);
    const state = await waitForHost(page, (s) => s.open, 2000);
    expect(state.open).toBe(true);
    expect(state.visible).toBe(true);
    expect(state.parentTag).toBe('HTML');
    expect(insideViewport(state.box as Rect, VIEWPORT)).toBe(true);
    expect(noOverlap(state.box, mention.rects)).toBe(true);
    expect(state.focused, 'hover never takes focus').toBe(false);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });

  it('shows the topic, its statements most relevant first, dates, speakers and the source', async () => {
    const { page, mention } = await demoAt(open, 'epaa');
    expect(await pageShowsText(page, 'May 30, 2012')).toBe(false);
    await restOn(page, mention);
    for (const text of [
      'European Phased Adaptive Approach',
      'What the article says',
      'May 30, 2012',
      '— Ellen Tauscher',
      'The article’s words',
      'Source: Is NATO Missile Defense Directed Against Russia?, NewsBlaze, by Mina Fabulous, 2012',
    ]) {
      expect(await pageShowsText(page, text), text).toBe(true);
    }
    if (ctx.name === 'chromium') {
      const dialog = await dialogInAccessibilityTree(page);
      expect(dialog?.name).toBe('EPAA European Phased Adaptive Approach');
      const statements = statementsAbout(dataset, 'epaa').map((s) => s.statement.text);
      const order = statements.map((s) => dialog?.texts.indexOf(s) ?? -1);
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  it('dates JTA statements by the events they report, without a worked-out date', async () => {
    const { page, mention } = await demoAt(open, 'jta');
    await restOn(page, mention);
    expect((await hostState(page)).open).toBe(true);
    for (const text of ['First JTA session: July 2009', 'December 2009', 'May 2010']) {
      expect(await pageShowsText(page, text), text).toBe(true);
    }
    expect(await pageShowsText(page, 'No date given')).toBe(true);
  });

  it('shows the first statements of a long list and says how many more there are', async () => {
    const { page, mention } = await demoAt(open, 'nato-md');
    await restOn(page, mention);
    const total = statementsAbout(dataset, 'nato-md').length;
    expect(await pageShowsText(page, `${total - 3} more statements.`)).toBe(true);
    expect(await pageShowsText(page, 'Show them here')).toBe(true);
  });

  it('stays open while the pointer moves onto it and rests there, and closes after it leaves', async () => {
    const { page, mention } = await demoAt(open, 'epaa');
    await restOn(page, mention);
    const opened = await hostState(page);
    expect(opened.open).toBe(true);
    const box = opened.box as Rect;
    // Down from the mention into the tooltip, crossing the gap between them.
    const target = { x: Math.min(box.left + 60, box.right - 10), y: box.top + 80 };
    await page.mouse.move(target.x, target.y, { steps: 12 });
    await sleep(CLOSE_WAIT + 500);
    const still = await hostState(page);
    expect(still.open).toBe(true);
    expect(still.box).toEqual(opened.box);
    // Out to an empty corner of the page: it closes after the grace period and leaves the page.
    await page.mouse.move(8, VIEWPORT.height - 8, { steps: 4 });
    await sleep(CLOSE_WAIT);
    expect((await hostState(page)).present).toBe(false);
  });

  // Firefox's WebDriver BiDi refuses pointer moves outside the viewport ("move target out of
  // bounds"), so only Chromium can take the pointer off the page.
  if (ctx.name === 'chromium') {
    it('closes when the pointer leaves the page, with no move after it', async () => {
      const { page, mention } = await demoAt(open, 'epaa');
      await restOn(page, mention);
      expect((await hostState(page)).open).toBe(true);
      // One step, straight off the mention: no move lands on the page on the way.
      await page.mouse.move(-20, VIEWPORT.height / 2);
      await sleep(CLOSE_WAIT);
      expect((await hostState(page)).present).toBe(false);
    });
  }

  it('closes on Esc without moving the pointer or focus, and stays closed on that mention', async () => {
    const { page, mention } = await demoAt(open, 'epaa');
    await page.focus('.related a');
    await restOn(page, mention);
    expect((await hostState(page)).open).toBe(true);
    await page.keyboard.press('Escape');
    await sleep(100);
    expect((await hostState(page)).present).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('.related') !== null)).toBe(
      true,
    );
    // The pointer still rests on the mention: dismissed means dismissed until it leaves.
    await sleep(OPEN_WAIT);
    expect((await hostState(page)).present).toBe(false);
  });

  it('opens nothing while the pointer sweeps across mentions', async () => {
    const { page } = await demoAt(open, 'nato-md', 300);
    const mentions = (await pageMentions(page)).filter((m) =>
      m.rects.some((r) => r.top > 0 && r.bottom < VIEWPORT.height),
    );
    expect(mentions.length).toBeGreaterThanOrEqual(3);
    const insertions = await countHostInsertions(page);
    // Across each line holding a mention, left to right, at about a thousand pixels a second.
    for (const m of mentions) {
      const line = m.rects[0] as Rect;
      const y = centerOf(line).y;
      for (let x = 100; x <= 900; x += 40) {
        await page.mouse.move(x, y);
        await sleep(40);
      }
    }
    await page.mouse.move(8, VIEWPORT.height - 8);
    await sleep(OPEN_WAIT);
    expect(await insertions()).toBe(0);
  });

  it('can tell the frame of every pointer move, as its once-a-frame handling needs', async () => {
    // Our listener handles the first move of each frame and leaves later ones in the same frame
    // to one frame callback (tests/content/hover/pointer.test.ts), telling frames apart by the
    // document timeline's time. Here, real input faster than frames: moves sharing a frame must
    // share that time. (A time spanning two frames would only delay a handling by one frame.)
    const page = await open('/demo/index.html');
    await page.evaluate(async () => {
      const log = { frame: 0, moves: [] as [number, number | null][] };
      (window as unknown as { __moves: typeof log }).__moves = log;
      const tick = () => {
        log.frame++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      addEventListener(
        'pointermove',
        () => log.moves.push([log.frame, document.timeline.currentTime as number | null]),
        { capture: true, passive: true },
      );
      // Input starts once the count runs. Before the first frame callback, Chromium's timeline
      // can move on between tasks with no frame made (seen 3 times in 2,716 frames, all before
      // the first callback, none in 7,217 after it): that is the page's start, not a frame.
      await new Promise((frameRan) => requestAnimationFrame(() => requestAnimationFrame(frameRan)));
    });
    for (let round = 0; round < 6; round++) {
      // Forty moves sent at once (many land in one frame), then a stepped stroke.
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          page.mouse.move(100 + i * 7 + round, 200 + round * 10),
        ),
      );
      await page.mouse.move(50, 50, { steps: 30 });
    }
    const moves = await page.evaluate(
      () => (window as unknown as { __moves: { moves: [number, number | null][] } }).__moves.moves,
    );
    const timesByFrame = new Map<number, Set<number | null>>();
    for (const [frame, time] of moves) {
      timesByFrame.set(frame, (timesByFrame.get(frame) ?? new Set()).add(time));
    }
    // The input did outrun the frames, or this would prove nothing.
    expect(moves.length).toBeGreaterThan(timesByFrame.size);
    expect(moves.every(([, time]) => typeof time === 'number')).toBe(true);
    expect([...timesByFrame.values()].every((times) => times.size === 1)).toBe(true);
  });

  it('moves to another mention when the pointer rests there', async () => {
    const page = await open('/e2e/edges.html');
    const [topLeft, , , bottomRight] = await pageMentions(page);
    if (!topLeft || !bottomRight) throw new Error('edge mentions expected');
    await restOn(page, topLeft);
    const first = await hostState(page);
    expect(first.open).toBe(true);
    await restOn(page, bottomRight);
    const second = await hostState(page);
    expect(second.open).toBe(true);
    expect(second.box).not.toEqual(first.box);
    expect(noOverlap(second.box, bottomRight.rects)).toBe(true);
    // Flipped above the mention, which sits at the bottom of the viewport.
    expect((second.box as Rect).bottom).toBeLessThanOrEqual((bottomRight.rects[0] as Rect).top);
  });

  it('hit-tests from fresh boxes after the page scrolls, resizes or changes', async () => {
    const page = await open('/demo/index.html');
    // Scroll anchoring answers a reflow with a scroll of its own, which would invalidate the
    // boxes by itself: off, so that the resize and the insertion are each tested alone.
    await page.evaluate(() => {
      document.documentElement.style.overflowAnchor = 'none';
    });
    // "…working together on missile defense exercises.": the start of its paragraph's last line,
    // under three lines of the same paragraph.
    const target = { text: 'missile defense', next: ' exercises' };
    const corner = { x: 8, y: VIEWPORT.height - 8 };
    const changes: {
      what: string;
      change: (line: number) => Promise<unknown>;
      undo?: () => Promise<void>;
    }[] = [
      {
        what: 'the page scrolls one line under the still pointer',
        change: (line) =>
          page.evaluate((dy) => window.scrollBy({ top: -dy, behavior: 'instant' }), line),
      },
      {
        what: 'the viewport narrows and the text reflows',
        change: () => page.setViewport({ width: 640, height: VIEWPORT.height }),
        undo: () => page.setViewport(VIEWPORT),
      },
      {
        what: 'a line is inserted above the paragraph',
        change: () => insertLineBefore(page, target),
      },
    ];
    for (const { what, change, undo } of changes) {
      const { index, lineHeight } = await mentionBlock(page, target, []);
      const before = await scrollMentionTo(page, index, 300);
      const boxesBefore = (await pageMentions(page)).flatMap((m) => m.rects);
      const old = centerOf(before.rects[0] as Rect);
      // The pointer rests on the mention's paragraph two lines up, off any mention: finding
      // what is under it measures the paragraph's mentions, and caches their boxes.
      const still = { x: old.x, y: old.y - 2 * lineHeight };
      expect(
        (await mentionBlock(page, target, [still])).inBlock,
        `${what}: on the paragraph`,
      ).toEqual([true]);
      expect(hitsAny(boxesBefore, still), `${what}: off the mentions`).toBe(false);
      await page.mouse.move(still.x, still.y, { steps: 3 });
      await sleep(OPEN_WAIT);
      expect((await hostState(page)).present, `${what}: nothing opens off the mention`).toBe(false);

      await change(lineHeight);
      await sleep(200);
      const mentions = await pageMentions(page);
      const after = mentions[index] as PageMention;
      const moved = centerOf(after.rects[0] as Rect);
      const boxesAfter = mentions.flatMap((m) => m.rects);
      // What makes a stale box show: the old place is now the same paragraph's other text, and
      // the new place lies outside every old box.
      expect(
        (await mentionBlock(page, target, [old])).inBlock,
        `${what}: old place on the paragraph`,
      ).toEqual([true]);
      expect(hitsAny(boxesAfter, old), `${what}: old place now off the mentions`).toBe(false);
      expect(hitsAny(boxesAfter, still), `${what}: still pointer now off the mentions`).toBe(false);
      expect(hitsAny(boxesBefore, moved), `${what}: new place outside the old boxes`).toBe(false);

      await page.mouse.move(old.x, old.y, { steps: 3 });
      await sleep(OPEN_WAIT);
      expect((await hostState(page)).present, `${what}: nothing opens at the old place`).toBe(
        false,
      );
      await page.mouse.move(moved.x, moved.y, { steps: 3 });
      await sleep(OPEN_WAIT);
      const state = await hostState(page);
      expect(state.open, `${what}: it opens at the new place`).toBe(true);
      expect(noOverlap(state.box, after.rects), `${what}: beside the new place`).toBe(true);
      await page.mouse.move(corner.x, corner.y, { steps: 3 });
      await sleep(CLOSE_WAIT);
      expect((await hostState(page)).present).toBe(false);
      await undo?.();
    }
  });

  it('stays while the mention’s paragraph changes, and closes when the mention leaves the page', async () => {
    const { page, mention } = await demoAt(open, 'epaa');
    await restOn(page, mention);
    const opened = await hostState(page);
    expect(opened.open).toBe(true);
    // The mention's paragraph is found again by its text: a rescan replaces its range.
    const inMentionParagraph = (change: 'append' | 'remove') =>
      page.evaluate((how) => {
        const quote = [...document.querySelectorAll('blockquote')].find((q) =>
          q.textContent?.includes('European Phased Adaptive Approach'),
        );
        if (how === 'append') quote?.querySelector('p')?.append(' (updated)');
        else quote?.remove();
        return Boolean(quote);
      }, change);
    expect(await inMentionParagraph('append')).toBe(true);
    await sleep(1000);
    const still = await hostState(page);
    expect(still.open).toBe(true);
    expect(still.box).toEqual(opened.box);
    expect(await inMentionParagraph('remove')).toBe(true);
    expect((await waitForHost(page, (s) => !s.present)).present).toBe(false);
  });

  it('waits as long as the hover delay setting says', async () => {
    const setDelay = (ms: number | null) =>
      inExtension(
        ctx.session,
        (value: number | null) =>
          value === null
            ? chrome.storage.sync.remove('hoverDelayMs')
            : chrome.storage.sync.set({ hoverDelayMs: value }),
        ms,
      );
    await setDelay(1500);
    try {
      const { page, mention } = await demoAt(open, 'epaa');
      await restOn(page, mention);
      expect((await hostState(page)).present, 'not yet after 700 ms').toBe(false);
      expect((await waitForHost(page, (s) => s.open, 2000)).open).toBe(true);
    } finally {
      await setDelay(null);
    }
  });

  describe('geometry', () => {
    it('stays inside the viewport for mentions at each edge', async () => {
      const page = await open('/e2e/edges.html');
      const mentions = await pageMentions(page);
      expect(mentions).toHaveLength(5);
      for (const mention of mentions.slice(0, 4)) {
        await restOn(page, mention);
        const state = await hostState(page);
        expect(state.open, mention.text).toBe(true);
        expect(insideViewport(state.box as Rect, VIEWPORT), JSON.stringify(state.box)).toBe(true);
        expect(noOverlap(state.box, mention.rects)).toBe(true);
        await page.keyboard.press('Escape');
        await page.mouse.move(640, 450);
        await sleep(100);
      }
    });

    it('fits a viewport as small as a window at 200% zoom', async () => {
      const page = await open('/demo/index.html');
      // A 1280×900 window at 200% zoom lays pages out in 640×450 CSS pixels.
      await page.setViewport({ width: 640, height: 450 });
      const index = (await pageMentions(page)).findIndex((m) => m.topic === 'epaa');
      const mention = await scrollMentionTo(page, index, 120);
      await restOn(page, mention);
      const state = await hostState(page);
      expect(state.open).toBe(true);
      expect(insideViewport(state.box as Rect, { width: 640, height: 450 })).toBe(true);
      expect(noOverlap(state.box, mention.rects)).toBe(true);
    });

    it('lines up with the start of the mention on a right-to-left page, text left to right', async () => {
      const page = await open('/e2e/rtl.html');
      const [mention] = await pageMentions(page);
      if (!mention?.rects[0]) throw new Error('no mention on the RTL page');
      await restOn(page, mention);
      const state = await hostState(page);
      expect(state.open).toBe(true);
      const box = state.box as Rect;
      // The start of an RTL line is its right edge.
      expect(Math.abs(box.right - mention.rects[0].right)).toBeLessThanOrEqual(1);
      expect(noOverlap(state.box, mention.rects)).toBe(true);
      expect(await pageShowsText(page, 'May 30, 2012')).toBe(true);
    });

    it('takes a wrapped mention’s own lines, not its bounding box', async () => {
      const page = await open('/e2e/edges.html');
      const wrapped = (await pageMentions(page))[4] as PageMention;
      expect(wrapped.rects.length).toBeGreaterThan(1);
      const box = {
        left: Math.min(...wrapped.rects.map((r) => r.left)),
        top: Math.min(...wrapped.rects.map((r) => r.top)),
      };
      const first = wrapped.rects[0] as Rect;
      // Left of where the mention starts on its first line ("The "): inside the bounding box only.
      const corner = { x: box.left + 4, y: centerOf(first).y };
      expect(hitsAny(wrapped.rects, corner)).toBe(false);
      await page.mouse.move(corner.x, corner.y);
      await sleep(OPEN_WAIT);
      expect((await hostState(page)).present).toBe(false);
      const last = wrapped.rects.at(-1) as Rect;
      await page.mouse.move(last.left + 4, centerOf(last).y);
      await sleep(OPEN_WAIT);
      const state = await hostState(page);
      expect(state.open).toBe(true);
      expect(noOverlap(state.box, wrapped.rects)).toBe(true);
    });
  });

  describe('hostile pages', () => {
    it('keeps its look when the page’s CSP allows no styles', async () => {
      const page = await open('/e2e/csp.html');
      const [mention] = await pageMentions(page);
      if (!mention) throw new Error('no mention on the CSP page');
      await restOn(page, mention);
      const state = await hostState(page);
      expect(state.open).toBe(true);
      // Unstyled, the card would run as wide as its longest paragraph; styled, it is a column.
      const width = (state.box as Rect).right - (state.box as Rect).left;
      expect(width).toBeGreaterThan(250);
      expect(width).toBeLessThan(450);
      expect(await pageShowsText(page, 'May 30, 2012')).toBe(true);
    });

    it('stops putting its host back when the page keeps removing it', async () => {
      const page = await open('/e2e/removes-host.html');
      const [mention] = await pageMentions(page);
      if (!mention) throw new Error('no mention on the page');
      const insertions = await countHostInsertions(page);
      await restOn(page, mention);
      await sleep(300);
      const removals = await page.evaluate(
        () => (window as unknown as { removals: number }).removals,
      );
      expect(removals).toBeGreaterThan(0);
      expect(removals).toBeLessThanOrEqual(6);
      expect(await insertions()).toBe(removals);
      expect((await hostState(page)).present).toBe(false);
      // It has given up on this page: resting on the mention again adds nothing.
      await page.mouse.move(8, 8);
      await sleep(CLOSE_WAIT);
      await restOn(page, mention);
      expect(await insertions()).toBe(removals);
    });
  });

  it('leaves nothing in the page once closed', async () => {
    const { page, mention } = await demoAt(open, 'epaa');
    await restOn(page, mention);
    expect((await hostState(page)).open).toBe(true);
    await page.keyboard.press('Escape');
    await sleep(100);
    const children = await page.evaluate(() =>
      [...document.documentElement.children].map((c) => c.tagName),
    );
    expect(children).toEqual(['HEAD', 'BODY']);
    expect(await page.evaluate((tag) => document.querySelectorAll(tag).length, HOST_TAG)).toBe(0);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  forEachBrowser(
    `hover tooltip, ${scheme} screenshots`,
    (ctx) => {
      it(`follows the ${scheme} colour scheme; a screenshot is saved for review`, async () => {
        const { page, mention } = await demoAt(
          (path) => ctx.open(path, { waitMs: 600 }),
          'nato-md',
          250,
        );
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          scheme === 'dark',
        );
        await restOn(page, mention);
        expect((await hostState(page)).open).toBe(true);
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}/hover-${ctx.name}-${scheme}.png` });
      });
    },
    { colorScheme: scheme },
  );
}
