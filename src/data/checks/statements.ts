// Checks each statement against its source text: verbatim at its offsets, in its paragraph, quotes with a speaker.
import { type Paragraph, paragraphAt, paragraphsOf } from '../paragraphs.js';
import type { Dataset, Statement } from '../schema.js';
import { type At, entry, occurrences } from './report.js';

interface SourceText {
  readonly file: string;
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
}

function loadSources(
  dataset: Dataset,
  texts: Readonly<Record<string, string>>,
  errors: string[],
): Map<string, SourceText> {
  const loaded = new Map<string, SourceText>();
  dataset.sources.forEach((source, i) => {
    const text = Object.hasOwn(texts, source.file) ? texts[source.file] : undefined;
    if (text === undefined) {
      errors.push(entry('sources', i, source.id)('file', `no text was given for "${source.file}"`));
    } else {
      loaded.set(source.id, { file: source.file, text, paragraphs: paragraphsOf(text) });
    }
  });
  return loaded;
}

function checkPlacement(statement: Statement, source: SourceText, at: At): string[] {
  const { text, start, end } = statement;
  const errors: string[] = [];
  if (end !== start + text.length) {
    errors.push(at('end', `is ${end} but start + text length is ${start + text.length}`));
  }
  if (source.text.slice(start, start + text.length) !== text) {
    const found = occurrences(source.text, text);
    const where =
      found.length === 0
        ? `it does not occur in "${source.file}"`
        : `it occurs at ${found.join(', ')}`;
    errors.push(at('start', `text not found at ${start}; ${where}`));
    return errors;
  }
  const paragraph = paragraphAt(source.paragraphs, start, start + text.length);
  if (paragraph === undefined) {
    errors.push(at('paragraph', 'the text runs across a paragraph break'));
  } else if (paragraph.index !== statement.paragraph) {
    errors.push(
      at(
        'paragraph',
        `is ${statement.paragraph} but the text stands in paragraph ${paragraph.index}`,
      ),
    );
  }
  return errors;
}

/** Source texts present, statements verbatim where they claim to be, quotes attributed. */
export function checkStatements(
  dataset: Dataset,
  texts: Readonly<Record<string, string>>,
): string[] {
  const errors: string[] = [];
  const sources = loadSources(dataset, texts, errors);
  dataset.statements.forEach((statement, i) => {
    const at = entry('statements', i, statement.id);
    if (statement.kind === 'quote' && statement.speaker === undefined) {
      errors.push(at('speaker', 'a quote needs a speaker'));
    }
    const source = sources.get(statement.source);
    // An unknown or missing source is reported elsewhere; offsets cannot be checked without it.
    if (source !== undefined) errors.push(...checkPlacement(statement, source, at));
  });
  return errors;
}
