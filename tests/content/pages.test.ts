// @vitest-environment jsdom
// Real-page fixtures: each page in tests/fixtures/pages/ yields exactly the mentions listed in its
// expected.json, in document order, and none of its look-alikes.
import { describe, expect, it } from 'vitest';
import { asRendered, fixturePages } from './fixture-pages.js';
import { loadPage, scan } from './scan-page.js';

const pages = fixturePages();

describe('real-page fixtures', () => {
  it('exist, covering every topic', () => {
    const topics = new Set(pages.flatMap((p) => p.mentions.map((m) => m.topic)));
    expect([...topics].sort()).toEqual(['epaa', 'jta', 'nato-md']);
    expect(pages.filter((p) => p.mentions.length === 0).length).toBeGreaterThan(0);
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s', async (_, page) => {
    loadPage(page.html);
    const found = (await scan()).found().map((m) => ({ topic: m.topic, text: asRendered(m.text) }));
    expect(found).toEqual(page.mentions);
  });
});
