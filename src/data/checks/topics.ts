// Checks topics and events: match rules usable, reject patterns compile, every topic and event backed by statements.
import type { Dataset, Topic } from '../schema.js';
import { type At, entry } from './report.js';

function checkMatch(topic: Topic, at: At): string[] {
  const { phrases, acronyms, contextual, reject } = topic.match;
  const errors: string[] = [];
  if (phrases.length + acronyms.length + contextual.length === 0) {
    errors.push(
      at('match', 'phrases, acronyms and contextual are all empty, so nothing can match'),
    );
  }
  reject.patterns.forEach((pattern, i) => {
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      errors.push(at(`match.reject.patterns[${i}]`, `invalid regular expression: ${reason}`));
    }
  });
  return errors;
}

/** Topics that can match and are covered by statements; events whose topics their statements carry. */
export function checkTopicsAndEvents(dataset: Dataset): string[] {
  const errors: string[] = [];
  const topicsOf = new Map(dataset.statements.map((s) => [s.id, s.topics]));
  const covered = new Set(dataset.statements.flatMap((s) => s.topics));
  dataset.topics.forEach((topic, i) => {
    const at = entry('topics', i, topic.id);
    errors.push(...checkMatch(topic, at));
    if (!covered.has(topic.id)) errors.push(at('id', 'no statement is about this topic'));
  });
  dataset.events.forEach((event, i) => {
    const at = entry('events', i, event.id);
    const carried = new Set(event.statements.flatMap((id) => topicsOf.get(id) ?? []));
    event.topics.forEach((topic, t) => {
      if (!carried.has(topic))
        errors.push(at(`topics[${t}]`, `none of the event's statements is about "${topic}"`));
    });
  });
  return errors;
}
