// The real toolbar popup on a real page, in Chromium and Firefox: it lists what the page
// highlights, "Show" goes to a mention, the list works from the keyboard, the timeline draws the
// topics' dated events at their precision, it follows dark mode and stays fast with 5,000 mentions.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import type { Dataset } from '../../src/data/schema.js';
import { navigateAndPoll } from './support/browsers.js';
import { currentMention, pageMentions, pageShowsText, waitForHost } from './support/context-ui.js';
import { inExtension, openExtensionPage, openPopup } from './support/extension.js';
import {
  axeViolations,
  highlightCounts,
  popupDrawn,
  popupState,
  popupTopics,
  total,
  until,
} from './support/popup-ui.js';
import { projectRoot } from './support/server.js';
import { type BrowserContext, forEachBrowser } from './support/suite.js';

const dataset: Dataset = JSON.parse(
  readFileSync(join(projectRoot, 'assets/data/dataset.json'), 'utf8'),
);

/** Opens a page and waits until its highlights stop changing. */
async function settled(page: Page): Promise<Record<string, number>> {
  let last = '';
  return until(
    () => highlightCounts(page),
    (counts) => {
      const key = JSON.stringify(counts);
      const same = key === last && total(counts) > 0;
      last = key;
      return same;
    },
  );
}

