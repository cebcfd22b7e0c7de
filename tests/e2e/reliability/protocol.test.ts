// Nothing but the extension itself can drive the extension: a page imitating its messages is
// ignored, and thousands of malformed runtime messages (wrong type, wrong fields, huge or deeply
// nested payloads, prototype tricks), sent to the content script by the extension or to the
// background by a sender that is not a content script, change no state and throw nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { firefoxAddonId, type Session } from '../support/browsers.js';
import { inExtension, openExtensionPage, tabIdOf } from '../support/extension.js';
import { forEachBrowser } from '../support/suite.js';
import { pollUntil, readTopics, summaryOf } from './helpers.js';

const PAGE = '/e2e/reliability/protocol-imitation.html';

/** What a message could have changed, read from the page and from the extension. */
async function observableState(session: Session, page: Page) {
  const tabId = await tabIdOf(session, page);
  // One at a time: inExtension's Chromium sessions do not take concurrent calls well.
  const view = await page.evaluate(() => ({
    scrollY: Math.round(window.scrollY),
    current: CSS.highlights.has('context-lens-current'),
    openPopovers: document.querySelectorAll(':popover-open').length,
    focused: document.activeElement?.nodeName ?? null,
    topLevelNodes: document.documentElement.childNodes.length,
  }));
  const badge = await inExtension(
    session,
    (id: number) => chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
  const storage = await inExtension(session, async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    session: await chrome.storage.session.get(null),
  }));
  return {
    view,
    badge,
    storage,
    summary: await summaryOf(session, page),
    topics: await readTopics(page),
  };
}

/**
 * Sends `count` malformed messages from a seeded generator: every known type with wrong fields,
 * unknown types, non-objects, huge strings, deep nesting and `__proto__` keys. No valid message
 * is among them (a valid one may legitimately act). Runs inside an extension context: to the
 * tab's top frame when `tabId` is given, else to the background. Returns how many were refused.
 */
async function sendMalformed(tabId: number | null, count: number, seed: number): Promise<number> {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const types = ['popup:get-summary', 'popup:show-mention', 'bg:command', 'bg:report-counts'];
  const odd = [null, -1, 1.5, '0', 1e12, Number.NaN, true, [], {}, 'next', 'x'.repeat(300)];
  const deep = () => {
    let value: unknown = { type: 'popup:show-mention', index: 0 };
    for (let i = 0; i < 500; i++) value = { type: 'bg:command', command: 'next-mention', value };
    return value;
  };
  const makers: (() => unknown)[] = [
    () => pick([null, 0, 42, '', 'popup:show-mention', true, [], ['popup:show-mention']]),
    () => ({ type: pick(types).toUpperCase() }),
    () => ({ type: ` ${pick(types)}`, index: 0 }),
    () => ({ type: `${pick(types)}\u0000`, command: 'next-mention' }),
    () => ({
      type: pick(['popup:*', 'cs:counts ', 'bg:', 'constructor', '__proto__', 'toString']),
    }),
    () => ({ type: 'popup:show-mention', index: pick(odd) }),
    () => ({ type: 'popup:show-mention', index: 0, extra: pick(odd) }),
    () => ({ type: 'popup:show-mention' }),
    () => ({ type: 'bg:command', command: pick(odd) }),
    () => ({
      type: 'bg:command',
      command: pick(['next', 'NEXT-MENTION', 'next-mention ', 'prev']),
    }),
    () => ({ type: 'bg:command', command: 'next-mention', extra: 1 }),
    () => ({ type: 'bg:report-counts', extra: pick(odd) }),
    () => ({ type: 'popup:get-summary', extra: pick(odd) }),
    () => ({ type: 'cs:counts', counts: { epaa: pick(odd) }, enabled: pick(odd) }),
    () => ({ type: pick(types), index: 0, command: 'next-mention', counts: {}, enabled: true }),
    () => JSON.parse('{"__proto__": {"type": "popup:show-mention", "index": 0}}'),
    () =>
      JSON.parse(
        '{"type": "bg:command", "constructor": {"prototype": {"command": "next-mention"}}}',
      ),
    () => ({ type: pick(types), payload: 'x'.repeat(random() < 0.02 ? 1_000_000 : 1000) }),
    () => (random() < 0.05 ? deep() : { type: pick(types), index: [0] }),
  ];
  let refused = 0;
  const send = (message: unknown) =>
    (tabId === null
      ? chrome.runtime.sendMessage(message)
      : chrome.tabs.sendMessage(tabId, message, { frameId: 0 })
    ).catch(() => {
      refused++;
    });
  for (let sent = 0; sent < count; sent += 250) {
    const batch = Array.from({ length: Math.min(250, count - sent) }, () => pick(makers)());
    await Promise.all(batch.map(send));
  }
  return refused;
}

/**
 * Another extension, installed next to ours, that sends our protocol's messages to our
 * extension id for a few seconds after it starts (to our background: external messages).
 */
