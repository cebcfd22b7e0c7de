// A React 19 app that hydrates server-rendered HTML full of mentions and re-renders a mention's
// text every 30 ms: with the extension it hydrates without errors, never hits a NotFoundError,
// and sees exactly the events (and event targets) it sees without the extension.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Page } from 'puppeteer-core';
import type { ComponentType } from 'react';
import { beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../support/server.js';
import { forEachBrowser } from '../support/suite.js';
import { pollUntil, readTopics } from './helpers.js';

const appDir = join(projectRoot, 'tests/e2e/fixtures/reliability/react');
let clientScript = '';
let pageHtml = '';

beforeAll(async () => {
  const built = await esbuild.build({
    entryPoints: [join(appDir, 'client.mjs')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
    // The development build reports hydration mismatches, which is what this test looks for.
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  clientScript = built.outputFiles[0]?.text ?? '';
  const { App } = (await import(pathToFileURL(join(appDir, 'app.mjs')).href)) as {
    App: ComponentType;
  };
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  pageHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React app</title></head><body><div id="root">${renderToString(createElement(App))}</div><script src="/react/client.js"></script></body></html>`;
});

interface ReactRecord {
  recoverable: string[];
  uncaught: string[];
  consoleErrors: string[];
  events: string[];
}

const readRecord = (page: Page) =>
  page.evaluate(() => (window as unknown as { reactRecord: ReactRecord }).reactRecord);

/** Centre of the first client rect of `text` inside `selector`, found in a pristine world. */
async function pointOn(page: Page, selector: string, text: string): Promise<[number, number]> {
  return page.evaluate(
    (sel: string, words: string): [number, number] => {
      const el = document.querySelector(sel);
      const node = el && [...el.childNodes].find((n) => n.textContent?.includes(words));
      if (!node) return [0, 0];
      const range = document.createRange();
      const start = node.textContent?.indexOf(words) ?? 0;
      if (node.nodeType === 3) {
        range.setStart(node, start);
        range.setEnd(node, start + words.length);
      } else {
        range.selectNodeContents(node);
      }
      const rect = range.getClientRects()[0];
      return rect
        ? ([rect.x + rect.width / 2, rect.y + rect.height / 2] as [number, number])
        : [0, 0];
    },
    selector,
    text,
  );
}

/** Clicks a mention, the live mention and a button ten times over, then pauses the app. */
async function interact(page: Page): Promise<void> {
  const targets = [
    await pointOn(page, '#static', 'NATO missile defense'),
    await pointOn(page, '#live', 'NATO missile'),
    await pointOn(page, '#count', 'Clicked'),
  ];
  for (let round = 0; round < 10; round++) {
    for (const [x, y] of targets) await page.mouse.click(x, y);
    await page.mouse.move(1, 1);
  }
  const [px, py] = await pointOn(page, '#pause', 'Pause');
  await page.mouse.click(px, py);
  await page.mouse.move(1, 1);
  await new Promise((r) => setTimeout(r, 300));
}

forEachBrowser('a React app', (ctx) => {
  it('hydrates, updates and handles events exactly as without the extension', async () => {
    ctx.server.route('/react/app.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pageHtml);
    });
    ctx.server.route('/react/client.js', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(clientScript);
    });
    ctx.allowRequests('/react/client.js');
    // The app re-renders every 30 ms: the DOM is compared after it is paused, below.
    const page = await ctx.open('/react/app.html', { baseline: false });
    const topics = await pollUntil(
      () => readTopics(page),
      (t) => (t['nato-md']?.length ?? 0) >= 2 && 'epaa' in t,
    );
    expect(topics.epaa).toEqual(['European Phased Adaptive Approach', 'EPAA']);
    expect(topics['nato-md']).toContain('NATO missile defense');
    // Let it re-render a mention about 50 times under the extension's highlights.
    await new Promise((r) => setTimeout(r, 1500));
    await interact(page);
    const withExtension = await readRecord(page);
    let without: ReactRecord | undefined;
    await ctx.compareWithBaseline(page, async (p) => {
      await new Promise((r) => setTimeout(r, 1500));
      await interact(p);
      without = await readRecord(p);
    });
    expect(withExtension.recoverable, 'hydration errors').toEqual([]);
    expect(withExtension.uncaught, 'uncaught errors (NotFoundError…)').toEqual([]);
    expect(withExtension.consoleErrors).toEqual(without?.consoleErrors);
    expect(withExtension.events).toEqual(without?.events);
    expect(withExtension.events.filter((e) => e.startsWith('click')).length).toBe(31);
    const tick = await page.evaluate(() => document.getElementById('tick')?.textContent);
    expect(tick, 'the app was paused, with its ticker reset').toBe('Update 0');
  });
});
