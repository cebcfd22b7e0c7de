// Messaging: every message is validated and every sender checked. Fuzzed: 10,000 spoofed
// messages (foreign senders, web pages, malformed or near-miss payloads) reach the content
// script's and the background's handlers, and change nothing and throw nothing; the genuine
// messages still work.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser, type FakeBrowser, settle } from './fake-browser.js';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as never }));
vi.mock('../../src/shared/browser-api.js', () => ({
  get browser() {
    return fake.browser;
  },
}));
fake.browser = createFakeBrowser();

const {
  BackgroundToContentSchema,
  ContentToBackgroundSchema,
  PageSummarySchema,
  PopupToContentSchema,
  ToContentSchema,
  parseMessage,
} = await import('../../src/shared/messages.js');
const { connectMessaging } = await import('../../src/content/messaging.js');

const OWN = 'our-extension-id';
const ORIGIN = `chrome-extension://${OWN}/`;
const types = [
  'popup:get-summary',
  'popup:show-mention',
  'bg:command',
  'bg:report-counts',
  'cs:counts',
];

/** Genuine messages to a content script, written out by hand rather than by the schemas. */
function isGenuineToContent(m: unknown): boolean {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
  const r = m as Record<string, unknown>;
  const keys = Object.keys(r).sort().join(',');
  switch (r.type) {
    case 'popup:get-summary':
    case 'bg:report-counts':
      return keys === 'type';
    case 'popup:show-mention':
      return (
        keys === 'index,type' &&
        Number.isInteger(r.index) &&
        (r.index as number) >= 0 &&
        (r.index as number) <= 1e7
      );
    case 'bg:command':
      return (
        keys === 'command,type' &&
        (r.command === 'next-mention' || r.command === 'previous-mention')
      );
    default:
      return false;
  }
}

const nearMiss = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...types), fc.string()),
    index: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(-1), fc.constant(2 ** 40)),
    command: fc.oneof(
      fc.constantFrom('next-mention', 'previous-mention', '_execute_action'),
      fc.string(),
    ),
    counts: fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything()),
    enabled: fc.anything(),
    __proto__: fc.anything(),
  },
  { requiredKeys: ['type'] },
);
const anyMessage = fc.oneof(fc.anything(), nearMiss, fc.jsonValue());

const foreignSender = fc.oneof(
  fc.record({ id: fc.oneof(fc.string(), fc.constant(undefined)), url: fc.webUrl() }),
  fc.record({ id: fc.constant(OWN), url: fc.webUrl() }), // a web page cannot be us
  fc.record({
    id: fc.constant('another-extension'),
    url: fc.constant(`${ORIGIN}popup/popup.html`),
  }),
  fc.anything().map((x) => (typeof x === 'object' && x !== null ? x : { id: x })),
);
const ownSender = fc.constantFrom(
  { id: OWN, url: `${ORIGIN}popup/popup.html` },
  { id: OWN, url: `${ORIGIN}background.js` },
  { id: OWN },
);

describe('schemas', () => {
  it('accept exactly the genuine messages, and never throw (fuzzed)', () => {
    fc.assert(
      fc.property(anyMessage, (message) => {
        const parsed = parseMessage(ToContentSchema, message);
        expect(parsed !== undefined).toBe(isGenuineToContent(message));
        parseMessage(PopupToContentSchema, message);
        parseMessage(BackgroundToContentSchema, message);
        parseMessage(ContentToBackgroundSchema, message);
        parseMessage(PageSummarySchema, message);
      }),
      { numRuns: 10_000 },
    );
  });

  it('bound what a content script may claim', () => {
    const huge = { type: 'cs:counts', counts: { epaa: 1e9 }, enabled: true };
    expect(parseMessage(ContentToBackgroundSchema, huge)).toBeUndefined();
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`t${i}`, 1]));
    expect(parseMessage(ContentToBackgroundSchema, { ...huge, counts: many })).toBeUndefined();
    expect(
      parseMessage(PageSummarySchema, {
        url: 'https://x.test/',
        host: 'x.test',
        enabled: true,
        counts: {},
        total: 1,
        mentions: [{ index: 0, topic: 'epaa', text: 'x'.repeat(301), before: '', after: '' }],
      }),
    ).toBeUndefined();
  });
});

