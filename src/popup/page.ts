// The popup for one tab: asks the page for its summary and draws it (topics, mentions,
// timeline, source), or says why there is none; redraws when the page reports new counts while
// it is open, so the site switch shows its effect at once.
import { dataset } from '../data/dataset.js';
import { browser } from '../shared/browser-api.js';
import { el, fill } from '../shared/dom.js';
import { t, uiLocale } from '../shared/i18n.js';
import { MAX_LISTED_MENTIONS } from '../shared/messages.js';
import { tabKey } from '../shared/tab-counts.js';
import { whyUnanswered } from './access.js';
import { MentionList } from './mention-list.js';
import { SiteSwitch } from './site-switch.js';
import { type PopupState, stateView } from './state-view.js';
import { showMention, type TabSummary, tabSummary } from './summaries.js';
import { timelineView } from './timeline-view.js';
import { topicsView } from './topics-view.js';

const REFRESH_MS = 150;
/** Mentions asked for first: a screenful of the list and the rows just past it. */
const FIRST_ROWS = 12;

export class PopupPage {
  private readonly content = el('div', { className: 'content' });
  private readonly siteSwitch = new SiteSwitch();
  private last = '';
  private lastList = '';
  private summaryDrawn = false;
  /** The list drawn from the first part of a summary, waiting for the whole. */
  private partial: MentionList | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly tabId: number,
  ) {
    root.append(this.siteSwitch.element, this.content);
    this.drawState({ kind: 'loading' });
    // Every change that matters here (the site switched, topics changed, the page changed, a
    // content script started) makes the page report its counts again: that is our cue.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'session' && Object.hasOwn(changes, tabKey(tabId))) this.refreshSoon();
    });
  }

  async load(): Promise<void> {
    // Both asked at once: the first screenful is drawn as soon as it arrives, and the whole list
    // (thousands of mentions take tens of milliseconds to cross) completes it after.
    const firstPart = tabSummary(this.tabId, FIRST_ROWS);
    const whole = tabSummary(this.tabId);
    const first = await firstPart;
    // Only for the first drawing: a refresh redraws once, when everything is in.
    if (first && !this.summaryDrawn && first.mentions.length < first.total) {
      this.drawSummary(first, true);
    }
    const summary = await whole;
    if (summary) {
      this.drawSummary(summary, false);
      return;
    }
    this.siteSwitch.hide();
    // No need to poll: when a content script starts in the tab (after a reload, or once access
    // is given) it reports its counts, and that change to the tab's counts redraws us.
    this.drawState(await whyUnanswered(this.tabId));
  }

  private refreshSoon(): void {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.load();
    }, REFRESH_MS);
  }

  private drawState(state: PopupState): void {
    const key = JSON.stringify(state);
    if (key === this.last) return;
    this.last = key;
    fill(
      this.content,
      stateView(state, this.tabId, () => void this.load()),
    );
    this.markDrawn('state');
  }

  /** Draws a summary; `partial` when it lists only the first mentions of a larger whole. */
  private drawSummary(summary: TabSummary, partial: boolean): void {
    const { top } = summary;
    this.siteSwitch.show(top.url, top.host, top.enabled);
    if (!top.enabled || summary.total === 0) {
      this.partial = null;
      this.drawState(
        top.enabled ? { kind: 'no-mentions' } : { kind: 'switched-off', host: top.host },
      );
      return;
    }
    // What the page says apart from its list: the same here means only the list is to complete.
    const key = JSON.stringify({
      url: top.url,
      host: top.host,
      counts: summary.counts,
      total: summary.total,
    });
    if (key === this.last && this.partial && !partial) {
      this.partial.complete(summary.mentions);
      this.partial = null;
      performance.measure('context-lens:popup-complete', 'context-lens:summary-received');
      this.root.dataset.drawn = 'summary';
      return;
    }
    const whole = JSON.stringify(summary.mentions);
    if (key === this.last && whole === this.lastList) return;
    this.last = key;
    this.lastList = whole;
    performance.mark('context-lens:summary-received');
    this.summaryDrawn = true;
    const found = new Set(Object.keys(summary.counts));
    const names = new Map(dataset.topics.map((topic) => [topic.id, topic.name]));
    const list = new MentionList(
      summary.mentions,
      (id) => names.get(id) ?? id,
      (mention) => void showMention(this.tabId, mention),
      partial ? Math.min(summary.total, MAX_LISTED_MENTIONS) : summary.mentions.length,
    );
    this.partial = partial ? list : null;
    const number = new Intl.NumberFormat(uiLocale());
    const mentions = el(
      'section',
      { className: 'mentions', attrs: { 'aria-labelledby': 'mentions-heading' } },
      el('h2', {
        text: t('popupMentionsCount', [number.format(summary.total)]),
        attrs: { id: 'mentions-heading' },
      }),
      list.element,
    );
    const timeline = timelineView(dataset, found);
    fill(
      this.content,
      topicsView(dataset.topics, summary.counts),
      mentions,
      ...(timeline ? [timeline] : []),
    );
    this.markDrawn(partial ? 'first-screen' : 'summary');
  }

  /**
   * A marker for tests and the benchmark: what is drawn ('summary' once the whole list is in),
   * and how long the first drawing of a summary took from its reply to a laid-out page
   * (reading a size makes the browser do style and layout).
   */
  private markDrawn(what: 'summary' | 'first-screen' | 'state'): void {
    if (what !== 'state') {
      void this.content.offsetHeight;
      performance.measure('context-lens:popup-render', 'context-lens:summary-received');
    }
    this.root.dataset.drawn = what;
  }
}
