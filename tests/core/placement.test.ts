// Rectangle geometry for hit-testing and the tooltip: line boxes, hits, overlap, the corridor.
import { describe, expect, it } from 'vitest';
import {
  containsPoint,
  headingFor,
  hitsAny,
  insideViewport,
  lineBoxes,
  overlaps,
  type Rect,
} from '../../src/core/placement.js';

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({
  left,
  top,
  right,
  bottom,
});

describe('lineBoxes', () => {
  it('merges the fragments of one line, gaps included', () => {
    // "NATO " and "<em>missile defense</em>", plus the <em>'s own box on the same line.
    const boxes = lineBoxes([
      rect(100, 10, 140, 30),
      rect(144, 11, 260, 29),
      rect(144, 11, 260, 29),
    ]);
    expect(boxes).toEqual([rect(100, 10, 260, 30)]);
    expect(hitsAny(boxes, { x: 142, y: 20 })).toBe(true);
  });

  it('keeps the lines of a wrapped mention apart, so its empty corners are no hit', () => {
    // "missile" ends line one at the right; "defense" starts line two at the left.
    const boxes = lineBoxes([rect(700, 10, 800, 30), rect(100, 40, 180, 60)]);
    expect(boxes).toHaveLength(2);
    expect(hitsAny(boxes, { x: 750, y: 20 })).toBe(true);
    expect(hitsAny(boxes, { x: 150, y: 50 })).toBe(true);
    // The bounding box would take these; the line boxes do not.
    expect(hitsAny(boxes, { x: 150, y: 20 })).toBe(false);
    expect(hitsAny(boxes, { x: 750, y: 50 })).toBe(false);
  });

  it('drops empty rectangles', () => {
    expect(lineBoxes([rect(10, 10, 10, 30), rect(10, 10, 50, 10)])).toEqual([]);
  });

  it('does not merge lines that only touch', () => {
    expect(lineBoxes([rect(0, 0, 10, 20), rect(0, 20, 10, 40)])).toHaveLength(2);
  });
});

describe('containsPoint and hitsAny', () => {
  it('count edges and the slop, nothing beyond', () => {
    const r = rect(10, 10, 20, 20);
    expect(containsPoint(r, { x: 10, y: 20 })).toBe(true);
    expect(containsPoint(r, { x: 9, y: 15 })).toBe(false);
    expect(containsPoint(r, { x: 8, y: 15 }, 2)).toBe(true);
    expect(hitsAny([], { x: 0, y: 0 })).toBe(false);
  });
});

describe('overlaps and insideViewport', () => {
  it('tell sharing area from touching', () => {
    expect(overlaps(rect(0, 0, 10, 10), rect(5, 5, 15, 15))).toBe(true);
    expect(overlaps(rect(0, 0, 10, 10), rect(10, 0, 20, 10))).toBe(false);
    expect(overlaps(rect(0, 0, 10, 10), rect(0, 18, 10, 30))).toBe(false);
  });

  it('checks every edge against the viewport and its margin', () => {
    const viewport = { width: 100, height: 50 };
    expect(insideViewport(rect(0, 0, 100, 50), viewport)).toBe(true);
    expect(insideViewport(rect(0, 0, 100, 50), viewport, 1)).toBe(false);
    expect(insideViewport(rect(-1, 0, 10, 10), viewport)).toBe(false);
    expect(insideViewport(rect(0, 0, 10, 51), viewport)).toBe(false);
  });
});

describe('headingFor', () => {
  // The mention was left at (100, 50); the tooltip is below it.
  const exit = { x: 100, y: 50 };
  const below = rect(60, 60, 360, 300);

  it('is true inside the triangle from the exit point to the near edge, and on the tooltip', () => {
    expect(headingFor({ x: 120, y: 56 }, exit, below)).toBe(true);
    expect(headingFor({ x: 300, y: 59 }, exit, below)).toBe(true);
    expect(headingFor({ x: 200, y: 200 }, exit, below)).toBe(true);
  });

  it('is false for moves away from the tooltip', () => {
    expect(headingFor({ x: 100, y: 40 }, exit, below)).toBe(false);
    expect(headingFor({ x: 40, y: 56 }, exit, below)).toBe(false);
    expect(headingFor({ x: 400, y: 58 }, exit, below)).toBe(false);
  });

  it('uses the upper edge of a tooltip above and the side edge of one beside', () => {
    const above = rect(60, -200, 360, 40);
    expect(headingFor({ x: 150, y: 45 }, exit, above)).toBe(true);
    expect(headingFor({ x: 150, y: 55 }, exit, above)).toBe(false);
    const right = rect(120, 0, 300, 100);
    expect(headingFor({ x: 110, y: 50 }, exit, right)).toBe(true);
    expect(headingFor({ x: 90, y: 50 }, exit, right)).toBe(false);
  });
});
