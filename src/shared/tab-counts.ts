// Each tab's mention counts, per frame, kept in storage.session: the background writes them as
// frames report, so a restarted service worker or reloaded event page draws the same badge, and
// the popup reads them to learn which frames have mentions to list.
import * as v from 'valibot';
import type { FrameReport } from '../core/badge.js';
import { browser } from './browser-api.js';
import { TopicCountsSchema } from './messages.js';

const TabCountsSchema = v.record(
  v.pipe(v.string(), v.regex(/^\d{1,12}$/)),
  v.strictObject({ counts: TopicCountsSchema, enabled: v.boolean() }),
);
/** Frame id (as a string key) → that frame's last report. */
export type TabCounts = Record<string, FrameReport>;

export const tabKey = (tabId: number) => `tab:${tabId}`;

export async function readTabCounts(tabId: number): Promise<TabCounts> {
  const key = tabKey(tabId);
  const stored = await browser.storage.session
    .get(key)
    .catch(() => ({}) as Record<string, unknown>);
  const result = v.safeParse(TabCountsSchema, (stored as Record<string, unknown>)[key]);
  return result.success ? result.output : {};
}

export async function writeTabCounts(tabId: number, frames: TabCounts): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: frames });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/** Frames to ask for a summary: the top frame, and every other frame that found something. */
export function framesToAsk(frames: TabCounts): number[] {
  const ids = new Set([0]);
  for (const [id, frame] of Object.entries(frames)) {
    if (frame.enabled && Object.values(frame.counts).some((n) => n > 0)) ids.add(Number(id));
  }
  return [...ids].sort((a, b) => a - b);
}