forEachBrowser('popup', (ctx) => {
  it('lists the same topics and counts as the page highlights', async () => {
    const page = await ctx.open('/demo/index.html');
    const counts = await settled(page);
    expect(Object.keys(counts).sort()).toEqual(['epaa', 'jta', 'nato-md']);
    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    expect(await popupDrawn(popup)).toBe('summary');
    expect(await popupTopics(popup)).toEqual(counts);
    const heading = await popup.$eval('#mentions-heading', (h) => h.textContent ?? '');
    expect(heading).toContain(String(total(counts)));
    const setsize = await popup.$eval('.mention', (row) => row.getAttribute('aria-setsize'));
    expect(Number(setsize)).toBe(total(counts));
    // Each listed mention is the page's mention at that place, with a snippet of its sentence.
    const mentions = await pageMentions(page);
    const rows = await popup.$$eval('.mention', (items) =>
      items.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        topic: row.querySelector('.topic-chip')?.getAttribute('data-topic'),
        text: row.querySelector('mark')?.textContent,
        snippet: row.querySelector('.snippet')?.textContent ?? '',
      })),
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(row.topic).toBe(mentions[row.index]?.topic);
      expect(row.text).toBe(mentions[row.index]?.text);
      expect(row.snippet.length).toBeGreaterThan(row.text?.length ?? 0);
    }
    // Each topic's chip wears its palette slot's colour, one colour per topic.
    const chips = await popup.$$eval('.topics .topic-chip', (items) =>
      items.map((chip) => [
        chip.getAttribute('data-topic'),
        getComputedStyle(chip).borderLeftColor,
      ]),
    );
    expect(chips.map(([topic]) => topic)).toEqual(['epaa', 'jta', 'nato-md']);
    expect(chips.map(([, colour]) => colour)).toEqual([
      'rgb(230, 159, 0)',
      'rgb(86, 180, 233)',
      'rgb(0, 158, 115)',
    ]);
  });

  it('"Show" scrolls the page to the mention, marks it and opens its context', async () => {
    const page = await ctx.open('/demo/index.html');
    await settled(page);
    const mentions = await pageMentions(page);
    const last = mentions.length - 1;
    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    await popupDrawn(popup, 'summary');
    // The last mention is far below the first screen; the list reaches it with End.
    await popup.focus('.mention .show');
    await popup.keyboard.press('End');
    const focused = await popup.evaluate(() =>
      document.activeElement?.closest('.mention')?.getAttribute('data-index'),
    );
    expect(Number(focused)).toBe(last);
    expect(await currentMention(page)).toBeNull();
    await popup.keyboard.press('Enter');
    const current = await until(
      () => currentMention(page),
      (m) => m !== null,
    );
    expect(current?.text).toBe(mentions[last]?.text);
    const viewport = await page.evaluate(() => window.innerHeight);
    const rect = current?.rects[0];
    expect(rect).toBeDefined();
    expect(rect?.top).toBeGreaterThanOrEqual(0);
    expect(rect?.bottom).toBeLessThanOrEqual(viewport);
    // And opens its context, as the keyboard command does.
    const host = await waitForHost(page, (state) => state.open);
    expect(host.open).toBe(true);
    // The card's description is ours (not on the page): found, it is the card showing.
    const topic = dataset.topics.find((t) => t.id === mentions[last]?.topic);
    expect(await pageShowsText(page, topic?.description.slice(0, 40) ?? '?')).toBe(true);
  });

  it('moves through the mention list with the arrow keys', async () => {
    const page = await ctx.open('/demo/index.html');
    await settled(page);
    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    await popupDrawn(popup, 'summary');
    const tabbable = await popup.$$eval(
      '.mention .show',
      (buttons) => buttons.filter((b) => b.getAttribute('tabindex') === '0').length,
    );
    expect(tabbable).toBe(1);
    await popup.focus('.mention .show');
    const where = () =>
      popup.evaluate(() => document.activeElement?.closest('.mention')?.getAttribute('data-index'));
    expect(await where()).toBe('0');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    expect(await where()).toBe('2');
    await popup.keyboard.press('ArrowUp');
    expect(await where()).toBe('1');
    await popup.keyboard.press('Home');
    expect(await where()).toBe('0');
  });

  it('draws the timeline at each date’s precision, each event opening onto its statements', async () => {
    const page = await ctx.open('/demo/index.html');
    const counts = await settled(page);
    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    await popupDrawn(popup, 'summary');
    const found = new Set(Object.keys(counts));
    const expected = dataset.events.filter((e) => e.topics.some((t) => found.has(t)));
    const marks = await popup.$$eval('.event-mark', (items) =>
      items.map((m) => ({
        id: m.getAttribute('data-event'),
        width: m.getBoundingClientRect().width,
      })),
    );
    expect(marks.map((m) => m.id).sort()).toEqual(expected.map((e) => e.id).sort());
    const track = await popup.$eval('.timeline-track', (t) => t.getBoundingClientRect().width);
    const years = await popup.$$eval('.tick', (ticks) => ticks.map((t) => Number(t.textContent)));
    const span = (years.at(-1) ?? 0) + 1 - (years[0] ?? 0);
    // A month-precision event spans about a twelfth of a year; the day-precision one is drawn
    // at the minimum width, narrower than any month.
    const month = marks.find((m) => m.id === 'e-jta-session-2');
    const day = marks.find((m) => m.id === 'e-rusi-remarks');
    expect(month?.width).toBeCloseTo(track / span / 12, 0);
    expect(day?.width ?? 0).toBeLessThan(month?.width ?? 0);
    // Clicking a mark opens its event in the list, with the statements that report it.
    await popup.click('.event-mark[data-event="e-moscow-summit"]');
    const opened = await popup.$eval('details[data-event="e-moscow-summit"]', (d) => ({
      open: (d as HTMLDetailsElement).open,
      statements: [...d.querySelectorAll('.statement-text')].map((s) => s.textContent),
    }));
    const statement = dataset.statements.find((s) => s.id === 's-jta-agreed-at-moscow-summit');
    expect(opened.open).toBe(true);
    expect(opened.statements).toEqual([statement?.text]);
    const source = dataset.sources[0];
    const citation = await popup.$eval('.citation', (c) => c.textContent ?? '');
    expect(citation).toContain(source?.title);
    expect(citation).toContain(source?.author);
  });

  it('passes an accessibility scan, with an event opened', async () => {
    const page = await ctx.open('/demo/index.html');
    await settled(page);
    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    await popupDrawn(popup, 'summary');
    await popup.click('details[data-event="e-moscow-summit"] summary');
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('says so when the page mentions none of the topics', async () => {
    ctx.server.route('/popup/none.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="en"><title>None</title><p>Gardening news.</p></html>');
    });
    const page = await ctx.open('/popup/none.html');
    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    expect(
      await until(
        () => popupState(popup),
        (s) => s === 'no-mentions',
      ),
    ).toBe('no-mentions');
    // The site can still be switched off from here.
    expect(await popup.$eval('.site-switch', (s) => (s as HTMLElement).hidden)).toBe(false);
    expect(await popup.$$('.mention')).toHaveLength(0);
  });

  /** Opens the popup for `page`, which the extension cannot read, and waits for it to say so. */
  async function restrictedPopup(page: Page): Promise<Page> {
    ctx.watch(page);
    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    expect(
      await until(
        () => popupState(popup),
        (s) => s === 'restricted',
      ),
    ).toBe('restricted');
    return popup;
  }

  it('says so on a page no extension may read', async () => {
    const popup = await restrictedPopup(
      await openExtensionPage(ctx.session, 'options/options.html'),
    );
    expect(await popup.$eval('.site-switch', (s) => (s as HTMLElement).hidden)).toBe(true);
    expect(await popup.$eval('.state h2', (h) => h.textContent)).toBe(
      'Context Lens can’t run here',
    );
  });

  it('says so on a page whose address the browser hides from us', async () => {
    // about:blank stands for the browser's own pages: not http(s), so its address is not shown
    // to an extension whose access is to http(s) sites, and no content script runs in it.
    const popup = await restrictedPopup(await ctx.session.browser.newPage());
    expect(await popup.$$('.state button')).toHaveLength(0);
  });

  it('keeps a page’s bidi controls inside the page’s own words in its snippets', async () => {
    // An unclosed right-to-left override (U+202E) before the mention, and one after it.
    ctx.server.route('/popup/bidi.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html lang="en"><title>Bidi</title><body>' +
          '<p>\u202EOverridden words then the European Phased Adaptive Approach was discussed.</p>' +
          '<p>The European Phased Adaptive Approach came first \u202Eand an override after.</p>' +
          '</body></html>',
      );
    });
    const page = await ctx.open('/popup/bidi.html');
    await until(
      () => highlightCounts(page),
      (c) => c.epaa === 2,
    );
    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    await popupDrawn(popup, 'summary');
    const marks = await popup.$$eval('.mention .snippet mark', (nodes) =>
      nodes.map((mark) => {
        const text = mark.firstChild as Text;
        const box = (from: number) => {
          const range = document.createRange();
          range.setStart(text, from);
          range.setEnd(text, from + 1);
          return range.getBoundingClientRect().left;
        };
        // Left to right: the first word's first letter ("E") is drawn left of its last ("n").
        return { text: text.data, first: box(0), last: box(text.data.indexOf(' ') - 1) };
      }),
    );
    expect(marks.map((m) => m.text)).toEqual([
      'European Phased Adaptive Approach',
      'European Phased Adaptive Approach',
    ]);
    for (const mark of marks) expect(mark.first).toBeLessThan(mark.last);
  });

  it('draws 5,000 mentions within 100 ms, rendering only the rows in view', async () => {
    const paragraphs = Array.from(
      { length: 5000 },
      (_, i) => `<p>Item ${i}: the European Phased Adaptive Approach was discussed again.</p>`,
    ).join('\n');
    ctx.server.route('/popup/many.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><title>Many</title><body>${paragraphs}</body></html>`,
      );
    });
    const page = await ctx.open('/popup/many.html', { baseline: false });
    const counts = await until(
      () => highlightCounts(page),
      (c) => c.epaa === 5000,
      30_000,
    );
    expect(counts).toEqual({ epaa: 5000 });
    const popup = await openPopup(ctx.session, page);
    ctx.watch(popup);
    await popupDrawn(popup, 'summary');
    const drawn = await popup.evaluate(() => {
      const end = (name: string) => {
        const entry = performance.getEntriesByName(name)[0];
        return entry ? entry.startTime + entry.duration : -1;
      };
      return {
        ms: performance.getEntriesByName('context-lens:popup-render')[0]?.duration ?? -1,
        firstScreen: end('context-lens:popup-render'),
        complete: end('context-lens:popup-complete'),
        rows: document.querySelectorAll('.mention').length,
        setsize: document.querySelector('.mention')?.getAttribute('aria-setsize'),
      };
    });
    // The first screen is drawn from a short first reply, before the whole list has arrived.
    expect(drawn.firstScreen).toBeGreaterThan(0);
    expect(drawn.complete).toBeGreaterThan(drawn.firstScreen);
    expect(drawn.ms).toBeGreaterThanOrEqual(0);
    expect(drawn.ms).toBeLessThan(100);
    expect(drawn.rows).toBeLessThan(40);
    expect(drawn.setsize).toBe('5000');
    // Scrolled to the end, the last mention's row is there.
    await popup.$eval('.mention-list', (list) => {
      list.scrollTop = list.scrollHeight;
    });
    await popup.waitForSelector('.mention[data-index="4999"]', { timeout: 5000 });
  });
});

