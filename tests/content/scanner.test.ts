// @vitest-environment jsdom
// Judging terms against the whole page: a phrase anywhere confirms the topic's waiting terms,
// in any order, unless the page's terms of that topic are mostly look-alikes; and the walk over
// runs of added siblings.
import { describe, expect, it } from 'vitest';
import { MentionStore } from '../../src/content/mentions.js';
import { PageScanner, siblingRuns } from '../../src/content/scanner.js';
import { loadBody, mentionsIn, rules } from './scan-page.js';

const far = ' Nothing here names any topic at all.'.repeat(12);

describe('PageScanner, page-wide evidence', () => {
  it('lets a phrase confirm a waiting term before or after it, in another block or its own', async () => {
    const waiting = '<p>Officials discussed missile defense on Friday.</p>';
    const phrase = '<p>NATO missile defense</p>';
    const expected = [
      { topic: 'nato-md', text: 'NATO missile defense' },
      { topic: 'nato-md', text: 'missile defense' },
    ];
    expect(await mentionsIn(phrase + waiting)).toEqual(expected);
    expect(await mentionsIn(waiting + phrase)).toEqual(expected.slice().reverse());
    expect(
      await mentionsIn(`<p>NATO missile defense.${far} Then missile defense again.</p>`),
    ).toEqual(expected);
  });

  it('does not let one phrase confirm a topic on a page mostly about look-alikes', async () => {
    const lookalikes = [
      '<p>Israel’s Iron Dome missile defense stopped the rockets.</p>',
      '<p>Israeli officials praised the missile defense crews.</p>',
    ].join('');
    const aside = '<p>Unlike NATO missile defense, the system is paid for at home.</p>';
    const waiting = '<p>Lawmakers debated the missile defense budget.</p>';
    expect(await mentionsIn(lookalikes + aside + waiting)).toEqual([
      { topic: 'nato-md', text: 'NATO missile defense' },
    ]);
    // The same verdict whichever comes first.
    expect(await mentionsIn(waiting + aside + lookalikes)).toEqual([
      { topic: 'nato-md', text: 'NATO missile defense' },
    ]);
    // With more confirmed mentions than look-alikes, the page confirms the topic again.
    const nato = '<p>NATO allies back missile defence in Europe.</p><p>NATO BMD grows.</p>';
    expect(await mentionsIn(lookalikes + aside + nato + waiting)).toEqual([
      { topic: 'nato-md', text: 'NATO missile defense' },
      { topic: 'nato-md', text: 'missile defence' },
      { topic: 'nato-md', text: 'NATO BMD' },
      { topic: 'nato-md', text: 'missile defense' },
    ]);
  });

  it('needs a phrase: confirmed acronyms alone do not confirm the page', async () => {
    const html =
      '<p>The JTA covered ballistic missile threats.</p><p>Three JTA sessions followed.</p>';
    expect(await mentionsIn(html)).toEqual([{ topic: 'jta', text: 'JTA' }]);
  });
});

describe('PageScanner.scanTrees, runs of added siblings', () => {
  const scanRoots = async (html: string, ids: string[]) => {
    loadBody(html);
    const store = new MentionStore();
    const scanner = new PageScanner(rules, store, new AbortController().signal);
    await scanner.scanTrees(ids.map((id) => document.getElementById(id) as Element));
    return store.all().map((m) => m.range.toString());
  };

  it('groups roots that follow each other with only text or comments between', () => {
    loadBody(
      '<main><p id="a"></p> <p id="b"></p><!-- c --><p id="c"></p><hr><p id="d"></p></main>',
    );
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => document.getElementById(id) as Node);
    const runs = (roots: Node[]) => [...siblingRuns(roots)].map(([f, l]) => [f, l]);
    expect(runs([a, b, c, d] as Node[])).toEqual([
      [a, c],
      [d, d],
    ]);
    // Out of order, or not siblings: each on its own.
    expect(runs([b, a] as Node[])).toEqual([
      [b, b],
      [a, a],
    ]);
    expect(runs([a, document.body] as Node[])).toEqual([
      [a, a],
      [document.body, document.body],
    ]);
  });

  it('reads every root of a run, and nothing after its last one', async () => {
    const html =
      '<main><p id="a">The EPAA adds interceptors.</p>\n<p id="b">NATO missile defense</p>' +
      '<p id="c">The Joint Threat Assessment</p></main>';
    expect(await scanRoots(html, ['a', 'b'])).toEqual(['EPAA', 'NATO missile defense']);
    expect(await scanRoots(html, ['b'])).toEqual(['NATO missile defense']);
  });

  it('reads the open shadow root of a root that hosts one, and of hosts in a run', async () => {
    loadBody('<main><div id="a"></div> <div id="b"><span id="c"></span></div></main>');
    const host = (id: string, text: string) =>
      (document.getElementById(id) as Element).attachShadow({ mode: 'open' }).append(text);
    host('a', 'The EPAA adds interceptors.');
    host('c', 'NATO missile defense');
    const store = new MentionStore();
    const scanner = new PageScanner(rules, store, new AbortController().signal);
    const roots = ['a', 'b'].map((id) => document.getElementById(id) as Element);
    await scanner.scanTrees(roots);
    expect(store.all().map((m) => m.range.toString())).toEqual(['EPAA', 'NATO missile defense']);
    const alone = new MentionStore();
    await new PageScanner(rules, alone, new AbortController().signal).scanTrees(roots.slice(0, 1));
    expect(alone.all().map((m) => m.range.toString())).toEqual(['EPAA']);
  });
});
