// Applies the user's settings to this frame, at start and live whenever they change: the site
// switch starts or stops annotating, topics switched off are no longer matched, the highlight
// style and hover delay take effect at once. No reload; the page's DOM is never touched.
import { rulesFromPlan } from '../core/rules.js';
import { isSiteEnabled } from '../core/site-rules.js';
import { dataset } from '../data/dataset.js';
import { rulePlan } from '../data/rule-plan.js';
import { readSettings, type Settings, watchSettings } from '../shared/settings.js';
import type { Annotator } from './annotator.js';
import type { Presenter } from './presenter.js';

export interface SiteSettings {
  /** False while the user has switched this site off. */
  readonly siteEnabled: boolean;
  /** Applies the last settings again (the address may have changed within the page). */
  reapply(): void;
}

export async function applySettings(
  annotator: Annotator,
  presenter: Presenter,
  onSiteSwitched: () => void,
  signal: AbortSignal,
): Promise<SiteSettings> {
  let last: Settings | null = null;
  let siteEnabled = false;
  // The annotator was built with every topic's rules (index.ts): compiling them again for the
  // same topics would double the start-up cost on every page.
  let topicsKey = topicsKeyOf(dataset.topics);

  const apply = (settings: Settings) => {
    if (signal.aborted) return;
    last = settings;
    const topics = dataset.topics.filter((t) => !settings.disabledTopics.includes(t.id));
    const key = topicsKeyOf(topics);
    annotator.setHighlightStyle(settings.highlightStyle);
    presenter.setHoverDelay(settings.hoverDelayMs);
    const wasEnabled = siteEnabled;
    siteEnabled = isSiteEnabled(settings.siteRules, location.href);
    const run = siteEnabled && topics.length > 0;
    if (key !== topicsKey && topics.length > 0) {
      topicsKey = key;
      // Rules compiled from the kept topics only; a running annotator rescans with them.
      annotator.setRules(rulesFromPlan(rulePlan, { keep: new Set(topics.map((t) => t.id)) }));
    }
    if (run) annotator.start();
    else annotator.stop();
    if (siteEnabled !== wasEnabled) onSiteSwitched();
  };

  const stopWatching = watchSettings(apply);
  signal.addEventListener('abort', stopWatching, { once: true });
  apply(await readSettings());
  return {
    get siteEnabled() {
      return siteEnabled;
    },
    reapply: () => {
      if (last) apply(last);
    },
  };
}

function topicsKeyOf(topics: readonly { id: string }[]): string {
  return topics.map((t) => t.id).join(' ');
}
