import { describe, expect, it } from 'vitest';
import { clipLine } from '../../../src/drawing/clip-line';

const clip = { x: 0, y: 0, width: 1000, height: 1000 };

/** A point of the cubic p0..p3 at t. */
function cubicAt(p: [number, number][], t: number): [number, number] {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [w.reduce((s, k, i) => s + k * p[i][0], 0), w.reduce((s, k, i) => s + k * p[i][1], 0)];
}

const numbersOf = (path: string) => path.match(/-?[\d.]+/g)!.map(Number);

describe('a line cut to the part of the map around the view', () => {
  it('is drawn whole when it lies inside', () => {
    expect(clipLine('M10,10 C200,10 300,400 500,400', clip)).toBeNull();
    expect(clipLine('M10,10L10,50Q10,60 20,60L400,60', clip)).toBeNull();
  });

  it('keeps only the stretch of a long straight line that crosses the rectangle, its dashes in step', () => {
    const cut = clipLine('M-20000,500L20000,500', clip)!;
    const xs = numbersOf(cut.path).filter((_, i) => i % 2 === 0);
    expect(Math.min(...xs)).toBeGreaterThan(-1000);
    expect(Math.max(...xs)).toBeLessThan(2000);
    expect(Math.min(...xs)).toBeLessThanOrEqual(0);
    expect(Math.max(...xs)).toBeGreaterThanOrEqual(1000);
    // The piece starts where the whole line has gone that far.
    expect(cut.dashOffset).toBeCloseTo(Math.min(...xs) + 20000, 0);
    expect(cut.endKept).toBe(false);
  });

  it('cuts a long curve into pieces that lie on it, keeps its end when the end is inside', () => {
    const curve: [number, number][] = [[-30000, -9000], [-10000, -9000], [200, 300], [500, 500]];
    const cut = clipLine(`M${curve[0]} C${curve[1]} ${curve[2]} ${curve[3]}`, clip)!;
    expect(cut.endKept).toBe(true);
    const n = numbersOf(cut.path);
    expect(n.slice(-2)).toEqual([500, 500]);
    // Its start is a point of the whole curve, and far nearer the rectangle than the curve's start.
    const start = [n[0], n[1]];
    const closest = Math.min(...Array.from({ length: 2001 }, (_, i) => cubicAt(curve, i / 2000)).map(([x, y]) => Math.hypot(x - start[0], y - start[1])));
    expect(closest).toBeLessThan(20);
    expect(start[0]).toBeGreaterThan(-5000);
    expect(cut.dashOffset).toBeGreaterThan(25000);
  });

  it('gives an empty path for a line that misses the rectangle, and leaves a path it cannot read alone', () => {
    expect(clipLine('M-5000,-5000L-4000,-4000', clip)).toEqual({ path: '', dashOffset: 0, endKept: false });
    expect(clipLine('M0,0 A5 5 0 0 1 10 10', clip)).toBeNull();
  });
});
