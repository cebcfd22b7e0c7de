// Prints the report as plain-text tables: per page, then each further figure, then the targets.
import type { Report } from './report.js';
import type { Summary } from './stats.js';
import { statusOf } from './targets.js';

const fmt = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
/** "median (min–max)". */
const mmm = (s: Summary, digits = 1) =>
  Number.isFinite(s.median)
    ? `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`
    : 'n/a';

function table(print: (line: string) => void, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  print(line(head));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) print(line(row));
  print('');
}

export function printTables(report: Report, print: (line: string) => void): void {
  const m = report.machine;
  print(`Context Lens benchmark, ${m.date}: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}`);
  print(
    `Chromium ${m.chromium}${m.firefox ? `, Firefox ${m.firefox}` : ''}, Node ${m.node}; ${report.runs} runs per figure, median (min–max); ${report.seconds.toFixed(0)} s`,
  );
  for (const notice of report.notices) print(`Notice: ${notice}`);
  print('');
  print(
    'Chromium, per page (ms; ratios run by run). Context Lens = its whole main-thread cost, from a trace.',
  );
  table(
    print,
    [
      'page',
      'KB',
      'text nodes',
      'found',
      'floor',
      'mark.js',
      'Context Lens',
      'CL ÷ floor',
      'mark.js ÷ CL',
      'mark.js ÷ floor',
      'longest task',
      'first highlight',
      'heap +MB',
    ],
    report.pages.map((p) => [
      p.page,
      fmt(p.bytes / 1024, 0),
      String(p.textNodes),
      `${fmt(p.highlights, 0)}${p.planted !== null ? `/${p.planted}` : ''}`,
      mmm(p.floorMs),
      mmm(p.markJsMs, 0),
      mmm(p.totalMs),
      mmm(p.totalOverFloor, 2),
      mmm(p.markJsOverTotal, 1),
      mmm(p.markJsOverFloor, 1),
      mmm(p.longestTaskMs),
      mmm(p.firstHighlightMs, 0),
      mmm(p.heapGrowthMb, 2),
    ]),
  );
  const d = report.dictionary;
  if (d) {
    print(`Dictionary scaling (${d.page}): 3 topics vs 10,000 generated phrases added`);
    table(
      print,
      ['build', 'Context Lens ms', 'longest task', 'found', '10k ÷ 3 topics'],
      [
        ['3 topics', mmm(d.threeTopicsMs), '', '', ''],
        [
          '+10,000 phrases',
          mmm(d.tenThousandMs),
          mmm(d.longestTaskMs),
          fmt(d.highlights, 0),
          mmm(d.ratio, 2),
        ],
      ],
    );
  }
  const inc = report.incremental;
  if (inc) {
    print(
      `Incremental: ${fmt(inc.appendedKb, 0)} KB appended in 100 bursts of 10 paragraphs to the scanned 1 MB page (${fmt(inc.highlightsAdded, 0)}/${inc.plantedInBursts} new mentions found)`,
    );
    table(
      print,
      ['figure', 'value'],
      [
        ['first scan, ms per KB', mmm(inc.initialMsPerKb, 4)],
        ['appended, ms per KB', mmm(inc.appendedMsPerKb, 4)],
        ['appended ÷ first scan', mmm(inc.ratio, 2)],
        ['longest task while appending, ms', mmm(inc.longestTaskMs)],
      ],
    );
  }
  const h = report.hover;
  if (h) {
    print(
      `Hover: ${h.moves} pointer moves over the mention-dense page${h.handled ? '' : ' (no move ran extension code: this build handles no pointer moves)'}`,
    );
    table(
      print,
      ['figure', 'ms'],
      [
        ['median (all moves)', fmt(h.medianMs, 3)],
        [
          'median, a content script whose listener does nothing (the floor)',
          h.emptyListenerMedianMs === null ? 'not measured' : fmt(h.emptyListenerMedianMs, 3),
        ],
        [
          'median over the floor',
          h.emptyListenerMedianMs === null
            ? 'not measured'
            : fmt(h.medianMs - h.emptyListenerMedianMs, 3),
        ],
        ['p99 (all moves)', fmt(h.p99Ms, 3)],
        ['mean (our work over the sweep ÷ moves)', fmt(h.meanMs, 3)],
        ['max', fmt(h.maxMs, 3)],
        ['median per run', mmm(h.runMedianMs, 3)],
        ['p99 per run', mmm(h.runP99Ms, 3)],
      ],
    );
  }
  const p = report.popup;
  if (p) {
    print('Popup on the mention-dense page (Chromium, real action popup)');
    table(
      print,
      ['figure', 'ms'],
      [
        ['openPopup() → summary drawn', mmm(p.openToDrawnMs, 0)],
        [
          'openPopup() → drawn, a bare popup page (the floor)',
          p.bareOpenToDrawnMs ? mmm(p.bareOpenToDrawnMs, 0) : 'not measured',
        ],
        [
          'summary drawn, over the bare popup (medians)',
          p.bareOpenToDrawnMs
            ? (p.openToDrawnMs.median - p.bareOpenToDrawnMs.median).toFixed(0)
            : 'not measured',
        ],
        ['popup document start → summary drawn', mmm(p.documentToDrawnMs, 0)],
        ['popup document start → summary received', mmm(p.documentToReceivedMs, 0)],
        ['summary received → drawn', mmm(p.renderMs)],
        ['popup document start → whole list drawn', mmm(p.documentToCompleteMs, 0)],
        ["content script's work in the page meanwhile", mmm(p.pageWorkMs)],
      ],
    );
  }
  if (report.firefox) {
    print(
      'Firefox (no trace over WebDriver BiDi: Context Lens timed by wall clock, from frames that see its highlights change)',
    );
    table(
      print,
      [
        'page',
        'found',
        'floor',
        'mark.js',
        'CL first→last highlight',
        'CL ÷ floor',
        'mark.js ÷ CL',
        'DOMContentLoaded→last highlight',
      ],
      report.firefox.map((f) => [
        f.page,
        fmt(f.highlights, 0),
        mmm(f.floorMs),
        mmm(f.markJsMs, 0),
        mmm(f.firstToLastMs, 0),
        mmm(f.firstToLastOverFloor, 2),
        mmm(f.markJsOverFirstToLast, 1),
        mmm(f.loadedToLastMs, 0),
      ]),
    );
  }
  print('Bundle sizes');
  table(
    print,
    ['browser', 'script', 'bytes', 'gzip', 'in every page'],
    report.bundles.map((b) => [
      b.browser,
      b.file,
      String(b.bytes),
      String(b.gzipBytes),
      b.contentScript ? 'yes' : '',
    ]),
  );
  print('Targets');
  table(
    print,
    ['figure', 'target', 'measured', 'status'],
    report.targets.map((t) => [t.figure, t.target, t.value, statusOf(t)]),
  );
}
