// `npm run bench`: bundles the TypeScript benchmark (bench/main.ts) with esbuild, which the
// project already uses, and runs it with Node; no TypeScript loader needed.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// Inside node_modules, so the bundle's bare imports (puppeteer-core) resolve as the project's do.
const outfile = join(root, 'node_modules/.cache/context-lens-bench/main.mjs');
await esbuild.build({
  entryPoints: [join(root, 'bench/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // The dataset's JSON is bundled like the extension bundles it.
  loader: { '.json': 'json' },
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(root, process.argv.slice(2));
