// Launches real Chromium (CDP) and Firefox ESR (WebDriver BiDi) with the built extension
// installed, and gives tests one handle per browser for pages, extension pages and the popup.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { projectRoot } from './server.js';

export type BrowserName = 'chromium' | 'firefox';

/** The build under test (build.mjs writes there too when CONTEXT_LENS_DIST is set). */
export const distRoot = process.env.CONTEXT_LENS_DIST || join(projectRoot, 'dist');

export const browserInfo: Record<
  BrowserName,
  { executable: string; dist: string; install: string }
> = {
  chromium: {
    executable: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    dist: join(distRoot, 'chrome'),
    install: 'apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)',
  },
  firefox: {
    executable: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    dist: join(distRoot, 'firefox'),
    install: 'apt-get update && apt-get install -y firefox-esr (or set FIREFOX_PATH)',
  },
};

export const firefoxAddonId = 'context-lens@context-lens.invalid';
/** Fixed so the moz-extension:// origin is known before install. */
export const firefoxUuid = '5d1c6a52-3b2e-4f0e-9a57-c0e7eb7a3e55';

export function browserAvailable(name: BrowserName): boolean {
  return existsSync(browserInfo[name].executable);
}

export interface LaunchOptions {
  /** Install the extension (false gives a baseline browser to compare against). */
  withExtension?: boolean;
  /** Firefox: seconds before an idle event page is unloaded. */
  backgroundIdleSeconds?: number;
}

export interface Session {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://id or moz-extension://uuid, without a trailing slash. */
  extensionOrigin: string;
  extensionId: string;
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--window-size=1280,900',
];

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<Session> {
  const withExtension = options.withExtension ?? true;
  const info = browserInfo[name];
  if (name === 'chromium') {
    const browser = await puppeteer.launch({
      executablePath: info.executable,
      headless: true,
      pipe: true,
      enableExtensions: withExtension,
      defaultViewport: { width: 1280, height: 900 },
      userDataDir: mkdtempSync(join(tmpdir(), 'cl-chromium-')),
      args: chromiumArgs,
    });
    const extensionId = withExtension ? await browser.installExtension(info.dist) : '';
    return { name, browser, extensionId, extensionOrigin: `chrome-extension://${extensionId}` };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: info.executable,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [firefoxAddonId]: firefoxUuid }),
      'extensions.openPopupWithoutUserGesture.enabled': true,
      'extensions.background.idle.timeout': (options.backgroundIdleSeconds ?? 30) * 1000,
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
    },
  });
  const extensionId = withExtension ? await browser.installExtension(info.dist) : '';
  return { name, browser, extensionId, extensionOrigin: `moz-extension://${firefoxUuid}` };
}

/**
 * Navigates without waiting for the load event: Firefox never resolves `goto` for
 * moz-extension:// pages, so both browsers poll until the document is there.
 */
export async function navigateAndPoll(page: Page, url: string, timeoutMs = 10_000): Promise<void> {
  page.goto(url).catch(() => undefined);
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    const ready = await page
      .evaluate((u) => location.href === u && document.readyState === 'complete', url)
      .catch(() => false);
    if (ready) return;
  }
  throw new Error(`Timed out opening ${url}`);
}

/** The Chromium service worker of the extension, started if it was stopped. */
export async function chromiumWorker(session: Session): Promise<WebWorker> {
  const isOurs = (t: { type(): string; url(): string }) =>
    t.type() === 'service_worker' && t.url().startsWith(session.extensionOrigin);
  let target = session.browser.targets().find(isOurs);
  if (!target) {
    // Opening an extension page that messages the worker wakes it, as any event would.
    const page = await session.browser.newPage();
    await navigateAndPoll(page, `${session.extensionOrigin}/options/options.html`);
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'wake' }).catch(() => undefined));
    target = await session.browser.waitForTarget(isOurs, { timeout: 10_000 });
    await page.close();
  }
  const worker = await target.worker();
  if (!worker) throw new Error('The extension service worker has no worker handle');
  return worker;
}

export async function stopChromiumWorker(session: Session): Promise<void> {
  const worker = await chromiumWorker(session);
  await worker.close();
  const until = Date.now() + 5000;
  while (
    Date.now() < until &&
    session.browser
      .targets()
      .some((t) => t.type() === 'service_worker' && t.url().startsWith(session.extensionOrigin))
  ) {
    await new Promise((r) => setTimeout(r, 50));
  }
}
