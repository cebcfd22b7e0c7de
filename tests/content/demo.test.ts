// @vitest-environment jsdom
// The demo page: every mention a careful reader marks is found under its topic, in order, and
// none of the look-alike headlines under "Related".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoLookalikes, demoMentions } from './demo-expected.js';
import { loadPage, scan } from './scan-page.js';

const html = readFileSync(join(import.meta.dirname, '../../assets/demo/index.html'), 'utf8');

describe('demo page', () => {
  it('yields exactly the expected mentions, in document order', async () => {
    loadPage(html);
    expect((await scan()).found()).toEqual(demoMentions);
  });

  it('finds nothing in the look-alike headlines, which do hold the terms', async () => {
    loadPage(html);
    const related = document.querySelector('.related') as HTMLElement;
    for (const lookalike of demoLookalikes) expect(related.textContent).toContain(lookalike);
    const { store } = await scan();
    expect(store.all().filter((m) => related.contains(m.range.startContainer))).toEqual([]);
  });
});
