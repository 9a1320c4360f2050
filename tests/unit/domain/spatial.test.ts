// Moving around the map by keyboard: reading order (Tab), the nearest card in a direction (the
// arrow keys) and the nearest card to a place (focus after a delete).
import { describe, expect, it } from 'vitest';
import { centreOf, nearestInDirection, nearestStakeholder, readingOrder, stakeholdersInReadingOrder } from '../../../src/domain/spatial';
import { mapWith, smallMap } from '../fixtures/maps';

/** A 3 x 2 grid of free cards made in a scrambled order; row 2 sits 6 px lower on its right. */
function grid() {
  const at = (name: string, x: number, y: number) => ({ id: name, name, position: { x, y } });
  return mapWith({
    stakeholders: [at('f', 600, 206), at('a', 0, 0), at('d', 0, 200), at('c', 600, 0), at('e', 300, 203), at('b', 300, 0)],
  });
}

describe('readingOrder', () => {
  it('reads top to bottom and left to right, whatever order the cards were made in', () => {
    expect(readingOrder(grid())).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('reads each department right after it, with its contents inside before what follows', () => {
    // Finance (0,0) holds Claire and Procurement (which holds Zofia); IT (800,0) holds Stavros.
    const order = readingOrder(smallMap());
    expect(order.slice(0, 4)).toEqual(['dep_fin', 'stk_cfo', 'dep_proc', 'stk_buyer']);
    expect(order.indexOf('dep_it')).toBeGreaterThan(order.indexOf('stk_buyer'));
    expect(order.indexOf('stk_cio')).toBe(order.indexOf('dep_it') + 1);
    expect(stakeholdersInReadingOrder(smallMap())[0]).toBe('stk_cfo');
  });
});

describe('nearestInDirection', () => {
  it('goes to the card beside, not one further off that lies closer in a straight line', () => {
    const map = grid();
    expect(nearestInDirection(map, 'a', 'right')).toBe('b');
    expect(nearestInDirection(map, 'b', 'down')).toBe('e');
    expect(nearestInDirection(map, 'e', 'left')).toBe('d');
    expect(nearestInDirection(map, 'e', 'up')).toBe('b');
  });

  it('gives null at the edge of the map', () => {
    expect(nearestInDirection(grid(), 'a', 'left')).toBeNull();
    expect(nearestInDirection(grid(), 'c', 'up')).toBeNull();
    expect(nearestInDirection(grid(), 'nobody', 'up')).toBeNull();
  });
});

describe('nearestStakeholder and centreOf', () => {
  it('finds the card nearest to where deleted cards stood', () => {
    const map = grid();
    const where = centreOf(map, ['b', 'e'])!;
    expect(nearestStakeholder(map, where, new Set(['b', 'e']))).toMatch(/^[acdf]$/);
    expect(nearestStakeholder(map, centreOf(map, ['f'])!, new Set(['f']))).toBe('c');
    expect(centreOf(map, ['lnk_none'])).toBeNull();
  });
});
