// Detection in real browsers: the demo page and every real-page fixture are highlighted exactly
// as a careful reader marks them (read from the page's `CSS.highlights`), skipped text stays
// unmarked, the page's DOM is the same with and without the extension, and changing pages
// (added, removed, edited text; a single-page app's navigations) stay correctly annotated.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLookalikes, demoMentions } from '../content/demo-expected.js';
import { asRendered, type FixturePage, fixturePages } from '../content/fixture-pages.js';
import { launch, type Session } from './support/browsers.js';
import { type Highlighted, highlightedMentions, settledHighlights } from './support/highlights.js';
import { forEachBrowser } from './support/suite.js';

const pages = fixturePages();
const withMentions = pages.filter((p) => p.mentions.length > 0);
const rendered = { normalize: asRendered };

/**
 * For a page that should show nothing: a phrase of a topic the page never touches, appended
 * once the page has run. Seeing it highlighted proves the extension is at work on the page,
 * without changing how the page's own terms are judged.
 */
function sentinelFor(page: FixturePage): Highlighted {
  const sentinels: [Highlighted, RegExp][] = [
    [{ topic: 'epaa', text: 'European Phased Adaptive Approach' }, /EPAA|Phased Adaptive/i],
    [{ topic: 'jta', text: 'Joint Threat Assessment' }, /JTA|Threat Assessment/i],
    [{ topic: 'nato-md', text: 'NATO missile defense' }, /missile|BMD|shield/i],
  ];
  const free = sentinels.find(([, touches]) => !touches.test(page.html));
  if (!free) throw new Error(`${page.name}: no topic is absent, so no sentinel can be added`);
  return free[0];
}

async function append(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const p = document.createElement('p');
    p.textContent = t;
    document.body.append(p);
  }, text);
}

