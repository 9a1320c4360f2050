// Page seams: a length cut into as few parts as the largest part allows, each seam in a gap between
// the boxes it must not cut, evenly where nothing is in the way; evenly through them when no gap fits.
import { describe, expect, it } from 'vitest';
import { splitAt } from '../../../src/io/page-seams';

const sizes = (parts: readonly (readonly [number, number])[]) => parts.map(([a, b]) => b - a);

describe('splitAt', () => {
  it('keeps a length that fits whole, and cuts an empty one evenly', () => {
    expect(splitAt(500, 600, [[0, 500]])).toEqual([[0, 500]]);
    expect(splitAt(900, 600, [])).toEqual([[0, 450], [450, 900]]);
  });

  it('puts each seam in a gap between the boxes, clear of them, every part at most the largest allowed', () => {
    // Cards 0-300 and 340-700 (a 40 px gap), then 720-900: the seam goes in 300-340, 8 px clear.
    const parts = splitAt(900, 600, [[0, 300], [340, 700], [720, 900]]);
    expect(parts.length).toBe(2);
    expect(parts[0][1]).toBeGreaterThanOrEqual(308);
    expect(parts[0][1]).toBeLessThanOrEqual(332);
    expect(Math.max(...sizes(parts))).toBeLessThanOrEqual(600);
    expect(parts[parts.length - 1][1]).toBe(900);
  });

  it('takes one more part when the fewest would have to cut a box', () => {
    // Two parts of at most 700 need a seam in 300-700, all inside the card 170-830; three parts
    // cut in the gaps 150-170 and 830-850.
    const parts = splitAt(1000, 700, [[0, 150], [170, 830], [850, 1000]]);
    expect(parts).toEqual([[0, 162], [162, 838], [838, 1000]]);
  });

  it('cuts evenly through the boxes when no way of seams between them fits', () => {
    expect(splitAt(1200, 500, [[0, 1200]])).toEqual([[0, 400], [400, 800], [800, 1200]]);
  });
});
