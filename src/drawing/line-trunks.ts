// A manager's reporting lines share one trunk, as in a printed org chart: libavoid nudges lines
// that leave the same side of a card a few pixels apart (and spread() would move them off each
// other again), so each came out of the manager as its own stem. Trunks puts the first, downward
// segment of every org-chart line that leaves a manager's bottom on one x, that manager's trunk;
// PlacedLines then counts no overlap between lines of one trunk. Pure geometry, no libavoid.
import type { Rect } from './link-geometry';
import type { Point } from './avoid-router';

/** The points without zero-length segments and without corners that do not turn. */
export function simplified(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const p of points) {
    const last = kept[kept.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = kept[kept.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) kept.pop();
    kept.push({ ...p });
  }
  return kept;
}

/** Where a trunk goes when the middle of the manager's bottom does not fit, nearest first. */
const OFF_MIDDLE = [24, -24, 32, -32, 40, -40, 48, -48];

export class Trunks {
  /** The trunk's x of each manager (by card id) who has one. */
  private readonly at = new Map<string, number>();

  /** Whether the route leaves `card` downward from its bottom. */
  private static leavesDown(card: Rect, points: readonly Point[]): boolean {
    const [a, b] = points;
    return points.length >= 2 && Math.abs(a.y - (card.y + card.height)) <= 1 && a.x === b.x && b.y > a.y;
  }

  /** A route already drawn (kept from before): its manager's trunk is where it leaves. Whether it leaves down (is on the trunk). */
  remember(manager: string, card: Rect, points: readonly Point[]): boolean {
    if (!Trunks.leavesDown(card, points)) return false;
    if (!this.at.has(manager)) this.at.set(manager, points[0].x);
    return true;
  }

  /**
   * The route of an org-chart line from `manager` (its start card) with its first segment moved onto
   * the manager's trunk, where `fits` accepts it; otherwise the route as it was. The first line sets
   * the trunk: in the middle of the bottom, or the nearest x off it that fits (an arrowhead may be
   * there). A line straight down into a report below moves along whole.
   */
  align(manager: string, card: Rect, points: readonly Point[], fits: (points: readonly Point[]) => boolean): Point[] {
    if (!Trunks.leavesDown(card, points)) return [...points];
    const middle = card.x + card.width / 2;
    const set = this.at.get(manager);
    for (const x of set !== undefined ? [set] : [middle, ...OFF_MIDDLE.map((by) => middle + by)]) {
      const moved = simplified([{ x, y: points[0].y }, { x, y: points[1].y }, ...points.slice(2)]);
      if (moved.length < 2 || !fits(moved)) continue;
      this.at.set(manager, x);
      return moved;
    }
    return [...points];
  }
}
