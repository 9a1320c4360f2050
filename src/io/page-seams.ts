// Where a picture too large for one page is cut into pages: along one axis, into as few parts as
// the largest part allows, as even as possible, each seam in a gap between the boxes it must not
// cut (cards, badges, labels) and some way clear of them. Pure arithmetic on intervals.

/** How far a seam keeps from a box where the gap allows. */
const CLEARANCE = 8;
/** Parts beyond the fewest possible tried before seams are cut evenly, through whatever is there. */
const EXTRA_PARTS = 3;

type Span = readonly [from: number, to: number];

/** The gaps in (0, length) that no span covers, in order. */
function gaps(length: number, spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > 0 && a < length).map(([a, b]) => [Math.max(0, a), Math.min(length, b)] as const).sort((s, t) => s[0] - t[0]);
  const free: Span[] = [];
  let at = 0;
  for (const [a, b] of sorted) {
    if (a > at) free.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < length) free.push([at, length]);
  return free;
}

/** The seam in [lo, hi] nearest `target` inside a gap, kept CLEARANCE from the gap's ends where it is wide enough; null if none. */
function seamNear(free: readonly Span[], lo: number, hi: number, target: number): number | null {
  let best: number | null = null;
  for (const [a, b] of free) {
    const margin = Math.min(CLEARANCE, (b - a) / 2);
    const from = Math.max(a + margin, lo);
    const to = Math.min(b - margin, hi);
    if (from > to) continue;
    const seam = Math.min(Math.max(target, from), to);
    if (best === null || Math.abs(seam - target) < Math.abs(best - target)) best = seam;
  }
  return best;
}

/** `parts` seams' parts, each at most `most` long, the seams in the gaps; null when the gaps do not allow it. */
function seamed(length: number, most: number, parts: number, free: readonly Span[]): Span[] | null {
  const cuts = [0];
  for (let k = 1; k < parts; k++) {
    const previous = cuts[cuts.length - 1];
    const left = parts - k;
    const target = previous + (length - previous) / (left + 1);
    const seam = seamNear(free, Math.max(previous + 1, length - left * most), Math.min(previous + most, length - 1), target);
    if (seam === null) return null;
    cuts.push(seam);
  }
  if (length - cuts[cuts.length - 1] > most) return null;
  return cuts.map((cut, i) => [cut, i + 1 < cuts.length ? cuts[i + 1] : length] as const);
}

/**
 * A length cut into parts of at most `most`, the seams between the `spans` (boxes along this
 * axis) where there is a way, else evenly. One part when it fits.
 */
export function splitAt(length: number, most: number, spans: readonly Span[]): Span[] {
  const fewest = Math.max(1, Math.ceil(length / most));
  if (fewest === 1) return [[0, length]];
  const free = gaps(length, spans);
  for (let parts = fewest; parts <= fewest + EXTRA_PARTS; parts++) {
    const found = seamed(length, most, parts, free);
    if (found) return found;
  }
  return Array.from({ length: fewest }, (_, i) => [(i * length) / fewest, ((i + 1) * length) / fewest] as const);
}