forEachBrowser('detection', (ctx) => {
  describe('demo page', () => {
    it('highlights every mention under its topic, in document order', async () => {
      const page = await ctx.open('/demo/index.html');
      expect(await settledHighlights(page, demoMentions)).toEqual(demoMentions);
      const names = await page.evaluate(() => [...CSS.highlights.keys()].sort());
      expect(names).toEqual(['context-lens-epaa', 'context-lens-jta', 'context-lens-nato-md']);
    });

    it('highlights none of the look-alike headlines under "Related"', async () => {
      const page = await ctx.open('/demo/index.html');
      await settledHighlights(page, demoMentions);
      const inRelated = await page.evaluate(() => {
        const related = document.querySelector('.related');
        const hits: string[] = [];
        for (const [, highlight] of CSS.highlights) {
          for (const range of highlight) {
            if (related?.contains(range.startContainer)) hits.push((range as Range).toString());
          }
        }
        return { text: related?.textContent ?? '', hits };
      });
      for (const lookalike of demoLookalikes) expect(inRelated.text).toContain(lookalike);
      expect(inRelated.hits).toEqual([]);
    });
  });

  describe('real-page fixtures', () => {
    it.each(withMentions.map((p) => [p.name, p] as const))('%s', async (_, fixture) => {
      const page = await ctx.open(`/pages/${fixture.name}/page.html`);
      expect(await settledHighlights(page, fixture.mentions, rendered)).toEqual(fixture.mentions);
    });

    it.each(pages.filter((p) => p.mentions.length === 0).map((p) => [p.name, p] as const))(
      '%s (look-alikes only)',
      async (_, fixture) => {
        const page = await ctx.open(`/pages/${fixture.name}/page.html`);
        const sentinel = sentinelFor(fixture);
        await append(page, `Sentinel: ${sentinel.text}.`);
        expect(await settledHighlights(page, [sentinel], rendered)).toEqual([sentinel]);
      },
    );
  });

  describe('the page DOM', () => {
    let baseline: Session | undefined;
    beforeAll(async () => {
      baseline = await launch(ctx.name, { withExtension: false });
    });
    afterAll(async () => {
      await baseline?.browser.close().catch(() => undefined);
    });

    const serialized = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);

    it.each([
      ['/demo/index.html', demoMentions] as const,
      ...withMentions.map((p) => [`/pages/${p.name}/page.html`, p.mentions] as const),
    ])('is identical with and without the extension: %s', async (path, mentions) => {
      const page = await ctx.open(path);
      // Highlights drawn: the extension has done its work on this page.
      expect(await settledHighlights(page, mentions, rendered)).toEqual(mentions);
      if (!baseline) throw new Error('no baseline browser');
      const plain = await baseline.browser.newPage();
      try {
        await plain.goto(ctx.server.url(path), { waitUntil: 'load' });
        expect(await serialized(page)).toBe(await serialized(plain));
        expect(await highlightedMentions(plain)).toEqual([]);
      } finally {
        await plain.close();
      }
    });
  });

  describe('skip rules', () => {
    it('leaves hidden, form, editable, code and script text unmarked; reads open shadow roots', async () => {
      const page = await ctx.open('/e2e/detection/skips.html');
      const expected = [
        { topic: 'jta', text: 'Joint Threat Assessment' },
        { topic: 'nato-md', text: 'NATO missile defense' },
      ];
      const sorted = (list: Highlighted[]) =>
        [...list].sort((a, b) => a.topic.localeCompare(b.topic));
      const until = Date.now() + 10_000;
      let found = sorted(await highlightedMentions(page));
      while (JSON.stringify(found) !== JSON.stringify(expected) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        found = sorted(await highlightedMentions(page));
      }
      await new Promise((r) => setTimeout(r, 500));
      expect(sorted(await highlightedMentions(page))).toEqual(expected);
    });

    it('highlights hidden text once the page shows it (attribute, class, style, details)', async () => {
      const page = await ctx.open('/e2e/detection/revealed.html');
      const control = [{ topic: 'epaa', text: 'European Phased Adaptive Approach' }];
      expect(await settledHighlights(page, control)).toEqual(control);
      const reveal = async (p: Page) => {
        await p.evaluate(() => {
          document.getElementById('by-attribute')?.removeAttribute('hidden');
          document.getElementById('by-class')?.classList.remove('collapsed');
          document.getElementById('by-style')?.style.removeProperty('visibility');
          document.getElementById('by-details')?.setAttribute('open', '');
        });
      };
      await reveal(page);
      const all = [
        ...control,
        { topic: 'nato-md', text: 'NATO missile defense' },
        { topic: 'jta', text: 'Joint Threat Assessment' },
        { topic: 'nato-md', text: 'NATO missile defence' },
        { topic: 'epaa', text: 'EPAA' },
      ];
      expect(await settledHighlights(page, all)).toEqual(all);
      await ctx.compareWithBaseline(page, reveal);
    });

    it('reads a plain frame but not one in design mode', async () => {
      const page = await ctx.open('/e2e/detection/frames.html');
      const frame = (id: string) => {
        const found = page.frames().find((f) => f.url().endsWith(`/${id}.html`));
        if (!found) throw new Error(`no frame ${id}`);
        return found;
      };
      const epaa = [{ topic: 'epaa', text: 'European Phased Adaptive Approach' }];
      expect(await settledHighlights(frame('frame-plain'), epaa)).toEqual(epaa);
      expect(await highlightedMentions(frame('frame-design-mode'))).toEqual([]);
    });
  });

  describe('changing pages', () => {
    const control = { topic: 'nato-md', text: 'NATO missile defense' };

    it('highlights text added after the page loaded', async () => {
      const page = await ctx.open('/e2e/detection/spa.html');
      const before = await settledHighlights(page, [
        control,
        { topic: 'nato-md', text: 'missile defense' },
      ]);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.append(
          'Later: the EPAA, with ',
          Object.assign(document.createElement('b'), { textContent: 'interceptors' }),
          '.',
        );
        document.getElementById('app')?.append(p);
      });
      const after = [...before, { topic: 'epaa', text: 'EPAA' }];
      expect(await settledHighlights(page, after)).toEqual(after);
    });

    it('drops the highlight of removed text and follows edited text', async () => {
      const page = await ctx.open('/e2e/detection/spa.html');
      const initial = [control, { topic: 'nato-md', text: 'missile defense' }];
      expect(await settledHighlights(page, initial)).toEqual(initial);
      // The second paragraph goes; the phrase in the heading stays.
      await page.evaluate(() => document.querySelector('#app p:last-child')?.remove());
      expect(await settledHighlights(page, [control])).toEqual([control]);
      // Editing the heading's text: the phrase goes, a JTA phrase comes.
      await page.evaluate(() => {
        const text = document.querySelector('#app h1')?.firstChild as Text;
        text.data = 'The Joint Threat Assessment, revisited';
      });
      const edited = [{ topic: 'jta', text: 'Joint Threat Assessment' }];
      expect(await settledHighlights(page, edited)).toEqual(edited);
      // No range is left behind on text that left the page.
      const stale = await page.evaluate(() => {
        let count = 0;
        for (const [, highlight] of CSS.highlights) {
          for (const range of highlight) if (!range.startContainer.isConnected) count++;
        }
        return count;
      });
      expect(stale).toBe(0);
    });

    it('annotates the new content after a pushState navigation, and the old again after going back', async () => {
      const page = await ctx.open('/e2e/detection/spa.html');
      const nato = [control, { topic: 'nato-md', text: 'missile defense' }];
      expect(await settledHighlights(page, nato)).toEqual(nato);

      await page.click('#to-other');
      expect(new URL(page.url()).search).toBe('?story=other');
      // "missile defense history" at the council is nobody's: the NATO story is gone.
      const other = [
        { topic: 'jta', text: 'Joint Threat Assessment' },
        { topic: 'jta', text: 'JTA' },
      ];
      expect(await settledHighlights(page, other)).toEqual(other);

      await page.goBack();
      expect(new URL(page.url()).search).toBe('');
      expect(await settledHighlights(page, nato)).toEqual(nato);
    });
  });
});
