// Hostile pages: a page that sabotages DOM and JS built-ins, or clobbers the names an extension
// looks up, cannot stop the extension or make it throw, and never sees it use the page's methods.
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { onBaselinePage } from '../support/baseline.js';
import { forEachBrowser } from '../support/suite.js';
import {
  firstMentionPoint,
  fixtureParagraph,
  hostView,
  hoverFirstMention,
  pixelDifference,
  pollUntil,
  pristine,
  readTopics,
  summaryOf,
} from './helpers.js';

const withLaterParagraph = {
  epaa: fixtureParagraph.epaa,
  'nato-md': [...fixtureParagraph['nato-md'], 'NATO missile defence'],
};

/** The page's record of calls into its traps (kept in the DOM, so no page code runs to read it). */
function trapCalls(page: Page): Promise<string | null> {
  return pristine(page).evaluate(() => document.documentElement.getAttribute('data-hostile-calls'));
}

/** A screenshot of the viewport taken once two in a row, 150 ms apart, are byte-equal. */
async function settledScreenshot(page: Page): Promise<string> {
  let last = (await page.screenshot({ encoding: 'base64' })) as string;
  for (let tries = 0; tries < 20; tries++) {
    await new Promise((r) => setTimeout(r, 150));
    const next = (await page.screenshot({ encoding: 'base64' })) as string;
    if (next === last) return next;
    last = next;
  }
  return last;
}

/** A PNG of one element (byte-equal PNGs from the same browser build mean equal pixels). */
async function shot(page: Page, selector: string): Promise<string> {
  const element = await page.$(selector);
  if (!element) throw new Error(`no ${selector}`);
  return (await element.screenshot({ encoding: 'base64' })) as string;
}

interface Fight {
  removals: number;
  ours: number;
  pageOwn: boolean;
}

const readFight = (page: Page) =>
  page.evaluate((): Fight => {
    const fight = (window as unknown as { fight: { removals: number } }).fight;
    let ours = 0;
    CSS.highlights.forEach((_h, name) => {
      if (name.startsWith('context-lens-')) ours++;
    });
    return { removals: fight.removals, ours, pageOwn: CSS.highlights.has('page-own') };
  });

const clickToAddParagraph = async (page: Page) => {
  await page.mouse.click(5, 5);
};

