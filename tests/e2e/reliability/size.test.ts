// Pages of extreme size and shape, generated at test time: a 10 MB text node, a million text
// nodes, nesting 10,000 deep, and a ticker changing text 60 times a second. The extension finds
// what it should, throws nothing, leaves the DOM as it was, and the ticker costs it a bounded
// share of the CPU (measured as CPU time of the whole browser, against a browser without it).
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { onBaselinePage } from '../support/baseline.js';
import { type BrowserContext, forEachBrowser } from '../support/suite.js';
import { processTreeCpuMs } from './cpu.js';
import { deepNesting, millionTextNodes, tenMegabyteTextNode, ticker } from './generated.js';
import { pollUntil, readTopics } from './helpers.js';

/** Serves a generated page (built once per test file) at `path`. */
function serve(ctx: BrowserContext, path: string, html: string): void {
  ctx.server.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
}

const count = (topic: string, n: number) => (t: Record<string, string[]>) => t[topic]?.length === n;

const pages = {
  tenMegabytes: tenMegabyteTextNode(),
  millionNodes: millionTextNodes(),
  deep: deepNesting(10_000),
  ticker: ticker(),
};

const TICKS_PER_SECOND = 60;

interface TickerCost {
  /** CPU time of the whole browser per tick of the page's ticker (ms). */
  cpuPerTick: number;
  /** Chromium only: share of wall time the page's renderer spent running scripts, all worlds. */
  scriptShare: number | null;
}

/** Measures the ticker pages side by side over the same `windowMs`. */
async function measureTogether(pages: Page[], windowMs: number): Promise<TickerCost[]> {
  const ticks = (p: Page) =>
    p.evaluate(() => (window as unknown as { ticker: { ticks(): number } }).ticker.ticks());
  const scriptSeconds = await Promise.all(
    pages.map(async (p) => {
      if (p.browser().process()?.spawnfile.includes('firefox')) return null;
      const cdp = await p.createCDPSession();
      await cdp.send('Performance.enable');
      return async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
      };
    }),
  );
  const pids = pages.map((p) => p.browser().process()?.pid ?? 0);
  const start = await Promise.all(
    pages.map(async (p, i) => ({
      cpu: processTreeCpuMs(pids[i] ?? 0),
      ticks: await ticks(p),
      script: (await scriptSeconds[i]?.()) ?? 0,
    })),
  );
  await new Promise((r) => setTimeout(r, windowMs));
  return Promise.all(
    pages.map(async (p, i) => {
      const before = start[i] ?? { cpu: 0, ticks: 0, script: 0 };
      const cpu = processTreeCpuMs(pids[i] ?? 0) - before.cpu;
      const ticked = Math.max(1, (await ticks(p)) - before.ticks);
      const script = scriptSeconds[i];
      return {
        cpuPerTick: cpu / ticked,
        scriptShare: script ? (((await script()) - before.script) * 1000) / windowMs : null,
      };
    }),
  );
}

forEachBrowser('pages of extreme size and shape', (ctx) => {
  it('finds the three mentions of a single 10 MB text node', async () => {
    serve(ctx, '/ten-megabytes.html', pages.tenMegabytes);
    const page = await ctx.open('/ten-megabytes.html', { waitMs: 1000 });
    const topics = await pollUntil(() => readTopics(page), count('nato-md', 3), 30_000);
    expect(topics).toEqual({ 'nato-md': Array(3).fill('NATO missile defense') });
  }, 120_000);

  it('reads a page of a million text nodes to its end', async () => {
    serve(ctx, '/million-nodes.html', pages.millionNodes);
    const page = await ctx.open('/million-nodes.html', { waitMs: 1000 });
    const topics = await pollUntil(() => readTopics(page), count('nato-md', 2), 60_000);
    expect(topics).toEqual({ 'nato-md': ['NATO missile defense', 'NATO missile defense'] });
  }, 180_000);

  it('reads text nested 10,000 elements deep', async () => {
    serve(ctx, '/deep.html', pages.deep);
    const page = await ctx.open('/deep.html', { waitMs: 1000 });
    const depth = await page.evaluate(() => {
      let depth = 0;
      for (
        let n: Element | null = document.querySelector('#inline span');
        n;
        n = n.firstElementChild
      )
        depth++;
      return depth;
    });
    expect(depth, 'the page really is nested 10,000 deep').toBe(10_001);
    const topics = await pollUntil(
      () => readTopics(page),
      (t) => 'nato-md' in t && 'jta' in t,
      30_000,
    );
    expect(topics).toEqual({
      'nato-md': ['NATO missile defense'],
      jta: ['Joint Threat Assessment'],
    });
  }, 120_000);

  it('keeps its CPU share bounded on a page that changes 60 times a second', async () => {
    serve(ctx, '/ticker.html', pages.ticker);
    // The ticker's DOM depends on when it is read: it is compared after it stops, below.
    const page = await ctx.open('/ticker.html', { baseline: false, waitMs: 1000 });
    await pollUntil(() => readTopics(page), count('nato-md', 500), 30_000);
    const [withExtension, without] = await onBaselinePage(ctx.name, page.url(), 1000, (p) =>
      measureTogether([page, p], 4000),
    );
    if (!withExtension || !without) throw new Error('no measurement');
    // Per tick, so a browser that got fewer ticks in (a busy machine) is not favoured.
    const share = ((withExtension.cpuPerTick - without.cpuPerTick) * TICKS_PER_SECOND) / 1000;
    console.info(
      `[${ctx.name}] ticker: CPU per tick ${withExtension.cpuPerTick.toFixed(2)} ms with the extension, ${without.cpuPerTick.toFixed(2)} ms without: extension share ${(share * 100).toFixed(1)}%${withExtension.scriptShare === null ? '' : `; script time share ${(((withExtension.scriptShare ?? 0) - (without.scriptShare ?? 0)) * 100).toFixed(1)}%`}`,
    );
    // Bounds, as measured: our script is held to 60 ms a second (6%; 5.7–6.5% measured), and the
    // whole process tree, which also paints the 500 highlights the ticker keeps invalidating,
    // costs 13–20% more depending on the machine's load. Without the observer's budget the
    // same page costs 25% script and 34% in all in Chromium, over 1000% in Firefox.
    expect(share, 'CPU share of the extension while the page ticks').toBeLessThan(0.3);
    if (withExtension.scriptShare !== null && without.scriptShare !== null) {
      expect(
        withExtension.scriptShare - without.scriptShare,
        'main-thread script share',
      ).toBeLessThan(0.12);
    }
    const stop = async (p: Page) => {
      await p.evaluate(() => (window as unknown as { ticker: { stop(): void } }).ticker.stop());
    };
    await stop(page);
    const settled = await pollUntil(() => readTopics(page), count('nato-md', 500), 10_000);
    expect(settled['nato-md']?.length, 'every mention still highlighted').toBe(500);
    await ctx.compareWithBaseline(page, stop, { waitMs: 1000 });
  }, 120_000);
});
