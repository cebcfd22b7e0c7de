// Background entry: only wiring. Every listener is registered at the top level, so a stopped
// service worker or unloaded event page is woken for it; no state is kept in memory.
import { browser, type Runtime } from '../shared/browser-api.js';
import { ContentToBackgroundSchema, parseMessage } from '../shared/messages.js';
import { forwardCommand } from './commands.js';
import { forgetClosedTab, forgetPage, recordFrame } from './counts.js';
import { askFramesToReport } from './navigation.js';
import { contentSender } from './senders.js';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const from = contentSender(sender);
  const parsed = from && parseMessage(ContentToBackgroundSchema, message);
  if (!from || !parsed) return undefined;
  return recordFrame(from.tabId, from.frameId, parsed);
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void forgetPage(tabId);
  else if (change.status === 'complete') void askFramesToReport(tabId);
});

browser.tabs.onRemoved.addListener((tabId) => void forgetClosedTab(tabId));

browser.commands.onCommand.addListener((command, tab) => void forwardCommand(command, tab));
