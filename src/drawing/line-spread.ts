// Lines drawn on top of each other hide each other's arrowheads and directions. libavoid nudges
// apart the lines routed in one router, but lines routed in different neighbourhoods (or along
// different department frames) know nothing of each other. PlacedLines remembers every segment
// drawn so far; spread() moves a new line's segments sideways, a few pixels at a time, off the
// lines already there, keeping each move only when the caller says the line still fits (through
// no card, its ends still on their cards' sides). Pure geometry, no libavoid.
import type { Rect } from './link-geometry';
import type { Point } from './avoid-router';

/** Parallel segments closer than this are drawn as one line. */
export const TOUCHING = 3;
/** Sideways moves tried, nearest first (the routers nudge lines 8 px apart; the far ones take a line off a label). */
const MOVES = [8, -8, 5, -5, 12, -12, 16, -16, 32, -32, 64, -64];
/** Segments are filed by their position across, in bands this wide. */
const BAND = 8;
/** Labels are filed in square cells this large. */
const LABEL_CELL = 200;

function cells(box: Rect, visit: (cell: string) => void): void {
  for (let cx = Math.floor(box.x / LABEL_CELL); cx <= Math.floor((box.x + box.width) / LABEL_CELL); cx++) {
    for (let cy = Math.floor(box.y / LABEL_CELL); cy <= Math.floor((box.y + box.height) / LABEL_CELL); cy++) visit(`${cx},${cy}`);
  }
}

interface Segment {
  key: string;
  /** The coordinate across (y of a horizontal segment, x of a vertical one) and the span along. */
  at: number;
  lo: number;
  hi: number;
}

const horizontal = (a: Point, b: Point) => a.y === b.y;

function segment(key: string, a: Point, b: Point): Segment & { horizontal: boolean } {
  const h = horizontal(a, b);
  return h ? { key, horizontal: h, at: a.y, lo: Math.min(a.x, b.x), hi: Math.max(a.x, b.x) } : { key, horizontal: h, at: a.x, lo: Math.min(a.y, b.y), hi: Math.max(a.y, b.y) };
}

/** Every line drawn so far, filed so "what runs along here" is quick to answer. */
export class PlacedLines {
  private readonly bands = new Map<string, Segment[]>();
  /** Lines of one trunk (line-trunks.ts), which run on each other by design: by key. */
  private readonly trunks = new Map<string, string>();
  /** Labels drawn so far, by the LABEL_CELL cells they cover. */
  private readonly labels = new Map<string, { key: string; box: Rect }[]>();

  /** Line `key` is part of the trunk `trunk`: it may run on the other lines of that trunk. */
  joinTrunk(key: string, trunk: string): void {
    this.trunks.set(key, trunk);
  }

  private sameTrunk(a: string, b: string): boolean {
    const trunk = this.trunks.get(a);
    return trunk !== undefined && trunk === this.trunks.get(b);
  }

  /** A label of line `key`: other lines move off it where they can. */
  addLabel(key: string, box: Rect): void {
    cells(box, (cell) => {
      const filed = this.labels.get(cell);
      if (filed) filed.push({ key, box });
      else this.labels.set(cell, [{ key, box }]);
    });
  }

  /** How far the segment a–b runs through labels of lines other than `key`. */
  throughLabels(key: string, a: Point, b: Point): number {
    const s = segment(key, a, b);
    const span = s.horizontal ? { x: s.lo, y: s.at, width: s.hi - s.lo, height: 0 } : { x: s.at, y: s.lo, width: 0, height: s.hi - s.lo };
    const seen = new Set<Rect>();
    let length = 0;
    cells(span, (cell) => {
      for (const { key: owner, box } of this.labels.get(cell) ?? []) {
        if (owner === key || seen.has(box)) continue;
        seen.add(box);
        const [from, to, lo, hi] = s.horizontal ? [box.y, box.y + box.height, box.x, box.x + box.width] : [box.x, box.x + box.width, box.y, box.y + box.height];
        if (s.at > from && s.at < to) length += Math.max(0, Math.min(s.hi, hi) - Math.max(s.lo, lo));
      }
    });
    return length;
  }

  add(key: string, points: readonly Point[]): void {
    for (let i = 1; i < points.length; i++) {
      const s = segment(key, points[i - 1], points[i]);
      const band = `${s.horizontal ? 'h' : 'v'}${Math.floor(s.at / BAND)}`;
      const filed = this.bands.get(band);
      if (filed) filed.push(s);
      else this.bands.set(band, [s]);
    }
  }

  /** Forgets line `key`, placed along `points`. */
  remove(key: string, points: readonly Point[]): void {
    for (let i = 1; i < points.length; i++) {
      const s = segment(key, points[i - 1], points[i]);
      const band = `${s.horizontal ? 'h' : 'v'}${Math.floor(s.at / BAND)}`;
      this.bands.set(band, (this.bands.get(band) ?? []).filter((t) => t.key !== key));
    }
  }

