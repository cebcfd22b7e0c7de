// Runs a block of e2e tests once per browser and enforces the suite-wide guarantees after every
// test: no request the test did not make, no console error or warning from the extension.
import { readFileSync } from 'node:fs';
import type { ConsoleMessage, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  browserAvailable,
  browserInfo,
  type LaunchOptions,
  launch,
  type Session,
} from './browsers.js';
import { type FixtureServer, startFixtureServer } from './server.js';

export interface BrowserContext {
  readonly name: BrowserName;
  readonly session: Session;
  readonly server: FixtureServer;
  /** Opens a fixture path in a new tab and waits until the content script has had its turn. */
  open(path: string, options?: { waitMs?: number }): Promise<Page>;
  /** Requests (paths) this test expects besides the pages it opened. */
  allowRequests(...paths: string[]): void;
  /** Console messages from the extension seen so far in this test. */
  extensionMessages(): string[];
  /** Lets a test attach the guards to a page it opened itself (popup, extension pages). */
  watch(page: Page): void;
}

const allBrowsers: BrowserName[] = ['chromium', 'firefox'];

function isFromExtension(message: ConsoleMessage, origin: string): boolean {
  const where = message.location()?.url ?? '';
  const text = message.text();
  return (
    where.startsWith(origin) ||
    /context[- ]lens|extension context invalidated/i.test(text) ||
    (where.startsWith('moz-extension:') && origin.startsWith('moz-extension:'))
  );
}

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

export function forEachBrowser(
  title: string,
  body: (ctx: BrowserContext) => void,
  launchOptions: LaunchOptions = {},
): void {
  for (const name of allBrowsers) {
    if (!browserAvailable(name)) {
      const notice = `${name} is not installed at ${browserInfo[name].executable}: "${title}" cannot run. Install it with: ${browserInfo[name].install}`;
      if (process.env.CI === 'true') {
        describe(`${title} [${name}]`, () => {
          it('needs the browser (CI=true makes a missing browser a failure)', () => {
            throw new Error(notice);
          });
        });
      } else {
        console.warn(`\n!!! SKIPPING e2e tests: ${notice}\n`);
        describe.skip(`${title} [${name}]`, () => body({} as BrowserContext));
      }
      continue;
    }
    describe(`${title} [${name}]`, () => {
      let session: Session | undefined;
      let server: FixtureServer | undefined;
      let allowed = new Set<string>();
      let messages: string[] = [];
      let requestMark = 0;
      const pages: Page[] = [];

      const watch = (page: Page) => {
        pages.push(page);
        page.on('console', (m) => {
          if (!session) return;
          const fromExtension = isFromExtension(m, session.extensionOrigin);
          if (fromExtension && (m.type() === 'error' || m.type() === 'warn')) {
            messages.push(`${m.type()}: ${m.text()} (${m.location()?.url ?? '?'})`);
          }
        });
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
          const page = await ctx.session.browser.newPage();
          watch(page);
          for (const p of pageRequests(ctx.server, path)) allowed.add(p);
          await page.goto(ctx.server.url(path), { waitUntil: 'load' });
          await new Promise((r) => setTimeout(r, options.waitMs ?? 300));
          return page;
        },
        allowRequests: (...paths) => {
          for (const p of paths) allowed.add(p);
        },
        extensionMessages: () => [...messages],
        watch,
      };

      beforeAll(async () => {
        server = await startFixtureServer();
        session = await launch(name, launchOptions);
      });
      afterAll(async () => {
        await session?.browser.close().catch(() => undefined);
        await server?.close();
      });
      afterEach(async () => {
        for (const page of pages.splice(0)) await page.close().catch(() => undefined);
        const made = server?.requests.slice(requestMark) ?? [];
        requestMark = server?.requests.length ?? 0;
        const unexpected = made.filter((p) => !allowed.has(p) && p !== '/favicon.ico');
        const extensionLog = messages;
        allowed = new Set();
        messages = [];
        expect(unexpected, 'requests nobody in the test asked for').toEqual([]);
        expect(extensionLog, 'console errors or warnings from the extension').toEqual([]);
      });

      body(ctx);
    });
  }
}
