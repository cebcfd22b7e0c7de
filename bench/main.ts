// The benchmark's entry: builds Context Lens, generates the pages, starts the browsers and the page
// server, runs every measurement and prints the table (and writes JSON with --json FILE).
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../src/data/schema.js';
import {
  browserAvailable,
  browserInfo,
  launch,
  type Session,
} from '../tests/e2e/support/browsers.js';
import { buildExtension, writeDictionaryDataset } from './builds.js';
import { bundleSizes } from './bundle.js';
import { measureFirefox } from './firefox.js';
import { emptyListenerBuild, measureHover } from './hover.js';
import { measureIncremental } from './incremental.js';
import { machineInfo } from './machine.js';
import { parseOptions } from './options.js';
import { type BenchPage, generatedPages, realPages } from './pages.js';
import { barePopupBuild, measureBarePopup, measurePopup } from './popup.js';
import { profileAct, profilePage, readableBuild } from './profile.js';
import { buildReport, printReport } from './report.js';
import { scanPages } from './scan-all.js';
import { servePages } from './serve.js';
import { termsSource, topicTerms } from './terms.js';

export async function main(root: string, argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (!browserAvailable('chromium')) {
    log(
      `Chromium is needed at ${browserInfo.chromium.executable}: ${browserInfo.chromium.install}`,
    );
    return 2;
  }
  const notices: string[] = [];
  if (!browserAvailable('firefox')) {
    notices.push(
      `Firefox is not installed (${browserInfo.firefox.install}): its figures are skipped.`,
    );
  }
  const wants = (part: string) =>
    (!options.only || options.only.has(part)) &&
    (part !== 'firefox' || browserAvailable('firefox'));
  const started = Date.now();
  const work = join(tmpdir(), 'context-lens-bench');
  const mainDist = join(work, 'main');
  const dictionaryDist = join(work, 'dictionary');
  log('Building Context Lens as shipped…');
  buildExtension(root, mainDist);
  // `--profile PAGE --only dictionary` profiles the 10,000-phrase build.
  const profileDictionary = Boolean(options.profile && options.only?.has('dictionary'));
  let dictionaryFile: string | null = null;
  if (wants('dictionary')) {
    log('Building it again with 10,000 generated phrases added…');
    dictionaryFile = writeDictionaryDataset(root, join(work, 'data'), 10_000);
    if (!options.profile) buildExtension(root, dictionaryDist, dictionaryFile);
  }

  const real = realPages(join(root, '..', 'shared', 'pages'));
  if (real.notice) notices.push(real.notice);
  for (const notice of notices) log(notice);
  const pages: BenchPage[] = [...generatedPages(), ...real.pages].filter(
    (p) =>
      (!options.pages || options.pages.has(p.name)) &&
      (!options.profile || options.profile === p.name),
  );
  if (options.profile && pages.length === 0) {
    log(`No page named ${options.profile}`);
    return 2;
  }
  const server = await servePages(new Map(pages.map((p) => [p.name, p.html])));
  // The dataset as written, with its topics' terms (the bundles ship them as a rule plan).
  const dataset = JSON.parse(
    readFileSync(join(root, 'assets/data/dataset.json'), 'utf8'),
  ) as Dataset;
  const terms = termsSource(topicTerms(dataset));
  const markJs = readFileSync(join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const sessions: Session[] = [];
  const start = async (name: 'chromium' | 'firefox', dir: string | null) => {
    const session = await launch(name, dir ? { extensionDir: dir } : { withExtension: false });
    sessions.push(session);
    return session;
  };
  try {
    const profiled = pages[0];
    if (options.profile && profiled) {
      const readable = readableBuild(
        root,
        join(work, 'readable'),
        profileDictionary ? dictionaryFile : null,
      );
      await profilePage(
        await start('chromium', readable),
        server,
        profiled,
        (line) => process.stdout.write(`${line}\n`),
        profileAct(options.only),
      );
      return 0;
    }
    const baseline = await start('chromium', null);
    const extension = await start('chromium', join(mainDist, 'chrome'));
    const dictionary = wants('dictionary')
      ? await start('chromium', join(dictionaryDist, 'chrome'))
      : null;
    const find = (name: string) => pages.find((p) => p.name === name);
    // Dictionary scaling runs inside the scan of its page, next to the shipped build's runs.
    const scanned = wants('scan')
      ? pages
      : pages.filter((p) => dictionary && p.name === 'gen-10mb');
    log(`Scanning ${scanned.length} pages, ${options.runs} runs each…`);
    const scans = await scanPages(
      { baseline, extension, dictionary },
      server,
      scanned,
      { runs: options.runs, dictionaryPage: 'gen-10mb', markJs, terms },
      log,
    );
    const oneMb = find('gen-1mb');
    const dense = find('gen-dense');
    const incremental =
      wants('incremental') && oneMb
        ? await measureIncremental(extension, server, oneMb, options.runs, log)
        : null;
    const hover =
      wants('hover') && dense
        ? await measureHover(extension, server, dense, options.runs, log)
        : null;
    // The floor for a pointer move: the same sweep, over a listener that does nothing.
    const emptyListener =
      hover && dense
        ? await measureHover(
            await start(
              'chromium',
              emptyListenerBuild(join(mainDist, 'chrome'), join(work, 'empty-listener')),
            ),
            server,
            dense,
            options.runs,
            log,
          )
        : null;
    const popup =
      wants('popup') && dense
        ? await measurePopup(extension, server, dense, options.runs, log)
        : null;
    // The floor for the popup: the same action popup, as a page that draws nothing.
    const barePopup =
      popup && dense
        ? await measureBarePopup(
            await start('chromium', barePopupBuild(join(mainDist, 'chrome'), join(work, 'bare'))),
            server,
            dense,
            options.runs,
            log,
          )
        : null;
    const firefox = wants('firefox')
      ? await measureFirefox(
          { start: (dir) => start('firefox', dir) },
          join(mainDist, 'firefox'),
          server,
          pages.filter((p) => p.generated),
          { runs: options.runs, markJs, terms },
          log,
        )
      : null;
    const report = buildReport({
      machine: await machineInfo(extension, sessions.find((s) => s.name === 'firefox') ?? null),
      runs: options.runs,
      bundles: bundleSizes(mainDist),
      scans,
      incremental,
      hover,
      emptyListener,
      popup,
      barePopup,
      firefox,
      notices,
      seconds: (Date.now() - started) / 1000,
    });
    printReport(report, (line) => process.stdout.write(`${line}\n`));
    if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    return report.targets.every((t) => t.met !== false) ? 0 : 1;
  } finally {
    for (const session of sessions) await session.browser.close().catch(() => undefined);
    await server.close();
  }
}
