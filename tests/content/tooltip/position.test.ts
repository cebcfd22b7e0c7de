// @vitest-environment jsdom
// Following a mention: when positioning fails (a document torn down under an open card, where
// Firefox's getComputedStyle gives null), the card stops following instead of leaving an
// unhandled rejection behind on every layout change.
import { describe, expect, it, vi } from 'vitest';

const floating = vi.hoisted(() => ({ stops: 0, updates: [] as (() => void)[] }));
vi.mock('@floating-ui/dom', () => ({
  autoUpdate: (_reference: unknown, _host: unknown, update: () => void) => {
    floating.updates.push(update);
    update();
    return () => {
      floating.stops++;
    };
  },
  computePosition: () => Promise.reject(new TypeError('getComputedStyle(...) is null')),
  flip: () => ({}),
  hide: () => ({}),
  inline: () => ({}),
  offset: () => ({}),
  shift: () => ({}),
  size: () => ({}),
}));
const { followRange } = await import('../../../src/content/tooltip/position.js');

describe('followRange', () => {
  it('stops following, quietly, when positioning fails', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      document.body.textContent = 'EPAA';
      const range = document.createRange();
      range.selectNodeContents(document.body);
      const host = document.createElement('div');
      followRange(range, host, document.createElement('section'), null);
      await new Promise((r) => setTimeout(r, 10));
      expect(floating.stops).toBe(1);
      expect(unhandled).not.toHaveBeenCalled();
      expect(host.style.getPropertyValue('left')).toBe('');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
