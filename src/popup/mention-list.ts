// The popup's list of mentions, drawn virtually: only the rows in view (and a few around them)
// exist, so 5,000 mentions cost what 20 do. One Show button is in the tab order; the arrow
// keys, Page Up/Down, Home and End move between rows, as in any long list.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { topicAttrs } from '../shared/topic-attrs.js';
import type { ListedMention } from './summaries.js';

export const ROW_HEIGHT = 60;
const VISIBLE_ROWS = 5;
const OVERSCAN = 6;

export class MentionList {
  readonly element: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly rows = new Map<number, HTMLElement>();
  private readonly spacer = el('div', { className: 'mention-spacer' });
  private active = 0;
  private frame = 0;
  /** How many rows the list has: more than `mentions` while the rest is on its way. */
  private size: number;
  /** A row the keyboard moved to before its mention arrived: focused once it is drawn. */
  private focusWhenDrawn = false;

  constructor(
    private mentions: readonly ListedMention[],
    private readonly topicName: (id: string) => string,
    private readonly onShow: (mention: ListedMention) => void,
    size = mentions.length,
  ) {
    this.size = Math.max(size, mentions.length);
    const spacer = this.spacer;
    spacer.style.height = `${this.size * ROW_HEIGHT}px`;
    this.viewport = el(
      'div',
      {
        className: 'mention-list',
        attrs: { role: 'list', 'aria-label': t('popupMentionsHeading') },
      },
      spacer,
    );
    this.viewport.style.height = `${Math.min(this.size, VISIBLE_ROWS) * ROW_HEIGHT}px`;
    this.viewport.addEventListener('scroll', () => this.scheduleRender(), { passive: true });
    this.viewport.addEventListener('keydown', (event) => this.onKey(event));
    this.element = this.viewport;
    this.render();
  }

  /**
   * The whole list, of which the list was drawn with the first part: rows in view are drawn
   * (again, if their mention changed), the rest on scrolling as before.
   */
  complete(mentions: readonly ListedMention[]): void {
    const resized = mentions.length !== this.size;
    this.mentions = mentions;
    this.size = mentions.length;
    if (resized) {
      // Rare (a frame's list changed between the two replies): the drawn rows say the new size.
      for (const [index, row] of this.rows) {
        row.setAttribute('aria-setsize', String(this.size));
        const mention = mentions[index];
        if (mention)
          row.querySelector('button')?.setAttribute('aria-label', this.label(mention, index));
      }
    }
    this.spacer.style.height = `${this.size * ROW_HEIGHT}px`;
    this.viewport.style.height = `${Math.min(this.size, VISIBLE_ROWS) * ROW_HEIGHT}px`;
    for (const [index, row] of this.rows) {
      if (index >= this.size) {
        row.remove();
        this.rows.delete(index);
      }
    }
    this.active = Math.min(this.active, Math.max(0, this.size - 1));
    this.render();
    if (this.focusWhenDrawn) {
      this.focusWhenDrawn = false;
      this.moveTo(this.active, true);
    }
  }

  /** The rows that exist now (for tests and measurements). */
  get renderedRows(): number {
    return this.rows.size;
  }

  private scheduleRender(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const top = this.viewport.scrollTop;
    const height = VISIBLE_ROWS * ROW_HEIGHT;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.size - 1, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const focused = this.viewport.ownerDocument.activeElement;
    for (const [index, row] of this.rows) {
      const keep = (index >= first && index <= last) || index === this.active;
      if (!keep && !row.contains(focused)) {
        row.remove();
        this.rows.delete(index);
      }
    }
    const wanted = [this.active];
    for (let i = first; i <= last; i++) wanted.push(i);
    for (const index of wanted) {
      const mention = this.mentions[index];
      if (mention && !this.rows.has(index)) {
        const row = this.row(mention, index);
        this.rows.set(index, row);
        this.viewport.append(row);
      }
    }
  }

  private row(mention: ListedMention, index: number): HTMLElement {
    const total = String(this.size);
    // The page's words sit in <bdi>: a bidi control in them (an unclosed U+202E, say) reorders
    // only their own run, never the mention, the rest of the row or the popup.
    const snippet = el(
      'p',
      { className: 'snippet' },
      mention.before ? el('bdi', { text: mention.before }) : '',
      mention.before ? ' ' : '',
      el('mark', { text: mention.text }),
      mention.after ? ' ' : '',
      mention.after ? el('bdi', { text: mention.after }) : '',
    );
    const show = el('button', {
      className: 'show',
      text: t('popupShow'),
      attrs: {
        type: 'button',
        tabindex: index === this.active ? '0' : '-1',
        'aria-label': this.label(mention, index),
      },
    });
    show.addEventListener('click', () => {
      this.moveTo(index, false);
      this.onShow(mention);
    });
    const row = el(
      'div',
      {
        className: 'mention',
        attrs: {
          role: 'listitem',
          'aria-setsize': total,
          'aria-posinset': String(index + 1),
          'data-index': String(index),
        },
      },
      el('span', {
        className: 'topic-chip',
        text: this.topicName(mention.topic),
        attrs: topicAttrs(mention.topic),
      }),
      snippet,
      show,
    );
    row.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    return row;
  }

  private label(mention: ListedMention, index: number): string {
    return t('popupShowLabel', [String(index + 1), String(this.size), mention.text]);
  }

  private onKey(event: KeyboardEvent): void {
    const last = this.size - 1;
    const moves: Record<string, number> = {
      ArrowDown: this.active + 1,
      ArrowUp: this.active - 1,
      PageDown: this.active + VISIBLE_ROWS,
      PageUp: this.active - VISIBLE_ROWS,
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.moveTo(Math.max(0, Math.min(last, target)), true);
  }

  private moveTo(index: number, focus: boolean): void {
    this.rows.get(this.active)?.querySelector('button')?.setAttribute('tabindex', '-1');
    this.active = index;
    const rowTop = index * ROW_HEIGHT;
    const view = this.viewport;
    if (rowTop < view.scrollTop) view.scrollTop = rowTop;
    else if (rowTop + ROW_HEIGHT > view.scrollTop + view.clientHeight) {
      view.scrollTop = rowTop + ROW_HEIGHT - view.clientHeight;
    }
    this.render();
    const button = this.rows.get(index)?.querySelector('button');
    button?.setAttribute('tabindex', '0');
    if (focus) {
      button?.focus();
      this.focusWhenDrawn = !button;
    }
  }
}
