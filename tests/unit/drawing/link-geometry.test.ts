import { describe, expect, it } from 'vitest';
import { borderPoint, linkPath, straightBetween } from '../../../src/drawing/link-geometry';

const manager = { x: 100, y: 0, width: 200, height: 100 };
const report = { x: 400, y: 200, width: 200, height: 100 };
const beside = { x: 400, y: 0, width: 200, height: 100 };

/** The numbers in a path, in order. */
const numbers = (path: string) => path.match(/-?\d+(\.\d+)?/g)!.map(Number);

describe('link geometry', () => {
  it('a reporting line runs from the bottom of the manager above to the top of the report, in right angles', () => {
    const { path, labelX, labelY } = linkPath('reports-to', report, manager);
    expect(path.startsWith('M200,100')).toBe(true);
    expect(path.endsWith('L500,200')).toBe(true);
    expect(path).not.toContain('C');
    expect([labelX, labelY]).toEqual([350, 150]);
  });

  it('a reporting line between cards side by side, and any other kind, is a curve between facing sides', () => {
    for (const [kind, from, to] of [['reports-to', beside, manager], ['influences', report, manager]] as const) {
      const { path } = linkPath(kind, from, to);
      expect(path).toContain('C');
      expect(numbers(path).every(Number.isFinite)).toBe(true);
    }
    const { path, labelX, labelY } = linkPath('ally', manager, beside);
    expect(path.startsWith('M300,50')).toBe(true);
    expect(path.endsWith('400,50')).toBe(true);
    expect([labelX, labelY]).toEqual([350, 50]);
  });

  it('a line leaves a card on the side that faces the other card', () => {
    expect(borderPoint(manager, report).side).toBe('bottom');
    expect(borderPoint(manager, beside)).toEqual({ x: 300, y: 50, side: 'right' });
    expect(borderPoint(beside, manager).side).toBe('left');
  });

  it('a straight line has its label half way', () => {
    expect(straightBetween(manager, beside)).toEqual({ path: 'M300,50L400,50', labelX: 350, labelY: 50 });
  });
});