/** The popup's background brightness (0 black – 255 white). */
function backgroundOf(popup: Page): Promise<number> {
  return popup.evaluate(() => {
    const channels = getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? [];
    const [r = 0, g = 0, b = 0] = channels.map(Number);
    return (r + g + b) / 3;
  });
}

for (const scheme of ['light', 'dark'] as const) {
  forEachBrowser(
    `popup in ${scheme} mode`,
    (ctx) => {
      it(`follows the ${scheme} color scheme, popup and settings alike`, async () => {
        const page = await ctx.open('/demo/index.html');
        await settled(page);
        const popup = await openPopup(ctx.session, page);
        ctx.watch(popup);
        await popupDrawn(popup, 'summary');
        const dark = await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        expect(dark).toBe(scheme === 'dark');
        if (scheme === 'dark') expect(await backgroundOf(popup)).toBeLessThan(60);
        else expect(await backgroundOf(popup)).toBeGreaterThan(200);
        expect(await axeViolations(popup)).toEqual([]);
        // For review by eye (artifacts/ is not committed).
        await popup.click('.event-mark[data-event="e-rusi-remarks"]');
        mkdirSync(join(projectRoot, 'artifacts/screenshots'), { recursive: true });
        await popup.screenshot({
          path: join(projectRoot, `artifacts/screenshots/popup-${ctx.name}-${scheme}.png`),
          clip: { x: 0, y: 0, width: 420, height: 900 },
        });
        // Opening another page closes Chromium's popup, so the settings page comes last.
        const options = await openExtensionPage(ctx.session, 'options/options.html');
        ctx.watch(options);
        await options.waitForSelector('#topic-jta');
        if (scheme === 'dark') expect(await backgroundOf(options)).toBeLessThan(60);
        else expect(await backgroundOf(options)).toBeGreaterThan(200);
        expect(await axeViolations(options)).toEqual([]);
      });
    },
    { colorScheme: scheme },
  );
}

