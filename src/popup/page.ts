// The popup for one tab: asks the page for its summary and draws it (topics, mentions,
// timeline, source), or says why there is none; redraws when the page reports new counts while
// it is open, so the site switch shows its effect at once.
import { dataset } from '../data/dataset.js';
import { browser } from '../shared/browser-api.js';
import { el, fill } from '../shared/dom.js';
import { t, uiLocale } from '../shared/i18n.js';
import { tabKey } from '../shared/tab-counts.js';
import { whyUnanswered } from './access.js';
import { MentionList } from './mention-list.js';
import { SiteSwitch } from './site-switch.js';
import { type PopupState, stateView } from './state-view.js';
import { showMention, type TabSummary, tabSummary } from './summaries.js';
import { timelineView } from './timeline-view.js';
import { topicsView } from './topics-view.js';

const REFRESH_MS = 150;

export class PopupPage {
  private readonly content = el('div', { className: 'content' });
  private readonly siteSwitch = new SiteSwitch();
  private last = '';
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
    const summary = await tabSummary(this.tabId);
    if (summary) {
      this.drawSummary(summary);
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

  private drawSummary(summary: TabSummary): void {
    const { top } = summary;
    this.siteSwitch.show(top.url, top.host, top.enabled);
    if (!top.enabled || summary.total === 0) {
      this.drawState(
        top.enabled ? { kind: 'no-mentions' } : { kind: 'switched-off', host: top.host },
      );
      return;
    }
    const key = JSON.stringify(summary);
    if (key === this.last) return;
    this.last = key;
    performance.mark('context-lens:summary-received');
    const found = new Set(Object.keys(summary.counts));
    const names = new Map(dataset.topics.map((topic) => [topic.id, topic.name]));
    const list = new MentionList(
      summary.mentions,
      (id) => names.get(id) ?? id,
      (mention) => void showMention(this.tabId, mention),
    );
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
    this.markDrawn('summary');
  }

  private markDrawn(what: 'summary' | 'state'): void {
    // A marker for tests and the benchmark: what is drawn, and (for a summary) how long it took
    // from the reply to a laid-out page (reading a size makes the browser do style and layout).
    if (what === 'summary') {
      void this.content.offsetHeight;
      performance.measure('context-lens:popup-render', 'context-lens:summary-received');
    }
    this.root.dataset.drawn = what;
  }
}
