// Runs `web-ext lint` on the Firefox build and fails on any error, warning or notice: the build
// must be clean for addons.mozilla.org, not merely acceptable.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(process.env.CONTEXT_LENS_DIST || join(root, 'dist'), 'firefox');
const run = spawnSync(
  join(root, 'node_modules/.bin/web-ext'),
  ['lint', '--source-dir', source, '--no-input', '--output', 'json'],
  { encoding: 'utf8' },
);
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`web-ext lint gave no report:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
const { errors, warnings, notices } = report.summary;
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const item of report[kind] ?? []) {
    console.error(`${kind.slice(0, -1)}: ${item.code} ${item.message} (${item.file ?? ''})`);
  }
}
console.log(`web-ext lint ${source}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors + warnings + notices === 0 ? 0 : 1);
