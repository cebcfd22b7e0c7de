// Who may talk to the background: only this extension's own content scripts, from a tab, in a
// web page; everything else is dropped before its payload is even read.
import { browser, type Runtime } from '../shared/browser-api.js';

export interface ContentSender {
  tabId: number;
  frameId: number;
}

export function contentSender(sender: Runtime.MessageSender): ContentSender | null {
  if (sender.id !== browser.runtime.id) return null;
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (typeof tabId !== 'number' || tabId < 0 || typeof frameId !== 'number' || frameId < 0) {
    return null;
  }
  // Our content scripts run only in web pages; an extension page in a tab is not one of them.
  if (!/^https?:/.test(sender.url ?? '')) return null;
  return { tabId, frameId };
}
