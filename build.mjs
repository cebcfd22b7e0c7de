// Builds Context Lens for Chrome and Firefox from one manifest: checks the dataset, bundles the
// entry points with esbuild and writes dist/chrome and dist/firefox (plus store packages with --package).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { cssTextPlugin } from './scripts/css-text-plugin.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const pack = args.has('--package');
const browsers = ['chrome', 'firefox'];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Where builds go; CONTEXT_LENS_DIST lets parallel work use separate folders. */
const distRoot = process.env.CONTEXT_LENS_DIST || join(root, 'dist');
/** CONTEXT_LENS_READABLE=1 leaves the bundles unminified (the benchmark's profiles read names). */
const readable = process.env.CONTEXT_LENS_READABLE === '1';
/** The dataset to bundle; CONTEXT_LENS_DATASET builds with another (its sources sit next to it). */
const datasetFile = process.env.CONTEXT_LENS_DATASET || join(root, 'assets/data/dataset.json');

/** Per-browser differences live here and nowhere else (mirrored in vitest.config.ts). */
const targets = {
  chrome: {
    esbuildTarget: ['chrome128'],
    patchManifest: (m) => ({
      ...m,
      minimum_chrome_version: '128',
      background: { service_worker: 'background.js' },
    }),
  },
  firefox: {
    esbuildTarget: ['firefox142'],
    patchManifest: (m) => ({
      ...m,
      background: { scripts: ['background.js'] },
      browser_specific_settings: {
        gecko: {
          id: 'context-lens@context-lens.invalid',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  },
};

const entryPoints = {
  // Injected at document_start, before the page's DOM can clobber the extension's globals.
  guard: 'src/content/guard.ts',
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  'popup/popup': 'src/popup/index.ts',
  'options/options': 'src/options/index.ts',
};

/** Static files copied as they are: [from, to] relative to the project and the browser's dist. */
const staticFiles = [
  ['assets/_locales', '_locales'],
  ['assets/icons', 'icons'],
  ['src/shared/palette.css', 'palette.css'],
  ['src/popup/popup.html', 'popup/popup.html'],
  ['src/popup/popup.css', 'popup/popup.css'],
  ['src/options/options.html', 'options/options.html'],
  ['src/options/options.css', 'options/options.css'],
];

/** Fields only the dataset's checks read, against the article; the bundles leave them out. */
const checkOnlyFields = {
  sources: ['file', 'authorNote', 'yearBasis'],
  statements: ['end', 'paragraph'],
};

function shippedDataset(dataset) {
  const shipped = { ...dataset };
  for (const [list, fields] of Object.entries(checkOnlyFields)) {
    shipped[list] = dataset[list].map((entry) => {
      const kept = { ...entry };
      for (const field of fields) delete kept[field];
      return kept;
    });
  }
  // The topics' matching rules ship as the plan made from them (rulePlanModule).
  shipped.topics = dataset.topics.map(({ match, ...topic }) => topic);
  return shortenReferences(shipped);
}

/**
 * Statements and dates are only referred to inside the dataset, so their ids ship as short codes
 * in the order they come (their readable ids, such as "s-quote-epaa-not-against-russia", were
 * 2 KB of the content script). Topic ids (highlight names, settings) and event ids (the
 * timeline's marks) stay as they are.
 */
function shortenReferences(dataset) {
  const codes = (list, prefix) =>
    new Map(list.map((entry, i) => [entry.id, prefix + i.toString(36)]));
  const statementCode = codes(dataset.statements, 's');
  const dateCode = codes(dataset.dates, 'd');
  const date = (id) => (id ? (dateCode.get(id) ?? id) : id);
  return {
    ...dataset,
    dates: dataset.dates.map((d) => ({ ...d, id: date(d.id) })),
    statements: dataset.statements.map((s) => ({
      ...s,
      id: statementCode.get(s.id) ?? s.id,
      ...(s.date === undefined ? {} : { date: date(s.date) }),
    })),
    events: dataset.events.map((e) => ({
      ...e,
      date: date(e.date),
      statements: e.statements.map((id) => statementCode.get(id) ?? id),
    })),
  };
}

let parsed = { mtimeMs: -1, dataset: null };
/** The dataset file, parsed once per change of it (the check, the bundles and the CSS read it). */
function readDataset() {
  const { mtimeMs } = statSync(datasetFile);
  if (parsed.mtimeMs !== mtimeMs)
    parsed = { mtimeMs, dataset: JSON.parse(readFileSync(datasetFile, 'utf8')) };
  return parsed.dataset;
}

/**
 * src/data/rule-plan.ts as the bundles get it: the plan made here, once, from the dataset's
 * topics, so no frame spells out, anchors and groups the terms again.
 */
function rulePlanModule() {
  return `export const rulePlan = ${JSON.stringify(planRules(readDataset().topics))};`;
}

/** A TypeScript module of src/, bundled for Node and imported: the build runs the extension's code. */
async function importSource(path) {
  const out = await esbuild.build({
    entryPoints: [join(root, path)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.text ?? '';
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** A topic's palette slot by its place in the dataset, as our pages and card compute it. */
const { topicSlot } = await importSource('src/core/topic-slot.ts');
const { planRules } = await importSource('src/core/rules.ts');

/** Fails the build with one line per problem when the dataset is broken. */
async function checkDatasetOrExit() {
  const mod = await importSource('src/data/check.ts');
  const dataDir = dirname(datasetFile);
  let raw;
  try {
    raw = readDataset();
  } catch (error) {
    console.error(`${datasetFile} cannot be read as JSON: ${error.message}`);
    process.exit(1);
  }
  const sources = {};
  for (const source of Array.isArray(raw?.sources) ? raw.sources : []) {
    const file = source?.file;
    // A missing or unreadable file is left out: the check then names the source that lacks it.
    if (typeof file === 'string' && /^[\w.-]+$/.test(file) && existsSync(join(dataDir, file))) {
      sources[file] = readFileSync(join(dataDir, file), 'utf8');
    }
  }
  const result = mod.checkDataset(raw, sources);
  if (!result.ok) {
    console.error(`${process.env.CONTEXT_LENS_DATASET || 'assets/data/dataset.json'} is invalid:`);
    for (const error of result.errors) console.error(`  - ${error}`);
    process.exit(1);
  }
}

function writeManifest(browser, outdir) {
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const manifest = targets[browser].patchManifest({ ...base, version: pkg.version });
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

function copyStatic(outdir) {
  for (const [from, to] of staticFiles) {
    mkdirSync(dirname(join(outdir, to)), { recursive: true });
    cpSync(join(root, from), join(outdir, to), { recursive: true });
  }
  writeFileSync(join(outdir, 'content.css'), highlightStyles());
}

/**
 * content.css with each slot's highlight names (`context-lens-slot-N`, `context-lens-fill-slot-N`)
 * replaced by those of the dataset's topics in slot N, so a topic added to the data is painted.
 */
function highlightStyles() {
  const css = readFileSync(join(root, 'src/content/content.css'), 'utf8');
  const topics = readDataset().topics;
  return css.replace(/::highlight\(context-lens-(fill-)?slot-(\d+)\)/g, (whole, fill, slot) => {
    const names = topics
      .filter((_, index) => topicSlot(index) === Number(slot))
      .map((topic) => `::highlight(context-lens-${fill ?? ''}${topic.id})`);
    // A slot no topic uses keeps its placeholder name, which no highlight has.
    return names.length > 0 ? names.join(', ') : whole;
  });
}

function esbuildOptions(browser, outdir) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    minify: !readable,
    sourcemap: false,
    legalComments: 'none',
    // Text as UTF-8, not \u escapes: the dataset's typographic quotes and dashes cost less.
    charset: 'utf8',
    target: targets[browser].esbuildTarget,
    define: { __BROWSER__: JSON.stringify(browser) },
    logLevel: 'warning',
    plugins: [
      {
        // src/data/dataset.ts imports the bundled dataset; this swaps in CONTEXT_LENS_DATASET's,
        // and ships it without the fields only the checks read (ShippedDataset in schema.ts).
        name: 'dataset-file',
        setup(build) {
          build.onResolve({ filter: /assets\/data\/dataset\.json$/ }, () => ({
            path: datasetFile,
            namespace: 'shipped-dataset',
          }));
          build.onLoad({ filter: /.*/, namespace: 'shipped-dataset' }, () => ({
            contents: JSON.stringify(shippedDataset(readDataset())),
            loader: 'json',
            watchFiles: [datasetFile],
          }));
          build.onLoad({ filter: /src[\\/]data[\\/]rule-plan\.ts$/ }, () => ({
            contents: rulePlanModule(),
            loader: 'js',
            watchFiles: [datasetFile],
          }));
        },
      },
      cssTextPlugin(targets[browser].esbuildTarget),
      {
        name: 'static-files',
        setup(build) {
          build.onEnd(() => {
            copyStatic(outdir);
            writeManifest(browser, outdir);
          });
        },
      },
    ],
  };
}

function packageBuilds() {
  const webExt = join(root, 'node_modules/.bin/web-ext');
  for (const browser of browsers) {
    execFileSync(
      webExt,
      [
        'build',
        '--source-dir',
        join(distRoot, browser),
        '--artifacts-dir',
        distRoot,
        '--filename',
        `context-lens-${browser}-${pkg.version}.zip`,
        '--overwrite-dest',
      ],
      { stdio: 'inherit' },
    );
  }
}

await checkDatasetOrExit();
for (const browser of browsers) {
  const outdir = join(distRoot, browser);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const options = esbuildOptions(browser, outdir);
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}
if (pack) packageBuilds();
if (watch) console.log('Watching the sources; each rebuild also recopies assets (Ctrl+C to stop).');
else console.log(`Built ${browsers.map((b) => join(distRoot, b)).join(' and ')}.`);
