// The benchmark's verdicts on the targets: a target no extension could meet, as the run's
// own figures show, is checked where it can be met (or on what the extension adds) and shown
// with its proof; anything else missed stays missed.
import { describe, expect, it } from 'vitest';
import type { PageFigures, PopupFigures } from '../../bench/figures.js';
import type { Report } from '../../bench/report.js';
import { summarize } from '../../bench/stats.js';
import { statusOf, targetsOf } from '../../bench/targets.js';

const s = (...runs: number[]) => summarize(runs);

function page(name: string, markJsOverTotal: number, markJsOverFloor: number): PageFigures {
  return {
    page: name,
    bytes: 1000,
    textNodes: 10,
    planted: null,
    highlights: 0,
    floorMs: s(1),
    markJsMs: s(markJsOverFloor),
    totalMs: s(markJsOverFloor / markJsOverTotal),
    longestTaskMs: s(10),
    firstHighlightMs: s(1),
    spanMs: s(1),
    totalOverFloor: s(1.5),
    markJsOverTotal: s(markJsOverTotal),
    markJsOverFloor: s(markJsOverFloor),
    heapGrowthMb: s(1),
  };
}

function popup(openToDrawn: number, bare: number | null): PopupFigures {
  return {
    openToDrawnMs: s(openToDrawn),
    documentToDrawnMs: s(70),
    documentToReceivedMs: s(60),
    renderMs: s(10),
    documentToCompleteMs: s(100),
    pageWorkMs: s(5),
    bareOpenToDrawnMs: bare === null ? null : s(bare),
  };
}

function report(pages: PageFigures[], p: PopupFigures | null): Omit<Report, 'targets'> {
  return {
    machine: {} as Report['machine'],
    runs: 1,
    seconds: 1,
    notices: [],
    bundles: [],
    pages,
    dictionary: null,
    incremental: null,
    hover: null,
    popup: p,
    firefox: null,
  };
}

const named = (targets: ReturnType<typeof targetsOf>, prefix: string) => {
  const found = targets.find((t) => t.figure.startsWith(prefix));
  if (!found) throw new Error(`no target ${prefix}`);
  return found;
};

describe('targetsOf, mark.js ÷ Context Lens', () => {
  it('is unreachable on a page where mark.js is under 10 × the floor, and checked elsewhere', () => {
    const t = named(
      targetsOf(report([page('real', 0.3, 3), page('dense', 12, 120)], null)),
      'mark.js',
    );
    expect(t.met).toBe(true);
    expect(t.unreachable).toContain('real');
    expect(t.unreachable).not.toContain('dense');
    expect(statusOf(t)).toMatch(/^met where reachable; unreachable on real/);
  });

  it('is missed when a page where it can be reached misses it', () => {
    const t = named(
      targetsOf(report([page('real', 0.3, 3), page('dense', 9, 120)], null)),
      'mark.js',
    );
    expect(t.met).toBe(false);
    expect(statusOf(t)).toMatch(/^MISSED/);
  });

  it('is missed, never met, when no page can reach it', () => {
    const t = named(targetsOf(report([page('real', 0.3, 3)], null)), 'mark.js');
    expect(t.met).toBe(false);
  });

  it('is plainly met or missed when every page can reach it', () => {
    const met = named(targetsOf(report([page('dense', 11, 120)], null)), 'mark.js');
    expect([met.met, met.unreachable, statusOf(met)]).toEqual([true, undefined, 'met']);
  });
});

describe('targetsOf, popup', () => {
  it('checks what ours adds when a bare popup is already over the limit', () => {
    const t = named(targetsOf(report([], popup(340, 285))), 'Popup');
    expect(t.met).toBe(true);
    expect(t.unreachable).toContain('285');
    const slow = named(targetsOf(report([], popup(400, 285))), 'Popup');
    expect(slow.met).toBe(false);
  });

  it('holds the popup to the limit itself when a bare popup is under it, or was not measured', () => {
    expect(named(targetsOf(report([], popup(90, 40))), 'Popup')).toMatchObject({ met: true });
    const slow = named(targetsOf(report([], popup(140, 40))), 'Popup');
    expect([slow.met, slow.unreachable]).toEqual([false, undefined]);
    expect(named(targetsOf(report([], popup(140, null))), 'Popup').met).toBe(false);
  });
});
