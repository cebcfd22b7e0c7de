// Sizes of the built scripts, as shipped (minified, dataset included) and gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  browser: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Listed in the manifest's content_scripts: runs in every page. */
  contentScript: boolean;
}

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

export function bundleSizes(distRoot: string): BundleSize[] {
  return ['chrome', 'firefox'].flatMap((browser) => {
    const dir = join(distRoot, browser);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      content_scripts?: { js?: string[] }[];
    };
    const injected = new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []));
    return scripts(dir)
      .sort()
      .map((path) => {
        const content = readFileSync(path);
        return {
          browser,
          file: relative(dir, path),
          bytes: content.length,
          gzipBytes: gzipSync(content, { level: 9 }).length,
          contentScript: injected.has(relative(dir, path)),
        };
      });
  });
}
