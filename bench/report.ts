// The benchmark's report: every figure with its median, min and max, and the targets,
// each checked against its figure (met, missed, or not measurable in this build).
import type { BundleSize } from './bundle.js';
import {
  type DictionaryFigures,
  dictionaryFigures,
  type FirefoxFigures,
  firefoxFigures,
  type HoverFigures,
  hoverFigures,
  type IncrementalFigures,
  incrementalFigures,
  type PageFigures,
  type PopupFigures,
  pageFigures,
  popupFigures,
} from './figures.js';
import type { FirefoxPage } from './firefox.js';
import type { HoverRun } from './hover.js';
import type { IncrementalRun } from './incremental.js';
import type { Machine } from './machine.js';
import type { PopupRun } from './popup.js';
import type { PageScan } from './scan-all.js';
import { printTables } from './tables.js';
import { type Target, targetsOf } from './targets.js';

export interface Report {
  machine: Machine;
  runs: number;
  seconds: number;
  notices: string[];
  bundles: BundleSize[];
  pages: PageFigures[];
  dictionary: DictionaryFigures | null;
  incremental: IncrementalFigures | null;
  hover: HoverFigures | null;
  popup: PopupFigures | null;
  firefox: FirefoxFigures[] | null;
  targets: Target[];
}

export interface ReportInput {
  machine: Machine;
  runs: number;
  seconds: number;
  notices: string[];
  bundles: BundleSize[];
  scans: PageScan[];
  incremental: IncrementalRun[] | null;
  hover: HoverRun[] | null;
  /** The same sweep with a content script whose listener does nothing. */
  emptyListener: HoverRun[] | null;
  popup: PopupRun[] | null;
  /** openPopup() → drawn of a bare popup page (`barePopupBuild`). */
  barePopup: number[] | null;
  firefox: FirefoxPage[] | null;
}

export function buildReport(input: ReportInput): Report {
  const dictionaryScan = input.scans.find((s) => s.dictionary.length > 0);
  const report: Omit<Report, 'targets'> = {
    machine: input.machine,
    runs: input.runs,
    seconds: input.seconds,
    notices: input.notices,
    bundles: input.bundles,
    pages: input.scans.map(pageFigures),
    dictionary: dictionaryScan ? dictionaryFigures(dictionaryScan) : null,
    incremental: input.incremental ? incrementalFigures(input.incremental) : null,
    hover: input.hover ? hoverFigures(input.hover, input.emptyListener) : null,
    popup: input.popup ? popupFigures(input.popup, input.barePopup) : null,
    firefox: input.firefox ? input.firefox.map(firefoxFigures) : null,
  };
  return { ...report, targets: targetsOf(report) };
}

export function printReport(report: Report, print: (line: string) => void): void {
  printTables(report, print);
}
