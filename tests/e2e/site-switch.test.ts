// The popup's per-site switch in Chromium and Firefox: switching the site off removes every
// highlight and the badge at once, without a reload; switching it on restores both.
import { expect, it } from 'vitest';
import { openPopup, tabIdOf } from './support/extension.js';
import {
  badgeOf,
  highlightCounts,
  highlightNames,
  popupDrawn,
  popupState,
  popupTopics,
  total,
  until,
} from './support/popup-ui.js';
import { forEachBrowser } from './support/suite.js';

forEachBrowser('site switch', (ctx) => {
  it('removes and restores the highlights and the badge live', async () => {
    const page = await ctx.open('/demo/index.html');
    const counts = await until(
      () => highlightCounts(page),
      (c) => Object.keys(c).length === 3,
    );
    const tabId = await tabIdOf(ctx.session, page);
    const shown = String(total(counts));
    /** The tab's badge text once it reads `text` (or after the wait, as it is then). */
    const badgeText = async (text: string) =>
      (
        await until(
          () => badgeOf(ctx.session, tabId),
          (b) => b.text === text,
        )
      ).text;
    expect(await badgeText(shown)).toBe(shown);
    // Nothing about the page may change but our highlights: no reload, no navigation.
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });

    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    await popupDrawn(popup, 'summary');
    const label = await popup.$eval('label[for="site-switch"]', (l) => l.textContent);
    expect(label).toBe('Annotate on 127.0.0.1');
    expect(await popup.$eval('#site-switch', (s) => (s as HTMLInputElement).checked)).toBe(true);

    await popup.click('#site-switch');
    expect(
      await until(
        () => highlightNames(page),
        (names) => names.length === 0,
      ),
    ).toEqual([]);
    expect(
      await until(
        () => badgeOf(ctx.session, tabId),
        (b) => b.text === '',
      ),
    ).toEqual({
      text: '',
      title: 'Context Lens',
    });
    expect(
      await until(
        () => popupState(popup),
        (s) => s === 'switched-off',
      ),
    ).toBe('switched-off');
    expect(await popup.$eval('#site-switch', (s) => (s as HTMLInputElement).checked)).toBe(false);

    await popup.click('#site-switch');
    expect(
      await until(
        () => highlightCounts(page),
        (c) => total(c) === total(counts),
      ),
    ).toEqual(counts);
    expect(await badgeText(shown)).toBe(shown);
    await popupDrawn(popup, 'summary');
    expect(
      await until(
        () => popupTopics(popup),
        (t) => total(t) === total(counts),
      ),
    ).toEqual(counts);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
  });
});
