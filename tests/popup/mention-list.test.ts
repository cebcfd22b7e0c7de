// @vitest-environment jsdom
// The popup's mention list drawn from the first part of a summary and completed by the whole:
// the size is known from the start, the rows in view come first, and a row the keyboard reached
// before its mention arrived is focused when it is drawn.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListedMention } from '../../src/popup/summaries.js';
import { createFakeBrowser } from '../shared/fake-browser.js';

vi.mock('../../src/shared/browser-api.js', () => ({ browser: createFakeBrowser() }));
const { MentionList } = await import('../../src/popup/mention-list.js');

const mentions: ListedMention[] = Array.from({ length: 300 }, (_, index) => ({
  index,
  frameId: 0,
  topic: 'epaa',
  text: `EPAA ${index}`,
  before: 'Before',
  after: 'after.',
}));

const rowIndexes = (list: InstanceType<typeof MentionList>) =>
  [...list.element.querySelectorAll('.mention')].map((row) =>
    Number(row.getAttribute('data-index')),
  );

let list: InstanceType<typeof MentionList>;
beforeEach(() => {
  document.body.replaceChildren();
  list = new MentionList(
    mentions.slice(0, 12),
    (id) => id,
    () => undefined,
    mentions.length,
  );
  document.body.append(list.element);
});

describe('MentionList drawn in two parts', () => {
  it('draws the first screen with the whole size, then completes it', () => {
    expect(rowIndexes(list)).toEqual([...Array(12).keys()]);
    const row = list.element.querySelector('.mention');
    expect(row?.getAttribute('aria-setsize')).toBe('300');
    expect(list.element.querySelector<HTMLElement>('.mention-spacer')?.style.height).toBe(
      `${300 * 60}px`,
    );
    list.complete(mentions);
    expect(rowIndexes(list).length).toBeGreaterThanOrEqual(12);
    expect(list.element.querySelector('.mention')?.getAttribute('aria-setsize')).toBe('300');
  });

  it('focuses a row reached with End before its mention arrived, once it is drawn', () => {
    list.element.querySelector<HTMLButtonElement>('.mention .show')?.focus();
    list.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(rowIndexes(list)).not.toContain(299);
    list.complete(mentions);
    const focused = document.activeElement?.closest('.mention')?.getAttribute('data-index');
    expect(focused).toBe('299');
  });

  it('takes the size of the whole list when it differs from the first guess', () => {
    list.complete(mentions.slice(0, 8));
    expect(list.element.querySelector('.mention')?.getAttribute('aria-setsize')).toBe('8');
    expect(rowIndexes(list)).toEqual([...Array(8).keys()]);
  });
});
