// The built extension installs cleanly in each browser and its content script runs on a page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserInfo } from './support/browsers.js';
import { manifestWarnings } from './support/extension.js';
import { forEachBrowser } from './support/suite.js';

forEachBrowser('install', (ctx) => {
  it('installs with no manifest warnings or errors', async () => {
    expect(await manifestWarnings(ctx.session)).toEqual([]);
  });

  it('runs its content script on a fixture page', async () => {
    const page = await ctx.open('/e2e/plain.html');
    const names = await page.evaluate(() => [...CSS.highlights.keys()].sort());
    expect(names).toEqual(['context-lens-epaa', 'context-lens-nato-md']);
  });
});

describe('built bundles', () => {
  for (const build of [browserInfo.chromium.dist, browserInfo.firefox.dist]) {
    it(`hold no network API (${build})`, () => {
      const scripts = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory()
            ? scripts(join(dir, e.name))
            : e.name.endsWith('.js')
              ? [join(dir, e.name)]
              : [],
        );
      const found = scripts(build).filter((file) =>
        /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/.test(
          readFileSync(file, 'utf8'),
        ),
      );
      expect(scripts(build).length).toBeGreaterThanOrEqual(4);
      expect(found).toEqual([]);
    });
  }
});
