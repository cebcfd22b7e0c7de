// Timeline layout: every date is as wide as its precision (a month is a month, not a made-up
// day), the axis runs over whole years, and marks that would overlap go to separate lanes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutTimeline, spanOf } from '../../src/core/timeline.js';

const DAY = 86_400_000;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('spanOf', () => {
  it('covers a whole year, month or day', () => {
    expect(spanOf('2009', 'year')).toEqual({ start: utc(2009, 1, 1), end: utc(2010, 1, 1) });
    expect(spanOf('2010-11', 'month')).toEqual({ start: utc(2010, 11, 1), end: utc(2010, 12, 1) });
    expect(spanOf('2012-05-30', 'day')).toEqual({ start: utc(2012, 5, 30), end: utc(2012, 5, 31) });
  });

  it('rolls December over into the next year, and February knows leap years', () => {
    expect(spanOf('2009-12', 'month')).toEqual({ start: utc(2009, 12, 1), end: utc(2010, 1, 1) });
    expect(spanOf('2012-02', 'month')?.end).toBe(utc(2012, 3, 1));
    expect((spanOf('2012-02', 'month')?.end ?? 0) - (spanOf('2012-02', 'month')?.start ?? 0)).toBe(
      29 * DAY,
    );
    expect(spanOf('2012-12-31', 'day')).toEqual({ start: utc(2012, 12, 31), end: utc(2013, 1, 1) });
  });

  it('reads years 0–99 as they are written', () => {
    expect(new Date(spanOf('0050', 'year')?.start ?? 0).getUTCFullYear()).toBe(50);
  });

  it('refuses what is not a date', () => {
    expect(spanOf('May 2010', 'month')).toBeNull();
    expect(spanOf('', 'year')).toBeNull();
  });
});

describe('layoutTimeline', () => {
  const events = [
    { id: 'moscow', value: '2009-07', precision: 'month' as const },
    { id: 'session-1', value: '2009-07', precision: 'month' as const },
    { id: 'session-2', value: '2009-12', precision: 'month' as const },
    { id: 'lisbon', value: '2010-11', precision: 'month' as const },
    { id: 'rusi', value: '2012-05-30', precision: 'day' as const },
  ];

  it('runs the axis over the whole years the events fall in, with a tick per year', () => {
    const layout = layoutTimeline(events);
    expect(layout.start).toBe(utc(2009, 1, 1));
    expect(layout.end).toBe(utc(2013, 1, 1));
    expect(layout.ticks.map((t) => t.year)).toEqual([2009, 2010, 2011, 2012]);
    expect(layout.ticks[0]?.left).toBe(0);
  });

  it('makes a month-precision mark exactly as wide as its month', () => {
    const layout = layoutTimeline(events);
    const length = layout.end - layout.start;
    const december = layout.marks.find((m) => m.id === 'session-2');
    expect(december?.width).toBeCloseTo((31 * DAY) / length, 10);
    expect(december?.left).toBeCloseTo((utc(2009, 12, 1) - layout.start) / length, 10);
  });

  it('draws a day at the minimum width, narrower than a month', () => {
    const layout = layoutTimeline(events, { minWidth: 0.01 });
    const day = layout.marks.find((m) => m.id === 'rusi');
    const month = layout.marks.find((m) => m.id === 'lisbon');
    expect(day?.width).toBe(0.01);
    expect(day?.width ?? 1).toBeLessThan(month?.width ?? 0);
  });

  it('puts two events of the same month in different lanes', () => {
    const layout = layoutTimeline(events);
    const lanes = ['moscow', 'session-1'].map((id) => layout.marks.find((m) => m.id === id)?.lane);
    expect(new Set(lanes).size).toBe(2);
    expect(layout.lanes).toBe(2);
  });

  it('never lets two marks of one lane overlap, and keeps every mark on the axis', () => {
    const date = fc
      .tuple(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .chain(([y, m, d]) =>
        fc.constantFrom(
          { value: `${y}`, precision: 'year' as const },
          { value: `${y}-${String(m).padStart(2, '0')}`, precision: 'month' as const },
          {
            value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
            precision: 'day' as const,
          },
        ),
      );
    fc.assert(
      fc.property(fc.array(date, { minLength: 1, maxLength: 30 }), (dates) => {
        const layout = layoutTimeline(dates.map((d, i) => ({ id: `e${i}`, ...d })));
        expect(layout.marks).toHaveLength(dates.length);
        for (const mark of layout.marks) {
          expect(mark.left).toBeGreaterThanOrEqual(0);
          expect(
            mark.left + (mark.end - mark.start) / (layout.end - layout.start),
          ).toBeLessThanOrEqual(1 + 1e-9);
        }
        for (const a of layout.marks) {
          for (const b of layout.marks) {
            if (a === b || a.lane !== b.lane) continue;
            expect(a.left + a.width <= b.left || b.left + b.width <= a.left).toBe(true);
          }
        }
        expect(layout.ticks.length).toBeLessThanOrEqual(8);
      }),
    );
  });

  it('is empty without dated events', () => {
    expect(layoutTimeline([]).marks).toEqual([]);
    expect(layoutTimeline([{ id: 'x', value: 'soon', precision: 'year' }]).marks).toEqual([]);
  });
});
