// Pages under the strictest policies: a Content Security Policy of `default-src 'none'` and
// Trusted Types, each as a <meta> and as a header. The extension still works and causes no
// violation (the page records every violation event; its console and DOM are compared with the
// same page without the extension by the suite).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { onBaselinePage } from '../support/baseline.js';
import { projectRoot } from '../support/server.js';
import { type BrowserContext, forEachBrowser } from '../support/suite.js';
import { fixtureParagraph, hoverFirstMention, pollUntil, readTopics } from './helpers.js';

const fixtures = join(projectRoot, 'tests/e2e/fixtures/reliability');
const recorderPage = readFileSync(join(fixtures, 'trusted-types-meta.html'), 'utf8').replace(
  /<meta http-equiv[^>]*>/,
  '',
);

/** Serves `html` at `path` with the given Content-Security-Policy header. */
function servedWithPolicy(ctx: BrowserContext, path: string, html: string, policy: string): void {
  ctx.server.route(path, (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': policy,
      'cache-control': 'no-store',
    });
    res.end(html);
  });
}

const violationsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { violations: string[] }).violations);

forEachBrowser('pages under strict policies', (ctx) => {
  for (const file of ['csp-meta.html', 'trusted-types-meta.html']) {
    it(`works under ${file} and causes no policy violation`, async () => {
      const path = `/e2e/reliability/${file}`;
      const page = await ctx.open(path);
      const topics = await pollUntil(
        () => readTopics(page),
        (t) => Object.keys(t).length === 2,
      );
      expect(topics).toEqual(fixtureParagraph);
      const withExtension = await violationsOf(page);
      const without = await onBaselinePage(ctx.name, page.url(), 300, violationsOf);
      expect(without.length, "the page's own violation is recorded").toBeGreaterThan(0);
      expect(withExtension).toEqual(without);
      // The tooltip (a shadow root with constructed styles) opens and breaks no rule either.
      expect((await hoverFirstMention(page)).open, 'the tooltip opens').toBe(true);
      expect(await violationsOf(page)).toEqual(without);
    });
  }

  it("works under a `default-src 'none'` header and causes no violation", async () => {
    // The one exception to `default-src 'none'`: the page's own recorder, by its nonce.
    const html = recorderPage
      .replace('<script>', '<script nonce="recorder">')
      .replace('<p id="sink">', '<img src="blocked-by-the-policy.png" alt=""><p id="sink">');
    servedWithPolicy(
      ctx,
      '/csp-header.html',
      html,
      "default-src 'none'; script-src 'nonce-recorder'",
    );
    const page = await ctx.open('/csp-header.html');
    expect(
      await pollUntil(
        () => readTopics(page),
        (t) => Object.keys(t).length === 2,
      ),
    ).toEqual(fixtureParagraph);
    const withExtension = await violationsOf(page);
    const without = await onBaselinePage(ctx.name, page.url(), 300, violationsOf);
    expect(without.length, "the page's own violation is recorded").toBeGreaterThan(0);
    expect(withExtension).toEqual(without);
    expect((await hoverFirstMention(page)).open, 'the tooltip opens').toBe(true);
    expect(await violationsOf(page)).toEqual(without);
  });

  it('works under a Trusted Types header and causes no violation', async () => {
    servedWithPolicy(
      ctx,
      '/trusted-types-header.html',
      recorderPage,
      "require-trusted-types-for 'script'; trusted-types 'none'",
    );
    const page = await ctx.open('/trusted-types-header.html');
    expect(
      await pollUntil(
        () => readTopics(page),
        (t) => Object.keys(t).length === 2,
      ),
    ).toEqual(fixtureParagraph);
    const withExtension = await violationsOf(page);
    const without = await onBaselinePage(ctx.name, page.url(), 300, violationsOf);
    expect(without.length, "the page's own violation is recorded").toBeGreaterThan(0);
    expect(withExtension).toEqual(without);
    expect((await hoverFirstMention(page)).open, 'the tooltip opens').toBe(true);
    expect(await violationsOf(page)).toEqual(without);
  });
});
