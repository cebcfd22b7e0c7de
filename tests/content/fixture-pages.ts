// Test helper: the real-page fixtures in tests/fixtures/pages/<name>/ (page.html plus the
// mentions a careful reader marks on it, in expected.json), shared by the jsdom and e2e tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const pagesDir = join(import.meta.dirname, '../fixtures/pages');

export interface ExpectedMention {
  topic: string;
  text: string;
}

export interface FixturePage {
  name: string;
  html: string;
  description: string;
  mentions: ExpectedMention[];
}

/** The text as a reader sees it: runs of HTML white space (not NBSP) read as one space. */
export const asRendered = (text: string) => text.replace(/[ \t\n\r\f]+/g, ' ');

function readExpected(file: string): { description: string; mentions: ExpectedMention[] } {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const data = raw as { description?: unknown; mentions?: unknown };
  const ok =
    typeof data.description === 'string' &&
    Array.isArray(data.mentions) &&
    data.mentions.every(
      (m: { topic?: unknown; text?: unknown }) =>
        typeof m.topic === 'string' && typeof m.text === 'string' && m.text !== '',
    );
  if (!ok) throw new Error(`${file}: expected { description, mentions: [{ topic, text }] }`);
  return data as { description: string; mentions: ExpectedMention[] };
}

export function fixturePages(): FixturePage[] {
  return readdirSync(pagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => {
      const page = join(pagesDir, name, 'page.html');
      const expected = join(pagesDir, name, 'expected.json');
      if (!existsSync(page) || !existsSync(expected)) {
        throw new Error(`tests/fixtures/pages/${name} needs page.html and expected.json`);
      }
      return { name, html: readFileSync(page, 'utf8'), ...readExpected(expected) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
