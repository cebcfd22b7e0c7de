// Draws a tab's badge and title from its frames' counts; nothing is remembered between calls.
import { badgeText, badgeTitle, tabCounts, totalOf } from '../core/badge.js';
import { dataset } from '../data/dataset.js';
import { browser } from '../shared/browser-api.js';
import { t, uiLocale } from '../shared/i18n.js';
import type { TabCounts } from '../shared/tab-counts.js';

const BADGE_COLOR = '#3b3f8f';

export async function drawBadge(tabId: number, frames: TabCounts): Promise<void> {
  const counts = tabCounts(frames);
  const total = totalOf(counts);
  const title = total > 0 ? badgeTitle(counts, dataset.topics, t, uiLocale()) : t('actionTitle');
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badgeText(total) }),
    browser.action.setTitle({ tabId, title }),
    total > 0 ? browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }) : null,
  ]).catch(() => undefined); // The tab may have closed meanwhile.
}