forEachBrowser('hostile pages', (ctx) => {
  it('works on a page that overrides DOM and JS built-ins, and calls none of them', async () => {
    const page = await ctx.open('/e2e/reliability/hostile-overrides.html');
    const first = await pollUntil(
      () => readTopics(page),
      (t) => Object.keys(t).length === 2,
    );
    expect(first).toEqual(fixtureParagraph);
    await clickToAddParagraph(page);
    const later = await pollUntil(
      () => readTopics(page),
      (t) => t['nato-md']?.length === 2,
    );
    expect(later).toEqual(withLaterParagraph);
    expect(await trapCalls(page)).toBe('');
    await ctx.compareWithBaseline(page, clickToAddParagraph);
    // The tooltip too is built with the extension's own DOM methods, never the page's.
    expect((await hoverFirstMention(page)).open, 'the tooltip opens').toBe(true);
    expect(await trapCalls(page)).toBe('');
    await page.keyboard.press('Escape');
  });

  it('works on a page whose named elements clobber document and window properties', async () => {
    const page = await ctx.open('/e2e/reliability/clobbering.html');
    const clobbered = await page.evaluate(() => {
      const named = (o: object, key: string) => (o as Record<string, unknown>)[key];
      return [
        named(document, 'createTreeWalker') instanceof HTMLImageElement,
        named(document, 'body') instanceof HTMLImageElement,
        named(window, 'browser') instanceof HTMLFormElement,
      ];
    });
    expect(clobbered, 'the fixture clobbers what it means to').toEqual([true, true, true]);
    expect(
      await pollUntil(
        () => readTopics(page),
        (t) => Object.keys(t).length === 2,
      ),
    ).toEqual(fixtureParagraph);
    // The extension API still works in the content script: it answers the popup.
    const summary = await summaryOf(ctx.session, page);
    expect(summary?.counts).toEqual({ epaa: 2, 'nato-md': 1 });
  });

  it('paints its highlights on a page that unsets every style with !important', async () => {
    const page = await ctx.open('/e2e/reliability/all-unset.html');
    expect(
      await pollUntil(
        () => readTopics(page),
        (t) => Object.keys(t).length === 2,
      ),
    ).toEqual(fixtureParagraph);
    const [mention, control] = [await shot(page, '#mention'), await shot(page, '#control')];
    const without = await onBaselinePage(ctx.name, page.url(), 300, async (p) => [
      await shot(p, '#mention'),
      await shot(p, '#control'),
    ]);
    expect(control, 'text without mentions looks the same').toBe(without[1]);
    expect(mention, 'the mentions are painted').not.toBe(without[0]);
  });

  it('puts back highlights a page keeps removing a bounded number of times, then stops', async () => {
    // The page changes its own text on a timer: its DOM cannot be compared with a baseline.
    const page = await ctx.open('/e2e/reliability/highlight-fight.html', { baseline: false });
    let last = await readFight(page);
    let stableSince = Date.now();
    const until = Date.now() + 15_000;
    while (Date.now() - stableSince < 2000 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await readFight(page);
      if (now.removals !== last.removals) stableSince = Date.now();
      last = now;
    }
    expect(Date.now() - stableSince, 'the extension stopped re-registering').toBeGreaterThanOrEqual(
      2000,
    );
    expect(last.removals, 'it did put them back at first').toBeGreaterThan(1);
    expect(last.removals, 'but only a bounded number of times').toBeLessThanOrEqual(20);
    expect(last.ours).toBe(0);
    expect(last.pageOwn, "the page's own highlight is left alone").toBe(true);
  });

  it('stops fighting for its tooltip when the page moves, hides and restyles it', async () => {
    const page = await ctx.open('/e2e/reliability/host-fight.html');
    await pollUntil(
      () => readTopics(page),
      (t) => 'epaa' in t,
    );
    const { x, y } = await firstMentionPoint(page);
    await page.mouse.move(x, y, { steps: 3 });
    const actions = () => page.evaluate(() => (window as unknown as { actions: number }).actions);
    let before = await actions();
    let stable = 0;
    for (let i = 0; i < 40 && stable < 4; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await actions();
      stable = now === before ? stable + 1 : 0;
      before = now;
    }
    expect(stable, 'the back and forth ended').toBe(4);
    expect(before, 'the page had to act').toBeGreaterThan(0);
    expect(before, 'a bounded number of times').toBeLessThanOrEqual(8);
    // Once the pointer leaves, nothing of ours is left in the page.
    await page.mouse.move(2, 2);
    expect(
      (
        await pollUntil(
          () => hostView(page),
          (v) => !v.present,
        )
      ).present,
    ).toBe(false);
    // Given up for this page: resting on the mention again starts nothing.
    await page.mouse.move(x, y, { steps: 3 });
    await new Promise((r) => setTimeout(r, 900));
    expect(await actions()).toBe(before);
  });

  it('shows its tooltip undimmed on a page that fades everything', async () => {
    const page = await ctx.open('/e2e/reliability/opacity-tricks.html');
    await pollUntil(
      () => readTopics(page),
      (t) => 'epaa' in t,
    );
    const view = await hoverFirstMention(page);
    expect(view.open).toBe(true);
    // The card fades in (120 ms) and Firefox can take a screenshot before its first frame: wait
    // until two screenshots in a row agree, so "shown" is the card as it stays.
    const shown = await settledScreenshot(page);
    await page.keyboard.press('Escape');
    await pollUntil(
      () => hostView(page),
      (v) => !v.present,
    );
    const gone = await settledScreenshot(page);
    // Dimmed to 2% with the page, no pixel of the card would stand out from the faded page
    // behind it; undimmed, its text does (about 2% of the viewport).
    expect(await pixelDifference(ctx.session, shown, gone)).toBeGreaterThan(0.005);
  });
});
