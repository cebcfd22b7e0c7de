// Keeps each tab's per-frame counts in storage.session and redraws the badge from them: when a
// frame reports, when the tab navigates (the old page's counts are forgotten), when it closes.
import type { ContentToBackground } from '../shared/messages.js';
import { forgetTab, readTabCounts, writeTabCounts } from '../shared/tab-counts.js';
import { drawBadge } from './badge.js';
import { inTabQueue } from './tab-queue.js';

type Report = Extract<ContentToBackground, { type: 'cs:counts' }>;

export function recordFrame(tabId: number, frameId: number, report: Report): Promise<void> {
  return inTabQueue(tabId, async () => {
    const frames = await readTabCounts(tabId);
    frames[String(frameId)] = { counts: report.counts, enabled: report.enabled };
    await writeTabCounts(tabId, frames);
    await drawBadge(tabId, frames);
  });
}

/** The tab is leaving its page (or changing its address within it): drop what it reported. */
export function forgetPage(tabId: number): Promise<void> {
  return inTabQueue(tabId, async () => {
    await forgetTab(tabId);
    await drawBadge(tabId, {});
  });
}

export function forgetClosedTab(tabId: number): Promise<void> {
  return inTabQueue(tabId, () => forgetTab(tabId));
}
