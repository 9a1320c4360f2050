// The door to libavoid (libavoid-js, the WebAssembly build of the Adaptagrams connector router):
// one router per call, holding the rectangles to go around, with connectors pinned to the sides
// their lines leave from; and the rectangle geometry the routing plan (line-routes.ts) uses to
// decide which rectangles go into a router. Pure: the caller hands in the loaded library.
import type { Rect, Side } from './link-geometry';

/** The part of libavoid-js this module uses (AvoidLib.getInstance()). */
export interface AvoidRouterLib {
  // The library's own typings are `any`-shaped; keep them that way at this one door.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [name: string]: any;
}

export type Point = { x: number; y: number };

/**
 * Room libavoid keeps between a line and a card it passes: more than an arrowhead is long (9 px),
 * so a line passing a card never runs through the arrowhead of a line into it. Wrapped rows of the
 * layout are 20 px apart: that passage is closed, and a line leaves such a card by a free side.
 */
export const BUFFER = 10;
/** The least room a line keeps, after it is moved off other lines, from a card it does not end at. */
export const CLEARANCE = 10;
/** The buffer for a line between cards closer than two BUFFERs (no way out between them with BUFFER). */
export const TIGHT_BUFFER = 8;

export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

export function around(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** A grid of rectangles for "what is near this box" without looking at all of them. */
export class RectIndex {
  private readonly cells = new Map<string, number[]>();
  constructor(readonly rects: readonly Rect[], private readonly size = 400) {
    rects.forEach((r, i) => this.cover(r, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(i);
      else this.cells.set(key, [i]);
    }));
  }
  private cover(r: Rect, visit: (key: string) => void): void {
    for (let cx = Math.floor(r.x / this.size); cx <= Math.floor((r.x + r.width) / this.size); cx++) {
      for (let cy = Math.floor(r.y / this.size); cy <= Math.floor((r.y + r.height) / this.size); cy++) visit(`${cx},${cy}`);
    }
  }
  /** Indexes of the rectangles overlapping `box`. */
  near(box: Rect): number[] {
    const found = new Set<number>();
    this.cover(box, (key) => {
      for (const i of this.cells.get(key) ?? []) if (!found.has(i) && overlaps(this.rects[i], box)) found.add(i);
    });
    return [...found];
  }
}

/** Indexes of the rectangles whose inside (1 px in from the border) the polyline passes through; with `margin`, of those it passes closer than `margin` to. */
export function crossed(points: readonly Point[], index: RectIndex, margin = -1): number[] {
  const hit = new Set<number>();
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    const segment = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) };
    for (const r of index.near(grow(segment, Math.max(1, margin + 1)))) if (segmentCrosses(a, b, grow(index.rects[r], margin))) hit.add(r);
  }
  return [...hit];
}

