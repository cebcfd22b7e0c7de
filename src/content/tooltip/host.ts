// Our one element in the page: a host with a closed shadow root, created on first need, shown
// in the top layer as a manual popover and attached only while something is open. It follows the
// page into fullscreen, and stops coming back if the page keeps removing it.
import { setOwnHost } from '../blocks.js';
import { adoptStyles } from './styles.js';

/** How often the page may remove or hide our host before we give up showing anything. */
const MAX_REINSERTIONS = 5;

/** Set inline and !important, so page rules about elements or [popover] cannot move or hide it. */
const hostStyle: Record<string, string> = {
  position: 'fixed',
  inset: 'auto',
  left: '0px',
  top: '0px',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  width: 'max-content',
  height: 'max-content',
  'max-width': 'none',
  'max-height': 'none',
  overflow: 'visible',
  opacity: '1',
  visibility: 'visible',
  transform: 'none',
  filter: 'none',
  'pointer-events': 'auto',
  'font-size': 'medium',
  'color-scheme': 'light dark',
  'z-index': '2147483647',
};

/** Fullscreen elements whose children are never drawn; the host stays at the root for them. */
const replaced = new Set(['VIDEO', 'IFRAME', 'IMG', 'CANVAS', 'EMBED', 'OBJECT', 'AUDIO']);

export class PanelHost {
  #host: HTMLElement | null = null;
  #root: ShadowRoot | null = null;
  #liveRegion: HTMLElement | null = null;
  #watcher: MutationObserver | null = null;
  #shown = false;
  #reinsertions = 0;
  /** When the open host was last moved; moving it drops the focus inside for a moment. */
  placedAt = Number.NEGATIVE_INFINITY;
  #announceTimer = 0;
  /** Set while we hide the popover ourselves. */
  #ownHide = false;
  /** What had focus in the host when something else hid it. */
  #refocus: Element | null = null;

  readonly #doc: Document;
  readonly #onLost: () => void;

