// The keyboard path in real Chromium and Firefox: the next/previous commands (sent the way the
// background forwards them) and the popup's "Show" scroll to a mention, mark it as current, open
// its context as a dialog that takes focus and announce it; Esc gives focus back.
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { insideViewport, overlaps, type Rect } from '../../src/core/placement.js';
import { dataset } from '../../src/data/dataset.js';
import {
  centerOf,
  currentIndex,
  currentMention,
  dialogInAccessibilityTree,
  hostState,
  pageMentions,
  sendCommand,
  showFromPopup,
  sleep,
  waitForHost,
} from './support/context-ui.js';
import { forEachBrowser } from './support/suite.js';

const VIEWPORT = { width: 1280, height: 900 };
const topicName = (id: string) => dataset.topics.find((t) => t.id === id)?.name ?? id;

async function focusedLinkText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active instanceof HTMLAnchorElement ? active.textContent : null;
  });
}

forEachBrowser('keyboard commands', (ctx) => {
  const open = () => ctx.open('/demo/index.html', { waitMs: 600 });

  it('reaches every mention in order, scrolled into view, marked and opened with focus', async () => {
    const page = await open();
    const mentions = await pageMentions(page);
    expect(mentions.length).toBeGreaterThan(5);
    for (const [i, expected] of mentions.entries()) {
      expect(await sendCommand(ctx, page, 'next-mention')).toBe(true);
      const state = await waitForHost(page, (s) => s.open && s.focused);
      expect(await currentIndex(page), `step ${i + 1}`).toBe(i);
      const current = await currentMention(page);
      expect(current?.text).toBe(expected.text);
      for (const rect of current?.rects ?? []) expect(insideViewport(rect, VIEWPORT)).toBe(true);
      expect(state.focused, `focus in the dialog at step ${i + 1}`).toBe(true);
      expect(insideViewport(state.box as Rect, VIEWPORT)).toBe(true);
      expect((current?.rects ?? []).some((r) => overlaps(state.box as Rect, r))).toBe(false);
      if (ctx.name === 'chromium' && (i < 3 || i === mentions.length - 1)) {
        await sleep(250);
        const dialog = await dialogInAccessibilityTree(page);
        expect(dialog?.name.startsWith(topicName(expected.topic))).toBe(true);
        expect(dialog?.live).toEqual([
          `Mention ${i + 1} of ${mentions.length}: ${topicName(expected.topic)}`,
        ]);
      }
    }
    // Past the last mention it wraps to the first.
    expect(await sendCommand(ctx, page, 'next-mention')).toBe(true);
    await waitForHost(page, (s) => s.focused);
    expect(await currentIndex(page)).toBe(0);
  });

  it('goes backwards with the previous command, from the last mention', async () => {
    const page = await open();
    const total = (await pageMentions(page)).length;
    await sendCommand(ctx, page, 'previous-mention');
    await waitForHost(page, (s) => s.focused);
    expect(await currentIndex(page)).toBe(total - 1);
    await sendCommand(ctx, page, 'previous-mention');
    await waitForHost(page, (s) => s.focused);
    expect(await currentIndex(page)).toBe(total - 2);
    await sendCommand(ctx, page, 'next-mention');
    await waitForHost(page, (s) => s.focused);
    expect(await currentIndex(page)).toBe(total - 1);
  });

  it('closes on Esc and gives focus back where it was, keeping the mention marked', async () => {
    const page = await open();
    await page.focus('.related a');
    const link = await focusedLinkText(page);
    expect(link).toContain('NEW YORK');
    await sendCommand(ctx, page, 'next-mention');
    await sendCommand(ctx, page, 'next-mention');
    expect((await waitForHost(page, (s) => s.focused)).focused).toBe(true);
    await page.keyboard.press('Escape');
    const closed = await waitForHost(page, (s) => !s.present);
    expect(closed.present).toBe(false);
    expect(await focusedLinkText(page)).toBe(link);
    expect(await currentIndex(page)).toBe(1);
  });

  it('has a close button, before the text, that gives focus back too', async () => {
    const page = await open();
    await page.focus('.related a');
    await sendCommand(ctx, page, 'next-mention');
    await waitForHost(page, (s) => s.focused);
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect((await hostState(page)).focused, 'Shift+Tab stays in the dialog').toBe(true);
    await page.keyboard.press('Enter');
    expect((await waitForHost(page, (s) => !s.present)).present).toBe(false);
    expect(await focusedLinkText(page)).toContain('NEW YORK');
  });

  it('closes when focus moves back to the page', async () => {
    const page = await open();
    await sendCommand(ctx, page, 'next-mention');
    await waitForHost(page, (s) => s.focused);
    await page.focus('.related a');
    expect((await waitForHost(page, (s) => !s.present)).present).toBe(false);
    expect(await focusedLinkText(page)).toContain('NEW YORK');
  });

  it('opens the mention the popup asks for', async () => {
    const page = await open();
    const mentions = await pageMentions(page);
    expect(await showFromPopup(ctx, page, 4)).toBe(true);
    const state = await waitForHost(page, (s) => s.focused);
    expect(state.open).toBe(true);
    expect(await currentIndex(page)).toBe(4);
    expect((await currentMention(page))?.text).toBe(mentions[4]?.text);
    // And the commands carry on from there.
    await sendCommand(ctx, page, 'next-mention');
    await waitForHost(page, (s) => s.focused);
    expect(await currentIndex(page)).toBe(5);
  });

  it('keeps the dialog while the pointer wanders over other mentions', async () => {
    const page = await open();
    await sendCommand(ctx, page, 'next-mention');
    const opened = await waitForHost(page, (s) => s.focused);
    const other = (await pageMentions(page)).find((m, i) => {
      const r = m.rects[0];
      return (
        i > 0 && r && r.top > 0 && r.bottom < VIEWPORT.height && !overlaps(opened.box as Rect, r)
      );
    });
    if (!other?.rects[0]) throw new Error('another visible mention expected');
    const { x, y } = centerOf(other.rects[0]);
    await page.mouse.move(x, y, { steps: 5 });
    await sleep(900);
    const state = await hostState(page);
    expect(state.focused).toBe(true);
    expect(state.box).toEqual(opened.box);
    expect(await currentIndex(page)).toBe(0);
  });

  it('follows the page into fullscreen', async () => {
    const page = await open();
    await sendCommand(ctx, page, 'next-mention');
    const opened = await waitForHost(page, (s) => s.focused);
    // Fullscreen needs a user gesture: a click on the dialog's text gives one and keeps focus in.
    const box = opened.box as Rect;
    await page.mouse.click(box.left + 40, box.top + 100);
    expect((await hostState(page)).focused).toBe(true);
    const entered = await page.evaluate(() =>
      document
        .querySelector('main')
        ?.requestFullscreen()
        .then(() => true)
        .catch((e: unknown) => String(e)),
    );
    expect(entered).toBe(true);
    const state = await waitForHost(page, (s) => s.parentTag === 'MAIN' && s.open && s.focused);
    expect(state.parentTag).toBe('MAIN');
    expect(state.open).toBe(true);
    // The browser blurs what lies outside the fullscreen element; the dialog takes focus back.
    expect(state.focused, 'focus is back in the dialog').toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    const back = await waitForHost(page, (s) => s.parentTag === 'HTML' && s.open);
    expect(back.parentTag).toBe('HTML');
  });
});

for (const scheme of ['light', 'dark'] as const) {
  forEachBrowser(
    `keyboard dialog, ${scheme} screenshots`,
    (ctx) => {
      it(`opens in the ${scheme} colour scheme; a screenshot is saved for review`, async () => {
        const page = await ctx.open('/demo/index.html', { waitMs: 600 });
        for (let i = 0; i < 3; i++) await sendCommand(ctx, page, 'previous-mention');
        const state = await waitForHost(page, (s) => s.focused);
        expect(state.open).toBe(true);
        await sleep(200);
        mkdirSync('artifacts/screenshots', { recursive: true });
        await page.screenshot({ path: `artifacts/screenshots/dialog-${ctx.name}-${scheme}.png` });
      });
    },
    { colorScheme: scheme },
  );
}
