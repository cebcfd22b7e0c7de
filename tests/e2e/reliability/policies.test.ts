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

/**
 * The page at `path` is read as usual and breaks no more policy rules than without the
 * extension, before and after the tooltip (a shadow root with constructed styles) opens.
 */
async function worksWithoutViolation(ctx: BrowserContext, path: string): Promise<void> {
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
  expect((await hoverFirstMention(page)).open, 'the tooltip opens').toBe(true);
  expect(await violationsOf(page)).toEqual(without);
}

const headerCases = [
  {
    name: "a `default-src 'none'` header",
    path: '/csp-header.html',
    // The one exception to `default-src 'none'`: the page's own recorder, by its nonce.
    html: recorderPage
      .replace('<script>', '<script nonce="recorder">')
      .replace('<p id="sink">', '<img src="blocked-by-the-policy.png" alt=""><p id="sink">'),
    policy: "default-src 'none'; script-src 'nonce-recorder'",
  },
  {
    name: 'a Trusted Types header',
    path: '/trusted-types-header.html',
    html: recorderPage,
    policy: "require-trusted-types-for 'script'; trusted-types 'none'",
  },
];

forEachBrowser('pages under strict policies', (ctx) => {
  for (const file of ['csp-meta.html', 'trusted-types-meta.html']) {
    it(`works under ${file} and causes no policy violation`, async () => {
      await worksWithoutViolation(ctx, `/e2e/reliability/${file}`);
    });
  }

  for (const { name, path, html, policy } of headerCases) {
    it(`works under ${name} and causes no violation`, async () => {
      servedWithPolicy(ctx, path, html, policy);
      await worksWithoutViolation(ctx, path);
    });
  }
});
