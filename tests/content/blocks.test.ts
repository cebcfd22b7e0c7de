// @vitest-environment jsdom
// Reading the page as blocks: inline markup joins, blocks never do, and text that is not
// readable prose (scripts, form fields, editable or hidden content, code, our own UI) is skipped.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOCK_BREAK, blockOf, pointAt, readBlock, setOwnHost } from '../../src/content/blocks.js';
import { loadBody, mentionsIn, scan } from './scan-page.js';

const term = 'NATO missile defense';
const asMention = [{ topic: 'nato-md', text: term }];

afterEach(() => {
  setOwnHost(null);
  Reflect.deleteProperty(document, 'designMode');
});

describe('readBlock', () => {
  it('joins the text of inline elements and maps offsets back to their nodes', () => {
    loadBody('<p id="p">The <a href="#">NATO <em>missile</em></a> <b>defense</b> plan</p>');
    const p = document.getElementById('p') as HTMLElement;
    const read = readBlock(p);
    expect(read.text).toBe('The NATO missile defense plan');
    expect(read.nodes.map((n) => n.data)).toEqual([
      'The ',
      'NATO ',
      'missile',
      ' ',
      'defense',
      ' plan',
    ]);
    const start = pointAt(read, 4, false);
    const end = pointAt(read, 24, true);
    expect(start?.[0].data).toBe('NATO ');
    expect(start?.[1]).toBe(0);
    expect(end?.[0].data).toBe('defense');
    expect(end?.[1]).toBe(7);
  });

  it('puts a break where a nested block or a line break stands', () => {
    loadBody('<div id="d">NATO<p>missile defense</p>plans<br>EPAA</div>');
    const div = document.getElementById('d') as HTMLElement;
    expect(readBlock(div).text).toBe(`NATO${BLOCK_BREAK}plans${BLOCK_BREAK}EPAA`);
    const inner = div.querySelector('p')?.firstChild as Text;
    expect(blockOf(inner)).toBe(div.querySelector('p'));
  });

  it('puts a break where a skipped element stands, so no term spans it', () => {
    loadBody('<p id="p">NATO <code>x</code> missile defense</p>');
    const read = readBlock(document.getElementById('p') as HTMLElement);
    expect(read.text).toBe(`NATO ${BLOCK_BREAK} missile defense`);
  });

  it('takes the shadow root as the block of text hanging directly from it', () => {
    loadBody('<span id="host"></span>');
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.append('EPAA ', document.createElement('em'));
    const text = shadow.firstChild as Text;
    expect(blockOf(text)).toBe(shadow);
  });
});

describe('mentions across inline markup, never across blocks', () => {
  it('finds one mention across inline elements', async () => {
    expect(await mentionsIn('<p>Allies back NATO <em>missile defense</em>.</p>')).toEqual(
      asMention,
    );
    expect(
      await mentionsIn('<p><a href="#">NATO</a> <span><i>missile</i> defense</span></p>'),
    ).toEqual(asMention);
  });

  it('finds a term whose every word is split by markup (drop caps, one span per letter)', async () => {
    expect(await mentionsIn('<p><span class="drop">E</span>PAA interceptors</p>')).toEqual([
      { topic: 'epaa', text: 'EPAA' },
    ]);
    const letters = (word: string) => [...word].map((ch) => `<span>${ch}</span>`).join('');
    expect(
      await mentionsIn(
        `<h1>${letters('Joint')} ${letters('Threat')} ${letters('Assessment')}</h1>`,
      ),
    ).toEqual([{ topic: 'jta', text: 'Joint Threat Assessment' }]);
  });

  it('carries a word split by markup over an empty text node', async () => {
    loadBody('<p><span class="drop">E</span><b>PAA</b> interceptors</p>');
    const p = document.querySelector('p');
    p?.insertBefore(document.createTextNode(''), p.querySelector('b'));
    expect((await scan()).store.all().map((m) => m.text)).toEqual(['EPAA']);
  });

  it('gives the mention a range from the first text node to the last', async () => {
    loadBody('<p>NATO <em>missile <b>defense</b></em> plans</p>');
    const [mention] = (await scan()).store.all();
    expect(mention?.range.startContainer.textContent).toBe('NATO ');
    expect(mention?.range.startOffset).toBe(0);
    expect(mention?.range.endContainer.textContent).toBe('defense');
    expect(mention?.range.endOffset).toBe(7);
  });

  it.each([
    ['a heading and a paragraph', '<h2>European Phased</h2><p>Adaptive Approach</p>'],
    ['two list items', '<ul><li>Joint Threat</li><li>Assessment</li></ul>'],
    ['two table cells', '<table><tr><td>Joint Threat</td><td>Assessment</td></tr></table>'],
    ['a line break', '<p>European Phased<br>Adaptive Approach</p>'],
    ['a nested block', '<div>Joint Threat <div>Assessment</div></div>'],
  ])('does not join %s', async (_, html) => {
    expect(await mentionsIn(html)).toEqual([]);
  });

  it('still finds the term when the blocks hold it whole', async () => {
    expect(await mentionsIn('<ul><li>Joint Threat Assessment</li><li>x</li></ul>')).toEqual([
      { topic: 'jta', text: 'Joint Threat Assessment' },
    ]);
  });
});

