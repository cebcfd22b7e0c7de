// Watches every context of a browser for what the extension must never do: log an error or a
// warning, throw, or make a network request. Chromium is watched over CDP on every target
// (pages, frames, the service worker, extension pages); Firefox through page events and the
// browser's stderr, where it prints every uncaught error with its source.
import type { CDPSession, ConsoleMessage, Page, Target } from 'puppeteer-core';
import type { Session } from './browsers.js';

export interface ExtensionWatch {
  /** Attaches the page-level listeners to a page (done automatically for new tabs). */
  watchPage(page: Page): void;
  /** Errors, warnings and uncaught exceptions from the extension since the last call. */
  takeMessages(): string[];
  /** Network requests the extension made since the last call. */
  takeRequests(): string[];
  /**
   * What is left after the browser was closed. Firefox buffers its stderr, so an error may only
   * surface when the process exits: this waits for the end of that stream.
   */
  takeRemaining(): Promise<string[]>;
}

/** Text no page has a reason to log, but an orphaned or failing content script would. */
const extensionText = /context[- ]lens|extension context invalidated/i;
const localSchemes = /^(?:chrome-extension|moz-extension|data|blob|about):/;

export function watchExtension(session: Session): ExtensionWatch {
  const messages: string[] = [];
  const requests: string[] = [];
  const origin = session.extensionOrigin;
  const ours = (url: string | undefined) => Boolean(url && origin && url.startsWith(origin));
  const pages = new WeakSet<Page>();

  const watchPage = (page: Page) => {
    if (pages.has(page)) return;
    pages.add(page);
    if (session.name === 'chromium') return; // CDP sees more, including isolated worlds
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() !== 'error' && m.type() !== 'warn') return;
      const where = m.location()?.url ?? '';
      if (ours(where) || ours(page.url()) || extensionText.test(m.text())) {
        messages.push(`${m.type()}: ${m.text()} (${where || page.url()})`);
      }
    });
    page.on('pageerror', (error: unknown) => {
      const text =
        error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      if (ours(page.url()) || text.includes(origin) || extensionText.test(text)) {
        messages.push(`uncaught: ${text.split('\n')[0]} (${page.url()})`);
      }
    });
    page.on('request', (request) => {
      const url = request.url();
      if (ours(page.url()) && !localSchemes.test(url)) requests.push(`${url} (from ${page.url()})`);
    });
  };

  let stderrEnded: Promise<void> = Promise.resolve();
  if (session.name === 'chromium') {
    const attach = (target: Target) => void watchTarget(target, ours, messages, requests);
    session.browser.on('targetcreated', attach);
    for (const target of session.browser.targets()) attach(target);
  } else {
    stderrEnded = watchFirefoxStderr(session, messages);
    session.browser.on('targetcreated', (target: Target) => {
      if (target.type() === 'page') {
        target
          .page()
          .then((page) => page && watchPage(page))
          .catch(() => undefined);
      }
    });
  }

  return {
    watchPage,
    takeMessages: () => messages.splice(0),
    takeRequests: () => requests.splice(0),
    takeRemaining: async () => {
      await Promise.race([stderrEnded, new Promise((r) => setTimeout(r, 5000))]);
      // Quitting Firefox interrupts whatever script is running at that moment and logs it as
      // "terminated by timeout"; that is the browser closing, not a slow script of ours (one
      // during a test is reported by that test).
      return messages.splice(0).filter((m) => !/Script terminated by timeout/.test(m));
    },
  };
}

interface StackTrace {
  callFrames: { url: string }[];
}

/** Chromium: listens on one target's own CDP session, whatever kind of target it is. */
async function watchTarget(
  target: Target,
  ours: (url: string | undefined) => boolean,
  messages: string[],
  requests: string[],
): Promise<void> {
  if (target.type() === 'browser') return;
  let cdp: CDPSession;
  try {
    cdp = await target.createCDPSession();
  } catch {
    return; // closed before we got there
  }
  const contextOrigins = new Map<number, string>();
  const extensionTarget = () => ours(target.url());
  const fromUs = (contextId: number | undefined, stack: StackTrace | undefined, url?: string) =>
    extensionTarget() ||
    ours(contextOrigins.get(contextId ?? -1)) ||
    ours(url) ||
    Boolean(stack?.callFrames.some((f) => ours(f.url)));

  cdp.on('Runtime.executionContextCreated', (e) => {
    contextOrigins.set(e.context.id, e.context.origin);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type !== 'error' && e.type !== 'warning' && e.type !== 'assert') return;
    const text = e.args.map((a) => a.value ?? a.description ?? a.type).join(' ');
    if (fromUs(e.executionContextId, e.stackTrace) || extensionText.test(text)) {
      messages.push(`${e.type}: ${text} (${e.stackTrace?.callFrames[0]?.url ?? target.url()})`);
    }
  });
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    const text = d.exception?.description ?? d.text;
    if (fromUs(d.executionContextId, d.stackTrace, d.url) || extensionText.test(text)) {
      messages.push(`uncaught: ${text.split('\n')[0]} (${d.url ?? target.url()})`);
    }
  });
  cdp.on('Log.entryAdded', (e) => {
    const entry = e.entry;
    if (entry.level !== 'error' && entry.level !== 'warning') return;
    if (fromUs(undefined, entry.stackTrace, entry.url) || extensionText.test(entry.text)) {
      messages.push(`${entry.level} (${entry.source}): ${entry.text} (${entry.url ?? ''})`);
    }
  });
  cdp.on('Network.requestWillBeSent', (e) => {
    const url = e.request.url;
    if (localSchemes.test(url)) return;
    const initiator = e.initiator;
    if (
      extensionTarget() ||
      ours(initiator.url) ||
      initiator.stack?.callFrames.some((f) => ours(f.url))
    ) {
      requests.push(`${url} (initiated by ${initiator.url ?? target.url()})`);
    }
  });
  await Promise.all([
    cdp.send('Runtime.enable'),
    cdp.send('Log.enable'),
    cdp.send('Network.enable'),
  ]).catch(() => undefined);
}

/** Firefox prints each uncaught error and each warning with its source on stderr. */
function watchFirefoxStderr(session: Session, messages: string[]): Promise<void> {
  const stderr = session.browser.process()?.stderr;
  if (!stderr) return Promise.resolve();
  const pattern = new RegExp(
    `^JavaScript (error|warning): (${escapeRegExp(session.extensionOrigin)}\\S*)(.*)$`,
  );
  let pending = '';
  stderr.setEncoding('utf8');
  stderr.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = pattern.exec(line.trim());
      if (match) messages.push(`${match[1]}: ${match[3]?.replace(/^,\s*/, '')} (${match[2]})`);
    }
  });
  return new Promise((resolve) => {
    stderr.on('end', resolve);
    stderr.on('close', resolve);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
