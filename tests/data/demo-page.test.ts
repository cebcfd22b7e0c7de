// @vitest-environment jsdom
// The demo news page shows the article's exact text, one mention split by markup, look-alikes, and nothing remote.
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../src/data/check.js';
import { article, readText } from './read.js';

const html = readText('../../assets/demo/index.html');
const css = readText('../../assets/demo/demo.css');
const page = new DOMParser().parseFromString(html, 'text/html');
const paragraphs = paragraphsOf(article).map((p) => p.text);

describe('demo page', () => {
  it('renders the article paragraphs character for character, in order', () => {
    const blocks = page.querySelectorAll(
      'article h1, article > p:not(.kicker, .byline), article figcaption, article blockquote > p',
    );
    const bio = page.querySelector('.author-bio');
    const bioText = `${bio?.querySelector('h2')?.textContent}\n${bio?.querySelector('p')?.textContent}`;
    expect([...[...blocks].map((b) => b.textContent), bioText]).toEqual(paragraphs);
  });

  it('splits one mention across inline markup', () => {
    const em = page.querySelector('article > p em');
    expect(em?.textContent).toBe('missile defense');
    expect(em?.previousSibling?.textContent?.endsWith('NATO ')).toBe(true);
  });

  it('offers look-alikes that must not be highlighted', () => {
    const related = page.querySelector('.related')?.textContent ?? '';
    expect(related).toContain('(JTA) —');
    expect(related).toContain('Iron Dome missile defense');
    expect(related).toContain('Education Policy Analysis Archives (EPAA)');
  });

  it('loads nothing from outside its folder and runs no script', () => {
    expect(page.querySelectorAll('script, iframe, object, embed, img')).toHaveLength(0);
    const links = [...page.querySelectorAll('[href], [src]')].map(
      (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
    );
    for (const link of links) expect(link === 'demo.css' || link.startsWith('#'), link).toBe(true);
    expect(css).not.toMatch(/@import|url\(/);
  });
});
