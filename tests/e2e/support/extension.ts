// Runs code inside the extension (Chromium: its service worker; Firefox: an extension page in a
// tab), finds a page's tab id, opens the toolbar popup and reads the browser's manifest warnings.
import type { Page } from 'puppeteer-core';
import { evaluateInChromiumWorker, navigateAndPoll, type Session } from './browsers.js';

const firefoxExtensionTabs = new WeakMap<Session, Page>();

async function firefoxExtensionTab(session: Session): Promise<Page> {
  const known = firefoxExtensionTabs.get(session);
  if (known && !known.isClosed()) return known;
  const page = await session.browser.newPage();
  await navigateAndPoll(page, `${session.extensionOrigin}/options/options.html?harness`);
  firefoxExtensionTabs.set(session, page);
  return page;
}

/** Evaluates `fn` with the extension's privileges (`chrome.*` / `browser.*` are available). */
export async function inExtension<A extends unknown[], R>(
  session: Session,
  fn: (...args: A) => R | Promise<R>,
  ...args: A
): Promise<Awaited<R>> {
  if (session.name === 'chromium') {
    return evaluateInChromiumWorker(session, fn, args);
  }
  const tab = await firefoxExtensionTab(session);
  // biome-ignore lint/suspicious/noExplicitAny: puppeteer's evaluate typing cannot carry the generic through
  return (await tab.evaluate(fn as any, ...args)) as Awaited<R>;
}

/** The browser's tab id for a page: the page is brought to the front and the active tab asked for. */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  await page.bringToFront();
  // Firefox does not update page.url() for moz-extension:// pages; the document knows.
  const url = await page.evaluate(() => location.href).catch(() => page.url());
  const id = await inExtension(
    session,
    async (href: string) => {
      const tabs = await chrome.tabs.query({});
      const exact = tabs.filter((t) => t.url === href);
      const pick = exact.length === 1 ? exact[0] : tabs.find((t) => t.active && t.url === href);
      if (pick) return pick.id ?? -1;
      // Chromium shows tab URLs only to extensions with host permissions (content-script matches
      // do not count), so fall back to the tab just brought to the front.
      const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return active && active.url === undefined ? (active.id ?? -1) : -1;
    },
    url,
  );
  if (id < 0) throw new Error(`No tab found for ${url}`);
  return id;
}

/**
 * Opens the toolbar popup for `page`. Chromium opens the real popup with `action.openPopup()`.
 * Firefox opens it too, but its popup panel is not reachable over WebDriver BiDi, so the test
 * drives the same popup document in a tab, told which tab to describe.
 */
export async function openPopup(session: Session, page: Page): Promise<Page> {
  const tabId = await tabIdOf(session, page);
  if (session.name === 'chromium') {
    await inExtension(session, () => chrome.action.openPopup());
    const target = await session.browser.waitForTarget(
      (t) => t.url().startsWith(`${session.extensionOrigin}/popup/popup.html`),
      { timeout: 10_000 },
    );
    const popup = await target.asPage();
    if (!popup) throw new Error('The popup target has no page');
    return popup;
  }
  // The real panel opens, then is closed again: it would describe whichever tab Firefox thinks
  // active and keep working in the background until the browser quits, where Firefox reports
  // any extension script it has to stop as "terminated by timeout".
  const opened = await inExtension(session, async () => {
    await browser.action.openPopup();
    for (let i = 0; i < 50; i++) {
      const [panel] = browser.extension.getViews({ type: 'popup' });
      if (panel) {
        panel.close();
        return true;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  });
  if (!opened) throw new Error('action.openPopup() opened no popup');
  const popup = await session.browser.newPage();
  await navigateAndPoll(popup, `${session.extensionOrigin}/popup/popup.html?tab=${tabId}`);
  return popup;
}

/**
 * Firefox: waits until the browser has unloaded the extension's idle event page, as
 * about:debugging reports it ("Background script: Stopped"); false if it is still running.
 */
export async function firefoxEventPageStopped(
  session: Session,
  timeoutMs = 20_000,
): Promise<boolean> {
  const page = await session.browser.newPage();
  try {
    await navigateAndPoll(page, 'about:debugging#/runtime/this-firefox');
    return await page.evaluate(
      async (id, until) => {
        while (Date.now() < until) {
          const card = [...document.querySelectorAll('li')].find((li) =>
            li.textContent?.includes(id),
          );
          const status = card?.querySelector('.qa-extension-backgroundscript-status');
          if (status?.className.includes('--stopped')) return true;
          await new Promise((r) => setTimeout(r, 200));
        }
        return false;
      },
      session.extensionId,
      Date.now() + timeoutMs,
    );
  } finally {
    await page.close();
  }
}

/** Opens one of the extension's own pages in a new tab. */
export async function openExtensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await navigateAndPoll(page, `${session.extensionOrigin}/${path}`);
  return page;
}

/** The warnings and errors the browser itself reports for the installed extension. */
export async function manifestWarnings(session: Session): Promise<string[]> {
  const page = await session.browser.newPage();
  try {
    if (session.name === 'chromium') {
      await navigateAndPoll(page, 'chrome://extensions/');
      return await page.evaluate(
        (id) =>
          new Promise<string[]>((resolve) => {
            // developerPrivate is what chrome://extensions itself uses to list warnings. It
            // reports manifest errors only in developer mode, as the page shows them.
            const api = (chrome as unknown as { developerPrivate: DeveloperPrivate })
              .developerPrivate;
            api.updateProfileConfiguration({ inDeveloperMode: true }, () =>
              api.getExtensionInfo(id, (info) =>
                resolve([
                  ...info.installWarnings,
                  ...info.manifestErrors.map((e) => e.message),
                  ...info.runtimeErrors.map((e) => e.message),
                ]),
              ),
            );
          }),
        session.extensionId,
      );
    }
    await navigateAndPoll(page, 'about:debugging#/runtime/this-firefox');
    return await page.evaluate(async (id) => {
      for (let i = 0; i < 50; i++) {
        const card = [...document.querySelectorAll('li')].find((li) =>
          li.textContent?.includes(id),
        );
        if (card) {
          return [...card.querySelectorAll('.qa-message')]
            .map((m) => m.textContent?.trim() ?? '')
            .filter(Boolean);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return [`about:debugging lists no add-on ${id}`];
    }, session.extensionId);
  } finally {
    await page.close();
  }
}

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }, callback: () => void): void;
  getExtensionInfo(
    id: string,
    callback: (info: {
      installWarnings: string[];
      manifestErrors: { message: string }[];
      runtimeErrors: { message: string }[];
    }) => void,
  ): void;
}

declare const browser: typeof chrome;
