// The poster's page grid: every part of the picture is on some page, neighbouring pages share a
// 10 mm strip, pages are numbered after the index page, and blank pages drop out of the count.
import { describe, expect, it } from 'vitest';
import { MM_PER_PX, OVERLAP, PAGE_MARGIN, PAPER, posterLayout, tileLabel, withoutBlankPages } from '../../../src/io/poster-pdf';

describe('posterLayout', () => {
  it('tiles the sample-sized picture (2,406 x 884 px, 637 x 234 mm) on 3 x 2 A4 pages or 2 x 1 A3 pages', () => {
    const a4 = posterLayout(2406, 884, 'a4');
    expect([a4.columns, a4.rows, a4.pages]).toEqual([3, 2, 7]);
    expect(a4.area).toEqual({ width: 297 - 2 * PAGE_MARGIN, height: 210 - 2 * PAGE_MARGIN });
    const a3 = posterLayout(2406, 884, 'a3');
    expect([a3.columns, a3.rows, a3.pages]).toEqual([2, 1, 3]);
  });

  it('covers the whole picture, with neighbours overlapping by 10 mm', () => {
    for (const [width, height] of [[500, 300], [2406, 884], [30_000, 17_000]]) {
      for (const paper of ['a4', 'a3'] as const) {
        const layout = posterLayout(width, height, paper);
        const last = layout.tiles[layout.tiles.length - 1];
        expect(last.x + last.width).toBeGreaterThanOrEqual(width);
        expect(last.y + last.height).toBeGreaterThanOrEqual(height);
        const [first, second] = layout.tiles;
        if (layout.columns > 1) expect((first.x + first.width - second.x) * MM_PER_PX).toBeCloseTo(OVERLAP, 6);
        // A page prints at full size: its area in mm is its part of the picture at 0.265 mm a pixel.
        expect(first.width * MM_PER_PX).toBeCloseTo(PAPER[paper].width - 2 * PAGE_MARGIN, 6);
      }
    }
  });

  it('numbers pages from 2 (page 1 is the index) and labels each with its row and column', () => {
    const layout = posterLayout(2406, 884, 'a4');
    expect(layout.tiles.map((t) => t.page)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(tileLabel(layout.tiles[1], layout)).toBe('Row 1 / column 2, page 3 of 7');
    const printed = withoutBlankPages(layout, new Set([0, 1, 3, 4]));
    expect(printed.pages).toBe(5);
    expect(printed.tiles.map((t) => [t.row, t.column, t.page])).toEqual([[1, 1, 2], [1, 2, 3], [2, 1, 4], [2, 2, 5]]);
    expect(tileLabel(printed.tiles[3], printed)).toBe('Row 2 / column 2, page 5 of 5');
  });

  it('a map of 5,000 people still makes a finite number of full-size pages', () => {
    const layout = posterLayout(40_000, 20_000, 'a3');
    expect(layout.pages).toBeLessThan(1000);
    expect(layout.tiles.every((t) => t.width * MM_PER_PX <= 400)).toBe(true);
  });
});
