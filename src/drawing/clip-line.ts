// A line's path cut down to the part of it near a rectangle (the part of the map around the view).
//
// Why: the browser rasterises a dashed line by working out every dash of the whole path, for each
// tile the line's bounds touch. On a large map a long influence or conflict line runs across tens
// of thousands of pixels: a pan over 5,000 people kept the raster threads busy for seconds and the
// main thread waited on them (a trace showed a 1 s commit; the same pan without dashes had none).
// Cut to the rectangle, each line is dashed only where it can be seen. The cut keeps one piece,
// from the first part of the path that meets the rectangle to the last, starts its dashes where
// the whole line's dashes would be there (the returned offset), and says whether the line's end
// is still there (the arrowhead belongs on that end only).
import type { Rect } from './link-geometry';

type Point = { x: number; y: number };
/** One drawing command of a path: a straight stretch, or a quadratic or cubic curve, with its start. */
type Segment = { kind: 'L'; points: [Point, Point] } | { kind: 'Q'; points: [Point, Point, Point] } | { kind: 'C'; points: [Point, Point, Point, Point] };

export interface ClippedLine {
  path: string;
  /** How far along the whole line the piece starts: the stroke-dashoffset that keeps its dashes in step. */
  dashOffset: number;
  /** Whether the piece still ends where the line ends. */
  endKept: boolean;
}

/** Long curves are cut into pieces about this share of the rectangle's smaller side. */
const PIECE_SHARE = 0.25;

/** The segments of a path made of absolute M, L, Q and C commands (as link-geometry and line-routes write them). */
function segmentsOf(path: string): Segment[] | null {
  const numbers = (text: string) => text.trim().split(/[\s,]+/).filter(Boolean).map(Number);
  const segments: Segment[] = [];
  let at: Point | null = null;
  for (const [, command, args] of path.matchAll(/([MLQC])([^MLQC]*)/g)) {
    const n = numbers(args);
    const p = (i: number): Point => ({ x: n[i], y: n[i + 1] });
    if (command === 'M') at = p(0);
    else if (!at) return null;
    else if (command === 'L') segments.push({ kind: 'L', points: [at, (at = p(0))] });
    else if (command === 'Q') segments.push({ kind: 'Q', points: [at, p(0), (at = p(2))] });
    else segments.push({ kind: 'C', points: [at, p(0), p(2), (at = p(4))] });
    if (n.some((value) => !Number.isFinite(value))) return null;
  }
  return segments;
}

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

/** The part of a cubic between t0 and t1 (de Casteljau). */
function cubicPart([p0, p1, p2, p3]: [Point, Point, Point, Point], t0: number, t1: number): [Point, Point, Point, Point] {
  const split = (q0: Point, q1: Point, q2: Point, q3: Point, t: number) => {
    const a = lerp(q0, q1, t);
    const b = lerp(q1, q2, t);
    const c = lerp(q2, q3, t);
    const d = lerp(a, b, t);
    const e = lerp(b, c, t);
    return { at: lerp(d, e, t), left: [q0, a, d] as const, right: [e, c, q3] as const };
  };
  // Right part from t0, then the left part of that up to t1 (rescaled).
  const first = split(p0, p1, p2, p3, t0);
  const [r1, r2, r3] = first.right;
  const second = split(first.at, r1, r2, r3, t0 < 1 ? (t1 - t0) / (1 - t0) : 0);
  return [first.at, second.left[1], second.left[2], second.at];
}

/** A close estimate of a segment's length: between its chord and its control polygon. */
function lengthOf(segment: Segment): number {
  const p = segment.points;
  const chord = distance(p[0], p[p.length - 1]);
  let polygon = 0;
  for (let i = 1; i < p.length; i++) polygon += distance(p[i - 1], p[i]);
  return (chord + polygon) / 2;
}

function hullMeets(points: readonly Point[], r: Rect): boolean {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of points) {
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  return left <= r.x + r.width && right >= r.x && top <= r.y + r.height && bottom >= r.y;
}

/** The segments cut into pieces no longer than `piece` (straight stretches and cubics; the short rounded corners stay whole). */
function inPieces(segments: Segment[], piece: number): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const pieces = segment.kind === 'Q' ? 1 : Math.min(256, Math.ceil(lengthOf(segment) / piece));
    if (pieces <= 1) {
      out.push(segment);
      continue;
    }
    for (let i = 0; i < pieces; i++) {
      const [t0, t1] = [i / pieces, (i + 1) / pieces];
      if (segment.kind === 'L') out.push({ kind: 'L', points: [lerp(...segment.points, t0), lerp(...segment.points, t1)] });
      else if (segment.kind === 'C') out.push({ kind: 'C', points: cubicPart(segment.points, t0, t1) });
    }
  }
  return out;
}

const written = (n: number) => String(Math.round(n * 100) / 100);
const pointText = ({ x, y }: Point) => `${written(x)},${written(y)}`;

/**
 * `path` cut to the pieces from the first that meets `clip` to the last; null when the whole path
 * lies inside `clip` (draw it as it is) or cannot be read. A path that misses `clip` altogether
 * gives an empty path.
 */
export function clipLine(path: string, clip: Rect): ClippedLine | null {
  const segments = segmentsOf(path);
  if (!segments || segments.length === 0) return null;
  if (segments.every((segment) => segment.points.every(({ x, y }) => x >= clip.x && x <= clip.x + clip.width && y >= clip.y && y <= clip.y + clip.height))) return null;
  const pieces = inPieces(segments, Math.max(1, Math.min(clip.width, clip.height) * PIECE_SHARE));
  let first = -1;
  let last = -1;
  for (let i = 0; i < pieces.length; i++) {
    if (!hullMeets(pieces[i].points, clip)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return { path: '', dashOffset: 0, endKept: false };
  let dashOffset = 0;
  for (let i = 0; i < first; i++) dashOffset += lengthOf(pieces[i]);
  let d = `M${pointText(pieces[first].points[0])}`;
  for (let i = first; i <= last; i++) {
    const [, ...rest] = pieces[i].points;
    d += `${pieces[i].kind}${rest.map(pointText).join(' ')}`;
  }
  return { path: d, dashOffset, endKept: last === pieces.length - 1 };
}
