// Localization conventions: every string the extension shows goes through _locales. Every key
// the code uses exists in the English messages, every key defined there is used somewhere, and
// every message's $PLACEHOLDERS$ are declared.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const messages: Record<string, Message> = JSON.parse(
  readFileSync(join(root, 'assets/_locales/en/messages.json'), 'utf8'),
);
const defined = Object.keys(messages);
const sources = filesUnder('src', /\.(?:ts|html)$/).map((path) =>
  readFileSync(join(root, path), 'utf8'),
);
const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
const everything = [...sources, manifest].join('\n');

/** Keys start with the context they belong to ("popup", "options", "context", …). */
const prefixes = [...new Set(defined.map((key) => /^[a-z]+/.exec(key)?.[0] ?? key))];
const keyLike = new RegExp(`['"\`]((?:${prefixes.join('|')})[A-Z]\\w*)['"\`]`, 'g');
const lookups = /(?:\bt|getMessage)\(\s*['"`](@?\w+)['"`]/g;
const manifestKeys = /__MSG_(\w+)__/g;

describe('locale messages', () => {
  it('has every key the code and the manifest use', () => {
    const used = new Set<string>();
    for (const text of [...sources, manifest]) {
      for (const pattern of [keyLike, lookups, manifestKeys]) {
        for (const match of text.matchAll(pattern)) if (match[1]) used.add(match[1]);
      }
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) => !key.startsWith('@@') && !(key in messages));
    expect(missing).toEqual([]);
  });

  it('uses every key it defines', () => {
    const unused = defined.filter(
      (key) => !everything.includes(`'${key}'`) && !everything.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });

  it('declares every placeholder a message uses, and describes every message', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const inText = [...entry.message.matchAll(/\$(\w+)\$/g)].map((m) =>
        (m[1] ?? '').toLowerCase(),
      );
      const declared = Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase());
      expect(inText.sort(), key).toEqual(declared.sort());
      expect(entry.description, key).toBeTruthy();
    }
  });
});