describe('content script handler', () => {
  let calls: string[];
  let listener: (message: unknown, sender: unknown) => unknown;

  beforeEach(() => {
    fake.browser = createFakeBrowser();
    calls = [];
    const note = (what: string) => () => {
      calls.push(what);
      return true;
    };
    const annotator = { scanned: Promise.resolve(), store: { all: () => [] } };
    const presenter = {
      showMention: note('showMention'),
      step: note('step'),
      owns: () => false,
      setHoverDelay: note('setHoverDelay'),
      dispose: note('dispose'),
    };
    const site = { siteEnabled: true, reapply: note('reapply') };
    const reporter = { sendNow: note('sendNow'), schedule: note('schedule') };
    connectMessaging(
      annotator as never,
      presenter,
      site,
      reporter as never,
      new AbortController().signal,
    );
    const [registered] = fake.browser.runtime.onMessage.listeners;
    if (!registered) throw new Error('no listener');
    listener = registered as typeof listener;
  });

  it('acts on genuine messages from this extension', async () => {
    vi.stubGlobal('location', { href: 'https://news.test/a', hostname: 'news.test' });
    const sender = { id: OWN, url: `${ORIGIN}popup/popup.html` };
    expect(await listener({ type: 'popup:show-mention', index: 3 }, sender)).toBe(true);
    expect(await listener({ type: 'bg:command', command: 'previous-mention' }, { id: OWN })).toBe(
      true,
    );
    expect(await listener({ type: 'popup:get-summary' }, sender)).toEqual({
      url: 'https://news.test/a',
      host: 'news.test',
      enabled: true,
      counts: {},
      total: 0,
      mentions: [],
    });
    await listener({ type: 'bg:report-counts' }, { id: OWN });
    expect(calls).toEqual(['showMention', 'step', 'reapply', 'sendNow']);
  });

  it('drops 10,000 spoofed messages without a state change or an error (fuzzed)', async () => {
    const spoofed = fc.oneof(
      fc.tuple(anyMessage, foreignSender),
      fc.tuple(
        anyMessage.filter((m) => !isGenuineToContent(m)),
        ownSender,
      ),
    );
    await fc.assert(
      fc.asyncProperty(spoofed, async ([message, sender]) => {
        const reply = listener(message, sender);
        expect(reply).toBeUndefined();
        expect(calls).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('background handler', () => {
  it('records genuine counts and drops 10,000 spoofed messages (fuzzed)', async () => {
    fake.browser = createFakeBrowser();
    vi.resetModules();
    await import('../../src/background/index.js');
    const [listener] = fake.browser.runtime.onMessage.listeners;
    if (!listener) throw new Error('no listener');
    const session = fake.browser.storage.session;

    const tabSender = { id: OWN, url: 'https://news.test/a', tab: { id: 7 }, frameId: 0 };
    const spoofedSender = fc.oneof(
      fc.record({
        id: fc.string(),
        url: fc.webUrl(),
        tab: fc.record({ id: fc.nat() }),
        frameId: fc.nat(),
      }),
      fc.record({
        id: fc.constant(OWN),
        url: fc.constant(`${ORIGIN}popup/popup.html`),
        tab: fc.record({ id: fc.nat() }),
        frameId: fc.nat(),
      }),
      fc.record({ id: fc.constant(OWN), url: fc.webUrl() }), // not from a tab
      fc.anything().map((x) => (typeof x === 'object' && x !== null ? x : { id: x })),
    );
    const badCounts = anyMessage.filter(
      (m) => parseMessage(ContentToBackgroundSchema, m) === undefined,
    );
    const spoofed = fc.oneof(
      fc.tuple(anyMessage, spoofedSender),
      fc.tuple(badCounts, fc.constant(tabSender)),
    );
    await fc.assert(
      fc.asyncProperty(spoofed, async ([message, sender]) => {
        expect((listener as (m: unknown, s: unknown) => unknown)(message, sender)).toBeUndefined();
      }),
      { numRuns: 10_000 },
    );
    await settle();
    expect(session.writes).toBe(0);
    expect(fake.browser.calls).toEqual([]);

    await (listener as (m: unknown, s: unknown) => Promise<void>)(
      { type: 'cs:counts', counts: { epaa: 2, jta: 1 }, enabled: true },
      tabSender,
    );
    expect(session.data.get('tab:7')).toEqual({
      '0': { counts: { epaa: 2, jta: 1 }, enabled: true },
    });
    expect(fake.browser.calls).toContainEqual({
      api: 'action.setBadgeText',
      args: [{ tabId: 7, text: '3' }],
    });
  });
});
