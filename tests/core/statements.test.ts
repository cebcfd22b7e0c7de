// Statements about a topic: which, in what order, with which dates, and how they are cut.
import { describe, expect, it } from 'vitest';
import { statementsAbout, topicContext } from '../../src/core/statements.js';
import { dataset } from '../../src/data/dataset.js';
import type { ShippedDataset as Dataset } from '../../src/data/schema.js';

describe('statementsAbout', () => {
  it('lists only the topic’s statements, most relevant first, then in article order', () => {
    const list = statementsAbout(dataset, 'epaa');
    expect(list.map((s) => s.statement.id)).toEqual([
      's-quote-epaa-not-against-russia',
      's-allies-embraced-epaa',
    ]);
    const nato = statementsAbout(dataset, 'nato-md');
    for (const [i, item] of nato.entries()) {
      expect(item.statement.topics).toContain('nato-md');
      const next = nato[i + 1];
      if (!next) continue;
      const a = item.statement;
      const b = next.statement;
      expect(a.relevance > b.relevance || (a.relevance === b.relevance && a.start < b.start)).toBe(
        true,
      );
    }
    expect(nato).toHaveLength(
      dataset.statements.filter((s) => s.topics.includes('nato-md')).length,
    );
  });

  it('dates each statement and adds the dated events it reports, in time order', () => {
    const jta = statementsAbout(dataset, 'jta');
    const sessions = jta.find((s) => s.statement.id === 's-jta-three-sessions');
    expect(sessions?.date).toBeNull();
    expect(sessions?.events.map((e) => [e.title, e.date.value])).toEqual([
      ['First JTA session', '2009-07'],
      ['Second JTA session', '2009-12'],
      ['Third JTA session', '2010-05'],
    ]);
    const progress = statementsAbout(dataset, 'nato-md').find(
      (s) => s.statement.id === 's-progress-in-18-months',
    );
    expect(progress?.date?.id).toBe('d-rusi-conference');
    // The RUSI remarks event carries the statement's own date, so only the other one is added.
    expect(progress?.events.map((e) => e.date.id)).toEqual(['d-nato-territorial-decision']);
  });
});

describe('topicContext', () => {
  it('shows the first few and keeps the rest, in order', () => {
    const context = topicContext(dataset, 'nato-md', 3);
    const all = statementsAbout(dataset, 'nato-md');
    expect(context?.shown.map((s) => s.statement.id)).toEqual(
      all.slice(0, 3).map((s) => s.statement.id),
    );
    expect(context?.more.map((s) => s.statement.id)).toEqual(
      all.slice(3).map((s) => s.statement.id),
    );
    expect(context?.sources.map((s) => s.id)).toEqual(['newsblaze-nato-md-russia']);
  });

  it('shows one statement over the limit rather than saying “1 more”', () => {
    expect(topicContext(dataset, 'jta', 2)?.shown).toHaveLength(3);
    expect(topicContext(dataset, 'jta', 2)?.more).toHaveLength(0);
    expect(topicContext(dataset, 'jta', 1)?.shown).toHaveLength(1);
    expect(topicContext(dataset, 'jta', 1)?.more).toHaveLength(2);
  });

  it('is null for a topic the dataset does not have', () => {
    expect(topicContext(dataset, 'no-such-topic')).toBeNull();
  });

  it('names only the sources the statements come from', () => {
    const second = { ...dataset.sources[0], id: 'other', title: 'Other' } as Dataset['sources'][0];
    const data: Dataset = { ...dataset, sources: [...dataset.sources, second] };
    expect(topicContext(data, 'epaa')?.sources.map((s) => s.id)).toEqual([
      'newsblaze-nato-md-russia',
    ]);
  });
});
