// Settings in storage are read, never trusted: malformed or foreign values (written by anything
// that can write the extension's storage, or left by an older version) fall back to their
// defaults field by field, at page load and live, and nothing throws.
import { expect, it } from 'vitest';
import type { Session } from '../support/browsers.js';
import { inExtension, openExtensionPage } from '../support/extension.js';
import { forEachBrowser } from '../support/suite.js';
import { highlightNames, pollUntil, readTopics } from './helpers.js';

const PAGE = '/e2e/reliability/shadow-roots.html';
const allTopics = ['epaa', 'jta', 'nato-md'];

/** Values of every wrong kind for every setting (huge, nested, wrong type, out of range). */
const malformed = {
  disabledTopics: 'epaa',
  siteRules: [1, null, {}, 'x'.repeat(100_000), '*', '127.0.0.1/**/$', ['127.0.0.1']],
  highlightStyle: 'blink',
  hoverDelayMs: -5,
  unknownKey: { deeply: { nested: [1, 2, { three: 3 }] } },
};
/** More malformed values, with one valid change, so the live re-read is seen to happen. */
const alsoMalformed = {
  disabledTopics: { 0: 'epaa', length: 1 },
  siteRules: '127.0.0.1',
  highlightStyle: 'background',
  hoverDelayMs: '300',
};

/** Writes `items` to storage.local, and to storage.sync as far as its quota takes them. */
const write = (session: Session, items: Record<string, unknown>) =>
  inExtension(
    session,
    async (values: Record<string, unknown>) => {
      await chrome.storage.local.set(values);
      for (const [key, value] of Object.entries(values)) {
        await chrome.storage.sync.set({ [key]: value }).catch(() => undefined);
      }
    },
    items,
  );

const topicsOn = (names: string[]) =>
  names
    .filter((n) => !n.startsWith('context-lens-current'))
    .map((n) => n.replace(/^context-lens-/, ''));

forEachBrowser('malformed settings', (ctx) => {
  it('falls back to the defaults at page load, and live when they change again', async () => {
    await write(ctx.session, malformed);
    const page = await ctx.open(PAGE);
    await pollUntil(
      () => readTopics(page),
      (t) => Object.keys(t).length === 3,
    );
    // Default style (underline names, not `fill`), every topic on, the site not switched off.
    expect(topicsOn(await highlightNames(page))).toEqual(allTopics);
    await write(ctx.session, alsoMalformed);
    const live = await pollUntil(
      () => highlightNames(page),
      (names) => names.some((n) => n.includes('fill')),
    );
    expect(live, 'the valid change applies; the rest are defaults').toEqual(
      allTopics.map((t) => `context-lens-fill-${t}`),
    );
    // The options page shows the defaults and logs nothing (the suite watches it).
    const options = await openExtensionPage(ctx.session, 'options/options.html');
    ctx.watch(options);
    await new Promise((r) => setTimeout(r, 500));
    await inExtension(ctx.session, async () => {
      await chrome.storage.sync.clear();
      await chrome.storage.local.clear();
    });
  });

  it('keeps the valid part of a partly valid value', async () => {
    await write(ctx.session, { disabledTopics: ['jta', 42, null, 'JTA', 'x'.repeat(500)] });
    const page = await ctx.open(PAGE);
    const topics = await pollUntil(
      () => readTopics(page),
      (t) => Object.keys(t).length === 2,
    );
    expect(Object.keys(topics).sort(), 'the JTA is off, the others on').toEqual([
      'epaa',
      'nato-md',
    ]);
    await inExtension(ctx.session, async () => {
      await chrome.storage.sync.clear();
      await chrome.storage.local.clear();
    });
    const restored = await pollUntil(
      () => readTopics(page),
      (t) => Object.keys(t).length === 3,
    );
    expect(Object.keys(restored).sort()).toEqual(allTopics);
  });
});
