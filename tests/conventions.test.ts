// Convention tests: the rules of the codebase that a reviewer would otherwise have to remember.
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

const sources = filesUnder('src', /\.ts$/).map((path) => ({
  path,
  text: readFileSync(join(root, path), 'utf8'),
}));

const offenders = (pattern: RegExp, files = sources) =>
  files.filter((f) => pattern.test(f.text)).map((f) => f.path);

describe('source conventions', () => {
  it('uses no HTML sinks and no eval', () => {
    expect(
      offenders(
        /\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|setHTMLUnsafe|createContextualFragment|\beval\(|new Function\(/,
      ),
    ).toEqual([]);
  });

  it('has no way to reach the network', () => {
    expect(
      offenders(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|new Image\(/),
    ).toEqual([]);
  });

  it('reaches the WebExtension API only through the one seam', () => {
    const seam = join('src', 'shared', 'browser-api.ts');
    expect(offenders(/from ['"]webextension-polyfill['"]/).filter((p) => p !== seam)).toEqual([]);
  });

  it('keeps src/core pure: no DOM, no browser API', () => {
    const core = sources.filter((f) => f.path.startsWith(join('src', 'core')));
    expect(core.length).toBeGreaterThan(0);
    expect(
      offenders(/from ['"]\.\.\/(?:content|background|popup|options|shared\/browser-api)/, core),
    ).toEqual([]);
    // String literals are blanked first: a host name like 'chrome.google.com' is data, not an API.
    const code = core.map((f) => ({ ...f, text: f.text.replace(/'(?:[^'\\\n]|\\.)*'/g, "''") }));
    expect(offenders(/\b(?:document|window|chrome|browser|navigator)\./, code)).toEqual([]);
  });

  it('starts every module with a comment saying its job', () => {
    const bare = sources
      .filter((f) => !f.path.endsWith('.d.ts'))
      .filter((f) => !/^\s*(?:\/\/|\/\*)/.test(f.text))
      .map((f) => f.path);
    expect(bare).toEqual([]);
  });
});

describe('manifest', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('asks for exactly the permissions the README documents', () => {
    const table = readme.slice(readme.indexOf('## Permissions'), readme.indexOf('## Privacy'));
    const documented = [...table.matchAll(/^\| `([a-zA-Z.]+)`\s*\|/gm)].map((m) => m[1]).sort();
    const requested = [
      ...(manifest.permissions ?? []),
      ...(manifest.optional_permissions ?? []),
    ].sort();
    expect(requested).toEqual(documented);
  });

  it('runs its content script only on web pages', () => {
    const matches = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    expect([...new Set(matches)].sort()).toEqual(['http://*/*', 'https://*/*']);
  });

  it('forbids remote code and connections on extension pages', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('names every manifest string through _locales', () => {
    const messages = JSON.parse(
      readFileSync(join(root, 'assets/_locales/en/messages.json'), 'utf8'),
    );
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(Object.keys(messages)).toContain(key);
  });
});
