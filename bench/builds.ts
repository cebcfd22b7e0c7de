// Builds Context Lens for the benchmark with the project's own build.mjs: once as shipped, once
// with a dataset that adds 10,000 generated phrases to one topic (dictionary scaling), and copies
// with a file replaced (the floors: a bare popup, a listener that does nothing).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../src/data/schema.js';
import { createRandom } from './random.js';

export function buildExtension(
  root: string,
  outDir: string,
  datasetFile?: string | null,
  options: { readable?: boolean } = {},
): void {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTEXT_LENS_DIST: outDir };
  if (datasetFile) env.CONTEXT_LENS_DATASET = datasetFile;
  else delete env.CONTEXT_LENS_DATASET;
  if (options.readable) env.CONTEXT_LENS_READABLE = '1';
  else delete env.CONTEXT_LENS_READABLE;
  execFileSync(process.execPath, [join(root, 'build.mjs')], { cwd: root, env, stdio: 'pipe' });
}

/** A copy of the built extension `dist` in `out`, with `files` (path → text) written over it. */
export function alteredCopy(dist: string, out: string, files: Record<string, string>): string {
  rmSync(out, { recursive: true, force: true });
  cpSync(dist, out, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(out, path), text);
  return out;
}

// biome-ignore format: a syllable list reads best packed
const syllables = [
  'ka', 'lo', 'mi', 'tren', 'vos', 'dar', 'pel', 'quin', 'sor', 'tul', 'bex', 'ghar', 'ny', 'ost',
  'rim', 'zel', 'fa', 'hod', 'ju', 'wex', 'cro', 'len', 'sup', 'ith', 'mar', 'vel', 'yor', 'pru',
];

/** Made-up words in the shape of real ones: news pages share their letters but not their words. */
function phrase(next: () => number): string {
  const pick = () => syllables[Math.floor(next() * syllables.length)] ?? 'ka';
  const word = () => Array.from({ length: 2 + Math.floor(next() * 2) }, pick).join('');
  return Array.from({ length: 2 + Math.floor(next() * 2) }, word).join(' ');
}

/**
 * Writes, in `dir`, the bundled dataset with `count` generated phrases added to the NATO missile
 * defense topic, and copies its source texts next to it (build.mjs reads them from there).
 */
export function writeDictionaryDataset(root: string, dir: string, count: number): string {
  const dataDir = join(root, 'assets/data');
  const dataset = JSON.parse(readFileSync(join(dataDir, 'dataset.json'), 'utf8')) as Dataset;
  const topic = dataset.topics.find((t) => t.id === 'nato-md') ?? dataset.topics[0];
  if (!topic) throw new Error('The dataset has no topic to add phrases to');
  const random = createRandom(2024);
  const added = new Set<string>();
  while (added.size < count) added.add(phrase(random.next));
  topic.match.phrases.push(...added);
  mkdirSync(dir, { recursive: true });
  for (const source of dataset.sources)
    copyFileSync(join(dataDir, source.file), join(dir, source.file));
  const file = join(dir, 'dataset.json');
  writeFileSync(file, JSON.stringify(dataset));
  return file;
}