function writeHostileExtension(session: Session, report: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cl-hostile-extension-'));
  const target = session.name === 'chromium' ? session.extensionId : firefoxAddonId;
  const firefox = session.name === 'firefox';
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Not Context Lens',
      version: '1.0',
      background: firefox ? { scripts: ['background.js'] } : { service_worker: 'background.js' },
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'hostile@context-lens.invalid',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    }),
  );
  writeFileSync(
    join(dir, 'background.js'),
    `const forged = [
      { type: 'cs:counts', counts: { epaa: 999 }, enabled: true },
      { type: 'cs:counts', counts: {}, enabled: false },
      { type: 'popup:show-mention', index: 0 },
      { type: 'bg:command', command: 'next-mention' },
    ];
    const outcomes = new Set();
    let rounds = 0;
    const timer = setInterval(async () => {
      if (++rounds > 30) {
        clearInterval(timer);
        // Tells the test it ran, and what became of its messages.
        fetch(${JSON.stringify(report)} + [...outcomes].sort().join('+'), { mode: 'no-cors' }).catch(() => {});
        return;
      }
      for (const message of forged) {
        await chrome.runtime.sendMessage(${JSON.stringify(target)}, message).then(
          (reply) => outcomes.add(reply === undefined ? 'unanswered' : 'answered'),
          () => outcomes.add('refused'),
        );
      }
    }, 100);`,
  );
  return dir;
}

forEachBrowser('messages from where they must not come', (ctx) => {
  it('ignores a page that imitates the protocol with postMessage and events', async () => {
    const page = await ctx.open(PAGE);
    await pollUntil(
      () => readTopics(page),
      (t) => Object.keys(t).length === 2,
    );
    const before = await observableState(ctx.session, page);
    const imitate = async (p: Page) => {
      const reach = await p.evaluate(() =>
        (window as unknown as { imitate(): { chromeRuntime: string; browser: string } }).imitate(),
      );
      expect(reach, 'the page has no extension API to reach us with').toEqual({
        chromeRuntime: 'undefined',
        browser: 'undefined',
      });
    };
    await imitate(page);
    await new Promise((r) => setTimeout(r, 500));
    expect(await observableState(ctx.session, page)).toEqual(before);
    await ctx.compareWithBaseline(page, imitate);
  });

  it('lets 10,000 malformed messages to the content script change nothing', async () => {
    const page = await ctx.open(PAGE);
    await pollUntil(
      () => readTopics(page),
      (t) => Object.keys(t).length === 2,
    );
    const before = await observableState(ctx.session, page);
    expect(before.summary?.total, 'the content script answers the popup').toBe(3);
    const tabId = await tabIdOf(ctx.session, page);
    const failures = await inExtension(ctx.session, sendMalformed, tabId, 10_000, 8);
    expect(failures, 'the tab answered every message (with nothing)').toBe(0);
    expect(await observableState(ctx.session, page)).toEqual(before);
    // The channel still works for a well-formed message.
    const shown = await inExtension(
      ctx.session,
      (id: number) =>
        chrome.tabs.sendMessage(id, { type: 'popup:show-mention', index: 0 }, { frameId: 0 }),
      tabId,
    );
    expect(shown).toBe(true);
    expect(await page.evaluate(() => CSS.highlights.has('context-lens-current'))).toBe(true);
  });

  it('lets the background ignore counts and junk from a sender that is not a content script', async () => {
    const page = await ctx.open(PAGE);
    await pollUntil(
      () => readTopics(page),
      (t) => Object.keys(t).length === 2,
    );
    const before = await observableState(ctx.session, page);
    expect(before.badge, 'the badge shows the page count').toBe('3');
    const sender = await openExtensionPage(ctx.session, 'options/options.html');
    ctx.watch(sender);
    await sender.evaluate(sendMalformed, null, 2000, 9);
    await sender.evaluate(async () => {
      for (const forged of [
        { type: 'cs:counts', counts: { epaa: 999 }, enabled: true },
        { type: 'cs:counts', counts: {}, enabled: false },
      ]) {
        await chrome.runtime.sendMessage(forged).catch(() => undefined);
      }
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await observableState(ctx.session, page)).toEqual(before);
  });

  it('ignores another extension that sends it the protocol', async () => {
    const page = await ctx.open(PAGE);
    await pollUntil(
      () => readTopics(page),
      (t) => Object.keys(t).length === 2,
    );
    const before = await observableState(ctx.session, page);
    expect(before.badge).toBe('3');
    const report = ctx.server.url('/hostile-extension/');
    await ctx.session.browser.installExtension(writeHostileExtension(ctx.session, report));
    const heard = await pollUntil(
      async () => ctx.server.requests.filter((p) => p.startsWith('/hostile-extension/')),
      (paths) => paths.length > 0,
      10_000,
    );
    ctx.allowRequests(...heard);
    expect(heard, 'it ran, and no message of its reached a listener').toEqual([
      '/hostile-extension/refused',
    ]);
    expect(await observableState(ctx.session, page)).toEqual(before);
  });
});
