// Where a link runs between two cards, as an SVG path and a label point. The canvas and the
// exporters both draw links from here, so the picture on a slide is the one on screen.
// Lines leave from the side that faces the other card ("floating" edges), except formal reporting
// lines, which run from the manager's bottom to the report's top when the manager sits above, like
// a printed org chart. Plain geometry: no React, no React Flow.
import type { LinkKind } from '../domain/types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The side of a card a line leaves from. */
export type Side = 'top' | 'right' | 'bottom' | 'left';

export interface LinkPath {
  /** SVG path data. */
  path: string;
  /** Where the label goes: the middle of the line. */
  labelX: number;
  labelY: number;
}

const center = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** The point where the line from `from`'s centre toward `to`'s centre leaves `from`, and that side. */
export function borderPoint(from: Rect, to: Rect): { x: number; y: number; side: Side } {
  const a = center(from);
  const b = center(to);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (dx === 0 && dy === 0) return { x: a.x, y: from.y, side: 'top' };
  const scaleX = dx !== 0 ? from.width / 2 / Math.abs(dx) : Infinity;
  const scaleY = dy !== 0 ? from.height / 2 / Math.abs(dy) : Infinity;
  if (scaleX < scaleY) return { x: a.x + dx * scaleX, y: a.y + dy * scaleX, side: dx > 0 ? 'right' : 'left' };
  return { x: a.x + dx * scaleY, y: a.y + dy * scaleY, side: dy > 0 ? 'bottom' : 'top' };
}

/** The side of `own` across from `side` that faces `other` (bottom for a card below and to the right, left of `side`). */
export function crossSide(side: Side, own: Rect, other: Rect): Side {
  const [a, b] = [own.x + own.width / 2, other.x + other.width / 2];
  const [c, d] = [own.y + own.height / 2, other.y + other.height / 2];
  if (side === 'left' || side === 'right') return d >= c ? 'bottom' : 'top';
  return b >= a ? 'right' : 'left';
}

/** True when `manager` sits clearly above `report`, so an org-chart elbow line reads naturally. */
export function isAbove(manager: Rect, report: Rect): boolean {
  return manager.y + manager.height + 16 <= report.y;
}

/** A straight line from the border of one rectangle to the border of the other. */
export function straightBetween(from: Rect, to: Rect): LinkPath {
  const start = borderPoint(from, to);
  const end = borderPoint(to, from);
  return { path: `M${start.x},${start.y}L${end.x},${end.y}`, labelX: (start.x + end.x) / 2, labelY: (start.y + end.y) / 2 };
}

/** How far a curve's control point sits out from its end, as React Flow's bezier edges do. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

function controlPoint(side: Side, x1: number, y1: number, x2: number, y2: number): [number, number] {
  switch (side) {
    case 'left':
      return [x1 - controlOffset(x1 - x2), y1];
    case 'right':
      return [x1 + controlOffset(x2 - x1), y1];
    case 'top':
      return [x1, y1 - controlOffset(y1 - y2)];
    case 'bottom':
      return [x1, y1 + controlOffset(y2 - y1)];
  }
}

/** A cubic curve that leaves each card square to the side it leaves from; the label at t = 0.5. */
function curveBetween(from: Rect, to: Rect): LinkPath {
  const start = borderPoint(from, to);
  const end = borderPoint(to, from);
  const [c1x, c1y] = controlPoint(start.side, start.x, start.y, end.x, end.y);
  const [c2x, c2y] = controlPoint(end.side, end.x, end.y, start.x, start.y);
  return {
    path: `M${start.x},${start.y} C${c1x},${c1y} ${c2x},${c2y} ${end.x},${end.y}`,
    labelX: start.x * 0.125 + c1x * 0.375 + c2x * 0.375 + end.x * 0.125,
    labelY: start.y * 0.125 + c1y * 0.375 + c2y * 0.375 + end.y * 0.125,
  };
}

/**
 * An org-chart elbow from the manager's bottom centre down to the report's top centre: down to
 * half way, across, down, with corners rounded by up to `radius`.
 */