  constructor(doc: Document, onLost: () => void, signal: AbortSignal) {
    this.#doc = doc;
    this.#onLost = onLost;
    doc.addEventListener('fullscreenchange', () => this.#shown && this.#place(true), { signal });
    signal.addEventListener('abort', () => this.#dispose(), { once: true });
  }

  /** The host, as the page sees it (null until first needed). */
  get element(): HTMLElement | null {
    return this.#host;
  }

  get usable(): boolean {
    return this.#reinsertions <= MAX_REINSERTIONS;
  }

  owns(node: Node): boolean {
    if (!this.#host) return false;
    return node === this.#host || node.getRootNode() === this.#root || this.#host.contains(node);
  }

  /** Puts `content` in the shadow root (replacing what was there) and shows the host. */
  show(content: HTMLElement): boolean {
    if (!this.usable) return false;
    const root = this.#ensureRoot();
    for (const child of [...root.children]) if (child !== this.#liveRegion) child.remove();
    root.append(content);
    this.#shown = true;
    this.#place();
    return this.#shown;
  }

  hide(): void {
    this.#shown = false;
    this.#watcher?.disconnect();
    clearTimeout(this.#announceTimer);
    if (this.#liveRegion) this.#liveRegion.textContent = '';
    this.#refocus = null;
    if (this.#host?.matches(':popover-open')) this.#hidePopover(this.#host);
    this.#host?.remove();
  }

  #hidePopover(host: HTMLElement): void {
    this.#ownHide = true;
    try {
      host.hidePopover();
    } finally {
      this.#ownHide = false;
    }
  }

  /** True while the page is fullscreen and the open host has not followed it in yet. */
  awaitingFullscreen(): boolean {
    const host = this.#host;
    return Boolean(
      host && this.#shown && host.isConnected && host.parentNode !== this.#parentFor(),
    );
  }

  /** Gives focus back to `element` (ours) once the host has been moved. */
  refocusAfterMove(element: EventTarget | null): void {
    if (element instanceof Element && this.owns(element)) this.#refocus = element;
  }

  /** Says `text` through a polite live region inside our root, once it is in the page. */
  announce(text: string): void {
    const region = this.#liveRegion;
    if (!region) return;
    region.textContent = '';
    clearTimeout(this.#announceTimer);
    // A region that just entered the page is not yet watched by screen readers: wait a moment.
    this.#announceTimer = window.setTimeout(() => {
      region.textContent = text;
    }, 150);
  }

  #ensureRoot(): ShadowRoot {
    if (this.#host && this.#root) return this.#root;
    const host = this.#doc.createElement('context-lens-ui');
    for (const [name, value] of Object.entries(hostStyle)) {
      host.style.setProperty(name, value, 'important');
    }
    host.setAttribute('popover', 'manual');
    // The browser hides every popover when an element goes fullscreen, and the page may hide one
    // too (hidePopover(), or by removing the attribute). Before it goes, note where focus was,
    // so it comes back when the host is shown again, and that the focus loss is not the reader's.
    host.addEventListener('beforetoggle', (event) => {
      if ((event as ToggleEvent).newState !== 'closed' || !this.#shown || this.#ownHide) return;
      this.placedAt = performance.now();
      this.#refocus = this.#root?.activeElement ?? null;
    });
    host.addEventListener('toggle', () => this.#check());
    const root = host.attachShadow({ mode: 'closed' });
    adoptStyles(root);
    const live = this.#doc.createElement('div');
    live.className = 'live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(live);
    this.#host = host;
    this.#root = root;
    this.#liveRegion = live;
    setOwnHost(host);
    return root;
  }

  /**
   * Attaches the host where it can be seen (the fullscreen element, or the root) and shows it.
   * `lift` shows it again so it rises above a fullscreen element that entered the top layer later.
   */
  #place(lift = false): void {
    const host = this.#host;
    if (!host || !this.#shown) return;
    const parent = this.#parentFor();
    // Moving an element drops the focus inside it; a dialog that had focus keeps it.
    const focused = this.#root?.activeElement ?? this.#refocus;
    this.#refocus = null;
    if (host.parentNode !== parent) {
      if (host.parentNode) this.placedAt = performance.now();
      parent.append(host);
    }
    try {
      if (lift && host.matches(':popover-open')) this.#hidePopover(host);
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // A page can make showing impossible (e.g. by turning our host into something else).
      this.#reinsertions = MAX_REINSERTIONS + 1;
      this.hide();
      return;
    }
    if (focused instanceof HTMLElement && !host.contains(this.#doc.activeElement)) {
      focused.focus({ preventScroll: true });
    }
    this.#watch(parent);
  }

  #parentFor(): Element {
    const full = this.#doc.fullscreenElement;
    if (full && !replaced.has(full.tagName.toUpperCase())) return full;
    return this.#doc.documentElement;
  }

  #watch(parent: Element): void {
    this.#watcher?.disconnect();
    this.#watcher ??= new MutationObserver(() => this.#check());
    this.#watcher.observe(parent, { childList: true });
  }

  /**
   * The page removed, moved or hid our host while it was open: put it back, a bounded number
   * of times, then give up for the page's lifetime.
   */
  #check(): void {
    const host = this.#host;
    if (!host || !this.#shown) return;
    const parent = this.#parentFor();
    if (host.parentNode === parent && host.matches(':popover-open')) return;
    // Still attached, but fullscreen began or ended: the browser's doing, not the page's.
    const fullscreenMove = host.parentNode !== null && host.parentNode !== parent;
    if (!fullscreenMove) this.#reinsertions++;
    if (this.usable) {
      this.#place();
      return;
    }
    this.hide();
    this.#onLost();
  }

  #dispose(): void {
    this.hide();
    this.#watcher = null;
    if (this.#host) setOwnHost(null);
    this.#host = null;
    this.#root = null;
    this.#liveRegion = null;
  }
}
