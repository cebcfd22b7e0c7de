// @vitest-environment jsdom
// Keeping mentions current as the page changes: added, removed and edited text, and a page whose
// content is replaced (as a single-page app does) is judged on what it says now.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MentionStore } from '../../src/content/mentions.js';
import { PageObserver } from '../../src/content/observer.js';
import { PageScanner } from '../../src/content/scanner.js';
import { type Found, loadBody, rules } from './scan-page.js';

let controller = new AbortController();
afterEach(() => controller.abort());

async function watch(html: string) {
  loadBody(html);
  controller = new AbortController();
  const store = new MentionStore();
  const scanner = new PageScanner(rules, store, controller.signal);
  new PageObserver(scanner, () => false, controller.signal).observe(document);
  await scanner.scanTree(document.body);
  const scans = vi.spyOn(scanner, 'scanTrees');
  const found = (): Found[] =>
    store.all().map((m) => ({ topic: m.topic, text: m.range.toString() }));
  const eventually = (expected: Found[]) =>
    vi.waitFor(() => expect(found()).toEqual(expected), { timeout: 2000, interval: 20 });
  return { store, found, eventually, scans };
}

const p = (text: string) => Object.assign(document.createElement('p'), { textContent: text });

describe('PageObserver with PageScanner', () => {
  it('scans text added after the first scan', async () => {
    const page = await watch('<main><p>Nothing yet.</p></main>');
    expect(page.found()).toEqual([]);
    document.querySelector('main')?.append(p('The EPAA adds interceptors.'));
    await page.eventually([{ topic: 'epaa', text: 'EPAA' }]);
  });

  it('scans the open shadow root of an added element that hosts one', async () => {
    const page = await watch('<main><p>Nothing yet.</p></main>');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(p('The EPAA adds interceptors.'));
    document.querySelector('main')?.append(host);
    await page.eventually([{ topic: 'epaa', text: 'EPAA' }]);
  });

  it('drops the mentions of removed text', async () => {
    const page = await watch('<main><p id="a">NATO missile defense</p><p>EPAA radar</p></main>');
    expect(page.found()).toHaveLength(2);
    document.getElementById('a')?.remove();
    await page.eventually([{ topic: 'epaa', text: 'EPAA' }]);
  });

  it('reads text again when the page shows what it hid', async () => {
    const page = await watch('<main><p id="h" hidden>The EPAA adds interceptors.</p></main>');
    expect(page.found()).toEqual([]);
    document.getElementById('h')?.removeAttribute('hidden');
    await page.eventually([{ topic: 'epaa', text: 'EPAA' }]);
  });

  it('reads stories appended in quick bursts together, in one walk', async () => {
    const page = await watch('<main><p>Nothing yet.</p></main>');
    const main = document.querySelector('main') as HTMLElement;
    const topics = ['The EPAA adds interceptors.', 'NATO missile defense', 'NATO BMD grows.'];
    for (const text of topics) {
      main.append(p(text));
      await new Promise((r) => setTimeout(r, 5));
    }
    await page.eventually([
      { topic: 'epaa', text: 'EPAA' },
      { topic: 'nato-md', text: 'NATO missile defense' },
      { topic: 'nato-md', text: 'NATO BMD' },
    ]);
    expect(page.scans).toHaveBeenCalledTimes(1);
    expect(page.scans.mock.calls[0]?.[0]).toHaveLength(3);
  });

  it('keeps up with a page that changes hundreds of times before a rescan', async () => {
    const page = await watch('<main><p>Nothing yet.</p></main>');
    const main = document.querySelector('main') as HTMLElement;
    // Each change is its own batch of records: more than are kept unread.
    for (let i = 0; i < 300; i++) {
      const text =
        i === 0 ? 'The EPAA adds interceptors.' : i === 299 ? 'NATO BMD grows.' : 'News.';
      main.append(p(text));
      await Promise.resolve();
    }
    await page.eventually([
      { topic: 'epaa', text: 'EPAA' },
      { topic: 'nato-md', text: 'NATO BMD' },
    ]);
  });

  it('ignores attribute changes while nothing is hidden', async () => {
    const page = await watch('<main><p id="v">The EPAA adds interceptors.</p></main>');
    const before = page.store.all()[0];
    document.getElementById('v')?.setAttribute('class', 'changed');
    await new Promise((r) => setTimeout(r, 100));
    expect(page.store.all()[0], 'the mention was not read again').toBe(before);
  });

  it('reads an edited text node again', async () => {
    const page = await watch('<main><p><b id="b">Local news</b> today.</p></main>');
    const text = document.getElementById('b')?.firstChild as Text;
    text.data = 'NATO missile defence';
    await page.eventually([{ topic: 'nato-md', text: 'NATO missile defence' }]);
    text.data = 'Local news';
    await page.eventually([]);
  });

  it('counts a waiting term once a phrase elsewhere names its topic', async () => {
    const page = await watch('<main><p>Officials discussed missile defense on Friday.</p></main>');
    expect(page.found()).toEqual([]);
    document.querySelector('main')?.prepend(p('NATO missile defense talks resume'));
    await page.eventually([
      { topic: 'nato-md', text: 'NATO missile defense' },
      { topic: 'nato-md', text: 'missile defense' },
    ]);
  });

  it('judges replaced content on what the page says now, not what it said before', async () => {
    const page = await watch(
      '<main><h1>NATO missile defense talks resume</h1><p>Officials discussed missile defense on Friday.</p></main>',
    );
    expect(page.found()).toHaveLength(2);
    const main = document.querySelector('main') as HTMLElement;
    main.replaceChildren(
      p('City news'),
      p('The council heard a lecture on missile defense history.'),
    );
    await page.eventually([]);
    // And back: the phrase returns, so the waiting term counts again.
    main.prepend(p('NATO missile defense'));
    await page.eventually([
      { topic: 'nato-md', text: 'NATO missile defense' },
      { topic: 'nato-md', text: 'missile defense' },
    ]);
  });
});
