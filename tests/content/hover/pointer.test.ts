// @vitest-environment jsdom
// Pointer tracking: however many moves arrive in one frame, the hover logic gets one sample for
// it (the first at once, else the newest in a frame callback); while nothing needs every frame,
// moves are only kept and the newest read a moment later; leaving the page (the root element's
// pointerleave) is told at once; scrolling samples again. (jsdom has no document timeline: the
// tests at first run without one.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PointerSample, trackPointer } from '../../../src/content/hover/pointer.js';

/** A window whose frames run when the test says, counting the callbacks asked for. */
function framedWindow() {
  const callbacks = new Map<number, FrameRequestCallback>();
  let next = 1;
  const win = Object.assign(new EventTarget(), {
    document,
    requestAnimationFrame(callback: FrameRequestCallback) {
      callbacks.set(next, callback);
      return next++;
    },
    cancelAnimationFrame(id: number) {
      callbacks.delete(id);
    },
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  });
  const runFrame = () => {
    const due = [...callbacks.values()];
    callbacks.clear();
    for (const callback of due) callback(time.now);
  };
  return { win: win as unknown as Window, runFrame, waiting: () => callbacks.size };
}

/** The page's clock: events' time stamps and frame callbacks' times. */
const time = { now: 0 };

function stamped(type: string): Event {
  const event = new Event(type);
  Object.defineProperty(event, 'timeStamp', { value: time.now });
  return event;
}

function pointer(type: string, x: number, y: number, extra: Record<string, unknown> = {}): Event {
  const event = stamped(type);
  Object.assign(event, { clientX: x, clientY: y, pointerType: 'mouse', relatedTarget: null });
  return Object.assign(event, extra);
}

/** A tracker on its own framed window, telling frames apart by `frameTime`. */
function tracked(frameTime: () => number | null, signal: AbortSignal) {
  const own = framedWindow();
  const got: (PointerSample | null)[] = [];
  trackPointer(own.win, (sample) => got.push(sample), signal, { frameTime });
  const move = (x: number) => own.win.dispatchEvent(pointer('pointermove', x, 1));
  /** The x of each sample handled so far. */
  const xs = () => got.map((g) => g?.point.x);
  return { ...own, got, move, xs };
}

