// The options page in Chromium and Firefox: every setting applies at once to a page that is
// already open (topics, site rules, highlight style, hover delay), site rules are validated,
// malformed stored settings fall back to the defaults, and Reset restores them.
import type { Page } from 'puppeteer-core';
import { afterEach, expect, it } from 'vitest';
import { centerOf, hostState, pageMentions, sleep } from './support/context-ui.js';
import { inExtension, openExtensionPage } from './support/extension.js';
import {
  axeViolations,
  highlightCounts,
  highlightNames,
  total,
  until,
} from './support/popup-ui.js';
import { type BrowserContext, forEachBrowser } from './support/suite.js';

async function openBoth(
  ctx: BrowserContext,
): Promise<{ page: Page; options: Page; counts: Record<string, number> }> {
  const page = await ctx.open('/demo/index.html');
  const counts = await until(
    () => highlightCounts(page),
    (c) => Object.keys(c).length === 3,
  );
  const options = await openExtensionPage(ctx.session, 'options/options.html');
  ctx.watch(options);
  await options.waitForSelector('#topic-jta');
  return { page, options, counts };
}

/** A screenshot of the first mention on screen. */
async function mentionPixels(page: Page): Promise<Uint8Array> {
  await page.bringToFront();
  await sleep(200);
  const rect = (await pageMentions(page))[0]?.rects[0];
  if (!rect) throw new Error('no mention on screen');
  const clip = {
    x: rect.left,
    y: rect.top,
    width: rect.right - rect.left,
    height: rect.bottom - rect.top,
  };
  return page.screenshot({ clip });
}

const storedSettings = (ctx: BrowserContext) =>
  inExtension(ctx.session, async () => ({
    ...(await chrome.storage.local.get(null)),
    ...(await chrome.storage.sync.get(null)),
  }));

