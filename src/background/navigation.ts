// After a tab finishes loading, asks its frames to report their counts again. Browsers also
// announce "loading" for changes within a page (pushState, a new #hash) and for pages restored
// from the back-forward cache, whose content scripts live on and would not report otherwise.
import { browser } from '../shared/browser-api.js';
import type { BackgroundToContent } from '../shared/messages.js';

export async function askFramesToReport(tabId: number): Promise<void> {
  const message: BackgroundToContent = { type: 'bg:report-counts' };
  // Pages without our content script (browser pages, no host access) simply do not answer.
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
