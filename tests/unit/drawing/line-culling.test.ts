import { describe, expect, it } from 'vitest';
import { hullMeetsRect, lineOutline, linkPath, polylineMeetsRect, type Rect } from '../../../src/drawing/link-geometry';
import type { LinkKind } from '../../../src/domain/types';

/** Points along an SVG path of M, L, Q and C commands (absolute), as the browser would draw it. */
function sample(path: string): { x: number; y: number }[] {
  const tokens = path.match(/[MLQC]|-?[\d.]+(?:e-?\d+)?/g)!;
  const points: { x: number; y: number }[] = [];
  let i = 0;
  let at = { x: 0, y: 0 };
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const command = tokens[i++];
    if (command === 'M') {
      at = { x: num(), y: num() };
      points.push(at);
    } else if (command === 'L') {
      const to = { x: num(), y: num() };
      for (let t = 0; t <= 1; t += 0.05) points.push({ x: at.x + (to.x - at.x) * t, y: at.y + (to.y - at.y) * t });
      at = to;
    } else if (command === 'Q') {
      const c = { x: num(), y: num() };
      const to = { x: num(), y: num() };
      for (let t = 0; t <= 1; t += 0.05) points.push({ x: (1 - t) ** 2 * at.x + 2 * (1 - t) * t * c.x + t * t * to.x, y: (1 - t) ** 2 * at.y + 2 * (1 - t) * t * c.y + t * t * to.y });
      at = to;
    } else if (command === 'C') {
      const c1 = { x: num(), y: num() };
      const c2 = { x: num(), y: num() };
      const to = { x: num(), y: num() };
      for (let t = 0; t <= 1; t += 0.02) {
        const u = 1 - t;
        points.push({ x: u ** 3 * at.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t ** 3 * to.x, y: u ** 3 * at.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t ** 3 * to.y });
      }
      at = to;
    }
  }
  return points;
}

const inside = (p: { x: number; y: number }, r: Rect) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('leaving out lines that do not pass through the screen', () => {
  it('never leaves out a line any part of which shows (4,000 random lines and screens)', () => {
    const next = random(7);
    const kinds: LinkKind[] = ['reports-to', 'dotted-line', 'influences', 'ally', 'conflict'];
    let shown = 0;
    for (let n = 0; n < 4000; n++) {
      const card = (): Rect => ({ x: next() * 6000, y: next() * 4000, width: 220 + next() * 100, height: 80 + next() * 60 });
      const from = card();
      const to = card();
      const kind = kinds[n % kinds.length];
      const screen = { x: next() * 6000 - 500, y: next() * 4000 - 500, width: 200 + next() * 1500, height: 150 + next() * 900 };
      const shows = sample(linkPath(kind, from, to).path).some((p) => inside(p, screen));
      if (shows) shown++;
      if (shows) expect(hullMeetsRect(lineOutline(kind, from, to), screen), `${kind} ${JSON.stringify({ from, to, screen })}`).toBe(true);
    }
    // Enough of them show for the check to mean something.
    expect(shown).toBeGreaterThan(400);
  });

  it('leaves out a long line whose ends box the screen but which passes beside it', () => {
    // From the top left to the bottom right of a large map; the screen is near the bottom left corner.
    const from = { x: 0, y: 0, width: 240, height: 100 };
    const to = { x: 10_000, y: 8_000, width: 240, height: 100 };
    const screen = { x: 500, y: 6_000, width: 1_280, height: 800 };
    expect(hullMeetsRect(lineOutline('influences', from, to), screen)).toBe(false);
    expect(hullMeetsRect(lineOutline('influences', from, to), { x: 4_500, y: 3_600, width: 1_280, height: 800 })).toBe(true);
  });

  it('takes a routed line by its own points', () => {
    const route = [{ x: 0, y: 0 }, { x: 0, y: 1000 }, { x: 3000, y: 1000 }];
    expect(polylineMeetsRect(route, { x: 1000, y: 900, width: 100, height: 200 })).toBe(true);
    expect(polylineMeetsRect(route, { x: 1000, y: 100, width: 500, height: 500 })).toBe(false);
  });
});
