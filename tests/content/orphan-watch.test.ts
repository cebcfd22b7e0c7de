// @vitest-environment jsdom
// Noticing an orphaned content script: torn down within a check once the extension is gone,
// and no timer at all while the frame shows nothing or the page is hidden.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MentionStore } from '../../src/content/mentions.js';
import { ORPHAN_CHECK_MS, watchForOrphaning } from '../../src/content/orphan-watch.js';
import { mentionOver } from './mention-fixture.js';

let visibility: DocumentVisibilityState;
let store: MentionStore;
let paragraph: HTMLParagraphElement;
let alive: boolean;
let orphaned: number;
let lifetime: AbortController;

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  document.body.replaceChildren();
  paragraph = document.createElement('p');
  paragraph.textContent = 'EPAA';
  document.body.append(paragraph);
  store = new MentionStore();
  alive = true;
  orphaned = 0;
  lifetime = new AbortController();
  watchForOrphaning(
    store,
    () => alive,
    () => {
      orphaned++;
      lifetime.abort();
    },
    lifetime.signal,
  );
});

afterEach(() => {
  lifetime.abort();
  vi.useRealTimers();
});

describe('watchForOrphaning', () => {
  it('keeps no timer while the frame has no mention', () => {
    expect(vi.getTimerCount()).toBe(0);
    alive = false;
    vi.advanceTimersByTime(10 * ORPHAN_CHECK_MS);
    expect(orphaned).toBe(0);
  });

  it('tears down within one check once the extension is gone, then stops checking', () => {
    store.setBlock(paragraph, [mentionOver(paragraph)]);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(3 * ORPHAN_CHECK_MS);
    expect(orphaned).toBe(0);
    alive = false;
    vi.advanceTimersByTime(ORPHAN_CHECK_MS);
    expect(orphaned).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops its timer when the mentions are gone', () => {
    store.setBlock(paragraph, [mentionOver(paragraph)]);
    store.setBlock(paragraph, []);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sleeps while the page is hidden and checks at once when it is shown again', () => {
    store.setBlock(paragraph, [mentionOver(paragraph)]);
    setVisibility('hidden');
    expect(vi.getTimerCount()).toBe(0);
    alive = false;
    setVisibility('visible');
    expect(orphaned).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing after its signal is aborted', () => {
    store.setBlock(paragraph, [mentionOver(paragraph)]);
    lifetime.abort();
    expect(vi.getTimerCount()).toBe(0);
    alive = false;
    setVisibility('visible');
    expect(orphaned).toBe(0);
  });
});
