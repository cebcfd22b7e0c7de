// The context of one mention, open as a hover tooltip or as a keyboard dialog: builds the card,
// shows it next to the mention, moves focus in (dialog only) and back out, and closes it.
import type { Point, Rect } from '../../core/placement.js';
import type { TopicContext } from '../../core/statements.js';
import type { Mention } from '../mentions.js';
import { buildContextCard } from './content.js';
import { PanelHost } from './host.js';
import type { Messages } from './messages.js';
import { followRange } from './position.js';

export type PanelMode = 'hover' | 'dialog';

export class ContextPanel {
  readonly #host: PanelHost;
  #current: { mention: Mention; mode: PanelMode; card: HTMLElement } | null = null;
  #stopFollowing: (() => void) | null = null;
  /** Where focus was before our dialog took it; it goes back there on close. */
  #returnFocus: HTMLElement | null = null;

  readonly #doc: Document;
  readonly #contextOf: (topic: string) => TopicContext | null;
  readonly #t: Messages;
  readonly #onClose: () => void;

  constructor(
    doc: Document,
    contextOf: (topic: string) => TopicContext | null,
    t: Messages,
    onClose: () => void,
    signal: AbortSignal,
  ) {
    this.#doc = doc;
    this.#contextOf = contextOf;
    this.#t = t;
    this.#onClose = onClose;
    this.#host = new PanelHost(doc, () => this.close(false), signal);
    signal.addEventListener('abort', () => this.close(false), { once: true });
  }

  get mention(): Mention | null {
    return this.#current?.mention ?? null;
  }

  get mode(): PanelMode | null {
    return this.#current?.mode ?? null;
  }

  owns(node: Node): boolean {
    return this.#host.owns(node);
  }

  /**
   * `owns` for the target of an event heard on the window: an event from inside our shadow
   * tree reaches it retargeted to the host, so the host is all there is to compare (no DOM
   * call, on every pointer move).
   */
  isEventFromUs(target: Node): boolean {
    return target === this.#host.element;
  }

  /** True while focus is inside our card (the page sees it on the host). */
  get hasFocus(): boolean {
    const host = this.#host.element;
    return host !== null && this.#doc.activeElement === host;
  }

  /** The card's place on screen, while open. */
  rect(): Rect | null {
    return this.#current ? (this.#host.element?.getBoundingClientRect() ?? null) : null;
  }

  open(mention: Mention, mode: PanelMode, pointer: Point | null = null): boolean {
    const same = this.#current?.mention === mention && this.#current.mode === mode;
    if (same && this.#current) {
      if (mode === 'dialog') focusInside(this.#current.card);
      return true;
    }
    const context = this.#contextOf(mention.topic);
    if (!context) return false;
    if (mode === 'dialog' && !this.hasFocus) this.#returnFocus = this.#focusedPageElement();
    const card = buildContextCard(this.#doc, context, this.#t);
    card.addEventListener('click', (event) => {
      const target = event.target as Element | null;
      if (target?.closest('[data-action="close"]')) this.close();
    });
    card.addEventListener('focusin', (event) => {
      // A click on a hover tooltip's button brings focus in too; remember where it came from.
      const from = event.relatedTarget;
      if (!this.#returnFocus && from instanceof HTMLElement && !this.owns(from)) {
        this.#returnFocus = from;
      }
    });
    card.addEventListener('focusout', (event) => this.#closeWhenFocusLeaves(event.target));
    if (!this.#host.show(card)) return false;
    this.#stopFollowing?.();
    const element = this.#host.element;
    this.#stopFollowing = element ? followRange(mention.range, element, card, pointer) : null;
    this.#current = { mention, mode, card };
    if (mode === 'dialog') focusInside(card);
    return true;
  }

  /** The open mention was rescanned into `mention` (same words, same place): follow the new one. */
  retarget(mention: Mention): void {
    const current = this.#current;
    const element = this.#host.element;
    if (!current || !element) return;
    this.#stopFollowing?.();
    this.#stopFollowing = followRange(mention.range, element, current.card, null);
    this.#current = { ...current, mention };
  }

  /** Closes whatever is open; focus that was inside goes back where it came from. */
  close(restoreFocus = true): void {
    if (!this.#current) return;
    const hadFocus = this.hasFocus;
    this.#current = null;
    this.#stopFollowing?.();
    this.#stopFollowing = null;
    const back = this.#returnFocus;
    this.#returnFocus = null;
    if (hadFocus && restoreFocus && back?.isConnected) back.focus({ preventScroll: true });
    this.#host.hide();
    this.#onClose();
  }

  announce(text: string): void {
    this.#host.announce(text);
  }

  #focusedPageElement(): HTMLElement | null {
    const active = this.#doc.activeElement;
    if (!(active instanceof HTMLElement) || this.owns(active)) return null;
    return active === this.#doc.body ? null : active;
  }

  /** A non-modal dialog lets focus go; when the reader moves it to the page, the card closes. */
  #closeWhenFocusLeaves(left: EventTarget | null): void {
    setTimeout(() => {
      // Entering fullscreen blurs whatever is outside the fullscreen element, our host too, until
      // the host follows the page in (on fullscreenchange, a frame later): focus goes back then.
      if (this.#host.awaitingFullscreen()) {
        this.#host.refocusAfterMove(left);
        return;
      }
      // Our own move of the host, or the browser hiding it, blurs it too; that is not the
      // reader leaving the dialog. If the focus was dropped (not given to something else), it
      // goes back to where it was in the dialog.
      if (performance.now() - this.#host.placedAt < 500) {
        const active = this.#doc.activeElement;
        const dropped = active === null || active === this.#doc.body;
        if (this.#current && dropped && left instanceof HTMLElement && this.owns(left)) {
          left.focus({ preventScroll: true });
        }
        return;
      }
      if (this.#current && this.#doc.hasFocus() && !this.hasFocus) this.close(false);
    }, 0);
  }
}

function focusInside(card: HTMLElement): void {
  const first = card.querySelector<HTMLElement>('[data-initial-focus]') ?? card;
  first.focus({ preventScroll: true });
}
