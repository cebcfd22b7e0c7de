// Turns the raw runs into the figures the issue asks for: medians with min and max, and ratios
// taken run by run (runs made side by side share the machine's load).
import type { FirefoxPage } from './firefox.js';
import type { HoverRun } from './hover.js';
import type { IncrementalRun } from './incremental.js';
import type { PopupRun } from './popup.js';
import type { PageScan } from './scan-all.js';
import { pairedRatio, percentile, type Summary, summarize } from './stats.js';

export interface PageFigures {
  page: string;
  bytes: number;
  textNodes: number;
  planted: number | null;
  highlights: number;
  floorMs: Summary;
  markJsMs: Summary;
  totalMs: Summary;
  longestTaskMs: Summary;
  firstHighlightMs: Summary;
  spanMs: Summary;
  totalOverFloor: Summary;
  markJsOverTotal: Summary;
  markJsOverFloor: Summary;
  heapGrowthMb: Summary;
}

export function pageFigures(scan: PageScan): PageFigures {
  const b = scan.baseline;
  const e = scan.extension;
  const total = e.map((r) => r.totalMs);
  const floor = b.map((r) => r.ms);
  const mark = b.map((r) => r.markMs);
  return {
    page: scan.page.name,
    bytes: scan.page.bytes,
    textNodes: b[0]?.textNodes ?? 0,
    planted: scan.page.planted,
    highlights: summarize(e.map((r) => r.highlights)).median,
    floorMs: summarize(floor),
    markJsMs: summarize(mark),
    totalMs: summarize(total),
    longestTaskMs: summarize(e.map((r) => r.longestMs)),
    firstHighlightMs: summarize(e.map((r) => r.firstHighlightMs ?? Number.NaN)),
    spanMs: summarize(e.map((r) => r.spanMs)),
    totalOverFloor: pairedRatio(total, floor),
    markJsOverTotal: pairedRatio(mark, total),
    markJsOverFloor: pairedRatio(mark, floor),
    heapGrowthMb: summarize(e.map((r, i) => (r.heapBytes - (b[i]?.heapBytes ?? 0)) / 2 ** 20)),
  };
}

export interface DictionaryFigures {
  page: string;
  threeTopicsMs: Summary;
  tenThousandMs: Summary;
  ratio: Summary;
  longestTaskMs: Summary;
  highlights: number;
}

export function dictionaryFigures(scan: PageScan): DictionaryFigures | null {
  if (scan.dictionary.length === 0) return null;
  const three = scan.extension.map((r) => r.totalMs);
  const tenK = scan.dictionary.map((r) => r.totalMs);
  return {
    page: scan.page.name,
    threeTopicsMs: summarize(three),
    tenThousandMs: summarize(tenK),
    ratio: pairedRatio(tenK, three),
    longestTaskMs: summarize(scan.dictionary.map((r) => r.longestMs)),
    highlights: summarize(scan.dictionary.map((r) => r.highlights)).median,
  };
}

export interface IncrementalFigures {
  initialMsPerKb: Summary;
  appendedMsPerKb: Summary;
  ratio: Summary;
  longestTaskMs: Summary;
  appendedKb: number;
  highlightsAdded: number;
  plantedInBursts: number;
}

export function incrementalFigures(runs: IncrementalRun[]): IncrementalFigures {
  const initial = runs.map((r) => r.initialMs / r.initialKb);
  const appended = runs.map((r) => r.appendedMs / r.appendedKb);
  return {
    initialMsPerKb: summarize(initial),
    appendedMsPerKb: summarize(appended),
    ratio: pairedRatio(appended, initial),
    longestTaskMs: summarize(runs.map((r) => r.longestAppendedMs)),
    appendedKb: runs[0]?.appendedKb ?? 0,
    highlightsAdded: summarize(runs.map((r) => r.highlightsAfter - r.highlightsBefore)).median,
    plantedInBursts: runs[0]?.plantedInBursts ?? 0,
  };
}

export interface HoverFigures {
  moves: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  /**
   * Our whole work over the sweep per move: a median can leave out work done less often than
   * every other move (a timer reading the pointer now and then), a mean cannot.
   */
  meanMs: number;
  /** Per run: the median and p99 of that run's moves. */
  runMedianMs: Summary;
  runP99Ms: Summary;
  /** False when no move ran any of our code (this build handles no pointer moves). */
  handled: boolean;
  /** The median move of a content script whose listener does nothing (`emptyListenerBuild`). */
  emptyListenerMedianMs: number | null;
}

export function hoverFigures(runs: HoverRun[], emptyListener: HoverRun[] | null): HoverFigures {
  const all = runs.flatMap((r) => r.moves);
  const empty = emptyListener?.flatMap((r) => r.moves) ?? [];
  return {
    emptyListenerMedianMs: empty.length > 0 ? percentile(empty, 50) : null,
    moves: all.length,
    medianMs: percentile(all, 50),
    p99Ms: percentile(all, 99),
    maxMs: percentile(all, 100),
    meanMs: all.length > 0 ? all.reduce((sum, ms) => sum + ms, 0) / all.length : Number.NaN,
    runMedianMs: summarize(runs.map((r) => percentile(r.moves, 50))),
    runP99Ms: summarize(runs.map((r) => percentile(r.moves, 99))),
    handled: all.some((ms) => ms > 0),
  };
}

export interface PopupFigures {
  openToDrawnMs: Summary;
  documentToDrawnMs: Summary;
  documentToReceivedMs: Summary;
  renderMs: Summary;
  documentToCompleteMs: Summary;
  pageWorkMs: Summary;
  /** openPopup() → drawn for a bare popup page: the least any popup takes here. */
  bareOpenToDrawnMs: Summary | null;
}

export function popupFigures(runs: PopupRun[], bare: number[] | null): PopupFigures {
  return {
    openToDrawnMs: summarize(runs.map((r) => r.openToDrawnMs)),
    documentToDrawnMs: summarize(runs.map((r) => r.documentToDrawnMs)),
    documentToReceivedMs: summarize(runs.map((r) => r.documentToReceivedMs)),
    renderMs: summarize(runs.map((r) => r.renderMs)),
    documentToCompleteMs: summarize(runs.map((r) => r.documentToCompleteMs)),
    pageWorkMs: summarize(runs.map((r) => r.pageWorkMs)),
    bareOpenToDrawnMs: bare ? summarize(bare) : null,
  };
}

export interface FirefoxFigures {
  page: string;
  floorMs: Summary;
  markJsMs: Summary;
  loadedToLastMs: Summary;
  firstToLastMs: Summary;
  firstToLastOverFloor: Summary;
  markJsOverFirstToLast: Summary;
  highlights: number;
}

export function firefoxFigures(page: FirefoxPage): FirefoxFigures {
  const floor = page.runs.map((r) => r.floorMs);
  const mark = page.runs.map((r) => r.markMs);
  const scan = page.runs.map((r) => r.firstToLastMs);
  return {
    page: page.page,
    floorMs: summarize(floor),
    markJsMs: summarize(mark),
    loadedToLastMs: summarize(page.runs.map((r) => r.loadedToLastMs)),
    firstToLastMs: summarize(scan),
    firstToLastOverFloor: pairedRatio(scan, floor),
    markJsOverFirstToLast: pairedRatio(mark, scan),
    highlights: summarize(page.runs.map((r) => r.highlights)).median,
  };
}
