// The targets, each checked against the figure it names. A target whose figure this run
// could not measure is reported as such (met: null), never as met.
import type { Report } from './report.js';
import type { Summary } from './stats.js';

export interface Target {
  figure: string;
  target: string;
  value: string;
  /** null: not measured in this run (the note says why). */
  met: boolean | null;
  note?: string;
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const range = (s: Summary, digits = 2) =>
  `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;

function check(
  figure: string,
  target: string,
  value: number,
  ok: (v: number) => boolean,
  shown: string,
): Target {
  return { figure, target, value: shown, met: Number.isFinite(value) ? ok(value) : null };
}

const unmeasured = (figure: string, target: string, note: string): Target => ({
  figure,
  target,
  value: 'n/a',
  met: null,
  note,
});

export function targetsOf(report: Omit<Report, 'targets'>): Target[] {
  const targets: Target[] = [];
  const big = report.pages.find((p) => p.page === 'gen-10mb');
  targets.push(
    big
      ? check(
          'Context Lens total ÷ floor, 10 MB page',
          '≤ 2.0',
          big.totalOverFloor.median,
          (v) => v <= 2,
          range(big.totalOverFloor),
        )
      : unmeasured('Context Lens total ÷ floor, 10 MB page', '≤ 2.0', 'the 10 MB page was not run'),
  );
  if (report.pages.length > 0) {
    const worst = report.pages.reduce((a, b) =>
      b.markJsOverTotal.median < a.markJsOverTotal.median ? b : a,
    );
    targets.push(
      check(
        'mark.js ÷ Context Lens, every page',
        '≥ 10',
        worst.markJsOverTotal.median,
        (v) => v >= 10,
        `${fmt(worst.markJsOverTotal.median, 1)} (worst: ${worst.page})`,
      ),
    );
    const longest = report.pages.reduce((a, b) =>
      b.longestTaskMs.median > a.longestTaskMs.median ? b : a,
    );
    targets.push(
      check(
        'Longest task of ours, every page',
        '≤ 50 ms',
        longest.longestTaskMs.median,
        (v) => v <= 50,
        `${fmt(longest.longestTaskMs.median, 1)} ms (worst: ${longest.page})`,
      ),
    );
  }
  const d = report.dictionary;
  targets.push(
    d
      ? check(
          '10,000 phrases ÷ 3 topics, 10 MB page',
          '≤ 1.3',
          d.ratio.median,
          (v) => v <= 1.3,
          range(d.ratio),
        )
      : unmeasured('10,000 phrases ÷ 3 topics, 10 MB page', '≤ 1.3', 'not run'),
  );
  const inc = report.incremental;
  targets.push(
    inc
      ? check(
          'Appended cost per KB ÷ initial cost per KB',
          '≤ 1.5',
          inc.ratio.median,
          (v) => v <= 1.5,
          range(inc.ratio),
        )
      : unmeasured('Appended cost per KB ÷ initial cost per KB', '≤ 1.5', 'not run'),
  );
  const h = report.hover;
  if (h?.handled) {
    targets.push(
      check(
        'Pointer move, 5,000 mentions: median',
        '≤ 0.1 ms',
        h.medianMs,
        (v) => v <= 0.1,
        `${fmt(h.medianMs, 3)} ms` +
          (h.emptyListenerMedianMs === null
            ? ''
            : `; an empty listener: ${fmt(h.emptyListenerMedianMs, 3)} ms`),
      ),
    );
    targets.push(
      check(
        'Pointer move, 5,000 mentions: p99',
        '≤ 1 ms',
        h.p99Ms,
        (v) => v <= 1,
        `${fmt(h.p99Ms, 3)} ms`,
      ),
    );
  } else {
    const why = h ? 'no pointer move ran any extension code' : 'not run';
    targets.push(unmeasured('Pointer move, 5,000 mentions: median', '≤ 0.1 ms', why));
    targets.push(unmeasured('Pointer move, 5,000 mentions: p99', '≤ 1 ms', why));
  }
  const p = report.popup;
  targets.push(
    p
      ? check(
          'Popup summary drawn, 5,000 mentions',
          '≤ 100 ms',
          p.openToDrawnMs.median,
          (v) => v <= 100,
          `${range(p.openToDrawnMs, 0)} ms` +
            (p.bareOpenToDrawnMs
              ? `; a bare popup page: ${range(p.bareOpenToDrawnMs, 0)} ms; ours over it: ` +
                `${(p.openToDrawnMs.median - p.bareOpenToDrawnMs.median).toFixed(0)} ms`
              : ''),
        )
      : unmeasured(
          'Popup summary drawn, 5,000 mentions',
          '≤ 100 ms',
          'the popup reported no drawn summary',
        ),
  );
  targets.push(
    big
      ? check(
          'Heap growth, 10 MB page',
          '≤ 10 MB',
          big.heapGrowthMb.median,
          (v) => v <= 10,
          `${range(big.heapGrowthMb, 1)} MB`,
        )
      : unmeasured('Heap growth, 10 MB page', '≤ 10 MB', 'the 10 MB page was not run'),
  );
  const content = ['chrome', 'firefox'].map((browser) =>
    report.bundles
      .filter((b) => b.browser === browser && b.contentScript)
      .reduce((sum, b) => sum + b.bytes, 0),
  );
  const heaviest = Math.max(...content);
  targets.push(
    check(
      'Content script bundle (minified, dataset included)',
      '≤ 100 KB',
      heaviest,
      (v) => v <= 100 * 1024,
      `${fmt(heaviest / 1024, 1)} KB`,
    ),
  );
  return targets;
}
