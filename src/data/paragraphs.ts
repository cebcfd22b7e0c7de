// Splits a source text into paragraphs (separated by blank lines), keeping their offsets.

export interface Paragraph {
  /** 0-based position among the text's paragraphs. */
  readonly index: number;
  /** Offset of the paragraph's first character (JS string index). */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
  readonly text: string;
}

// A blank line is a line holding nothing but spaces or tabs.
const BLANK_LINES = /\r?\n(?:[ \t]*\r?\n)+/g;

export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let from = 0;
  const push = (to: number): void => {
    const chunk = text.slice(from, to);
    const lead = chunk.length - chunk.trimStart().length;
    const body = chunk.trim();
    if (body !== '') {
      const start = from + lead;
      paragraphs.push({ index: paragraphs.length, start, end: start + body.length, text: body });
    }
  };
  for (const separator of text.matchAll(BLANK_LINES)) {
    push(separator.index);
    from = separator.index + separator[0].length;
  }
  push(text.length);
  return paragraphs;
}

/** The paragraph that wholly contains [start, end), if any. */
export function paragraphAt(
  paragraphs: readonly Paragraph[],
  start: number,
  end: number,
): Paragraph | undefined {
  return paragraphs.find((p) => p.start <= start && end <= p.end);
}
