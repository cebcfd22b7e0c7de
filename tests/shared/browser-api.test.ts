// The WebExtension seam in the Chrome build: runtime.onMessage listeners reply by returning a
// promise, as in Firefox, through Chrome's sendResponse; everything else reads through to `chrome`.
import { afterEach, describe, expect, it, vi } from 'vitest';

type Native = (message: unknown, sender: unknown, reply: (r?: unknown) => void) => boolean;

function fakeChrome() {
  const listeners = new Set<Native>();
  const runtime = {
    id: 'ours' as string | undefined,
    getURL(this: unknown, path: string) {
      if (this !== runtime) throw new TypeError('Illegal invocation');
      return `chrome-extension://ours/${path}`;
    },
    onMessage: {
      addListener: (l: Native) => listeners.add(l),
      removeListener: (l: Native) => listeners.delete(l),
      hasListener: (l: Native) => listeners.has(l),
    },
  };
  return { listeners, runtime, storage: { local: { name: 'local' } } };
}

async function load(chrome: ReturnType<typeof fakeChrome>) {
  vi.resetModules();
  // The build's define; the unit tests run the Chrome build's code.
  vi.stubGlobal('__BROWSER__', 'chrome');
  vi.stubGlobal('chrome', chrome);
  return (await import('../../src/shared/browser-api.js')).browser;
}

/** Delivers a message as Chrome does; resolves with the reply, or 'no reply'. */
function deliver(native: Native, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const keepsChannel = native(message, { id: 'ours' }, resolve);
    if (!keepsChannel) resolve('no reply');
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('browser (Chrome build)', () => {
  it('turns a returned promise into a reply, and no promise into none', async () => {
    const chrome = fakeChrome();
    const browser = await load(chrome);
    const listener = (message: unknown) =>
      message === 'ask' ? Promise.resolve({ answer: 42 }) : undefined;
    browser.runtime.onMessage.addListener(listener);
    const [native] = chrome.listeners;
    if (!native) throw new Error('no listener registered with chrome');
    expect(await deliver(native, 'ask')).toEqual({ answer: 42 });
    expect(await deliver(native, 'other')).toBe('no reply');
    expect(browser.runtime.onMessage.hasListener(listener)).toBe(true);
    browser.runtime.onMessage.removeListener(listener);
    expect(chrome.listeners.size).toBe(0);
  });

  it('replies undefined when the listener fails', async () => {
    const chrome = fakeChrome();
    const browser = await load(chrome);
    browser.runtime.onMessage.addListener(() => Promise.reject(new Error('failed')));
    const [native] = chrome.listeners;
    if (!native) throw new Error('no listener registered with chrome');
    expect(await deliver(native, 'ask')).toBeUndefined();
  });

  it('reads runtime and the other namespaces through to chrome, live', async () => {
    const chrome = fakeChrome();
    const browser = await load(chrome);
    expect(browser.runtime.getURL('popup.html')).toBe('chrome-extension://ours/popup.html');
    expect(browser.storage.local).toBe(chrome.storage.local);
    chrome.runtime.id = undefined;
    expect(browser.runtime.id).toBeUndefined();
  });
});