/** Whether the segment a–b passes through the inside of `r` (Liang–Barsky clipping). */
export function segmentCrosses(a: Point, b: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [[-dx, a.x - r.x], [dx, r.x + r.width - a.x], [-dy, a.y - r.y], [dy, r.y + r.height - a.y]]) {
    if (p === 0) {
      if (q <= 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 < t1;
}

const DIRECTION: Record<Side, number> = { top: 1, bottom: 2, left: 4, right: 8 };

/** One line to route: from one of a shape's sides to one of another's (libavoid takes the side that gives the best route). */
export interface Connection {
  key: string;
  start: string;
  startSides: readonly Side[];
  end: string;
  endSides: readonly Side[];
}

export const SIDES: readonly Side[] = ['top', 'bottom', 'left', 'right'];

/** The point just outside the middle of a side of `r`, where a line leaving from that side starts. */
export function outside(r: Rect, side: Side): Point {
  if (side === 'top') return { x: r.x + r.width / 2, y: r.y - 1 };
  if (side === 'bottom') return { x: r.x + r.width / 2, y: r.y + r.height + 1 };
  if (side === 'left') return { x: r.x - 1, y: r.y + r.height / 2 };
  return { x: r.x + r.width + 1, y: r.y + r.height / 2 };
}

const strictlyInside = (p: Point, r: Rect) => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;

/**
 * Moves end `i` of the route, where it lies inside its card, along its segment out to the card's
 * border. A second line between the same two sides, nudged off the first, comes back from libavoid
 * running from middle to middle: its arrowhead would be hidden under the card.
 */
export function clipEnd(points: Point[], i: number, card: Rect): void {
  if (points.length < 2 || !strictlyInside(points[i], card)) return;
  const p = points[i];
  const q = points[i === 0 ? 1 : i - 1];
  if (strictlyInside(q, card)) return;
  if (p.x === q.x) p.y = q.y < p.y ? card.y : card.y + card.height;
  else if (p.y === q.y) p.x = q.x < p.x ? card.x : card.x + card.width;
}

/**
 * Routes the connections in one router around `shapes` (every end must be one of them). Returns
 * each routed line's corner points; a line libavoid finds no way for is left out.
 */
export function routeConnections(avoid: AvoidRouterLib, shapes: ReadonlyMap<string, Rect>, connections: readonly Connection[], buffer = BUFFER): Map<string, Point[]> {
  const router = new avoid.Router(avoid.OrthogonalRouting);
  const done = new Map<string, Point[]>();
  try {
    router.setRoutingParameter(avoid.shapeBufferDistance, buffer);
    router.setRoutingParameter(avoid.idealNudgingDistance, 8);
    router.setRoutingParameter(avoid.segmentPenalty, 50);
    // The unifying pre-step makes processTransaction take seconds on a few dozen lines.
    router.setRoutingOption(avoid.performUnifyingNudgingPreprocessingStep, false);
    // Two lines between the same two cards otherwise run on top of each other: their segments at a card are nudged apart too.
    router.setRoutingOption(avoid.nudgeOrthogonalSegmentsConnectedToShapes, true);
    const refs = new Map<string, unknown>();
    for (const [id, r] of shapes) {
      refs.set(id, new avoid.ShapeRef(router, new avoid.Rectangle(new avoid.Point(r.x, r.y), new avoid.Point(r.x + r.width, r.y + r.height))));
    }
    let pinClass = 1;
    // One pin class per end: libavoid picks the pin of the class that gives the best route.
    const pin = (shape: unknown, sides: readonly Side[]) => {
      const cls = pinClass++;
      for (const side of sides) {
        const [x, y] = side === 'top' ? [0.5, 0] : side === 'bottom' ? [0.5, 1] : side === 'left' ? [0, 0.5] : [1, 0.5];
        new avoid.ShapeConnectionPin(shape, cls, x, y, true, 0, DIRECTION[side]);
      }
      return new avoid.ConnEnd(shape, cls);
    };
    const ends = new Map(connections.map((c) => [c.key, [c.start, c.end] as const]));
    const connectors: [string, { displayRoute(): { size(): number; get_ps(i: number): Point } }][] = [];
    for (const c of connections) {
      const a = refs.get(c.start);
      const b = refs.get(c.end);
      if (a && b) connectors.push([c.key, new avoid.ConnRef(router, pin(a, c.startSides), pin(b, c.endSides))]);
    }
    router.processTransaction();
    for (const [key, connector] of connectors) {
      const route = connector.displayRoute();
      const points: Point[] = [];
      for (let i = 0; i < route.size(); i++) {
        const p = route.get_ps(i);
        const previous = points[points.length - 1];
        if (!previous || previous.x !== p.x || previous.y !== p.y) points.push({ x: p.x, y: p.y });
      }
      clipEnd(points, 0, shapes.get(ends.get(key)![0])!);
      clipEnd(points, points.length - 1, shapes.get(ends.get(key)![1])!);
      // No way round: libavoid gives the straight line between the centres. Leave it to the caller.
      const straight = points.length === 2 && points[0].x !== points[1].x && points[0].y !== points[1].y;
      if (points.length >= 2 && !straight) done.set(key, points);
    }
  } finally {
    avoid.destroy(router);
  }
  return done;
}
