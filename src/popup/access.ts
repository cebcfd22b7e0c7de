// Why a tab's page does not answer the popup: a page no extension may read (or a PDF), a site the
// user has not given us access to (Firefox lets users withhold it; Chrome's "on click" likewise),
// or a page that was open before the extension was installed. And asking for access.
import { canAnnotate, sitePermissionOrigins } from '../core/site-rules.js';
import { browser } from '../shared/browser-api.js';

const ALL_SITES = ['http://*/*', 'https://*/*'];

export type Unanswered =
  /** Browser pages, other schemes, extension stores. */
  | { kind: 'restricted' }
  /** We may read the page but nothing answers; reloading it usually helps. */
  | { kind: 'not-running' }
  /** Host access withheld. `host` is null when the browser does not even tell us the address. */
  | { kind: 'no-access'; host: string | null; origins: string[] };

export async function whyUnanswered(tabId: number): Promise<Unanswered> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url;
  if (url) {
    // A PDF opens in the browser's own viewer, where no content script runs.
    if (!canAnnotate(url) || isPdf(url)) return { kind: 'restricted' };
    const origins = sitePermissionOrigins(url);
    if (await browser.permissions.contains({ origins })) return { kind: 'not-running' };
    return { kind: 'no-access', host: new URL(url).hostname, origins };
  }
  // Browsers hide a tab's address from an extension without access to it. With access to every
  // http(s) site, a hidden address is not one: a browser page, file:, data: or the like.
  const granted = (await browser.permissions.getAll().catch(() => null))?.origins ?? [];
  if (ALL_SITES.every((origin) => granted.includes(origin))) return { kind: 'restricted' };
  return { kind: 'no-access', host: null, origins: ALL_SITES };
}

function isPdf(url: string): boolean {
  return new URL(url).pathname.toLowerCase().endsWith('.pdf');
}

/** Asks the user for access (must run in a click handler); reloads the tab when granted. */
export async function requestAccess(tabId: number, origins: string[]): Promise<boolean> {
  const granted = await browser.permissions.request({ origins }).catch(() => false);
  if (granted) await browser.tabs.reload(tabId).catch(() => undefined);
  return granted;
}
