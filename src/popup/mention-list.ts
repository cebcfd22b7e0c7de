// The popup's list of mentions, drawn virtually: only the rows in view (and a few around them)
// exist, so 5,000 mentions cost what 20 do. One Show button is in the tab order; the arrow
// keys, Page Up/Down, Home and End move between rows, as in any long list.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import type { ListedMention } from './summaries.js';

export const ROW_HEIGHT = 60;
const VISIBLE_ROWS = 5;
const OVERSCAN = 6;

export class MentionList {
  readonly element: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly rows = new Map<number, HTMLElement>();
  private active = 0;
  private frame = 0;

  constructor(
    private readonly mentions: readonly ListedMention[],
    private readonly topicName: (id: string) => string,
    private readonly onShow: (mention: ListedMention) => void,
  ) {
    const spacer = el('div', { className: 'mention-spacer' });
    spacer.style.height = `${mentions.length * ROW_HEIGHT}px`;
    this.viewport = el(
      'div',
      {
        className: 'mention-list',
        attrs: { role: 'list', 'aria-label': t('popupMentionsHeading') },
      },
      spacer,
    );
    this.viewport.style.height = `${Math.min(mentions.length, VISIBLE_ROWS) * ROW_HEIGHT}px`;
    this.viewport.addEventListener('scroll', () => this.scheduleRender(), { passive: true });
    this.viewport.addEventListener('keydown', (event) => this.onKey(event));
    this.element = this.viewport;
    this.render();
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
    const last = Math.min(
      this.mentions.length - 1,
      Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN,
    );
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
    const total = String(this.mentions.length);
    const snippet = el(
      'p',
      { className: 'snippet' },
      mention.before ? `${mention.before} ` : '',
      el('mark', { text: mention.text }),
      mention.after ? ` ${mention.after}` : '',
    );
    const show = el('button', {
      className: 'show',
      text: t('popupShow'),
      attrs: {
        type: 'button',
        tabindex: index === this.active ? '0' : '-1',
        'aria-label': t('popupShowLabel', [String(index + 1), total, mention.text]),
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
        attrs: { 'data-topic': mention.topic },
      }),
      snippet,
      show,
    );
    row.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    return row;
  }

  private onKey(event: KeyboardEvent): void {
    const last = this.mentions.length - 1;
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
    if (focus) button?.focus();
  }
}
