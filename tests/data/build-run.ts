// Runs the project's build.mjs on another dataset, in a temporary folder, and reports how it went.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuildRun {
  status: number | null;
  stderr: string;
  /** The built Chrome extension's files that were asked for, by path (null: not written). */
  files: Record<string, string | null>;
}

/** Builds with `dataset` (JSON text) and its `sources` (file name → text) beside it. */
export function buildWith(
  dataset: string,
  sources: Record<string, string>,
  read: string[] = ['manifest.json'],
): BuildRun {
  const dir = mkdtempSync(join(tmpdir(), 'context-lens-build-'));
  try {
    writeFileSync(join(dir, 'dataset.json'), dataset);
    for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, name), text);
    const run = spawnSync(process.execPath, [join(projectRoot, 'build.mjs')], {
      cwd: projectRoot,
      env: {
        ...process.env,
        CONTEXT_LENS_DIST: join(dir, 'dist'),
        CONTEXT_LENS_DATASET: join(dir, 'dataset.json'),
      },
      encoding: 'utf8',
    });
    const files: Record<string, string | null> = {};
    for (const path of read) {
      const file = join(dir, 'dist/chrome', path);
      files[path] = existsSync(file) ? readFileSync(file, 'utf8') : null;
    }
    return { status: run.status, stderr: run.stderr, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
