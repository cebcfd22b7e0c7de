// @vitest-environment jsdom
// Reporting counts for the badge: once a change settles, at most once a second while changes go
// on, never the same counts twice in a row unless asked, again after a failed send, and the
// orphaned case noticed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent: unknown[] = [];
const runtime: { id: string | undefined; sendMessage: (m: unknown) => Promise<unknown> } = {
  id: 'ours',
  sendMessage: (m) => {
    sent.push(m);
    return Promise.resolve();
  },
};
vi.mock('../../src/shared/browser-api.js', () => ({ browser: { runtime } }));

const { CountsReporter } = await import('../../src/content/counts-reporter.js');
const { mentionOver } = await import('./mention-fixture.js');
const { MentionStore } = await import('../../src/content/mentions.js');

let store: InstanceType<typeof MentionStore>;
let p: HTMLParagraphElement;
let orphaned: number;
let lifetime: AbortController;
let reporter: InstanceType<typeof CountsReporter>;

beforeEach(() => {
  vi.useFakeTimers();
  sent.length = 0;
  runtime.id = 'ours';
  document.body.replaceChildren();
  p = document.createElement('p');
  p.textContent = 'EPAA';
  document.body.append(p);
  store = new MentionStore();
  orphaned = 0;
  lifetime = new AbortController();
  reporter = new CountsReporter(
    store,
    () => true,
    () => orphaned++,
    lifetime.signal,
  );
});

afterEach(() => {
  lifetime.abort();
  vi.useRealTimers();
});

describe('CountsReporter', () => {
  it('sends the counts once changes settle', () => {
    store.setBlock(p, [mentionOver(p, 1, 'epaa')]);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(sent).toEqual([{ type: 'cs:counts', counts: { epaa: 1 }, enabled: true }]);
  });

  it('does not send the same counts again after a rescan that changed nothing', () => {
    store.setBlock(p, [mentionOver(p, 1, 'epaa')]);
    vi.advanceTimersByTime(300);
    store.setBlock(p, [mentionOver(p, 1, 'epaa')]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(1);
    store.setBlock(p, [mentionOver(p, 1, 'jta')]);
    vi.advanceTimersByTime(1000);
    expect(sent.at(-1)).toEqual({ type: 'cs:counts', counts: { jta: 1 }, enabled: true });
    expect(sent).toHaveLength(2);
  });

  it('reports at most once a second while the counts keep changing', () => {
    const counts = () => sent.map((m) => (m as { counts: { epaa?: number } }).counts.epaa);
    // A change every 100 ms for 2.5 s: a mention more each time.
    for (let n = 1; n <= 25; n++) {
      store.setBlock(
        p,
        Array.from({ length: n }, () => mentionOver(p, 1, 'epaa')),
      );
      vi.advanceTimersByTime(100);
    }
    // 250 ms after the first change, then a second after each report.
    expect(counts()).toEqual([3, 13, 23]);
    // The last counts follow once the changes stop.
    vi.advanceTimersByTime(1000);
    expect(counts()).toEqual([3, 13, 23, 25]);
  });

  it('does not hold back a report of changes after counts sent on request', () => {
    reporter.sendNow();
    store.setBlock(p, [mentionOver(p, 1, 'epaa')]);
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(2);
  });

  it('sends unchanged counts when asked', () => {
    store.setBlock(p, [mentionOver(p, 1, 'epaa')]);
    vi.advanceTimersByTime(300);
    reporter.sendNow();
    expect(sent).toHaveLength(2);
  });

  it('sends again after a failed send', async () => {
    const working = runtime.sendMessage;
    runtime.sendMessage = () => Promise.reject(new Error('no receiver yet'));
    store.setBlock(p, [mentionOver(p, 1, 'epaa')]);
    vi.advanceTimersByTime(300);
    await vi.runAllTimersAsync();
    runtime.sendMessage = working;
    store.setBlock(p, [mentionOver(p, 1, 'epaa')]);
    vi.advanceTimersByTime(300);
    expect(sent).toEqual([{ type: 'cs:counts', counts: { epaa: 1 }, enabled: true }]);
    expect(orphaned).toBe(0);
  });

  it('reports being orphaned instead of sending when the extension is gone', () => {
    runtime.id = undefined;
    store.setBlock(p, [mentionOver(p, 1, 'epaa')]);
    vi.advanceTimersByTime(300);
    expect(sent).toEqual([]);
    expect(orphaned).toBe(1);
  });
});
