// Asks the tab's frames for their summaries: the top frame always, other frames when the
// background's counts say they found something. Replies are validated like any message.
import * as v from 'valibot';
import { browser } from '../shared/browser-api.js';
import {
  type MentionSummary,
  type PageSummary,
  PageSummarySchema,
  type PopupToContent,
} from '../shared/messages.js';
import { framesToAsk, readTabCounts } from '../shared/tab-counts.js';

export interface ListedMention extends MentionSummary {
  frameId: number;
}

/** The tab as the popup shows it: the top frame's state with every asked frame's mentions. */
export interface TabSummary {
  top: PageSummary;
  counts: Record<string, number>;
  total: number;
  mentions: ListedMention[];
}

async function askFrame(
  tabId: number,
  frameId: number,
  first: number | undefined,
): Promise<PageSummary | null> {
  const message: PopupToContent =
    first === undefined ? { type: 'popup:get-summary' } : { type: 'popup:get-summary', first };
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, message, { frameId });
    const parsed = v.safeParse(PageSummarySchema, reply);
    return parsed.success ? parsed.output : null;
  } catch {
    return null; // No content script in that frame (browser page, no access, still loading).
  }
}

/**
 * The tab's summary, or null when its top frame does not answer. With `first`, each frame lists
 * only its first mentions (counts stay whole).
 */
export async function tabSummary(tabId: number, first?: number): Promise<TabSummary | null> {
  // The top frame is always asked: at once, while the counts say which other frames to ask.
  const topReply = askFrame(tabId, 0, first);
  const others = framesToAsk(await readTabCounts(tabId)).filter((id) => id !== 0);
  const frames = [0, ...others];
  const replies = await Promise.all([topReply, ...others.map((id) => askFrame(tabId, id, first))]);
  const top = replies[0];
  if (!top) return null;
  const counts: Record<string, number> = {};
  const mentions: ListedMention[] = [];
  replies.forEach((reply, i) => {
    const frameId = frames[i] ?? 0;
    if (!reply?.enabled || !top.enabled) return;
    for (const [topic, n] of Object.entries(reply.counts)) counts[topic] = (counts[topic] ?? 0) + n;
    for (const m of reply.mentions) mentions.push({ ...m, frameId });
  });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { top, counts, total, mentions };
}

export async function showMention(tabId: number, mention: ListedMention): Promise<boolean> {
  const message: PopupToContent = { type: 'popup:show-mention', index: mention.index };
  const reply: unknown = await browser.tabs
    .sendMessage(tabId, message, { frameId: mention.frameId })
    .catch(() => false);
  return reply === true;
}
