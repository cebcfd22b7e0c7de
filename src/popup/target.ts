// Which tab the popup describes: the active tab of its window, or (when the popup document is
// opened in a tab of its own, as Firefox's tests do) the tab named by `?tab=<id>`.
import { browser } from '../shared/browser-api.js';

export async function targetTabId(search: string): Promise<number | null> {
  const named = new URLSearchParams(search).get('tab');
  if (named !== null) {
    return /^\d{1,10}$/.test(named) ? Number(named) : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
