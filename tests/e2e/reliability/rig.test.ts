// The suite-wide guards can fail: a deliberately misbehaving probe extension (built here into a
// temp dir) logs, throws, fetches and edits the page, and each guard must report it. And the
// real extension's own pages cannot reach the network at all, whatever their code tried.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  closeBaselinesAfterFile,
  loadWithoutExtension,
  pageDifferences,
  recordPage,
  snapshotFrames,
} from '../support/baseline.js';
import { type BrowserName, firefoxAddonId, launch, type Session } from '../support/browsers.js';
import { manifestWarnings, openExtensionPage } from '../support/extension.js';
import { type ExtensionWatch, watchExtension } from '../support/guards.js';
import { type FixtureServer, startFixtureServer } from '../support/server.js';
import { describeInBrowser } from '../support/suite.js';

/** Misbehaves as the page's query string asks. */
const probeContent = `
const ask = new URLSearchParams(location.search);
if (ask.has('warn')) console.warn('probe content warning');
if (ask.has('throw')) setTimeout(() => { throw new Error('probe content failure'); });
if (ask.has('fetch')) fetch('/probe-fetch').catch(() => {});
if (ask.has('dom')) document.body.append(document.createElement('probe-mark'));
if (ask.has('bg')) (globalThis.browser ?? chrome).runtime.sendMessage('bg');
`;

const probeBackground = `
(globalThis.browser ?? chrome).runtime.onMessage.addListener(() => {
  console.error('probe background error');
  setTimeout(() => { throw new Error('probe background failure'); });
});
`;

function writeProbe(browser: BrowserName): string {
  const dir = mkdtempSync(join(tmpdir(), `cl-probe-${browser}-`));
  const manifest = {
    manifest_version: 3,
    name: 'Probe',
    version: '1.0',
    // A permission no browser knows: each must report it about the manifest.
    permissions: ['probe_unknown_permission'],
    content_scripts: [{ matches: ['http://*/*'], js: ['content.js'], run_at: 'document_idle' }],
    host_permissions: ['http://*/*'],
    background:
      browser === 'chromium' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: firefoxAddonId, data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'content.js'), probeContent);
  writeFileSync(join(dir, 'background.js'), probeBackground);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

closeBaselinesAfterFile();

for (const name of ['chromium', 'firefox'] as const) {
  describeInBrowser(name, 'the guards catch a misbehaving extension', () => {
    let session: Session;
    let server: FixtureServer;
    let guard: ExtensionWatch;

    beforeAll(async () => {
      server = await startFixtureServer();
      session = await launch(name, { extensionDir: writeProbe(name) });
      guard = watchExtension(session);
    });
    afterAll(async () => {
      await session?.browser.close();
      await server?.close();
    });

    async function visit(query: string): Promise<Page> {
      const page = await session.browser.newPage();
      guard.watchPage(page);
      await page.goto(server.url(`/e2e/plain.html?${query}`), { waitUntil: 'load' });
      await sleep(700);
      return page;
    }

    it('reports a warning logged by a content script', async () => {
      await visit('warn');
      expect(guard.takeMessages().join('\n')).toContain('probe content warning');
    });

    it('reports an error thrown by a content script', async () => {
      await visit('throw');
      expect(guard.takeMessages().join('\n')).toContain('probe content failure');
    });

    it('reports a request made by a content script', async () => {
      const page = await session.browser.newPage();
      const record = recordPage(page, (u) => u.startsWith(session.extensionOrigin));
      const url = server.url('/e2e/plain.html?fetch');
      await page.goto(url, { waitUntil: 'load' });
      await sleep(700);
      expect(server.requests).toContain('/probe-fetch');
      const state = { record, frames: await snapshotFrames(page) };
      const problems = pageDifferences(state, await loadWithoutExtension(name, url, 700));
      expect(problems.join('\n')).toContain('request made only with the extension');
      // Chromium also names the content script as the request's initiator.
      if (name === 'chromium') expect(guard.takeRequests().join('\n')).toContain('/probe-fetch');
      guard.takeMessages();
    });

    it('reports a DOM change, and none on an untouched page', async () => {
      for (const [query, changed] of [
        ['dom', true],
        ['quiet', false],
      ] as const) {
        const page = await session.browser.newPage();
        const record = recordPage(page, () => false);
        const url = server.url(`/e2e/plain.html?${query}`);
        await page.goto(url, { waitUntil: 'load' });
        await sleep(500);
        const state = { record, frames: await snapshotFrames(page) };
        const problems = pageDifferences(state, await loadWithoutExtension(name, url, 500));
        if (changed) expect(problems.join('\n')).toMatch(/DOM differs[\s\S]*probe-mark/i);
        else expect(problems).toEqual([]);
      }
    });

    it("reads the browser's own warnings about the manifest", async () => {
      // The check install.test.ts runs on our extension finds nothing there; here it must not.
      const warnings = await manifestWarnings(session);
      expect(warnings.join('\n')).toContain('probe_unknown_permission');
    });

    it('reports an error thrown in the background (and, in Chromium, its console error)', async () => {
      await visit('bg');
      await sleep(500);
      if (name === 'chromium') {
        const log = guard.takeMessages().join('\n');
        expect(log).toContain('probe background failure');
        expect(log).toContain('probe background error');
      } else {
        // Firefox buffers its stderr: the error surfaces at the latest when the browser exits.
        await session.browser.close();
        expect((await guard.takeRemaining()).join('\n')).toContain('probe background failure');
      }
    });
  });
}

for (const name of ['chromium', 'firefox'] as const) {
  describeInBrowser(name, "the extension's own pages cannot reach the network", () => {
    let session: Session;
    let server: FixtureServer;

    beforeAll(async () => {
      server = await startFixtureServer();
      session = await launch(name);
    });
    afterAll(async () => {
      await session?.browser.close().catch(() => undefined);
      await server?.close();
    });

    it("refuses fetch, XHR, WebSocket and beacons under its pages' connect-src 'none'", async () => {
      const page = await openExtensionPage(session, 'options/options.html');
      const outcomes = await page.evaluate(async (base: string) => {
        const tries: Record<string, () => Promise<unknown>> = {
          fetch: () => fetch(`${base}/from-fetch`),
          xhr: () =>
            new Promise((resolve, reject) => {
              const xhr = new XMLHttpRequest();
              xhr.onload = resolve;
              xhr.onerror = reject;
              xhr.open('GET', `${base}/from-xhr`);
              xhr.send();
            }),
          websocket: () =>
            new Promise((resolve, reject) => {
              const socket = new WebSocket(`${base.replace('http', 'ws')}/from-websocket`);
              socket.onopen = resolve;
              socket.onerror = reject;
            }),
        };
        // A beacon only reports whether it was queued; the server says whether it arrived.
        navigator.sendBeacon(`${base}/from-beacon`, 'x');
        const result: Record<string, string> = {};
        for (const [kind, attempt] of Object.entries(tries)) {
          result[kind] = await attempt().then(
            () => 'reached',
            () => 'blocked',
          );
        }
        return result;
      }, server.origin);
      await new Promise((r) => setTimeout(r, 500));
      expect(outcomes).toEqual({
        fetch: 'blocked',
        xhr: 'blocked',
        websocket: 'blocked',
      });
      expect(server.requests.filter((p) => p.startsWith('/from-'))).toEqual([]);
    });
  });
}
