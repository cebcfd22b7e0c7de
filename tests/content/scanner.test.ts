// @vitest-environment jsdom
// Judging terms against the whole page: a phrase anywhere confirms the topic's waiting terms,
// in any order, unless the page's terms of that topic are mostly look-alikes.
import { describe, expect, it } from 'vitest';
import { mentionsIn } from './scan-page.js';

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