forEachBrowser(
  'popup without host access',
  (ctx) => {
    it('says it has no access and the button asks for it', async () => {
      const sites = ['http://*/*', 'https://*/*'];
      if (ctx.name === 'firefox') {
        // Firefox lets the user withhold host access; the extension can give it up the same way.
        expect(
          await inExtension(
            ctx.session,
            (origins: string[]) => browser.permissions.remove({ origins }),
            sites,
          ),
        ).toBe(true);
      } else {
        await setChromiumSiteAccess(ctx, 'ON_CLICK');
      }
      const page = await ctx.open('/demo/index.html');
      expect(await highlightCounts(page)).toEqual({});
      const popup = await openPopup(ctx.session, page);
      ctx.watch(popup);
      expect(
        await until(
          () => popupState(popup),
          (s) => s === 'no-access',
        ),
      ).toBe('no-access');
      const button = await popup.$eval('.state button', (b) => b.textContent);
      expect(button).toBe('Allow on all sites');

      if (ctx.name === 'firefox') {
        // The test browser grants what is asked without a prompt; the popup then reloads the tab.
        await popup.click('.state button');
        const granted = await until(
          () => inExtension(ctx.session, async () => (await browser.permissions.getAll()).origins),
          (origins) => sites.every((o) => origins?.includes(o)),
        );
        expect(granted).toEqual(expect.arrayContaining(sites));
        expect(await popupDrawn(popup, 'summary')).toBe('summary');
        expect(Object.keys(await highlightCounts(page)).sort()).toEqual(['epaa', 'jta', 'nato-md']);
      } else {
        // Chromium's prompt cannot be answered in a headless browser, and opening it closes the
        // popup: the request is recorded in storage on its way to the real API.
        await popup.evaluate(() => {
          const request = chrome.permissions.request.bind(chrome.permissions);
          chrome.permissions.request = ((p: chrome.permissions.Permissions) => {
            void chrome.storage.session.set({ 'test:asked': p });
            return request(p);
          }) as typeof chrome.permissions.request;
        });
        await popup.click('.state button');
        const asked = await until(
          () =>
            inExtension(
              ctx.session,
              async () => (await chrome.storage.session.get('test:asked'))['test:asked'],
            ),
          (a) => a !== undefined,
        );
        expect(asked).toEqual({ origins: sites });
        await setChromiumSiteAccess(ctx, 'ON_ALL_SITES');
      }
    });
  },
  { grantPermissionRequests: true },
);

declare const browser: typeof chrome;

/** Chromium's per-extension site access, as set on chrome://extensions ("On click", …). */
async function setChromiumSiteAccess(ctx: BrowserContext, access: 'ON_CLICK' | 'ON_ALL_SITES') {
  const page = await ctx.session.browser.newPage();
  try {
    await navigateAndPoll(page, 'chrome://extensions/');
    const error = await page.evaluate(
      (id, hostAccess) =>
        new Promise<string>((resolve) => {
          const api = (chrome as unknown as { developerPrivate: DeveloperPrivate })
            .developerPrivate;
          api.updateExtensionConfiguration({ extensionId: id, hostAccess }, () =>
            resolve(chrome.runtime.lastError?.message ?? ''),
          );
        }),
      ctx.session.extensionId,
      access,
    );
    expect(error).toBe('');
  } finally {
    await page.close();
  }
}

interface DeveloperPrivate {
  updateExtensionConfiguration(
    update: { extensionId: string; hostAccess: string },
    callback: () => void,
  ): void;
}
