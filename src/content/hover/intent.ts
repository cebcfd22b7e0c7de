// Hover intent: a target opens only after the pointer rests on it for a moment, so a pointer
// sweeping across the page opens nothing; once open it stays while the pointer is on it, on the
// tooltip or on its way there, and closes a grace period after the pointer left (WCAG 1.4.13).
import type { Point } from '../../core/placement.js';

export interface IntentActions<T> {
  open(target: T, point: Point): void;
  close(): void;
}

export interface Timers {
  set(run: () => void, ms: number): number;
  clear(handle: number): void;
  now(): number;
}

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms) as unknown as number,
  clear: (handle) => clearTimeout(handle),
  now: () => performance.now(),
};

/** Movement smaller than this (in CSS pixels) still counts as resting. */
const REST_SLOP = 6;

export class HoverIntent<T> {
  /** How long the pointer rests on a target before it opens. */
  delayMs = 300;
  /** How long an open target survives the pointer leaving it and the tooltip. */
  graceMs = 400;
  #shown: T | null = null;
  /** What opens at `due` unless the pointer moves on. */
  #pending: { target: T; point: Point; due: number } | null = null;
  /**
   * The one timer for `pending`. A pointer crossing many targets changes `pending` on every
   * move; the timer is not cleared and set again each time but, when it fires early, set again
   * for what is left.
   */
  #pendingTimer: number | null = null;
  #grace: number | null = null;
  /** Closed with Esc: stays closed until the pointer leaves it. */
  #dismissed: T | null = null;

  readonly #actions: IntentActions<T>;
  readonly #timers: Timers;

  constructor(actions: IntentActions<T>, timers: Timers = browserTimers) {
    this.#actions = actions;
    this.#timers = timers;
  }

  get open(): T | null {
    return this.#shown;
  }

  /**
   * The pointer is over `target` (null: over nothing that opens), since time `now` (the pointer
   * event's own time stamp, on the clock of performance.now()).
   */
  pointerAt(target: T | null, point: Point, now = this.#timers.now()): void {
    if (target !== this.#dismissed) this.#dismissed = null;
    if (target !== null && target === this.#shown) {
      this.#cancelGrace();
      this.#cancelPending();
      return;
    }
    if (this.#shown !== null) this.#startGrace(false);
    if (target === null || target === this.#dismissed) {
      this.#cancelPending();
      return;
    }
    const pending = this.#pending;
    if (pending?.target === target && distance(pending.point, point) <= REST_SLOP) return;
    const due = now + this.delayMs;
    this.#pending = { target, point, due };
    if (this.#pendingTimer !== null) return;
    // `now` may lie in the past (a move read a moment after it came): wait only what is left.
    this.#armPending(Math.min(this.delayMs, Math.max(0, due - this.#timers.now())));
  }

  #armPending(ms: number): void {
    this.#pendingTimer = this.#timers.set(() => {
      this.#pendingTimer = null;
      const pending = this.#pending;
      if (!pending) return;
      const left = pending.due - this.#timers.now();
      if (left > 0) {
        this.#armPending(left);
        return;
      }
      this.#pending = null;
      this.#cancelGrace();
      this.#shown = pending.target;
      this.#actions.open(pending.target, pending.point);
    }, ms);
  }

  /** The pointer is on the open tooltip: it stays. */
  pointerOnTooltip(): void {
    this.#cancelPending();
    this.#cancelGrace();
  }

  /** The pointer is moving from the target towards the tooltip: the grace period starts over. */
  pointerHeadingToTooltip(): void {
    this.#cancelPending();
    if (this.#shown !== null) this.#startGrace(true);
  }

  /** Esc: closes now; the same target does not reopen until the pointer has left it. */
  dismiss(): void {
    this.#dismissed = this.#shown ?? this.#pending?.target ?? null;
    this.#cancelPending();
    this.#cancelGrace();
    if (this.#shown !== null) {
      this.#shown = null;
      this.#actions.close();
    }
  }

  /** What is open was rescanned into `target`: follow it without closing. */
  replaceOpen(target: T): void {
    if (this.#shown !== null) this.#shown = target;
  }

  /** Someone else closed or replaced what was open: forget it without acting. */
  forget(): void {
    this.#cancelPending();
    this.#cancelGrace();
    this.#shown = null;
  }

  #startGrace(restart: boolean): void {
    if (this.#grace !== null) {
      if (!restart) return;
      this.#timers.clear(this.#grace);
    }
    this.#grace = this.#timers.set(() => {
      this.#grace = null;
      this.#shown = null;
      this.#actions.close();
    }, this.graceMs);
  }

  #cancelGrace(): void {
    if (this.#grace !== null) this.#timers.clear(this.#grace);
    this.#grace = null;
  }

  /** Nothing is to open; a running timer finds nothing when it fires (and is not re-armed). */
  #cancelPending(): void {
    this.#pending = null;
  }
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
