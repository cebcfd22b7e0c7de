// The content script's side of the messaging protocol: answers the popup (summary, "Show") and
// the background (keyboard commands, requests to report counts). Only messages from this
// extension that match a declared schema are acted on; anything else is dropped unread.
import { browser, type Runtime } from '../shared/browser-api.js';
import {
  type PageSummary,
  parseMessage,
  type ToContent,
  ToContentSchema,
} from '../shared/messages.js';
import type { Annotator } from './annotator.js';
import type { CountsReporter } from './counts-reporter.js';
import type { Presenter } from './presenter.js';
import type { SiteSettings } from './settings-apply.js';
import { pageSummary } from './summary.js';

/** The popup waits at most this long for a scan in progress before it gets what is found. */
const SCAN_WAIT_MS = 1000;

function fromOurExtension(sender: Runtime.MessageSender): boolean {
  const origin = browser.runtime.getURL('');
  return (
    sender.id === browser.runtime.id && (sender.url === undefined || sender.url.startsWith(origin))
  );
}

async function summary(
  annotator: Annotator,
  site: SiteSettings,
  first: number | undefined,
): Promise<PageSummary> {
  await Promise.race([annotator.scanned, new Promise((r) => setTimeout(r, SCAN_WAIT_MS))]);
  const mentions = site.siteEnabled ? annotator.store.all() : [];
  return pageSummary(mentions, site.siteEnabled, location, first);
}

function handle(
  message: ToContent,
  annotator: Annotator,
  presenter: Presenter,
  site: SiteSettings,
  reporter: CountsReporter,
): Promise<unknown> {
  switch (message.type) {
    case 'popup:get-summary':
      return summary(annotator, site, message.first);
    case 'popup:show-mention':
      return Promise.resolve(presenter.showMention(message.index));
    case 'bg:command':
      return Promise.resolve(presenter.step(message.command === 'next-mention' ? 1 : -1));
    case 'bg:report-counts':
      site.reapply();
      reporter.sendNow();
      return Promise.resolve(undefined);
  }
}

export function connectMessaging(
  annotator: Annotator,
  presenter: Presenter,
  site: SiteSettings,
  reporter: CountsReporter,
  signal: AbortSignal,
): void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (signal.aborted || !fromOurExtension(sender)) return undefined;
    const parsed = parseMessage(ToContentSchema, message);
    if (!parsed) return undefined;
    return handle(parsed, annotator, presenter, site, reporter);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}
