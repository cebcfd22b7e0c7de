// Chromium pages for the benchmark: only loopback requests are let through (the real pages' external
// resources fail at once instead of stalling), the highlight watcher is installed before the page
// loads, and nothing is read until the page has settled.
import type { Page } from 'puppeteer-core';
import type { Session } from '../tests/e2e/support/browsers.js';
import { type HighlightState, highlightState, watchHighlights } from './probe.js';

/** Enough to tell tasks, script evaluations, calls, yields, input events and marks apart. */
export const lightTraceCategories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

/**
 * With JS samples: the only trace of our code in a task that a storage reply or a promise
 * started. Sampling slows script down a little, so whatever is compared is traced alike.
 */
export const traceCategories = [...lightTraceCategories, 'disabled-by-default-v8.cpu_profiler'];

/**
 * The extension's content scripts: any script of the extension but its own pages' (popup,
 * options) and its background, which run in the extension's process, not the page's.
 */
export const extensionScript = (session: Session) => (url: string) =>
  url.startsWith(`${session.extensionOrigin}/`) &&
  !/^(popup|options)\/|^background\.js$/.test(url.slice(session.extensionOrigin.length + 1));

/** The content script that starts the annotator; its evaluation is our "injection". */
export const contentEntry = (session: Session) => (url: string) =>
  url === `${session.extensionOrigin}/content.js`;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function openGuarded(session: Session, origin: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    const local = url.startsWith(`${origin}/`) || /^(data|blob|about|chrome-extension):/.test(url);
    if (local) void request.continue();
    else void request.abort('blockedbyclient');
  });
  await page.evaluateOnNewDocument(watchHighlights);
  return page;
}

export async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
}

/**
 * Waits at least `minMs`, and until our highlights' total has not changed for `quietMs`. The
 * trace is checked afterwards too: a run whose last task ended too near the stop is redone.
 */
export async function settle(page: Page, minMs: number, quietMs = 500): Promise<HighlightState> {
  const started = Date.now();
  let last = await page.evaluate(highlightState);
  let stableSince = Date.now();
  for (;;) {
    await sleep(100);
    const now = await page.evaluate(highlightState);
    if (now.total !== last.total) stableSince = Date.now();
    last = now;
    if (Date.now() - started >= minMs && Date.now() - stableSince >= quietMs) return last;
    if (Date.now() - started > 60_000) return last;
  }
}

/** The page's JS heap after a full garbage collection (the page's isolate: all its worlds). */
export async function jsHeapAfterGc(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

/** A fresh isolated world in the page's main frame: where a content script's code runs. */
export interface IsolatedWorld {
  evaluate(source: string): Promise<void>;
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
}

export async function isolatedWorld(page: Page, name: string): Promise<IsolatedWorld> {
  const cdp = await page.createCDPSession();
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: name,
  });
  const evaluate = async (expression: string) => {
    const reply = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (reply.exceptionDetails) {
      throw new Error(`In the isolated world: ${reply.exceptionDetails.exception?.description}`);
    }
    return reply.result.value as unknown;
  };
  return {
    evaluate: async (source) => {
      await evaluate(source);
    },
    run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
      const call = `(${fn.toString()})(...${JSON.stringify(args)})`;
      return evaluate(call) as Promise<Awaited<R>>;
    },
  };
}
