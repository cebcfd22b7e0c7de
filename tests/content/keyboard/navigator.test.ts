// @vitest-environment jsdom
// Moving through mentions: document order, wrapping both ways, starting from nothing, carrying
// on after the current mention is rescanned or removed, and marking the current one.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotator } from '../../../src/content/annotator.js';
import { MentionNavigator } from '../../../src/content/keyboard/navigator.js';
import { type Mention, MentionStore } from '../../../src/content/mentions.js';
import { mentionOver } from '../mention-fixture.js';

let store: MentionStore;
let marked: (Mention | null)[];
let presented: [string, number, number][];
let navigator: MentionNavigator;
let paragraphs: HTMLParagraphElement[];

beforeEach(() => {
  document.body.replaceChildren();
  paragraphs = ['first', 'second', 'third'].map((word) => {
    const p = document.createElement('p');
    p.textContent = word;
    document.body.append(p);
    return p;
  });
  // jsdom lays nothing out and cannot scroll; scrolling is checked in real browsers.
  Element.prototype.scrollIntoView = vi.fn();
  Range.prototype.getBoundingClientRect = () => new DOMRect(0, 100, 50, 20);
  window.scrollBy = vi.fn() as typeof window.scrollBy;
  store = new MentionStore();
  // Added out of order: the navigator follows document order, not the order of discovery.
  for (const i of [2, 0, 1]) {
    const p = paragraphs[i] as HTMLParagraphElement;
    store.setBlock(p, [mentionOver(p, i + 1)]);
  }
  marked = [];
  presented = [];
  const annotator = {
    store,
    currentHighlights: { setCurrent: (m: Mention | null) => marked.push(m) },
  } as unknown as Annotator;
  navigator = new MentionNavigator(annotator, (mention, index, total) => {
    presented.push([mention.text, index, total]);
    return true;
  });
});

describe('MentionNavigator', () => {
  it('starts at the first mention going forward and wraps after the last', () => {
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      expect(navigator.step(1)).toBe(true);
      seen.push(navigator.currentMention?.text ?? '');
    }
    expect(seen).toEqual(['first', 'second', 'third', 'first']);
    expect(presented.map(([, index, total]) => `${index + 1}/${total}`)).toEqual([
      '1/3',
      '2/3',
      '3/3',
      '1/3',
    ]);
    expect(marked.map((m) => m?.text)).toEqual(['first', 'second', 'third', 'first']);
  });

  it('starts at the last going backward and wraps before the first', () => {
    navigator.step(-1);
    expect(navigator.currentMention?.text).toBe('third');
    navigator.step(-1);
    navigator.step(-1);
    navigator.step(-1);
    expect(navigator.currentMention?.text).toBe('third');
  });

  it('shows a mention by index and carries on from there', () => {
    expect(navigator.show(1)).toBe(true);
    expect(navigator.currentMention?.text).toBe('second');
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
    navigator.step(1);
    expect(navigator.currentMention?.text).toBe('third');
  });

  it('refuses an index that does not exist, and has nothing to step through when empty', () => {
    expect(navigator.show(3)).toBe(false);
    expect(navigator.show(-1)).toBe(false);
    store.clear();
    expect(navigator.step(1)).toBe(false);
    expect(presented).toEqual([]);
  });

  it('carries on from where a removed mention stood', () => {
    navigator.show(1);
    store.setBlock(paragraphs[1] as HTMLParagraphElement, []);
    navigator.replaceCurrent(null);
    expect(marked.at(-1)).toBeNull();
    navigator.step(1);
    // Two remain; the one after the removed mention's place is the last.
    expect(navigator.currentMention?.text).toBe('third');
  });

  it('follows a rescanned mention', () => {
    navigator.show(0);
    const p = paragraphs[0] as HTMLParagraphElement;
    const again = mentionOver(p, 99);
    store.setBlock(p, [again]);
    navigator.replaceCurrent(again);
    navigator.step(1);
    expect(navigator.currentMention?.text).toBe('second');
  });

  it('clears the mark', () => {
    navigator.show(0);
    navigator.clear();
    expect(marked.at(-1)).toBeNull();
    navigator.step(1);
    expect(navigator.currentMention?.text).toBe('first');
  });
});
