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
  /** Install this unpacked extension instead of the build under test (for testing the rig). */
  extensionDir?: string;
  /**
   * Firefox: grant what `permissions.request` asks for without a prompt (a headless browser has
   * no one to answer it); the request itself still needs a user gesture.
   */
  grantPermissionRequests?: boolean;
  /** The colour scheme pages see (`prefers-color-scheme`); the system's when left out. */
  colorScheme?: 'light' | 'dark';
  /**
   * Firefox: force the user's colours on pages (`forced-colors: active`), as high-contrast modes
   * do. Chromium has no such switch on Linux; tests emulate it over CDP there.
   */
  forcedColors?: boolean;
  /** Pages see `prefers-reduced-motion: reduce`. */
  reducedMotion?: boolean;
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
      args: [
        ...chromiumArgs,
        ...(options.colorScheme === 'dark' ? ['--force-dark-mode'] : []),
        ...(options.reducedMotion ? ['--force-prefers-reduced-motion'] : []),
      ],
    });
    const extensionId = withExtension
      ? await browser.installExtension(options.extensionDir ?? info.dist)
      : '';
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
      'extensions.webextOptionalPermissionPrompts': !options.grantPermissionRequests,
      // 0 dark, 1 light, 2 follow the system.
      'layout.css.prefers-color-scheme.content-override':
        options.colorScheme === 'dark' ? 0 : options.colorScheme === 'light' ? 1 : 2,
      // 2: always use the user's colours, which turns `forced-colors` on.
      ...(options.forcedColors ? { 'browser.display.document_color_use': 2 } : {}),
      ...(options.reducedMotion ? { 'ui.prefersReducedMotion': 1 } : {}),
    },
  });
  const extensionId = withExtension
    ? await browser.installExtension(options.extensionDir ?? info.dist)
    : '';
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

/**
 * Stops the extension's service worker, as Chrome does when it is idle, and waits until it has
 * stopped. (Closing puppeteer's worker target leaves the worker running.)
 */
export async function stopChromiumWorker(session: Session): Promise<void> {
  const page = await session.browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.filter((v) => v.scriptURL.startsWith(session.extensionOrigin));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 5000))]);
  } finally {
    await page.close();
  }
}

/**
 * Evaluates `fn(...args)` in the extension's service worker over a CDP session of its own,
 * waking the worker if needed. A worker that Chrome restarted is paused until a debugger lets
 * it run (puppeteer keeps the old target and does not), so this lets it run first.
 */
export async function evaluateInChromiumWorker<A extends unknown[], R>(
  session: Session,
  fn: (...args: A) => R,
  args: A,
): Promise<Awaited<R>> {
  const browserCdp = await session.browser.target().createCDPSession();
  try {
    const find = async () =>
      (await browserCdp.send('Target.getTargets')).targetInfos.find(
        (t) => t.type === 'service_worker' && t.url.startsWith(session.extensionOrigin),
      );
    if (!(await find())) await chromiumWorker(session);
    const target = await find();
    if (!target) throw new Error('The extension has no service worker');
    const { sessionId } = await browserCdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: true,
    });
    const worker = browserCdp.connection()?.session(sessionId);
    if (!worker) throw new Error('No CDP session for the service worker');
    await worker.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
    // A worker that has just been let run may not have its extension API yet.
    await worker.send('Runtime.evaluate', {
      expression: `new Promise((ready) => {
        const check = () => (globalThis.chrome?.runtime?.id ? ready(true) : setTimeout(check, 20));
        check();
      })`,
      awaitPromise: true,
      timeout: 10_000,
    });
    const { result, exceptionDetails } = await worker.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(...${JSON.stringify(args)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    }
    return result.value as Awaited<R>;
  } finally {
    await browserCdp.detach().catch(() => undefined);
  }
}
