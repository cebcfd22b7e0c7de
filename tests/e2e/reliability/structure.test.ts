// Pages of every structure: shadow roots (open, nested, closed), SVG text, box-less wrappers
// (`display: contents`) and other document types (XHTML, XML, plain text, JSON). The extension
// reads what it should, throws nothing and leaves the DOM as it was.
import { expect, it } from 'vitest';
import { forEachBrowser } from '../support/suite.js';
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
});
