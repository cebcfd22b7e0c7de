// Forwards the manifest's keyboard commands to the active tab's top frame, where the content
// script moves to the next or previous mention.
import { browser, type Tabs } from '../shared/browser-api.js';
import {
  type BackgroundToContent,
  BackgroundToContentSchema,
  parseMessage,
} from '../shared/messages.js';

export async function forwardCommand(command: string, tab: Tabs.Tab | undefined): Promise<void> {
  const message = parseMessage(BackgroundToContentSchema, { type: 'bg:command', command });
  if (!message) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  const sent: BackgroundToContent = message;
  // The page may have no content script (a browser page); there is nothing to move then.
  await browser.tabs.sendMessage(tabId, sent, { frameId: 0 }).catch(() => undefined);
}
