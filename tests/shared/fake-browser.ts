// A small stand-in for the WebExtension API, enough for settings, messaging and the background:
// storage areas that fire onChanged, runtime messaging listeners, i18n and the badge calls.
// Tests replace the seam (src/shared/browser-api.ts) with it through vi.mock.
type Listener = (...args: never[]) => unknown;

class Event<L extends Listener> {
  readonly listeners = new Set<L>();
  addListener(l: L) {
    this.listeners.add(l);
  }
  removeListener(l: L) {
    this.listeners.delete(l);
  }
  hasListener(l: L) {
    return this.listeners.has(l);
  }
}

type ChangeListener = (
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
) => void;

export class FakeArea {
  data = new Map<string, unknown>();
  /** Set to make every call reject, as storage.sync does when sync is unavailable. */
  broken = false;
  writes = 0;

  constructor(
    private readonly name: string,
    private readonly onChanged: Event<ChangeListener>,
  ) {}

  private check() {
    if (this.broken) return Promise.reject(new Error(`storage.${this.name} is unavailable`));
    return null;
  }

  get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const failed = this.check();
    if (failed) return failed;
    const wanted = keys == null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const key of wanted)
      if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return Promise.resolve(out);
  }

  set(items: Record<string, unknown>): Promise<void> {
    const failed = this.check();
    if (failed) return failed as Promise<never>;
    this.writes++;
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data.get(key), newValue: value };
      this.data.set(key, structuredClone(value));
    }
    this.fire(changes);
    return Promise.resolve();
  }

  remove(keys: string | string[]): Promise<void> {
    const failed = this.check();
    if (failed) return failed as Promise<never>;
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      if (this.data.has(key)) {
        this.writes++;
        changes[key] = { oldValue: this.data.get(key) };
        this.data.delete(key);
      }
    }
    if (Object.keys(changes).length > 0) this.fire(changes);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    return this.remove([...this.data.keys()]);
  }

  private fire(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) {
    for (const l of this.onChanged.listeners) l(changes, this.name);
  }
}

export function createFakeBrowser() {
  const onChanged = new Event<ChangeListener>();
  const calls: { api: string; args: unknown[] }[] = [];
  const record =
    (api: string, result: unknown = undefined) =>
    (...args: unknown[]) => {
      calls.push({ api, args });
      return Promise.resolve(result);
    };
  return {
    calls,
    storage: {
      onChanged,
      sync: new FakeArea('sync', onChanged),
      local: new FakeArea('local', onChanged),
      session: new FakeArea('session', onChanged),
    },
    runtime: {
      id: 'our-extension-id',
      getURL: (path: string) => `chrome-extension://our-extension-id/${path}`,
      onMessage: new Event<(message: unknown, sender: unknown) => unknown>(),
      sendMessage: record('runtime.sendMessage'),
      openOptionsPage: record('runtime.openOptionsPage'),
    },
    i18n: {
      getMessage: (key: string, subs?: string | string[]) =>
        [key, ...(Array.isArray(subs) ? subs : subs === undefined ? [] : [subs])].join('|'),
      getUILanguage: () => 'en-US',
    },
    action: {
      setBadgeText: record('action.setBadgeText'),
      setTitle: record('action.setTitle'),
      setBadgeBackgroundColor: record('action.setBadgeBackgroundColor'),
    },
    tabs: {
      onUpdated: new Event<(tabId: number, change: { status?: string }) => void>(),
      onRemoved: new Event<(tabId: number) => void>(),
      query: record('tabs.query', []),
      sendMessage: record('tabs.sendMessage'),
    },
    commands: {
      onCommand: new Event<(command: string, tab?: { id?: number }) => void>(),
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
