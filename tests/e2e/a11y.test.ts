// Accessibility of the context card in real Chromium and Firefox: axe-core scans the card as the
// extension builds and styles it (rendered on a test page in an open shadow root, since the
// extension's closed one hides it from page scripts), in light and dark, disclosures shut and open.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { cssTextPlugin } from '../../scripts/css-text-plugin.mjs';
import { dataset } from '../../src/data/dataset.js';
import { type BrowserContext, forEachBrowser } from './support/suite.js';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
let cardScript = '';

beforeAll(async () => {
  const out = await esbuild.build({
    entryPoints: [new URL('./support/render-card.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
    plugins: [cssTextPlugin(['chrome128', 'firefox142'])],
  });
  cardScript = out.outputFiles[0]?.text ?? '';
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function scan(page: Page): Promise<string[]> {
  await page.waitForSelector('context-lens-ui[data-ready]');
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: Violation[]; passes: unknown[] }>;
        };
      }
    ).axe;
    const host = document.querySelector('context-lens-ui');
    const result = await axe.run(host, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    // The scan must have looked at the card, or "no violations" would mean nothing.
    if (result.passes.length < 10) return [`only ${result.passes.length} rules passed`];
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
  });
  return violations;
}

/** Serves the bundled card renderer that card.html loads. */
function serveCard(ctx: BrowserContext): void {
  ctx.server.route('/e2e/card.js', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    res.end(cardScript);
  });
}

forEachBrowser('accessibility of the context card', (ctx) => {
  for (const topic of dataset.topics.map((t) => t.id)) {
    it(`finds no violations in the ${topic} card, disclosures shut and open`, async () => {
      serveCard(ctx);
      for (const query of ['', '&expand']) {
        const page = await ctx.open(`/e2e/card.html?topic=${topic}${query}`, { baseline: false });
        expect(await scan(page), `${topic}${query}`).toEqual([]);
      }
    });
  }

  it('reflows at 200% zoom without losing content', async () => {
    serveCard(ctx);
    const page = await ctx.open('/e2e/card.html?topic=nato-md', { baseline: false });
    await page.setViewport({ width: 640, height: 450 });
    await page.waitForSelector('context-lens-ui[data-ready]');
    // Half the viewport in CSS pixels is what a 1280×900 window shows at 200% zoom.
    const box = await page.evaluate(() => {
      const host = document.querySelector('context-lens-ui');
      const card = host?.shadowRoot?.querySelector('.card');
      const body = host?.shadowRoot?.querySelector('.body');
      const r = card?.getBoundingClientRect();
      return {
        right: r?.right ?? 0,
        scrollWidth: body?.scrollWidth ?? 0,
        clientWidth: body?.clientWidth ?? 0,
      };
    });
    expect(box.right).toBeLessThanOrEqual(640);
    expect(box.scrollWidth, 'no sideways scrolling inside the card').toBe(box.clientWidth);
  });
});

forEachBrowser(
  'accessibility of the context card in dark mode',
  (ctx) => {
    it('finds no violations, contrast included, in the dark colours', async () => {
      serveCard(ctx);
      for (const topic of ['epaa', 'nato-md']) {
        const page = await ctx.open(`/e2e/card.html?topic=${topic}&expand`, { baseline: false });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          true,
        );
        expect(await scan(page), topic).toEqual([]);
      }
    });
  },
  { colorScheme: 'dark' },
);

forEachBrowser(
  'accessibility of the context card with forced colours',
  (ctx) => {
    it('finds no violations when the user’s colours are forced', async () => {
      serveCard(ctx);
      const page = await ctx.open('/e2e/card.html?topic=epaa&expand', { baseline: false });
      if (ctx.name === 'chromium') {
        // Chromium on Linux has no forced-colours switch; emulate it.
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setEmulatedMedia', {
          features: [{ name: 'forced-colors', value: 'active' }],
        });
      }
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      expect(await scan(page)).toEqual([]);
    });
  },
  { forcedColors: true },
);

/** The card's entrance animation, as computed on the card page. */
async function cardAnimation(page: Page): Promise<string> {
  await page.waitForSelector('context-lens-ui[data-ready]');
  return page.evaluate(() => {
    const card = document.querySelector('context-lens-ui')?.shadowRoot?.querySelector('.card');
    return card ? getComputedStyle(card).animationName : 'no card';
  });
}

forEachBrowser('motion of the context card', (ctx) => {
  it('fades in when motion is welcome', async () => {
    serveCard(ctx);
    const page = await ctx.open('/e2e/card.html?topic=epaa', { baseline: false });
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
      false,
    );
    expect(await cardAnimation(page)).toBe('appear');
  });
});

forEachBrowser(
  'motion of the context card, reduced',
  (ctx) => {
    it('does not move when the reader asks for reduced motion', async () => {
      serveCard(ctx);
      const page = await ctx.open('/e2e/card.html?topic=epaa', { baseline: false });
      expect(
        await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches),
      ).toBe(true);
      expect(await cardAnimation(page)).toBe('none');
    });
  },
  { reducedMotion: true },
);
