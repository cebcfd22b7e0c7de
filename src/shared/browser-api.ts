// The one seam for the WebExtension API: every module imports `browser` from here, so tests can
// replace it. Both browsers' own APIs are used as they are: Firefox's `browser`, and Chrome's
// `chrome`, whose Manifest V3 methods return promises too. The one difference that matters here is
// how a runtime.onMessage listener replies: Firefox takes a returned promise, Chrome only
// `sendResponse` with `return true`. The Chrome build adapts its listeners, so every listener
// here is written one way: return a promise to reply, or undefined not to.
//
// (No webextension-polyfill at run time: it wrapped every API in proxies at start-up in every
// frame and was a tenth of the content script's size, for this one adapter. Its type
// declarations still describe the API.)
import type { Browser, Runtime } from 'webextension-polyfill';

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';

type Reply = (response?: unknown) => void;
type PromiseListener = (message: unknown, sender: Runtime.MessageSender) => unknown;
type CallbackListener = (message: unknown, sender: Runtime.MessageSender, reply: Reply) => boolean;
interface ChromeMessageEvent {
  addListener(listener: CallbackListener): void;
  removeListener(listener: CallbackListener): void;
  hasListener(listener: CallbackListener): boolean;
}

/** `chrome` with runtime.onMessage taking listeners that reply with a promise. */
function chromeAsBrowser(chrome: Browser): Browser {
  const native = chrome.runtime.onMessage as unknown as ChromeMessageEvent;
  const adapters = new WeakMap<PromiseListener, CallbackListener>();
  const adapterOf = (listener: PromiseListener): CallbackListener => {
    let adapter = adapters.get(listener);
    if (!adapter) {
      adapter = (message, sender, reply) => {
        const result = listener(message, sender) as PromiseLike<unknown> | undefined;
        if (typeof result?.then !== 'function') return false;
        result.then(reply, () => reply(undefined));
        return true;
      };
      adapters.set(listener, adapter);
    }
    return adapter;
  };
  const onMessage = {
    addListener: (listener: PromiseListener) => native.addListener(adapterOf(listener)),
    removeListener: (listener: PromiseListener) => native.removeListener(adapterOf(listener)),
    hasListener: (listener: PromiseListener) => native.hasListener(adapterOf(listener)),
  };
  // Read through on every access: `runtime.id` turns undefined when the extension goes away.
  // Methods are called on the real object, not on the proxy.
  const runtime = new Proxy(chrome.runtime, {
    get: (target, key) => {
      if (key === 'onMessage') return onMessage;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Proxy(chrome, {
    get: (target, key) => (key === 'runtime' ? runtime : Reflect.get(target, key)),
  });
}

const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const browser: Browser =
  __BROWSER__ === 'chrome' ? chromeAsBrowser(scope.chrome as Browser) : (scope.browser as Browser);