describe('skip rules', () => {
  // Each case wraps the term; the control wraps it in a plain <span> and must find it.
  const cases: [string, string, string][] = [
    ['script', '<script type="text/plain">', '</script>'],
    ['style', '<style>/*', '*/</style>'],
    ['noscript', '<noscript>', '</noscript>'],
    ['template', '<template>', '</template>'],
    ['textarea', '<textarea>', '</textarea>'],
    ['select', '<select><option>', '</option></select>'],
    ['contenteditable', '<div contenteditable="true"><p>', '</p></div>'],
    ['contenteditable (empty value)', '<span contenteditable="">', '</span>'],
    ['contenteditable (plaintext-only)', '<span contenteditable="plaintext-only">', '</span>'],
    ['code', '<code>', '</code>'],
    ['pre', '<pre>', '</pre>'],
    ['kbd', '<kbd>', '</kbd>'],
    ['aria-hidden="true"', '<div aria-hidden="true"><p><em>', '</em></p></div>'],
    ['hidden', '<section hidden><p>', '</p></section>'],
  ];

  it.each(cases)('skips text inside %s', async (_, open, close) => {
    expect(await mentionsIn(`<div>${open}${term}${close}</div>`)).toEqual([]);
    expect(await mentionsIn(`<div><span>${term}</span></div>`)).toEqual(asMention);
  });

  it('reads on after a script or style, however deep it sits and wherever the walk is', async () => {
    expect(
      await mentionsIn(
        `<div><p><b>x<style>.a{}</style></b></p></div><p>${term}</p><p>x<script>1</script></p>`,
      ),
    ).toEqual(asMention);
    // A script scanned as a subtree of its own (one the page added) is not read either.
    loadBody(`<script type="text/plain">${term}</script>`);
    const script = document.querySelector('script');
    if (!script) throw new Error('no script');
    expect((await scan(script)).found()).toEqual([]);
  });

  it('skips the value of an input (it is no text node)', async () => {
    expect(await mentionsIn(`<p><input value="${term}"></p>`)).toEqual([]);
  });

  it('reads content that opts out of editing inside nothing editable', async () => {
    expect(await mentionsIn(`<p contenteditable="false">${term}</p>`)).toEqual(asMention);
    expect(await mentionsIn(`<p aria-hidden="false">${term}</p>`)).toEqual(asMention);
  });

  it('skips the whole document in designMode', async () => {
    loadBody(`<p>${term}</p>`);
    Object.defineProperty(document, 'designMode', { value: 'on', configurable: true });
    expect((await scan()).found()).toEqual([]);
    Reflect.deleteProperty(document, 'designMode');
    expect((await scan()).found()).toEqual(asMention);
  });

  it('skips our own UI host', async () => {
    loadBody(`<div id="ours"><p>${term}</p></div><p>EPAA interceptors</p>`);
    setOwnHost(document.getElementById('ours'));
    expect((await scan()).found()).toEqual([{ topic: 'epaa', text: 'EPAA' }]);
    setOwnHost(null);
    expect((await scan()).found()).toEqual([...asMention, { topic: 'epaa', text: 'EPAA' }]);
  });

  it('keeps the text on both sides of a skipped element apart', async () => {
    expect(await mentionsIn('<p>NATO <code>x</code> missile defense</p>')).toEqual([
      { topic: 'nato-md', text: 'missile defense' },
    ]);
    expect(await mentionsIn('<p>Joint Threat <kbd>k</kbd>Assessment</p>')).toEqual([]);
  });
});

describe('shadow roots', () => {
  it('reads the text of open shadow roots, nested ones too', async () => {
    loadBody('<div id="host"></div><p>Plain text.</p>');
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.append(
      'Allies back NATO ',
      Object.assign(document.createElement('em'), { textContent: 'missile defense' }),
    );
    const inner = document.createElement('span');
    shadow.append(p, inner);
    inner.attachShadow({ mode: 'open' }).append('The Joint Threat Assessment, in a nested tree.');
    expect((await scan()).found()).toEqual([
      ...asMention,
      { topic: 'jta', text: 'Joint Threat Assessment' },
    ]);
  });

  it('reads light-DOM text slotted into a shadow root', async () => {
    loadBody(`<div id="host"><p>${term}</p></div>`);
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.append(document.createElement('slot'));
    expect((await scan()).found()).toEqual(asMention);
  });

  it('skips a shadow tree whose host is hidden', async () => {
    loadBody('<div id="host" aria-hidden="true"></div>');
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.append(term);
    expect((await scan()).found()).toEqual([]);
  });
});

describe('offsets map back to the DOM, whatever the inline markup', () => {
  const text = 'Allies said NATO’s ballistic missile\u00a0defence plan, the EPAA, adds radars.';
  const expected = [
    { topic: 'nato-md', text: 'NATO’s ballistic missile\u00a0defence' },
    { topic: 'epaa', text: 'EPAA' },
  ];

  it('gives ranges covering exactly the mention, across random splits into inline elements', async () => {
    const tags = ['em', 'a', 'span', 'b', 'i', 'abbr'];
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }),
        fc.array(fc.constantFrom(...tags, 'comment', 'empty'), { minLength: 13, maxLength: 13 }),
        async (cuts, wrappers) => {
          const p = document.createElement('p');
          let parent: Element = p;
          let from = 0;
          [...cuts, text.length]
            .sort((a, b) => a - b)
            .forEach((cut, i) => {
              const piece = text.slice(from, cut);
              from = cut;
              const how = wrappers[i] ?? 'span';
              if (how === 'comment') parent.append(document.createComment('c'), piece);
              else if (how === 'empty') parent.append(document.createTextNode(''), piece);
              else {
                // Alternate between nesting deeper and closing back to the paragraph.
                const el = document.createElement(how);
                el.append(piece);
                (i % 2 === 0 ? parent : p).append(el);
                parent = i % 3 === 0 ? el : p;
              }
            });
          document.body.replaceChildren(p);
          expect(p.textContent).toBe(text);
          expect((await scan()).found()).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