  /** How far the segment a–b runs on top of lines other than `key`. */
  shared(key: string, a: Point, b: Point): number {
    const s = segment(key, a, b);
    let length = 0;
    const first = Math.floor((s.at - TOUCHING) / BAND);
    for (let band = first; band <= Math.floor((s.at + TOUCHING) / BAND); band++) {
      for (const t of this.bands.get(`${s.horizontal ? 'h' : 'v'}${band}`) ?? []) {
        if (t.key !== key && Math.abs(t.at - s.at) < TOUCHING && !this.sameTrunk(key, t.key)) length += Math.max(0, Math.min(s.hi, t.hi) - Math.max(s.lo, t.lo));
      }
    }
    return length;
  }

  /** Whether a line other than `key` passes through the box. */
  crosses(key: string, box: Rect): boolean {
    const check = (horizontalBands: boolean, from: number, to: number, lo: number, hi: number) => {
      for (let band = Math.floor(from / BAND); band <= Math.floor(to / BAND); band++) {
        for (const t of this.bands.get(`${horizontalBands ? 'h' : 'v'}${band}`) ?? []) {
          if (t.key !== key && t.at > from && t.at < to && t.lo < hi && t.hi > lo) return true;
        }
      }
      return false;
    };
    return check(true, box.y, box.y + box.height, box.x, box.x + box.width) || check(false, box.x, box.x + box.width, box.y, box.y + box.height);
  }
}

/** The points with segment i (points i and i + 1) moved `by` across, or null where a neighbouring segment would turn back or vanish. */
export function moved(points: readonly Point[], i: number, by: number): Point[] | null {
  const [a, b] = [points[i], points[i + 1]];
  const axis = horizontal(a, b) ? 'y' : 'x';
  const next = points.map((p) => ({ ...p }));
  next[i][axis] += by;
  next[i + 1][axis] += by;
  // The segments either side run across: they must keep their direction and some length.
  for (const [from, to] of [[i - 1, i], [i + 1, i + 2]]) {
    if (from < 0 || to >= points.length) continue;
    const before = points[to][axis] - points[from][axis];
    const after = next[to][axis] - next[from][axis];
    if (Math.sign(before) !== Math.sign(after) || Math.abs(after) < 2) return null;
  }
  return next;
}

/** How far segment i of the line runs on top of other lines and through their labels. */
const onOthers = (key: string, points: readonly Point[], i: number, placed: PlacedLines) =>
  placed.shared(key, points[i], points[i + 1]) + placed.throughLabels(key, points[i], points[i + 1]);

/** Total length the line runs on top of others and through their labels. */
export const sharedOf = (key: string, points: readonly Point[], placed: PlacedLines) =>
  points.slice(1).reduce((sum, _, i) => sum + onOthers(key, points, i, placed), 0);

/**
 * The line moved, segment by segment, off the lines and labels already placed: each segment that
 * runs on another line or through its label is shifted sideways by the move that leaves least on top of the others and that
 * `fits` (through no card, ends on their sides). A line that shares nothing is returned as is.
 */
export function spread(key: string, points: readonly Point[], placed: PlacedLines, fits: (points: readonly Point[]) => boolean): Point[] {
  let line = [...points];
  let total = sharedOf(key, line, placed);
  for (let i = 0; i + 1 < line.length && total > 0; i++) {
    if (onOthers(key, line, i, placed) === 0) continue;
    // The move that leaves least on top of the others; the nearest of equals.
    let best: [Point[], number] | null = null;
    for (const by of MOVES) {
      const candidate = moved(line, i, by);
      if (!candidate) continue;
      const after = sharedOf(key, candidate, placed);
      if (after < (best ? best[1] : total) && fits(candidate)) best = [candidate, after];
    }
    if (best) [line, total] = best;
  }
  return line;
}

/** Whether each end of the line lies on a side of its card (or inside it), away from the corners by `inset`. */
export function endsOnSides(points: readonly Point[], start: Rect, end: Rect, inset = 6): boolean {
  const onSide = (p: Point, r: Rect) => {
    const near = (v: number, w: number) => Math.abs(v - w) <= 2;
    if (near(p.y, r.y) || near(p.y, r.y + r.height)) return p.x >= r.x + inset && p.x <= r.x + r.width - inset;
    if (near(p.x, r.x) || near(p.x, r.x + r.width)) return p.y >= r.y + inset && p.y <= r.y + r.height - inset;
    // Between cards too close for a way round, libavoid joins their middles: the end stays inside.
    return p.x >= r.x + inset && p.x <= r.x + r.width - inset && p.y >= r.y + inset && p.y <= r.y + r.height - inset;
  };
  return onSide(points[0], start) && onSide(points[points.length - 1], end);
}

/** The length of the line's last segment (where its arrowhead is drawn). */
export const lastLength = (points: readonly Point[]) =>
  Math.hypot(points[points.length - 1].x - points[points.length - 2].x, points[points.length - 1].y - points[points.length - 2].y);