forEachBrowser('options', (ctx) => {
  afterEach(async () => {
    // Each test starts from the defaults.
    await inExtension(ctx.session, () =>
      Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]),
    );
  });

  it('passes an accessibility scan, with a rule listed and an error shown', async () => {
    const { options } = await openBoth(ctx);
    await options.type('#rule-input', 'example.com');
    await options.keyboard.press('Enter');
    await options.waitForSelector('.rules li');
    await options.type('#rule-input', 'a');
    await options.keyboard.press('Enter');
    await until(
      () => options.$eval('#rule-error', (e) => e.textContent ?? ''),
      (e) => e !== '',
    );
    expect(await axeViolations(options)).toEqual([]);
  });

  it('switches a topic off and on in an open page', async () => {
    const { page, options, counts } = await openBoth(ctx);
    await options.click('#topic-jta');
    const without = await until(
      () => highlightCounts(page),
      (c) => !('jta' in c),
    );
    const { jta: _dropped, ...others } = counts;
    expect(without).toEqual(others);
    expect(await storedSettings(ctx)).toMatchObject({ disabledTopics: ['jta'] });
    await options.click('#topic-jta');
    expect(
      await until(
        () => highlightCounts(page),
        (c) => 'jta' in c,
      ),
    ).toEqual(counts);
  });

  it('changes the highlight style without touching the page', async () => {
    const { page, options } = await openBoth(ctx);
    expect(await highlightNames(page)).toEqual([
      'context-lens-epaa',
      'context-lens-jta',
      'context-lens-nato-md',
    ]);
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    const underlined = await mentionPixels(page);
    await options.bringToFront();
    await options.click('#style-background');
    expect(
      await until(
        () => highlightNames(page),
        (names) => names.every((n) => n.includes('-fill-')),
      ),
    ).toEqual(['context-lens-fill-epaa', 'context-lens-fill-jta', 'context-lens-fill-nato-md']);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(html);
    // The two styles really paint the mention differently.
    expect(Buffer.compare(await mentionPixels(page), underlined)).not.toBe(0);
    await options.bringToFront();
    await options.click('#style-underline');
    expect(
      await until(
        () => highlightNames(page),
        (names) => !names.some((n) => n.includes('-fill-')),
      ),
    ).toEqual(['context-lens-epaa', 'context-lens-jta', 'context-lens-nato-md']);
  });

  it('adds and removes site rules, refusing what is not a site', async () => {
    const { page, options, counts } = await openBoth(ctx);
    const error = () => options.$eval('#rule-error', (e) => e.textContent ?? '');
    await options.type('#rule-input', 'a');
    await options.keyboard.press('Enter');
    expect(await until(error, (e) => e !== '')).toMatch(/not a site/i);
    expect(await options.$eval('#rule-input', (i) => i.getAttribute('aria-invalid'))).toBe('true');
    expect(await storedSettings(ctx)).not.toHaveProperty('siteRules');
    expect(total(await highlightCounts(page))).toBe(total(counts));

    await options.$eval('#rule-input', (i) => {
      (i as HTMLInputElement).value = '';
    });
    await options.type('#rule-input', '127.0.0.1');
    await options.click('.add-rule button');
    expect(
      await until(
        () => highlightNames(page),
        (n) => n.length === 0,
      ),
    ).toEqual([]);
    expect(await options.$$eval('.rules code', (c) => c.map((x) => x.textContent))).toEqual([
      '127.0.0.1',
    ]);
    expect(await error()).toBe('');

    await options.click('.rules button');
    expect(
      await until(
        () => highlightCounts(page),
        (c) => total(c) === total(counts),
      ),
    ).toEqual(counts);
    expect(await options.$$eval('.rules li', (items) => items.length)).toBe(0);
  });

  it('applies the hover delay to an open page', async () => {
    const { page, options } = await openBoth(ctx);
    await options.$eval('#hover-delay', (i) => {
      (i as HTMLInputElement).value = '';
    });
    await options.type('#hover-delay', '1500');
    await options.keyboard.press('Tab'); // 'change' fires when the field is left
    expect(
      await until(
        () => storedSettings(ctx),
        (s) => s.hoverDelayMs === 1500,
      ),
    ).toMatchObject({
      hoverDelayMs: 1500,
    });
    await page.bringToFront();
    await sleep(300);
    const mention = (await pageMentions(page))[0];
    const rect = mention?.rects[0];
    if (!rect) throw new Error('no mention on screen');
    await page.mouse.move(centerOf(rect).x, centerOf(rect).y, { steps: 3 });
    await sleep(800); // longer than the default delay (300 ms), shorter than the new one
    expect((await hostState(page)).open).toBe(false);
    expect(
      (
        await until(
          () => hostState(page),
          (h) => h.open,
          4000,
        )
      ).open,
    ).toBe(true);
  });

  it('falls back to the defaults for malformed stored settings, and resets', async () => {
    const { page, options, counts } = await openBoth(ctx);
    await inExtension(ctx.session, () =>
      chrome.storage.sync.set({
        disabledTopics: 'jta',
        siteRules: [42, 'a', '*://*.example.org/*'],
        highlightStyle: { evil: true },
        hoverDelayMs: -5,
      }),
    );
    // Wrong types count as their defaults; the one valid rule is kept.
    await until(
      () => options.$$eval('.rules code', (c) => c.map((x) => x.textContent)),
      (rules) => rules.length === 1,
    );
    expect(await options.$$eval('.rules code', (c) => c.map((x) => x.textContent))).toEqual([
      '*://*.example.org/*',
    ]);
    expect(await options.$eval('#topic-jta', (b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(await options.$eval('#style-underline', (b) => (b as HTMLInputElement).checked)).toBe(
      true,
    );
    expect(await options.$eval('#hover-delay', (i) => (i as HTMLInputElement).value)).toBe('300');
    expect(await highlightCounts(page)).toEqual(counts);

    await options.click('#topic-epaa');
    await until(
      () => highlightCounts(page),
      (c) => !('epaa' in c),
    );
    await options.click('.actions button');
    expect(
      await until(
        () => highlightCounts(page),
        (c) => 'epaa' in c,
      ),
    ).toEqual(counts);
    expect(
      await until(
        () => storedSettings(ctx),
        (s) => Object.keys(s).length === 0,
      ),
    ).toEqual({});
    expect(await options.$$eval('.rules li', (items) => items.length)).toBe(0);
  });
});