describe('trackPointer', () => {
  let frames: ReturnType<typeof framedWindow>;
  let samples: (PointerSample | null)[];
  let controller: AbortController;

  beforeEach(() => {
    time.now = 0;
    document.body.replaceChildren();
    frames = framedWindow();
    samples = [];
    controller = new AbortController();
    trackPointer(frames.win, (s) => samples.push(s), controller.signal);
  });
  // The trackers share the document (its root element): one test's must not hear the next's.
  afterEach(() => controller.abort());

  it('hands on one sample per frame, the newest, however many moves came', () => {
    for (let x = 0; x < 50; x++) frames.win.dispatchEvent(pointer('pointermove', x, 7));
    expect(samples).toEqual([]);
    expect(frames.waiting()).toBe(1);
    frames.runFrame();
    expect(samples.map((s) => s?.point)).toEqual([{ x: 49, y: 7 }]);
    frames.runFrame();
    expect(samples).toHaveLength(1);
    frames.win.dispatchEvent(pointer('pointermove', 60, 8));
    frames.win.dispatchEvent(pointer('pointermove', 61, 8));
    frames.runFrame();
    expect(samples.map((s) => s?.point)).toEqual([
      { x: 49, y: 7 },
      { x: 61, y: 8 },
    ]);
  });

  it('ignores touch, which has no hover', () => {
    frames.win.dispatchEvent(pointer('pointermove', 5, 5, { pointerType: 'touch' }));
    frames.runFrame();
    expect(samples).toEqual([]);
  });

  it('says at once that the pointer left, dropping a move not yet handled', () => {
    frames.win.dispatchEvent(pointer('pointermove', 5, 5));
    document.documentElement.dispatchEvent(pointer('pointerleave', 5, 5));
    expect(samples).toEqual([null]);
    frames.runFrame();
    expect(samples).toEqual([null]);
  });

  it('hears nothing as the pointer crosses elements within the page', () => {
    document.body.dispatchEvent(pointer('pointerleave', 5, 5));
    frames.win.dispatchEvent(pointer('pointerout', 5, 5));
    expect(samples).toEqual([]);
  });

  it('hears the pointer leave a root element the page put in place of the first', async () => {
    const first = document.documentElement;
    const second = document.createElement('html');
    document.replaceChild(second, first);
    try {
      await Promise.resolve(); // the document's child list is reported in a microtask
      frames.win.dispatchEvent(pointer('pointermove', 5, 5));
      frames.runFrame();
      first.dispatchEvent(pointer('pointerleave', 5, 5));
      expect(samples.at(-1)).not.toBeNull();
      second.dispatchEvent(pointer('pointerleave', 5, 5));
      expect(samples.at(-1)).toBeNull();
    } finally {
      document.replaceChild(first, second);
    }
  });

  it('samples again where a still pointer is when the page scrolls', () => {
    // jsdom has no layout: what lies under the pointer after the scroll is the body.
    document.elementFromPoint = () => document.body;
    frames.win.dispatchEvent(pointer('pointermove', 5, 5));
    frames.runFrame();
    frames.win.dispatchEvent(stamped('scroll'));
    frames.win.dispatchEvent(stamped('scroll'));
    frames.runFrame();
    expect(samples.map((s) => s?.point)).toEqual([
      { x: 5, y: 5 },
      { x: 5, y: 5 },
    ]);
    expect(samples[1]?.target).toBe(document.body);
    // Nothing to sample before the pointer has been seen.
    samples.length = 0;
    document.documentElement.dispatchEvent(pointer('pointerleave', 5, 5));
    frames.win.dispatchEvent(stamped('scroll'));
    frames.runFrame();
    expect(samples).toEqual([null]);
  });

  it('stops, frame callback included, when its signal aborts', () => {
    frames.win.dispatchEvent(pointer('pointermove', 5, 5));
    controller.abort();
    expect(frames.waiting()).toBe(0);
    frames.win.dispatchEvent(pointer('pointermove', 6, 6));
    frames.runFrame();
    expect(samples).toEqual([]);
  });

  it('handles the first move of each frame at once, with no frame callback', () => {
    const clock = { now: 100 as number | null };
    const own = tracked(() => clock.now, controller.signal);
    own.move(1);
    expect(own.xs()).toEqual([1]);
    expect(own.waiting()).toBe(0);
    // More moves in the same frame wait for the next one, which takes the newest.
    own.move(2);
    own.move(3);
    expect(own.xs()).toEqual([1]);
    expect(own.waiting()).toBe(1);
    clock.now = 116;
    own.runFrame();
    expect(own.xs()).toEqual([1, 3]);
    // That frame has had its handling: a move still in it waits too.
    own.move(4);
    expect(own.got).toHaveLength(2);
    clock.now = 133;
    own.runFrame();
    expect(own.xs()).toEqual([1, 3, 4]);
    // A move in a new frame, with no callback waiting, is handled at once again.
    clock.now = 150;
    own.move(5);
    expect(own.xs()).toEqual([1, 3, 4, 5]);
    expect(own.waiting()).toBe(0);
  });

  it('waits for a frame when the document has no timeline time', () => {
    const own = tracked(() => null, controller.signal);
    own.move(1);
    expect(own.got).toEqual([]);
    own.runFrame();
    expect(own.xs()).toEqual([1]);
  });

  it('takes a frame length since the last handling for a new frame when frames stand still', () => {
    // Chromium makes no frames for a page that paints nothing: its timeline time stays put.
    time.now = 1000;
    const own = tracked(() => 500, controller.signal);
    own.move(1);
    time.now += 5;
    own.move(2);
    expect(own.xs()).toEqual([1]);
    expect(own.waiting()).toBe(1);
    own.runFrame();
    expect(own.xs()).toEqual([1, 2]);
    time.now += 20;
    own.move(3);
    expect(own.xs()).toEqual([1, 2, 3]);
    expect(own.waiting()).toBe(0);
  });

  describe('while nothing needs every frame', () => {
    let following: boolean;
    let own: ReturnType<typeof framedWindow>;
    let got: [PointerSample | null, number][];

    beforeEach(() => {
      vi.useFakeTimers();
      following = false;
      own = framedWindow();
      got = [];
      trackPointer(own.win, (sample, at) => got.push([sample, at]), controller.signal, {
        following: () => following,
        quietGap: () => 100,
        frameTime: () => time.now,
      });
    });
    afterEach(() => vi.useRealTimers());

    /** A move whose position getters count how often they are read. */
    const counted = (x: number, reads: { n: number }) => {
      const event = stamped('pointermove');
      Object.assign(event, { pointerType: 'mouse' });
      for (const [name, value] of [
        ['clientX', x],
        ['clientY', 2],
      ] as const) {
        Object.defineProperty(event, name, {
          get: () => {
            reads.n++;
            return value;
          },
        });
      }
      return event;
    };

    it('keeps each move unread and reads the newest once, the quiet gap after the first', () => {
      const reads = { n: 0 };
      for (let x = 0; x < 50; x++) {
        time.now = x;
        own.win.dispatchEvent(counted(x, reads));
      }
      expect(reads.n).toBe(0);
      expect(own.waiting()).toBe(0);
      vi.advanceTimersByTime(99);
      expect(got).toEqual([]);
      vi.advanceTimersByTime(1);
      // The newest move, at its own time: the hover delay counts from it.
      expect(got.map(([sample, at]) => [sample?.point, at])).toEqual([[{ x: 49, y: 2 }, 49]]);
      expect(reads.n).toBe(2);
      vi.advanceTimersByTime(1000);
      expect(got).toHaveLength(1);
    });

    it('ignores a touch move read late', () => {
      own.win.dispatchEvent(pointer('pointermove', 5, 5, { pointerType: 'touch' }));
      vi.advanceTimersByTime(100);
      expect(got).toEqual([]);
    });

    it('hands on every frame again once that is needed, dropping the unread move', () => {
      own.win.dispatchEvent(pointer('pointermove', 5, 5));
      following = true;
      time.now = 20;
      own.win.dispatchEvent(pointer('pointermove', 6, 6));
      expect(got.map(([sample]) => sample?.point.x)).toEqual([6]);
      vi.advanceTimersByTime(100);
      expect(got).toHaveLength(1);
    });

    it('asks again what lies under a still pointer when the page scrolls', () => {
      document.elementFromPoint = () => document.body;
      own.win.dispatchEvent(pointer('pointermove', 5, 5));
      vi.advanceTimersByTime(100);
      expect(got[0]?.[0]?.target).toBeNull();
      time.now = 300;
      own.win.dispatchEvent(stamped('scroll'));
      vi.advanceTimersByTime(100);
      expect(got.map(([sample, at]) => [sample?.point, sample?.target, at])).toEqual([
        [{ x: 5, y: 5 }, null, 0],
        [{ x: 5, y: 5 }, document.body, 300],
      ]);
    });

    it('drops an unread move when the pointer leaves, and all when its signal aborts', () => {
      own.win.dispatchEvent(pointer('pointermove', 5, 5));
      document.documentElement.dispatchEvent(pointer('pointerleave', 5, 5));
      vi.advanceTimersByTime(100);
      expect(got.map(([sample]) => sample)).toEqual([null]);
      own.win.dispatchEvent(pointer('pointermove', 6, 6));
      controller.abort();
      vi.advanceTimersByTime(100);
      expect(got).toHaveLength(1);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
