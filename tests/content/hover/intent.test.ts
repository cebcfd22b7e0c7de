// Hover intent: opens only after a rest, a sweep opens nothing, the tooltip survives the way to
// it and a grace period, Esc dismisses until the pointer leaves.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../../src/content/hover/intent.js';

let log: string[];
let intent: HoverIntent<string>;
const at = (x: number, y = 10) => ({ x, y });

beforeEach(() => {
  vi.useFakeTimers();
  log = [];
  intent = new HoverIntent<string>({
    open: (target) => log.push(`open ${target}`),
    close: () => log.push('close'),
  });
});
afterEach(() => vi.useRealTimers());

describe('HoverIntent', () => {
  it('opens after the pointer rests on a target for the delay', () => {
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(299);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['open a']);
    expect(intent.open).toBe('a');
  });

  it('opens nothing for a sweep across targets', () => {
    for (let i = 0; i < 20; i++) {
      intent.pointerAt(i % 3 === 0 ? null : `t${i}`, at(i * 40));
      vi.advanceTimersByTime(50);
    }
    intent.pointerAt(null, at(900));
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });

  it('waits again while the pointer keeps moving over the same target, not for jitter', () => {
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(200);
    intent.pointerAt('a', at(3));
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['open a']);
    log = [];
    intent.forget();
    intent.pointerAt('b', at(0));
    vi.advanceTimersByTime(200);
    intent.pointerAt('b', at(30));
    vi.advanceTimersByTime(200);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['open b']);
  });

  it('counts the delay from the time of the move, when it is told a moment late', () => {
    intent.pointerAt('a', at(0), performance.now() - 80);
    vi.advanceTimersByTime(219);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['open a']);
  });

  it('opens at once when the move it is told of is older than the delay', () => {
    intent.pointerAt('a', at(0), performance.now() - 500);
    vi.advanceTimersByTime(0);
    expect(log).toEqual(['open a']);
  });

  it('honours a changed delay', () => {
    intent.delayMs = 1000;
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(999);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['open a']);
  });

  it('stays open while the pointer is on the tooltip, and closes a grace period after it leaves both', () => {
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(300);
    intent.pointerAt(null, at(0, 40));
    vi.advanceTimersByTime(200);
    intent.pointerOnTooltip();
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['open a']);
    intent.pointerAt(null, at(500, 500));
    vi.advanceTimersByTime(399);
    expect(log).toEqual(['open a']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['open a', 'close']);
    expect(intent.open).toBeNull();
  });

  it('keeps the grace going while the pointer heads for the tooltip, then lets it lapse', () => {
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(300);
    for (let i = 0; i < 10; i++) {
      intent.pointerHeadingToTooltip();
      vi.advanceTimersByTime(300);
    }
    expect(log).toEqual(['open a']);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['open a', 'close']);
  });

  it('returning to the target within the grace period keeps it open', () => {
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(300);
    intent.pointerAt(null, at(0, 40));
    vi.advanceTimersByTime(300);
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['open a']);
  });

  it('moves to another target after resting on it', () => {
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(300);
    intent.pointerAt('b', at(200));
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['open a', 'open b']);
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['open a', 'open b']);
  });

  it('dismisses with Esc and stays closed until the pointer leaves the target', () => {
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(300);
    intent.dismiss();
    expect(log).toEqual(['open a', 'close']);
    intent.pointerAt('a', at(20));
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['open a', 'close']);
    intent.pointerAt(null, at(0, 50));
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['open a', 'close', 'open a']);
  });

  it('cancels a pending open on Esc', () => {
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(100);
    intent.dismiss();
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });

  it('forgets without acting when someone else took over', () => {
    intent.pointerAt('a', at(0));
    vi.advanceTimersByTime(300);
    intent.forget();
    intent.pointerAt(null, at(0, 50));
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['open a']);
  });
});
