// The toolbar badge in Chromium and Firefox: the tab's mentions in all frames, a title naming
// the topics, capped at "999+", cleared when the tab navigates, and drawn the same after the
// browser stops the background (Chromium's service worker, Firefox's event page).
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { stopChromiumWorker } from './support/browsers.js';
import { firefoxEventPageStopped, tabIdOf } from './support/extension.js';
import { allFramesHighlightCounts, badgeOf, total, until } from './support/popup-ui.js';
import { type BrowserContext, forEachBrowser } from './support/suite.js';

const html = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badge</title></head><body>${body}</body></html>`;

function serve(ctx: BrowserContext, path: string, body: string): void {
  ctx.server.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(body));
  });
}

/** A top page with EPAA and NATO missile defense, and a frame that adds the JTA. */
function serveFramedPage(ctx: BrowserContext): string {
  serve(
    ctx,
    '/badge/top.html',
    `<h1>NATO missile defense</h1>
     <p>The European Phased Adaptive Approach (EPAA) is the US part of NATO missile defense.</p>
     <iframe src="/badge/frame.html" title="More"></iframe>`,
  );
  serve(
    ctx,
    '/badge/frame.html',
    '<p>The US–Russia Joint Threat Assessment met again; the JTA found common ground.</p>',
  );
  ctx.allowRequests('/badge/frame.html');
  return '/badge/top.html';
}

const titleFor = (counts: Record<string, number>) => {
  const names: [string, string][] = [
    ['epaa', 'EPAA'],
    ['jta', 'JTA'],
    ['nato-md', 'NATO missile defense'],
  ];
  const parts = names.filter(([id]) => counts[id]).map(([id, name]) => `${name} ${counts[id]}`);
  return `${total(counts)} mentions: ${parts.join(', ')}`;
};

async function settledBadge(ctx: BrowserContext, page: Page, expected: string) {
  const tabId = await tabIdOf(ctx.session, page);
  return until(
    () => badgeOf(ctx.session, tabId),
    (badge) => badge.text === expected,
  );
}

forEachBrowser(
  'badge',
  (ctx) => {
    it('counts the mentions of every frame, with a title naming each topic', async () => {
      const page = await ctx.open(serveFramedPage(ctx), { waitMs: 800 });
      const counts = await allFramesHighlightCounts(page);
      // The JTA is only in the frame: the badge must count both documents.
      expect(Object.keys(counts).sort()).toEqual(['epaa', 'jta', 'nato-md']);
      const badge = await settledBadge(ctx, page, String(total(counts)));
      expect(badge).toEqual({ text: String(total(counts)), title: titleFor(counts) });
    });

    it('caps the number at 999+', async () => {
      const many = Array.from({ length: 1200 }, () => '<p>The EPAA again.</p>').join('');
      serve(ctx, '/badge/many.html', `<h1>European Phased Adaptive Approach</h1>${many}`);
      const page = await ctx.open('/badge/many.html', { waitMs: 800 });
      const badge = await settledBadge(ctx, page, '999+');
      expect(badge).toEqual({ text: '999+', title: '1,201 mentions: EPAA 1,201' });
    });

    it('is cleared when the tab goes to another page, and kept across pushState', async () => {
      serve(ctx, '/badge/none.html', '<p>Nothing about those topics here.</p>');
      ctx.allowRequests('/badge/none.html');
      const page = await ctx.open(serveFramedPage(ctx), { waitMs: 800 });
      const before = String(total(await allFramesHighlightCounts(page)));
      await settledBadge(ctx, page, before);
      await page.evaluate(() => history.pushState({}, '', '/badge/top.html?step=2'));
      await new Promise((r) => setTimeout(r, 1000));
      expect((await badgeOf(ctx.session, await tabIdOf(ctx.session, page))).text).toBe(before);
      await page.goto(ctx.server.url('/badge/none.html'), { waitUntil: 'load' });
      const cleared = await settledBadge(ctx, page, '');
      expect(cleared).toEqual({ text: '', title: 'Context Lens' });
    });

    it('draws the same badge after the background was stopped, and builds on it', async () => {
      const page = await ctx.open(serveFramedPage(ctx), { waitMs: 800 });
      const tabId = await tabIdOf(ctx.session, page);
      const counts = await allFramesHighlightCounts(page);
      await settledBadge(ctx, page, String(total(counts)));
      if (ctx.name === 'chromium') await stopChromiumWorker(ctx.session);
      else expect(await firefoxEventPageStopped(ctx.session)).toBe(true);
      // A new mention in the top frame wakes the background, which must still know the frame's.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'EPAA: one more mention.';
        document.body.append(p);
      });
      const badge = await until(
        () => badgeOf(ctx.session, tabId),
        (b) => b.text !== String(total(counts)),
      );
      const after = { ...counts, epaa: (counts.epaa ?? 0) + 1 };
      expect(badge).toEqual({ text: String(total(after)), title: titleFor(after) });
    });
  },
  { backgroundIdleSeconds: 2 },
);
