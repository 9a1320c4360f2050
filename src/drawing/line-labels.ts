// Where a line's label sits: on its route, on the longest segments first, where it covers nothing
// the caller's rules forbid (line-routes.ts gives them: cards, department headers and borders,
// other labels, other lines). Pure geometry.
import type { Rect } from './link-geometry';

/** How finely a label's spot is looked for along a segment, where the round fractions of it find no room. */
const LABEL_STEP = 2;

/** Where a label of `size` can sit on the route without covering a card, a header, a border or another label. */
export function labelSpot(points: readonly { x: number; y: number }[], size: { width: number; height: number }, ...rules: ((box: Rect) => boolean)[]): { x: number; y: number } {
  const segments = points.slice(1).map((b, i) => ({ a: points[i], b, length: Math.hypot(b.x - points[i].x, b.y - points[i].y) }));
  const ordered = [...segments].sort((s, t) => t.length - s.length);
  const fractions = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9, 0.05, 0.95];
  // The strictest rule first; a later rule asks less (no card, no other label) when the first finds no room.
  for (const blocked of rules) {
    for (const { a, b, length } of ordered) {
      // The round fractions first, then every LABEL_STEP px from the middle out: a gap between a card and a header may be narrow.
      const steps = Math.floor(length / 2 / LABEL_STEP);
      const scan = Array.from({ length: 2 * steps }, (_, k) => 0.5 + (k % 2 === 0 ? 1 : -1) * (Math.floor(k / 2) + 1) * LABEL_STEP / length);
      for (const t of [...fractions, ...scan]) {
        const x = a.x + (b.x - a.x) * t;
        const y = a.y + (b.y - a.y) * t;
        if (!blocked({ x: x - size.width / 2, y: y - size.height / 2, width: size.width, height: size.height })) return { x, y };
      }
    }
  }
  const middle = ordered[0];
  return { x: (middle.a.x + middle.b.x) / 2, y: (middle.a.y + middle.b.y) / 2 };
}

