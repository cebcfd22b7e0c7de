// Pages of every structure: shadow roots (open, nested, closed), SVG text, box-less wrappers
// (`display: contents`), other document types (XHTML, XML, plain text, JSON) and a hundred
// frames of every kind. The extension reads what it should, throws nothing, leaves each frame's
// DOM as it was, and counts each frame once.
import { expect, it } from 'vitest';
import { inExtension, tabIdOf } from '../support/extension.js';
import { forEachBrowser } from '../support/suite.js';
import { hundredFrames } from './generated.js';
import { fixtureParagraph, pollUntil, readTopics, type TopicTexts } from './helpers.js';

const dir = '/e2e/reliability';
const settle = (topics: string[]) => (t: TopicTexts) => topics.every((topic) => topic in t);

forEachBrowser('pages of every structure', (ctx) => {
  it('reads open shadow roots, nested ones too', async () => {
    const page = await ctx.open(`${dir}/shadow-roots.html`);
    const topics = await pollUntil(() => readTopics(page), settle(['epaa', 'nato-md', 'jta']));
    expect(topics.jta).toEqual(['Joint Threat Assessment']);
    expect(topics['nato-md']).toEqual(['NATO missile defense', 'NATO ballistic missile defense']);
  });

  it('reads SVG text and foreignObject content', async () => {
    const page = await ctx.open(`${dir}/svg-text.html`);
    const topics = await pollUntil(
      () => readTopics(page),
      (t) => t['nato-md']?.length === 3,
    );
    expect(topics).toEqual({
      ...fixtureParagraph,
      jta: ['Joint Threat Assessment'],
      'nato-md': ['NATO missile defense', 'NATO missile defense', 'NATO missile defence'],
    });
  });

  it('reads text inside wrappers that have no box of their own (display: contents)', async () => {
    const page = await ctx.open(`${dir}/display-contents.html`);
    const topics = await pollUntil(() => readTopics(page), settle(['epaa', 'jta']));
    expect(topics).toEqual({ ...fixtureParagraph, jta: ['Joint Threat Assessment'] });
  });

  it('reads an XHTML document as it reads HTML', async () => {
    const page = await ctx.open(`${dir}/page.xhtml`);
    expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
    const topics = await pollUntil(() => readTopics(page), settle(['epaa', 'nato-md']));
    expect(topics).toEqual(fixtureParagraph);
  });

  for (const [file, type] of [
    ['briefing.xml', 'text/xml'],
    ['notes.txt', 'text/plain'],
    ['data.json', 'application/json'],
  ]) {
    it(`opens a ${type} document without error or change`, async () => {
      const page = await ctx.open(`${dir}/${file}`, { waitMs: 800 });
      // Firefox shows JSON in its own viewer; what matters is the document the server sent.
      const served = await page.evaluate(() => document.contentType);
      expect([type, 'text/html']).toContain(served);
      // The guards after each test check the rest: no error, no request, DOM as without us.
    });
  }

  it('handles a hundred frames of every kind, each on its own, and counts them once', async () => {
    ctx.server.route('/frames.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hundredFrames(ctx.server.otherOrigin));
    });
    ctx.allowRequests(`${dir}/frame.html`);
    const page = await ctx.open('/frames.html', { waitMs: 1500 });
    const frames = page.frames();
    expect(frames.length).toBe(101);
    const kinds = new Map<string, TopicTexts[]>();
    for (const frame of frames) {
      const url = frame.url();
      const kind =
        frame === page.mainFrame()
          ? 'top'
          : (/[?&](\w+)=/.exec(url)?.[1] ?? (url === 'about:srcdoc' ? 'srcdoc' : url));
      const topics = await pollUntil(
        () => readTopics(frame),
        (t) => kind.startsWith('about:') || kind === 'srcdoc' || Object.keys(t).length > 0,
        10_000,
      );
      kinds.set(kind, [...(kinds.get(kind) ?? []), topics]);
    }
    expect(kinds.get('top')).toEqual([fixtureParagraph]);
    for (const kind of ['same', 'cross', 'sandboxed']) {
      expect(kinds.get(kind), `${kind}-origin frames`).toEqual(
        Array(20).fill({ jta: ['Joint Threat Assessment'] }),
      );
    }
    // srcdoc and about:blank frames have no URL of their own to match, and the manifest does not
    // ask for them (match_about_blank would inject into every ad frame of every page): they are
    // left alone, without error, and counted nowhere.
    expect(kinds.get('srcdoc')).toEqual(Array(20).fill({}));
    expect(kinds.get('about:blank')).toEqual(Array(20).fill({}));
    const tabId = await tabIdOf(ctx.session, page);
    const badge = await pollUntil(
      () =>
        inExtension(ctx.session, (id: number) => chrome.action.getBadgeText({ tabId: id }), tabId),
      (text) => text === '63',
      10_000,
    );
    expect(badge, 'the badge sums every frame: 3 on top and 1 in each of 60 frames').toBe('63');
  }, 120_000);
});
