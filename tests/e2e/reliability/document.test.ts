// Pages that throw their document away under the extension: `document.open()`/`write()` after
// load, and a body replaced by a new one. The old mentions go, the new ones are found, and the
// page ends up as it would without the extension.
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { forEachBrowser } from '../support/suite.js';
import { pollUntil, readTopics, summaryOf } from './helpers.js';

const jtaOnly = { jta: ['Joint Threat Assessment'] };
const newText =
  'In 2009 the United States and Russia wrote a Joint Threat Assessment of missile threats.';

const rewriteDocument = async (page: Page) => {
  await page.evaluate((text: string) => {
    document.open();
    document.write(`<!doctype html><title>Rewritten</title><p>${text}</p>`);
    document.close();
  }, newText);
};

const replaceBody = async (page: Page) => {
  await page.evaluate((text: string) => {
    const body = document.createElement('body');
    const p = document.createElement('p');
    p.textContent = text;
    body.append(p);
    document.body.replaceWith(body);
  }, newText);
};

forEachBrowser('documents replaced under the extension', (ctx) => {
  for (const [label, steps] of [
    ['document.open() and write() after load', rewriteDocument],
    ['a body replaced by a new one', replaceBody],
  ] as const) {
    it(`follows ${label}`, async () => {
      const page = await ctx.open('/e2e/plain.html');
      await pollUntil(
        () => readTopics(page),
        (t) => Object.keys(t).length === 2,
      );
      await steps(page);
      const topics = await pollUntil(
        () => readTopics(page),
        (t) => 'jta' in t && !('epaa' in t),
      );
      expect(topics).toEqual(jtaOnly);
      expect((await summaryOf(ctx.session, page))?.counts).toEqual({ jta: 1 });
      await ctx.compareWithBaseline(page, steps);
    });
  }
});
