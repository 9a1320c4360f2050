// The stops of a presentation's walk, in the order a room reads the map.
import { describe, expect, it } from 'vitest';
import { readingOrder, walkCaption, walkPosition, walkStep, walkStops } from '../../../src/domain/walk';
import { mapWith, smallMap } from '../fixtures/maps';

describe('walkStops', () => {
  it('visits the top-level departments row by row, left to right, and not the ones nested in them', () => {
    const map = mapWith({
      departments: [
        { id: 'ops', name: 'Operations', position: { x: 900, y: 620 }, size: { width: 400, height: 300 } },
        { id: 'board', name: 'Board', position: { x: 0, y: 40 }, size: { width: 500, height: 200 } },
        { id: 'fin', name: 'Finance', position: { x: 600, y: 0 }, size: { width: 300, height: 480 } },
        { id: 'it', name: 'IT', position: { x: 0, y: 600 }, size: { width: 600, height: 400 } },
        { id: 'infra', name: 'Infrastructure', parentId: 'it', position: { x: 20, y: 60 }, size: { width: 200, height: 200 } },
      ],
    });
    // Finance starts higher than the Board but beside it: one row, read left to right.
    expect(walkStops(map, 'department')).toEqual(['board', 'fin', 'it', 'ops']);
    expect(walkCaption(map, 'department', 'fin')).toBe('Finance · 2 of 4');
    expect(walkCaption(map, 'department', 'infra')).toBeNull();
  });

  it('visits the decision-makers still at the company, wherever they sit', () => {
    const map = mapWith({
      stakeholders: [
        { id: 'b', name: 'Ben', roles: ['decision-maker'], position: { x: 500, y: 0 } },
        { id: 'a', name: 'Ann', roles: ['decision-maker', 'economic-buyer'], position: { x: 0, y: 10 } },
        { id: 'gone', name: 'Gone', roles: ['decision-maker'], leftCompany: true, position: { x: 0, y: 300 } },
        { id: 'u', name: 'User', roles: ['user'], position: { x: 0, y: 600 } },
      ],
    });
    expect(walkStops(map, 'decision-maker')).toEqual(['a', 'b']);
    expect(walkCaption(map, 'decision-maker', 'b')).toBe('Ben · decision-maker 2 of 2');
  });

  it('reads records with absolute positions, so members of a department are ordered on the map', () => {
    const map = smallMap();
    expect(readingOrder(map, ['stk_buyer', 'stk_cio', 'stk_cfo'])).toEqual(['stk_cfo', 'stk_cio', 'stk_buyer']);
  });
});

describe('walkPosition', () => {
  const map = mapWith({
    departments: [
      { id: 'board', name: 'Board', position: { x: 0, y: 0 }, size: { width: 400, height: 200 } },
      { id: 'fin', name: 'Finance', position: { x: 500, y: 0 }, size: { width: 400, height: 300 } },
      { id: 'tax', name: 'Tax', parentId: 'fin', position: { x: 20, y: 60 }, size: { width: 300, height: 200 } },
      { id: 'it', name: 'IT', position: { x: 1000, y: 0 }, size: { width: 400, height: 200 } },
      { id: 'ops', name: 'Operations', position: { x: 0, y: 800 }, size: { width: 400, height: 200 } },
    ],
    stakeholders: [
      { id: 'cfo', name: 'Claire', roles: ['decision-maker'], departmentId: 'tax', position: { x: 10, y: 50 } },
      { id: 'free', name: 'Free', roles: ['decision-maker'], position: { x: 0, y: 500 } },
    ],
  });
  const stops = walkStops(map, 'department');
  const after = (id: string, step: 1 | -1) => stops[walkStep(stops.length, walkPosition(map, 'department', { kind: 'decision-maker', id }), step)];

  it('after a decision-maker walk, the departments go on from the department that holds the person', () => {
    expect(stops).toEqual(['board', 'fin', 'it', 'ops']);
    expect(after('cfo', -1)).toBe('board');
    expect(after('cfo', 1)).toBe('it');
  });

  it('someone on the open canvas stands between the departments read before and after them', () => {
    expect(after('free', -1)).toBe('it');
    expect(after('free', 1)).toBe('ops');
  });

  it('a walk that has not started begins at the first stop, or the last going back', () => {
    expect(walkStep(4, walkPosition(map, 'department', null), 1)).toBe(0);
    expect(walkStep(4, walkPosition(map, 'department', null), -1)).toBe(3);
    expect(walkStep(4, walkPosition(map, 'department', { kind: 'department', id: 'ops' }), 1)).toBe(0);
  });
});
