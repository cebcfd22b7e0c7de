// Follows the mouse pointer: passive listeners note each position, and what lies under it, and
// hand it to the hover logic. While a card is open that is at most once per frame (the newest);
// otherwise the pointer can only be coming to rest somewhere, and a move only keeps its event:
// the newest is read a moment later (at most `quietGap` ms), so a pointer crossing the page costs
// next to nothing per move. Scrolling moves the page under a still pointer, so it samples again
// there too.
import type { Point } from '../../core/placement.js';

/** A frame's length at 60 Hz. */
const FRAME_MS = 16;

export interface PointerSample {
  point: Point;
  /** What the pointer is over (the page sees our host for anything inside our UI). */
  target: Node | null;
}

/**
 * The time of the frame the page is in: a document timeline's current time, the same for every
 * event of one frame (it stands still while the browser makes no frames). Before a page's first
 * frame callback Chromium may move it on between tasks; that costs one extra handling, no more.
 * Read through Document.prototype, so a page element named "timeline" cannot stand in for it.
 */
export function documentFrameTime(doc: Document): () => number | null {
  const getter = Object.getOwnPropertyDescriptor(Document.prototype, 'timeline')?.get;
  const timeline = getter?.call(doc) as AnimationTimeline | undefined;
  return () => {
    const time = timeline?.currentTime;
    return typeof time === 'number' ? time : null;
  };
}

/** The document's root element, read through Document.prototype (a named form cannot stand in). */
function rootOf(doc: Document): () => Element | null {
  const getter = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')?.get;
  return () => (getter ? (getter.call(doc) as Element | null) : null);
}

export interface TrackOptions {
  /** True while every frame's position matters (a card is open). Default: always. */
  following?: () => boolean;
  /** Otherwise, how long the newest move may wait to be read, in ms (it then costs nothing). */
  quietGap?: () => number;
  frameTime?: () => number | null;
}

export function trackPointer(
  win: Window,
  /** `at`: when, on the clock of performance.now() (the event's or the frame's time stamp). */
  onSample: (sample: PointerSample | null, at: number) => void,
  signal: AbortSignal,
  {
    following = () => true,
    quietGap = () => 0,
    frameTime = documentFrameTime(win.document),
  }: TrackOptions = {},
): void {
  const doc = win.document;
  /** The last sample handled; null when the pointer left the page. */
  let last: PointerSample | null = null;
  /** The newest sample not handled yet, while a frame callback waits for it. */
  let pending: PointerSample | null = null;
  let frame = 0;
  /** The frame time of the last handling (null: unknown, so every move waits for a frame). */
  let handledIn: number | null = null;
  /** When the last handling was (event and frame-callback time stamps). */
  let handledAt = Number.NEGATIVE_INFINITY;
  // Browsers do not always deliver one pointermove per frame (synthetic input, pen tablets and
  // high-rate mice can send several). The first move of a frame is handled at once; later ones
  // in the same frame only note the newest sample, which one frame callback handles. So the hit
  // test runs at most once per frame, and usual input (a move a frame) costs no callback.
  const handle = (sample: PointerSample, at: number, frameAt: number | null) => {
    handledIn = frameAt;
    handledAt = at;
    last = sample;
    onSample(sample, at);
  };
  const inFrame = (at: number) => {
    frame = 0;
    const sample = pending;
    pending = null;
    if (sample && !signal.aborted) handle(sample, at, frameTime());
  };
  /** `at`: the event's time stamp (the clock frame callbacks are given too). */
  const take = (sample: PointerSample, at: number) => {
    const now = frameTime();
    // A page that paints nothing has no new frames: its timeline time stands still, and a
    // frame's length since the last handling stands in for a new frame.
    if (frame === 0 && now !== null && (now !== handledIn || at - handledAt >= FRAME_MS)) {
      handle(sample, at, now);
      return;
    }
    pending = sample;
    if (frame === 0) frame = win.requestAnimationFrame(inFrame);
  };
  const options = { passive: true, signal, capture: true };
  const rootNow = rootOf(doc);
  // Quiet: the newest move not read yet (a move reads nothing of its event), and when the page
  // last scrolled since then (or since the last sample): what lies under the pointer is then to
  // be asked again.
  let unread: PointerEvent | null = null;
  let scrolledAt: number | null = null;
  let quiet = 0;
  const sampleOf = (event: PointerEvent): PointerSample | null =>
    // Touch has no hover; a tap is a click, which the page owns.
    event.pointerType === 'touch'
      ? null
      : {
          point: { x: event.clientX, y: event.clientY },
          target: event.target instanceof Node ? event.target : null,
        };
  const stillAt = (point: Point): PointerSample => ({
    point,
    target: doc.elementFromPoint(point.x, point.y),
  });
  const readQuiet = () => {
    quiet = 0;
    const event = unread;
    const scrolled = scrolledAt;
    unread = null;
    scrolledAt = null;
    const sample = event ? sampleOf(event) : last;
    if (!sample || signal.aborted) return;
    const at = Math.max(event?.timeStamp ?? 0, scrolled ?? 0);
    // No frame time: the next move that must be handled every frame is handled at once.
    handle(scrolled === null ? sample : stillAt(sample.point), at, null);
  };
  const waitQuietly = () => {
    if (quiet === 0) quiet = win.setTimeout(readQuiet, quietGap());
  };
  const dropQuiet = () => {
    if (quiet !== 0) win.clearTimeout(quiet);
    quiet = 0;
    unread = null;
    scrolledAt = null;
  };
  const left = (event: Event) => {
    if ((event as PointerEvent).pointerType === 'touch') return;
    last = null;
    pending = null;
    dropQuiet();
    onSample(null, event.timeStamp);
  };
  // The pointer leaving the page is told by the root element's pointerleave alone: a pointerout
  // listener would run for every element the pointer crosses. A page may replace its root
  // (document.open(), or by hand): the document's own child list says when.
  let root: Element | null = null;
  const watchRoot = () => {
    const now = rootNow();
    if (now === root) return;
    root?.removeEventListener('pointerleave', left);
    root = now;
    root?.addEventListener('pointerleave', left, { passive: true, signal });
  };
  watchRoot();
  const roots = new MutationObserver(watchRoot);
  roots.observe(doc, { childList: true });
  win.addEventListener(
    'pointermove',
    (event) => {
      if (!following()) {
        unread = event;
        waitQuietly();
        return;
      }
      dropQuiet();
      const sample = sampleOf(event);
      if (sample) take(sample, event.timeStamp);
    },
    options,
  );
  signal.addEventListener(
    'abort',
    () => {
      win.cancelAnimationFrame(frame);
      dropQuiet();
      roots.disconnect();
    },
    { once: true },
  );
  win.addEventListener(
    'scroll',
    (event) => {
      if (!following()) {
        if (!unread && !last) return;
        scrolledAt = event.timeStamp;
        waitQuietly();
        return;
      }
      const still = pending ?? last;
      // The page moved under a still pointer: ask what lies under it now.
      if (still) take(stillAt(still.point), event.timeStamp);
    },
    options,
  );
}
