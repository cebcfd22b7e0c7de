// Runs a block of e2e tests once per browser and enforces the suite-wide guarantees after every
// test: no request the test did not make and no request from the extension, no console error or
// warning from the extension in any of its contexts, and pages opened with `open` left exactly
// as a browser without the extension leaves them (DOM of every frame, page errors, requests).
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closeBaselinesAfterFile,
  loadWithoutExtension,
  type PageRecord,
  pageDifferences,
  recordPage,
  snapshotFrames,
} from './baseline.js';
import {
  type BrowserName,
  browserAvailable,
  browserInfo,
  type LaunchOptions,
  launch,
  type Session,
} from './browsers.js';
import { type ExtensionWatch, watchExtension } from './guards.js';
import { type FixtureServer, startFixtureServer } from './server.js';

export interface OpenOptions {
  /** How long to let the page and the content script run after the load event (ms). */
  waitMs?: number;
  /**
   * Compare the page with a browser without the extension (default true). Turn it off only for
   * pages whose DOM is not deterministic (timers, random content), and say why.
   */
  baseline?: boolean;
}

export interface BrowserContext {
  readonly name: BrowserName;
  readonly session: Session;
  readonly server: FixtureServer;
  /**
   * Opens a fixture path in a new tab and waits until the content script has had its turn.
   * Unless told otherwise, the same path is opened in a browser without the extension at the
   * same time, and the two are compared after the wait (checked after the test).
   */
  open(path: string, options?: OpenOptions): Promise<Page>;
  /**
   * Loads `page`'s URL in the browser without the extension, runs `steps` there (the same steps
   * the test ran on `page`) and compares both pages as they are now (checked after the test).
   */
  compareWithBaseline(
    page: Page,
    steps?: (page: Page) => Promise<void>,
    options?: { waitMs?: number },
  ): Promise<void>;
  /** Requests (paths) this test expects besides the pages it opened. */
  allowRequests(...paths: string[]): void;
  /** Console messages from the extension seen so far in this test. */
  extensionMessages(): string[];
  /** Lets a test attach the guards to a page it opened itself (popup, extension pages). */
  watch(page: Page): void;
}

const allBrowsers: BrowserName[] = ['chromium', 'firefox'];

/** The path itself and the same-origin files its HTML refers to (stylesheets, images, frames). */
function pageRequests(server: FixtureServer, path: string): string[] {
  const own = path.split('?')[0] ?? path;
  const file = server.fileFor(own);
  if (!file || !/\.x?html?$/.test(file)) return [own];
  const refs = [...readFileSync(file, 'utf8').matchAll(/\b(?:src|href)\s*=\s*["']([^"'#]+)/g)];
  const base = new URL(own, server.origin);
  const paths = refs
    .map((m) => new URL(m[1] ?? '', base))
    .filter((u) => u.origin === server.origin);
  return [own, ...paths.map((u) => u.pathname)];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `describe(title [name], body)` when the browser is installed. Without it the tests skip with a
 * loud notice saying how to install it, except under CI=true, where a missing browser fails.
 */
export function describeInBrowser(name: BrowserName, title: string, body: () => void): void {
  if (browserAvailable(name)) {
    describe(`${title} [${name}]`, body);
    return;
  }
  const notice = `${name} is not installed at ${browserInfo[name].executable}: "${title}" cannot run. Install it with: ${browserInfo[name].install}`;
  if (process.env.CI === 'true') {
    describe(`${title} [${name}]`, () => {
      it('needs the browser (CI=true makes a missing browser a failure)', () => {
        throw new Error(notice);
      });
    });
  } else {
    console.warn(`\n!!! SKIPPING e2e tests: ${notice}\n`);
    describe.skip(`${title} [${name}]`, body);
  }
}

export function forEachBrowser(
  title: string,
  body: (ctx: BrowserContext) => void,
  launchOptions: LaunchOptions = {},
): void {
  closeBaselinesAfterFile();
  for (const name of allBrowsers) {
    describeInBrowser(name, title, () => {
      let session: Session | undefined;
      let server: FixtureServer | undefined;
      let guard: ExtensionWatch | undefined;
      let allowed = new Set<string>();
      let baselineLog: string[] = [];
      let requestMark = 0;
      const pages: Page[] = [];
      const records = new WeakMap<Page, PageRecord>();

      const watch = (page: Page) => {
        pages.push(page);
        guard?.watchPage(page);
      };

      const ctx: BrowserContext = {
        name,
        get session() {
          if (!session) throw new Error('browser not launched');
          return session;
        },
        get server() {
          if (!server) throw new Error('server not started');
          return server;
        },
        async open(path, options = {}) {
          const waitMs = options.waitMs ?? 300;
          const url = ctx.server.url(path);
          const page = await ctx.session.browser.newPage();
          watch(page);
          const origin = ctx.session.extensionOrigin;
          const record = recordPage(page, (u) => u.startsWith(origin));
          records.set(page, record);
          for (const p of pageRequests(ctx.server, path)) allowed.add(p);
          const without =
            options.baseline === false ? null : loadWithoutExtension(name, url, waitMs);
          // A failed baseline load must not go unhandled while this page loads.
          without?.catch(() => undefined);
          await page.goto(url, { waitUntil: 'load' });
          await sleep(waitMs);
          if (without) {
            const withExt = { record, frames: await snapshotFrames(page) };
            const problems = pageDifferences(withExt, await without);
            baselineLog.push(...problems.map((p) => `${path}: ${p}`));
          }
          return page;
        },
        async compareWithBaseline(page, steps, options = {}) {
          const record = records.get(page);
          if (!record) throw new Error('compareWithBaseline needs a page opened with ctx.open');
          const waitMs = options.waitMs ?? 300;
          const without = loadWithoutExtension(name, page.url(), waitMs, steps);
          without.catch(() => undefined);
          await sleep(waitMs);
          const problems = pageDifferences(
            { record, frames: await snapshotFrames(page) },
            await without,
          );
          baselineLog.push(...problems.map((p) => `${new URL(page.url()).pathname}: ${p}`));
        },
        allowRequests: (...paths) => {
          for (const p of paths) allowed.add(p);
        },
        extensionMessages: () => {
          const fresh = guard?.takeMessages() ?? [];
          messages.push(...fresh);
          return [...messages];
        },
        watch,
      };
      let messages: string[] = [];

      beforeAll(async () => {
        server = await startFixtureServer();
        session = await launch(name, launchOptions);
        guard = watchExtension(session);
      });
      afterAll(async () => {
        await session?.browser.close().catch(() => undefined);
        await server?.close();
        const late = (await guard?.takeRemaining()) ?? [];
        expect(late, 'errors from the extension that surfaced when the browser closed').toEqual([]);
      });
      afterEach(async () => {
        for (const page of pages.splice(0)) await page.close().catch(() => undefined);
        const made = server?.requests.slice(requestMark) ?? [];
        requestMark = server?.requests.length ?? 0;
        const unexpected = made.filter((p) => !allowed.has(p) && p !== '/favicon.ico');
        const extensionLog = [...messages, ...(guard?.takeMessages() ?? [])];
        const extensionRequests = guard?.takeRequests() ?? [];
        const leftAsFound = baselineLog;
        allowed = new Set();
        messages = [];
        baselineLog = [];
        expect(unexpected, 'requests nobody in the test asked for').toEqual([]);
        expect(extensionRequests, 'network requests made by the extension').toEqual([]);
        expect(extensionLog, 'console errors or warnings from the extension').toEqual([]);
        expect(leftAsFound, 'differences from the same page without the extension').toEqual([]);
      });

      body(ctx);
    });
  }
}
