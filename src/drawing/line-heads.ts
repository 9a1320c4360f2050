// Two arrows into one card whose tips lie close together draw one head over the other: read as
// one line with a double head. libavoid nudges the lines of one router only 8 px apart, a head is
// 12 to 32 px wide (line-strokes.ts: it grows with the line's width, and a strong influence is
// drawn 4 px thick), and lines routed in different neighbourhoods may come to the very same pin.
// Heads remembers the heads drawn so far per card; apart() slides a new line's last segment along
// the card's border until its tip is the wider head's width and HEAD_SPACE from every other tip,
// and offHeads() moves a segment of any new line that runs through a head drawn before. Each move
// is kept only when the caller says the line still fits. Pure geometry, no libavoid.
import { grow, segmentCrosses, type Point } from './avoid-router';
import type { Rect } from './link-geometry';
import { moved, sharedOf, type PlacedLines } from './line-spread';

/** Room between two arrowheads into one card, beyond the wider head's width. */
export const HEAD_SPACE = 3;
/** Moves of a segment off a head, nearest first. */
const OFF_MOVES = [8, -8, 12, -12, 16, -16, 20, -20, 24, -24, 32, -32];
/** Moves of a last segment along the border, nearest first. */
const MOVES = [8, -8, 12, -12, 16, -16, 20, -20, 24, -24, 28, -28, 32, -32, 36, -36, 40, -40, 48, -48, 56, -56, 64, -64];
/** How far back from the tip a head counts at the least (a 2 px line's head is 9 px long). */
const LEAST_LENGTH = 10;

const tipOf = (points: readonly Point[]) => points[points.length - 1];

/** Where the head of `width` px at the end of `points` is drawn: as long as 5 of its 9 across, and a little more. */
function headBox(points: readonly Point[], width: number): Rect {
  const [tip, before] = [tipOf(points), points[points.length - 2]];
  const length = Math.max(LEAST_LENGTH, (width * 6) / 9);
  const back = { x: tip.x - Math.sign(tip.x - before.x) * length, y: tip.y - Math.sign(tip.y - before.y) * length };
  return grow({ x: Math.min(tip.x, back.x), y: Math.min(tip.y, back.y), width: Math.abs(tip.x - back.x), height: Math.abs(tip.y - back.y) }, width / 2);
}

interface Head {
  key: string;
  tip: Point;
  width: number;
}

/** The arrowheads drawn so far, by the card they point into. */
export class Heads {
  private readonly tips = new Map<string, Head[]>();
  private readonly boxes = new Map<string, Rect>();

  /** Line `key` along `points` ends in a head `width` px wide on `card`. */
  add(card: string, key: string, points: readonly Point[], width: number): void {
    this.tips.set(card, [...(this.tips.get(card) ?? []).filter((t) => t.key !== key), { key, tip: tipOf(points), width }]);
    this.boxes.set(key, headBox(points, width));
  }

  /** Whether segment i of the line runs through no head of another line. */
  clear(key: string, points: readonly Point[], i: number): boolean {
    return this.through(key, points, i) === 0;
  }

  /** How many heads of other lines segment i of the line runs through. */
  private through(key: string, points: readonly Point[], i: number): number {
    let count = 0;
    for (const [owner, box] of this.boxes) if (owner !== key && segmentCrosses(points[i], points[i + 1], box)) count++;
    return count;
  }

  /**
   * The line with each segment that runs through another line's head moved sideways off it, the
   * nearest move that `fits` and runs on no more lines; segment 0 stays with `fixedStart` (a trunk).
   */
  offHeads(key: string, points: readonly Point[], placed: PlacedLines, fits: (points: readonly Point[]) => boolean, fixedStart: boolean): Point[] {
    let line = [...points];
    for (let i = fixedStart ? 1 : 0; i + 1 < line.length; i++) {
      if (this.through(key, line, i) === 0) continue;
      const shared = sharedOf(key, line, placed);
      for (const by of OFF_MOVES) {
        const candidate = moved(line, i, by);
        if (candidate && this.through(key, candidate, i) === 0 && sharedOf(key, candidate, placed) <= shared && fits(candidate)) {
          line = candidate;
          break;
        }
      }
    }
    return line;
  }

  /** Whether the head (`width` px) of line `key` along `points` comes too close to another head on `card`, or another line runs through it. */
  crowded(card: string, key: string, points: readonly Point[], width: number, placed?: PlacedLines): boolean {
    const tip = tipOf(points);
    if (placed?.crosses(key, headBox(points, width))) return true;
    return (this.tips.get(card) ?? []).some((t) => t.key !== key && Math.hypot(t.tip.x - tip.x, t.tip.y - tip.y) < Math.max(width, t.width) + HEAD_SPACE);
  }

  /**
   * The line with its last segment slid sideways, the nearest move that takes its head (`width` px)
   * clear of the others on `card`, runs on no more lines than before and `fits`; otherwise as it was.
   * With `fixedStart` a line of one segment stays (its start is a trunk).
   */
  apart(card: string, key: string, points: readonly Point[], width: number, placed: PlacedLines, fits: (points: readonly Point[]) => boolean, fixedStart: boolean): Point[] {
    const last = points.length - 2;
    if (!this.crowded(card, key, points, width, placed) || (fixedStart && last === 0)) return [...points];
    const shared = sharedOf(key, points, placed);
    for (const by of MOVES) {
      const candidate = moved(points, last, by);
      if (candidate && !this.crowded(card, key, candidate, width, placed) && sharedOf(key, candidate, placed) <= shared && fits(candidate)) return candidate;
    }
    return [...points];
  }

  /**
   * The line moved offHeads() and, ending in a head (`head` px wide into `card`), apart(); placed
   * there and its head remembered.
   */
  place(key: string, points: readonly Point[], end: { card: string; head?: number }, placed: PlacedLines, fits: (points: readonly Point[]) => boolean, fixedStart: boolean): Point[] {
    const off = this.offHeads(key, points, placed, fits, fixedStart);
    const apart = end.head ? this.apart(end.card, key, off, end.head, placed, fits, fixedStart) : off;
    placed.remove(key, points);
    placed.add(key, apart);
    if (end.head) this.add(end.card, key, apart, end.head);
    return apart;
  }
}
