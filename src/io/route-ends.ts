// A routed line drawn from the border of its cards, not from inside them. libavoid sometimes
// pins a line between two close cards at their centres (line-routes.ts, the sample's
// Henrik Larsen → Sophie Martin lines): drawn as it is, the line's ends and its arrowhead lie
// under the cards and do not show. The picture cuts such an end back to where the line crosses
// the card's border; the route itself is left as the router made it.
import { roundedPath, type Route } from '../drawing/line-routes';
import type { Rect } from '../drawing/link-geometry';

type Point = { x: number; y: number };

const within = (r: Rect, p: Point) => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;

/** Where the segment from `outside` to `inside` (inside `rect`) crosses its border. */
function onBorder(rect: Rect, outside: Point, inside: Point): Point {
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (within(rect, { x: outside.x + (inside.x - outside.x) * mid, y: outside.y + (inside.y - outside.y) * mid })) hi = mid;
    else lo = mid;
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return { x: round(outside.x + (inside.x - outside.x) * lo), y: round(outside.y + (inside.y - outside.y) * lo) };
}

/** The end `at` (0: first point, -1: last) cut back to the border of whichever end card it lies inside. */
function clipEnd(points: Point[], at: 0 | -1, cards: readonly Rect[]): Point[] {
  const [end, next] = at === 0 ? [points[0], points[1]] : [points[points.length - 1], points[points.length - 2]];
  const card = cards.find((c) => within(c, end) && !within(c, next));
  if (!card) return points;
  const clipped = onBorder(card, next, end);
  return at === 0 ? [clipped, ...points.slice(1)] : [...points.slice(0, -1), clipped];
}

/** The route's path with both ends on their cards' borders (the route's own path when they already are). */
export function pathFromBorders(route: Route): string {
  if (route.points.length < 2) return route.path;
  const cards = [route.from, route.to];
  const points = clipEnd(clipEnd(route.points, 0, cards), -1, cards);
  return points === route.points ? route.path : roundedPath(points);
}

/** `bounds` grown to hold the routes of the lines `keys` (those drawn). */
export function routedBounds(bounds: Rect, routes: ReadonlyMap<string, Route> | undefined, keys: Iterable<string>): Rect {
  let [x0, y0, x1, y1] = [bounds.x, bounds.y, bounds.x + bounds.width, bounds.y + bounds.height];
  for (const key of routes ? keys : []) {
    for (const p of routes!.get(key)?.points ?? []) [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
