// Tells the background this frame's counts (for the badge) whenever its mentions change, a
// moment after the changes settle (at most once a second while they go on), and at once when
// the frame is switched on or off.
import { browser } from '../shared/browser-api.js';
import type { ContentToBackground } from '../shared/messages.js';
import type { MentionStore } from './mentions.js';
import { countsOf } from './summary.js';

const SETTLE_MS = 250;
/**
 * While a page keeps changing (stories arriving in bursts), a second between reports: each is a
 * message to the background, which cost more than reading the stories that changed the counts.
 */
const MIN_GAP_MS = 1000;

export class CountsReporter {
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The last message sent, to skip sending the same counts again. */
  #lastSent = '';
  /** When it was sent (performance.now()). */
  #lastSentAt = Number.NEGATIVE_INFINITY;

  readonly #store: MentionStore;
  readonly #isEnabled: () => boolean;
  /** Called when the extension was reloaded or removed under this page. */
  readonly #onOrphaned: () => void;

  constructor(
    store: MentionStore,
    isEnabled: () => boolean,
    onOrphaned: () => void,
    signal: AbortSignal,
  ) {
    this.#store = store;
    this.#isEnabled = isEnabled;
    this.#onOrphaned = onOrphaned;
    const unsubscribe = store.subscribe(() => this.schedule());
    signal.addEventListener(
      'abort',
      () => {
        unsubscribe();
        this.#cancel();
      },
      { once: true },
    );
  }

  schedule(): void {
    if (this.#timer !== null) return;
    const wait = Math.max(SETTLE_MS, this.#lastSentAt + MIN_GAP_MS - performance.now());
    this.#timer = setTimeout(() => this.#send(false), wait);
  }

  /** Sends the counts now, even if unchanged (the background asked, or the page came back). */
  sendNow(): void {
    this.#send(true);
  }

  #send(always: boolean): void {
    this.#cancel();
    const enabled = this.#isEnabled();
    const message: ContentToBackground = {
      type: 'cs:counts',
      counts: enabled ? countsOf(this.#store.all()) : {},
      enabled,
    };
    // A page that rewrites its text all the time rescans to the same counts: telling the
    // background again would wake it (and redraw the badge) for nothing.
    const key = JSON.stringify(message);
    if (!always && key === this.#lastSent) return;
    this.#lastSent = key;
    // Only reports of changes space out the next one: counts sent on request (the frame was
    // switched on, the page came back) must not hold back the first scan's.
    if (!always) this.#lastSentAt = performance.now();
    try {
      if (!browser.runtime?.id) throw new Error('extension context gone');
      browser.runtime.sendMessage(message).catch(() => this.#failed());
    } catch {
      this.#failed();
    }
  }

  /** A report that did not arrive: the next one goes whatever it says, and as soon as due. */
  #failed(): void {
    this.#lastSent = '';
    this.#lastSentAt = Number.NEGATIVE_INFINITY;
    this.#checkAlive();
  }

  #checkAlive(): void {
    if (!browser.runtime?.id) this.#onOrphaned();
  }

  #cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
