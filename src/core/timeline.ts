// Layout of the popup's timeline: each dated event becomes a mark whose width is the span its
// date really covers (a month-precision date is a month wide, not a made-up day), placed on an
// axis of whole years, in lanes so marks that overlap never hide each other.

export type Precision = 'year' | 'month' | 'day';

export interface DatedItem {
  id: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  value: string;
  precision: Precision;
}

/** A span of time in UTC milliseconds; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface TimelineMark extends Span {
  id: string;
  /** Position and width as fractions (0–1) of the axis. */
  left: number;
  width: number;
  lane: number;
}

export interface TimelineLayout extends Span {
  marks: TimelineMark[];
  /** Year boundaries to label, with their position on the axis. */
  ticks: { year: number; left: number }[];
  lanes: number;
}

export interface LayoutOptions {
  /** The narrowest a mark is drawn, as a fraction of the axis, so a day stays visible. */
  minWidth?: number;
  /** Room kept free between two marks in one lane, as a fraction of the axis. */
  gap?: number;
  /** At most this many year labels. */
  maxTicks?: number;
}

/** Midnight UTC of a date; months and days past the end roll over (month 12 is next January). */
function utc(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

function yearStart(year: number): number {
  return utc(year, 0, 1);
}

/** The span a date covers at its precision: a whole year, a whole month or one day. */
export function spanOf(value: string, precision: Precision): Span | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2] ?? 1) - 1;
  const day = Number(match[3] ?? 1);
  if (precision === 'year') return { start: utc(year, 0, 1), end: utc(year + 1, 0, 1) };
  if (precision === 'month') return { start: utc(year, month, 1), end: utc(year, month + 1, 1) };
  return { start: utc(year, month, day), end: utc(year, month, day + 1) };
}

export function layoutTimeline(items: readonly DatedItem[], options: LayoutOptions = {}) {
  const minWidth = options.minWidth ?? 0.012;
  const gap = options.gap ?? 0.004;
  const maxTicks = options.maxTicks ?? 8;
  const spans = items.flatMap((item) => {
    const span = spanOf(item.value, item.precision);
    return span ? [{ id: item.id, ...span }] : [];
  });
  if (spans.length === 0) return { start: 0, end: 0, marks: [], ticks: [], lanes: 0 };

  const firstYear = new Date(Math.min(...spans.map((s) => s.start))).getUTCFullYear();
  const lastYear = new Date(Math.max(...spans.map((s) => s.end - 1))).getUTCFullYear();
  const start = yearStart(firstYear);
  const end = yearStart(lastYear + 1);
  const length = end - start;

  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const laneEnds: number[] = [];
  const marks: TimelineMark[] = spans.map((span) => {
    const left = (span.start - start) / length;
    const width = Math.max(minWidth, (span.end - span.start) / length);
    let lane = laneEnds.findIndex((laneEnd) => laneEnd + gap <= left);
    if (lane < 0) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = left + width;
    return { ...span, left, width, lane };
  });

  const years = lastYear + 1 - firstYear;
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => Math.ceil(years / s) <= maxTicks) ?? 100;
  const ticks: { year: number; left: number }[] = [];
  for (let year = firstYear; year <= lastYear; year += step) {
    ticks.push({ year, left: (yearStart(year) - start) / length });
  }
  return { start, end, marks, ticks, lanes: laneEnds.length } satisfies TimelineLayout;
}
