// @vitest-environment jsdom
// The context card: statements in order with dates and speakers, quotes as quotes, truncation
// with the rest on demand, the source line, and text that stays text whatever it holds.
import { describe, expect, it } from 'vitest';
import { buildContextCard } from '../../../src/content/tooltip/content.js';
import { statementsAbout, topicContext } from '../../../src/core/statements.js';
import { dataset } from '../../../src/data/dataset.js';
import type { ShippedDataset as Dataset } from '../../../src/data/schema.js';
import { english } from './english.js';

const t = english;

const card = (topic: string, data: Dataset = dataset, limit?: number) => {
  const context = topicContext(data, topic, limit);
  if (!context) throw new Error(`no topic ${topic}`);
  const element = buildContextCard(document, context, t);
  document.body.replaceChildren(element);
  return element;
};

const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent ?? '');

describe('buildContextCard', () => {
  it('is a dialog labelled by the topic’s name and expansion', () => {
    const el = card('epaa');
    expect(el.getAttribute('role')).toBe('dialog');
    const ids = el.getAttribute('aria-labelledby')?.split(' ') ?? [];
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual([
      'EPAA',
      'European Phased Adaptive Approach',
    ]);
    expect(el.querySelector('.description')?.textContent).toBe(dataset.topics[0]?.description);
    expect(el.querySelector('button[data-action="close"]')?.getAttribute('aria-label')).toBe(
      'Close',
    );
  });

  it('lists the statements most relevant first, each with its date', () => {
    const el = card('jta');
    const ids = statementsAbout(dataset, 'jta').map((s) => s.statement.text);
    expect(texts(el, '.statement .text')).toEqual(ids);
    // The three sessions are dated through the events the statement reports (next test).
    expect(texts(el, '.statement > .when')).toEqual(['July 2009', 'No date given']);
    expect(el.querySelector('.statement time')?.getAttribute('datetime')).toBe('2009-07');
  });

  it('dates the events a statement reports', () => {
    const el = card('jta');
    const sessions = [...el.querySelectorAll('.statement')].find((li) =>
      li.textContent?.includes('three JTA sessions'),
    );
    expect(sessions ? texts(sessions, '.events li') : []).toEqual([
      'First JTA session: July 2009',
      'Second JTA session: December 2009',
      'Third JTA session: May 2010',
    ]);
    expect(sessions?.querySelector('.events-label')?.textContent).toBe('Dated events it reports');
  });

  it('sets quotes as block quotes with their speaker', () => {
    const el = card('epaa');
    const quote = el.querySelector('.statement.quote');
    expect(quote?.querySelector('blockquote')?.textContent).toBe(
      dataset.statements.find((s) => s.id === 's-quote-epaa-not-against-russia')?.text,
    );
    expect(quote?.querySelector('figcaption')?.textContent).toBe('— Ellen Tauscher');
    // Reported statements name no speaker.
    expect(el.querySelector('.statement.reported figcaption')).toBeNull();
  });

  it('offers the article’s own words for a worked-out date, on demand', () => {
    const el = card('epaa');
    const toggle = el.querySelector<HTMLButtonElement>('.words-toggle');
    const detail = toggle && document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(detail?.hidden).toBe(true);
    toggle?.click();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(detail?.hidden).toBe(false);
    expect(detail?.textContent).toContain(
      'The article says “2012 RUSI Missile Defense Conference in London”.',
    );
    expect(detail?.textContent).toContain('Date from: US State Department transcript');
    // A date the article writes out has nothing to reveal.
    expect(card('jta').querySelector('.words-toggle')).toBeNull();
  });

  it('shows the first few, says how many more there are, and shows them on demand', () => {
    const all = statementsAbout(dataset, 'nato-md');
    const el = card('nato-md', dataset, 3);
    expect(el.querySelectorAll('.statements:not(.more-list) > .statement')).toHaveLength(3);
    const more = el.querySelector('.more');
    expect(more?.textContent).toContain(`${all.length - 3} more statements.`);
    const rest = el.querySelector<HTMLElement>('.more-list');
    expect(rest?.hidden).toBe(true);
    expect(rest?.querySelectorAll('.statement')).toHaveLength(all.length - 3);
    const toggle = more?.querySelector('button');
    toggle?.click();
    expect(rest?.hidden).toBe(false);
    expect(toggle?.textContent).toBe('Show fewer');
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
  });

  it('says nothing of more when everything fits', () => {
    expect(card('epaa').querySelector('.more')).toBeNull();
  });

  it('ends with the source line', () => {
    expect(card('epaa').querySelector('.source')?.textContent).toBe(
      'Source: Is NATO Missile Defense Directed Against Russia?, NewsBlaze, by Mina Fabulous, 2012',
    );
  });

  it('shows markup in the data as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const data: Dataset = {
      ...dataset,
      topics: dataset.topics.map((topic) =>
        topic.id === 'epaa' ? { ...topic, name: `EPAA ${hostile}` } : topic,
      ),
      statements: dataset.statements.map((s) =>
        s.id === 's-quote-epaa-not-against-russia' ? { ...s, text: hostile, speaker: hostile } : s,
      ),
    };
    const el = card('epaa', data);
    expect(el.querySelector('img, b, script')).toBeNull();
    expect(el.querySelector('blockquote')?.textContent).toBe(hostile);
    expect(el.querySelector('figcaption')?.textContent).toBe(`— ${hostile}`);
    expect(el.querySelector('h2')?.textContent).toBe(`EPAA ${hostile}`);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('gives every id it uses once, and every reference points at one', () => {
    const el = card('nato-md');
    const ids = [...el.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of el.querySelectorAll('[aria-controls], [aria-labelledby]')) {
      const refs = `${ref.getAttribute('aria-controls') ?? ''} ${ref.getAttribute('aria-labelledby') ?? ''}`;
      for (const id of refs.split(' ').filter(Boolean)) expect(ids).toContain(id);
    }
  });
});
