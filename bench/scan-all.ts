// The page-by-page part of the benchmark in Chromium: on each page, run after run, the floor and
// mark.js (no extension), Context Lens as installed, and on the 10 MB page the 10,000-phrase build.
import type { Session } from '../tests/e2e/support/browsers.js';
import type { BenchPage } from './pages.js';
import { type BaselineRun, baselineRun, type ExtensionRun, extensionRun } from './scan.js';
import type { PageServer } from './serve.js';

export interface PageScan {
  page: BenchPage;
  baseline: BaselineRun[];
  extension: ExtensionRun[];
  /** The 10,000-phrase build, on the page dictionary scaling is measured on. */
  dictionary: ExtensionRun[];
}

export interface ScanSessions {
  baseline: Session;
  extension: Session;
  dictionary: Session | null;
}

export async function scanPages(
  sessions: ScanSessions,
  server: PageServer,
  pages: readonly BenchPage[],
  options: { runs: number; dictionaryPage: string; markJs: string; terms: string },
  log: (line: string) => void,
): Promise<PageScan[]> {
  const scans: PageScan[] = [];
  for (const page of pages) {
    const scan: PageScan = { page, baseline: [], extension: [], dictionary: [] };
    const url = server.url(page.name);
    for (let run = 1; run <= options.runs; run++) {
      // Side by side in each run, so a busy moment of the machine weighs on all of them alike.
      scan.baseline.push(await baselineRun(sessions.baseline, server.origin, url, options));
      scan.extension.push(await extensionRun(sessions.extension, server.origin, url, page.bytes));
      if (sessions.dictionary && page.name === options.dictionaryPage) {
        scan.dictionary.push(
          await extensionRun(sessions.dictionary, server.origin, url, page.bytes),
        );
      }
      const b = scan.baseline.at(-1);
      const e = scan.extension.at(-1);
      log(
        `  ${page.name} run ${run}: floor ${b?.ms.toFixed(1)} ms, mark.js ${b?.markMs.toFixed(0)} ms, ` +
          `Context Lens ${e?.totalMs.toFixed(1)} ms (longest ${e?.longestMs.toFixed(1)}, ` +
          `${e?.highlights} highlights)${scan.dictionary.length ? `, 10k phrases ${scan.dictionary.at(-1)?.totalMs.toFixed(1)} ms` : ''}`,
      );
    }
    scans.push(scan);
  }
  return scans;
}
