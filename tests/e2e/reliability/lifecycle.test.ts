// The browser's lifecycle under the extension: the background stopped between every step
// (Chromium's service worker, Firefox's event page), the extension reloaded with a tab open,
// a page restored from the back-forward cache, and (Firefox) host access withdrawn.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { stopChromiumWorker } from '../support/browsers.js';
import { firefoxEventPageStopped, inExtension, tabIdOf } from '../support/extension.js';
import { projectRoot } from '../support/server.js';
import { type BrowserContext, forEachBrowser } from '../support/suite.js';
import {
  counts,
  fixtureParagraph,
  highlightNames,
  pollUntil,
  readTopics,
  summaryOf,
} from './helpers.js';

const PAGE = '/e2e/reliability/lifecycle.html';
const OTHER = '/e2e/reliability/frame.html';

async function stopBackground(ctx: BrowserContext): Promise<void> {
  if (ctx.name === 'chromium') await stopChromiumWorker(ctx.session);
  else expect(await firefoxEventPageStopped(ctx.session), 'the event page was unloaded').toBe(true);
}

async function badge(ctx: BrowserContext, page: Page, expected: string): Promise<string> {
  const tabId = await tabIdOf(ctx.session, page);
  return pollUntil(
    () =>
      inExtension(ctx.session, (id: number) => chrome.action.getBadgeText({ tabId: id }), tabId),
    (text) => text === expected,
    10_000,
  );
}

const addMention = (page: Page) =>
  page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'added';
    p.textContent = 'Later: the Joint Threat Assessment of 2009.';
    document.body.append(p);
  });

forEachBrowser(
  'the browser lifecycle',
  (ctx) => {
    it('keeps counts and badge right with the background stopped between every step', async () => {
      const page = await ctx.open(PAGE);
      await stopBackground(ctx);
      expect(await badge(ctx, page, '3')).toBe('3');

      await stopBackground(ctx);
      await addMention(page);
      expect(await badge(ctx, page, '4')).toBe('4');
      expect((await summaryOf(ctx.session, page))?.counts).toEqual({
        epaa: 2,
        'nato-md': 1,
        jta: 1,
      });

      await stopBackground(ctx);
      await page.evaluate(() => document.getElementById('first')?.remove());
      expect(await badge(ctx, page, '1')).toBe('1');

      await stopBackground(ctx);
      const second = await ctx.open(OTHER);
      expect(await badge(ctx, second, '1')).toBe('1');
      expect(await badge(ctx, page, '1'), 'the first tab keeps its own count').toBe('1');

      await stopBackground(ctx);
      ctx.allowRequests(OTHER);
      await page.goto(ctx.server.url(`${OTHER}?again`), { waitUntil: 'load' });
      await page.evaluate(() => document.querySelector('p')?.remove());
      expect(await badge(ctx, page, ''), 'a new page without mentions has no badge').toBe('');
      expect(counts(await readTopics(second))).toEqual({ jta: 1 });
    }, 120_000);

    it('restores a page from the back-forward cache with its highlights and badge', async () => {
      // Served without the fixture server's `no-store`, which keeps Firefox from caching it.
      const html = readFileSync(join(projectRoot, 'tests/e2e/fixtures', PAGE.slice(5)), 'utf8');
      ctx.server.route('/cacheable.html', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
      });
      const page = await ctx.open('/cacheable.html');
      await pollUntil(
        () => readTopics(page),
        (t) => Object.keys(t).length === 2,
      );
      ctx.allowRequests(OTHER);
      await page.goto(ctx.server.url(OTHER), { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 500));
      // A page restored from the cache fires no load event: wait for its own flag instead.
      page.goBack().catch(() => undefined);
      const restored = await pollUntil(
        () =>
          page
            .evaluate(
              () => (window as unknown as { restoredFromCache?: boolean }).restoredFromCache,
            )
            .catch(() => undefined),
        (flag) => flag !== undefined,
        10_000,
      );
      expect(restored, 'the browser used its back-forward cache').toBe(true);
      expect(
        await pollUntil(
          () => readTopics(page),
          (t) => Object.keys(t).length === 2,
        ),
      ).toEqual(fixtureParagraph);
      expect(await badge(ctx, page, '3')).toBe('3');
    });

    // Last in this browser: the extension is reloaded under an open tab.
    it('is reloaded with a tab open: the old content script cleans up and logs nothing', async () => {
      const page = await ctx.open(PAGE);
      await pollUntil(
        () => readTopics(page),
        (t) => Object.keys(t).length === 2,
      );
      await inExtension(ctx.session, () => {
        setTimeout(() => chrome.runtime.reload(), 100);
      });
      if (ctx.name === 'chromium') {
        // Chromium runs the reloaded extension's content scripts only in pages loaded after, so
        // the old one must notice it was orphaned and take its highlights away, unprompted.
        const left = await pollUntil(
          () => highlightNames(page),
          (n) => n.length === 0,
          5000,
        );
        expect(left, 'highlights of the orphaned content script').toEqual([]);
        // A page change must not wake it (an orphan that still listened would act, or throw).
        await addMention(page);
        await new Promise((r) => setTimeout(r, 1500));
        expect(await highlightNames(page)).toEqual([]);
      } else {
        // Firefox runs them in open tabs too: one set of highlights, the new script's, which
        // also follows the page.
        await new Promise((r) => setTimeout(r, 3000));
        await addMention(page);
        const topics = await pollUntil(
          () => readTopics(page),
          (t) => 'jta' in t,
        );
        expect(topics).toEqual({ ...fixtureParagraph, jta: ['Joint Threat Assessment'] });
      }
    }, 60_000);
  },
  { backgroundIdleSeconds: 2 },
);

forEachBrowser('host access withdrawn at runtime', (ctx) => {
  it('injects nothing in pages loaded after (Firefox; Chromium keeps required access)', async () => {
    const before = await ctx.open(PAGE);
    await pollUntil(
      () => readTopics(before),
      (t) => Object.keys(t).length === 2,
    );
    const outcome = await inExtension(ctx.session, async () => {
      const removed = await chrome.permissions
        .remove({ origins: ['http://*/*', 'https://*/*'] })
        .catch((error: unknown) => String(error));
      return {
        removed,
        access: await chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
      };
    });
    if (ctx.name === 'chromium') {
      // Chromium lets only the user withhold the access content scripts are declared with.
      expect(outcome.removed).toMatch(/required permissions/i);
      expect(outcome.access).toBe(true);
      return;
    }
    // Firefox lets the user (here: the extension) take host access away at any time.
    expect(outcome).toEqual({ removed: true, access: false });
    const after = await ctx.open(PAGE, { waitMs: 1500 });
    expect(await highlightNames(after)).toEqual([]);
    expect(await summaryOf(ctx.session, after), 'no content script answers').toBeNull();
  });
});
