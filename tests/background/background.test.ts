// The background with a stand-in browser: keyboard commands go to the active tab's top frame,
// a tab that starts loading loses its counts and badge, a loaded tab is asked to report again,
// a closed tab is forgotten, and nothing lives in memory between events.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser, type FakeBrowser, settle } from '../shared/fake-browser.js';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as never }));
vi.mock('../../src/shared/browser-api.js', () => ({
  get browser() {
    return fake.browser;
  },
}));

const tabSender = (tabId: number, frameId: number) => ({
  id: 'our-extension-id',
  url: 'https://news.test/',
  tab: { id: tabId },
  frameId,
});

/** Loads a fresh background, as a restarted service worker or event page would be. */
async function startBackground() {
  vi.resetModules();
  await import('../../src/background/index.js');
  const b = fake.browser;
  const first = <T>(set: Set<T>): T => {
    const [value] = set;
    if (!value) throw new Error('no listener');
    return value;
  };
  return {
    message: first(b.runtime.onMessage.listeners) as (
      m: unknown,
      s: unknown,
    ) => Promise<void> | undefined,
    updated: first(b.tabs.onUpdated.listeners),
    removed: first(b.tabs.onRemoved.listeners),
    command: first(b.commands.onCommand.listeners),
  };
}

const badgeTexts = () =>
  fake.browser.calls.filter((c) => c.api === 'action.setBadgeText').map((c) => c.args[0]);

beforeEach(() => {
  fake.browser = createFakeBrowser();
});

describe('background', () => {
  it('sums frames into the badge, and a restarted background builds on the stored counts', async () => {
    let bg = await startBackground();
    await bg.message({ type: 'cs:counts', counts: { epaa: 2 }, enabled: true }, tabSender(5, 0));
    await bg.message({ type: 'cs:counts', counts: { jta: 3 }, enabled: true }, tabSender(5, 4));
    expect(badgeTexts().at(-1)).toEqual({ tabId: 5, text: '5' });
    fake.browser.runtime.onMessage.listeners.clear();
    bg = await startBackground();
    await bg.message({ type: 'cs:counts', counts: { epaa: 3 }, enabled: true }, tabSender(5, 0));
    expect(badgeTexts().at(-1)).toEqual({ tabId: 5, text: '6' });
  });

  it('keeps every report when frames report at the same time', async () => {
    const bg = await startBackground();
    await Promise.all(
      Array.from({ length: 10 }, (_, frame) =>
        bg.message({ type: 'cs:counts', counts: { epaa: 1 }, enabled: true }, tabSender(3, frame)),
      ),
    );
    expect(badgeTexts().at(-1)).toEqual({ tabId: 3, text: '10' });
  });

  it('shows no badge when the top frame’s site is switched off', async () => {
    const bg = await startBackground();
    await bg.message({ type: 'cs:counts', counts: { jta: 3 }, enabled: true }, tabSender(5, 4));
    await bg.message({ type: 'cs:counts', counts: {}, enabled: false }, tabSender(5, 0));
    expect(badgeTexts().at(-1)).toEqual({ tabId: 5, text: '' });
  });

  it('forgets a tab’s counts when it starts loading, and asks it to report when loaded', async () => {
    const bg = await startBackground();
    await bg.message({ type: 'cs:counts', counts: { epaa: 2 }, enabled: true }, tabSender(5, 0));
    bg.updated(5, { status: 'loading' } as never);
    await settle();
    await settle();
    expect(fake.browser.storage.session.data.has('tab:5')).toBe(false);
    expect(badgeTexts().at(-1)).toEqual({ tabId: 5, text: '' });
    bg.updated(5, { status: 'complete' } as never);
    await settle();
    expect(fake.browser.calls.at(-1)).toEqual({
      api: 'tabs.sendMessage',
      args: [5, { type: 'bg:report-counts' }],
    });
    bg.updated(5, { title: 'x' } as never);
    await settle();
    expect(fake.browser.calls.at(-1)?.api).toBe('tabs.sendMessage');
  });

  it('forgets a closed tab', async () => {
    const bg = await startBackground();
    await bg.message({ type: 'cs:counts', counts: { epaa: 2 }, enabled: true }, tabSender(5, 0));
    bg.removed(5 as never);
    await settle();
    await settle();
    expect(fake.browser.storage.session.data.size).toBe(0);
  });

  it('forwards the keyboard commands to the top frame of the tab, and nothing else', async () => {
    const bg = await startBackground();
    bg.command('next-mention' as never, { id: 9 } as never);
    bg.command('previous-mention' as never, { id: 9 } as never);
    bg.command('_execute_action' as never, { id: 9 } as never);
    await settle();
    expect(fake.browser.calls).toEqual([
      {
        api: 'tabs.sendMessage',
        args: [9, { type: 'bg:command', command: 'next-mention' }, { frameId: 0 }],
      },
      {
        api: 'tabs.sendMessage',
        args: [9, { type: 'bg:command', command: 'previous-mention' }, { frameId: 0 }],
      },
    ]);
  });
});