function elbowDown(manager: Rect, report: Rect, radius = 8): LinkPath {
  const sx = manager.x + manager.width / 2;
  const sy = manager.y + manager.height;
  const tx = report.x + report.width / 2;
  const ty = report.y;
  const midY = (sy + ty) / 2;
  if (Math.abs(tx - sx) < 1) return { path: `M${sx},${sy}L${tx},${ty}`, labelX: sx, labelY: midY };
  const r = Math.min(radius, Math.abs(tx - sx) / 2, (ty - sy) / 2);
  const dir = tx > sx ? 1 : -1;
  const path =
    `M${sx},${sy}L${sx},${midY - r}Q${sx},${midY} ${sx + r * dir},${midY}` +
    `L${tx - r * dir},${midY}Q${tx},${midY} ${tx},${midY + r}L${tx},${ty}`;
  return { path, labelX: (sx + tx) / 2, labelY: midY };
}

/**
 * The line of a link of `kind` from the card `from` (its source) to `to` (its target). A formal
 * reporting line runs from its target (the manager) to its source (the report): down as an elbow when
 * the manager sits above. This is the line while a card is dragged; line-routes.ts has the routed one.
 */
export function linkPath(kind: LinkKind, from: Rect, to: Rect): LinkPath {
  const formal = kind === 'reports-to' || kind === 'dotted-line';
  if (!formal) return curveBetween(from, to);
  // Drawn from the manager, so the arrow points into the report.
  return isAbove(to, from) ? elbowDown(to, from) : curveBetween(to, from);
}

type Point = { x: number; y: number };

/**
 * Points whose convex hull holds the whole of linkPath's line: the curve's four control points
 * (a cubic curve stays inside their hull), or the elbow's corners. For leaving out lines that do
 * not pass through the screen; a route's own points serve the same way.
 */
export function lineOutline(kind: LinkKind, from: Rect, to: Rect): Point[] {
  const formal = kind === 'reports-to' || kind === 'dotted-line';
  if (formal && isAbove(to, from)) {
    const sx = to.x + to.width / 2;
    const sy = to.y + to.height;
    const tx = from.x + from.width / 2;
    const midY = (sy + from.y) / 2;
    return [{ x: sx, y: sy }, { x: sx, y: midY }, { x: tx, y: midY }, { x: tx, y: from.y }];
  }
  const [a, b] = formal ? [to, from] : [from, to];
  const start = borderPoint(a, b);
  const end = borderPoint(b, a);
  const [c1x, c1y] = controlPoint(start.side, start.x, start.y, end.x, end.y);
  const [c2x, c2y] = controlPoint(end.side, end.x, end.y, start.x, start.y);
  return [start, { x: c1x, y: c1y }, { x: c2x, y: c2y }, end];
}

function segmentMeetsRect(a: Point, b: Point, r: Rect): boolean {
  // Liang–Barsky: clip the segment to the rectangle.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [[-dx, a.x - r.x], [dx, r.x + r.width - a.x], [-dy, a.y - r.y], [dy, r.y + r.height - a.y]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Whether a polyline (a routed line's points) crosses or touches `r`. */
export function polylineMeetsRect(points: readonly Point[], r: Rect): boolean {
  for (let i = 1; i < points.length; i++) if (segmentMeetsRect(points[i - 1], points[i], r)) return true;
  return points.length === 1 && segmentMeetsRect(points[0], points[0], r);
}

function inTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const side = (u: Point, v: Point) => (v.x - u.x) * (p.y - u.y) - (v.y - u.y) * (p.x - u.x);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/**
 * Whether anything inside the convex hull of a few points (lineOutline's) may show in `r`: a side
 * of the hull crosses it (every pair of points is tried, so every side of the hull is), or the
 * rectangle lies inside the hull. Never false for a line inside the hull that shows in `r`.
 */
export function hullMeetsRect(points: readonly Point[], r: Rect): boolean {
  for (let i = 0; i < points.length; i++) {
    for (let j = i; j < points.length; j++) if (segmentMeetsRect(points[i], points[j], r)) return true;
  }
  const centre = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      for (let k = j + 1; k < points.length; k++) if (inTriangle(centre, points[i], points[j], points[k])) return true;
    }
  }
  return false;
}
