// The built extension installs cleanly in each browser and its content script runs on a page.
import { expect, it } from 'vitest';
import { manifestWarnings } from './support/extension.js';
import { forEachBrowser } from './support/suite.js';

forEachBrowser('install', (ctx) => {
  it('installs with no manifest warnings or errors', async () => {
    expect(await manifestWarnings(ctx.session)).toEqual([]);
  });

  it('runs its content script on a fixture page', async () => {
    const page = await ctx.open('/e2e/plain.html');
    const names = await page.evaluate(() => [...CSS.highlights.keys()]);
    expect(names).toContain('context-lens-probe');
  });
});
