// Geometry of mentions and their tooltip as plain rectangles: line boxes of a wrapped mention,
// hit tests, overlap, and the corridor the pointer may cross on its way to the tooltip.

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

const area = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);

/** True when `point` lies in `rect`, edges included, grown by `slop` on every side. */
export function containsPoint(rect: Rect, point: Point, slop = 0): boolean {
  return (
    point.x >= rect.left - slop &&
    point.x <= rect.right + slop &&
    point.y >= rect.top - slop &&
    point.y <= rect.bottom + slop
  );
}

/**
 * One box per line of text: the fragments a range reports (one per text node or element) are
 * merged when they share a line, so the gap between "NATO " and "<em>missile defense</em>" is
 * part of the mention while the empty corner of a mention that wraps is not.
 */
export function lineBoxes(rects: Iterable<Rect>): Rect[] {
  const boxes: Rect[] = [];
  for (const r of rects) {
    if (area(r) === 0) continue;
    const i = boxes.findIndex((b) => sameLine(b, r));
    const line = boxes[i];
    if (line) {
      boxes[i] = {
        left: Math.min(line.left, r.left),
        top: Math.min(line.top, r.top),
        right: Math.max(line.right, r.right),
        bottom: Math.max(line.bottom, r.bottom),
      };
    } else {
      boxes.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
  }
  return boxes;
}

/** Two boxes share a line when each overlaps at least half of the other's height. */
function sameLine(a: Rect, b: Rect): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap > 0 && overlap * 2 >= Math.min(a.bottom - a.top, b.bottom - b.top);
}

export function hitsAny(boxes: Iterable<Rect>, point: Point, slop = 0): boolean {
  for (const box of boxes) if (containsPoint(box, point, slop)) return true;
  return false;
}

/** True when the two rectangles share some area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** True when `rect` lies wholly inside a viewport of the given size, `margin` from its edges. */
export function insideViewport(
  rect: Rect,
  viewport: { width: number; height: number },
  margin = 0,
): boolean {
  return (
    rect.left >= margin &&
    rect.top >= margin &&
    rect.right <= viewport.width - margin &&
    rect.bottom <= viewport.height - margin
  );
}

/**
 * True when the pointer, having left a mention at `exit`, is inside the triangle spanned by
 * `exit` and the tooltip's nearest edge, or on the tooltip: it is heading for the tooltip, so
 * crossing other text on the way must not close or replace it.
 */
export function headingFor(point: Point, exit: Point, floating: Rect): boolean {
  if (containsPoint(floating, point)) return true;
  const { left, top, right, bottom } = floating;
  let edge: [Point, Point];
  if (exit.y <= top)
    edge = [
      { x: left, y: top },
      { x: right, y: top },
    ];
  else if (exit.y >= bottom)
    edge = [
      { x: left, y: bottom },
      { x: right, y: bottom },
    ];
  else if (exit.x <= left)
    edge = [
      { x: left, y: top },
      { x: left, y: bottom },
    ];
  else
    edge = [
      { x: right, y: top },
      { x: right, y: bottom },
    ];
  return inTriangle(point, exit, edge[0], edge[1]);
}

function inTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const side = (p1: Point, p2: Point, p3: Point) =>
    (p1.x - p3.x) * (p2.y - p3.y) - (p2.x - p3.x) * (p1.y - p3.y);
  const d1 = side(p, a, b);
  const d2 = side(p, b, c);
  const d3 = side(p, c, a);
  const negative = d1 < 0 || d2 < 0 || d3 < 0;
  const positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}
