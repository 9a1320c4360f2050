import { afterEach, describe, expect, it } from 'vitest';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { absolutePosition } from '../../../src/domain/commands';
import { previewMoves, takePreviewedMoves, useDragPreview } from '../../../src/canvas/drag-preview';

const map = createSampleAccountMap('2026-12-02T00:00:00.000Z');
const byName = (name: string) => Object.values(map.stakeholders).find((person) => person.name === name)!;
const board = Object.values(map.departments).find((department) => department.name === 'Executive Board')!;

afterEach(() => void takePreviewedMoves());

describe('drag preview', () => {
  it('moves the people of a dragged department with it, by the same shift', () => {
    const at = absolutePosition(map, board.id);
    previewMoves(map, [{ id: board.id, position: { x: at.x + 120, y: at.y - 40 } }]);
    const { shifts, moving } = useDragPreview.getState();
    expect(shifts.get(board.id)).toEqual({ dx: 120, dy: -40 });
    expect(shifts.get(byName('Henrik Larsen').id)).toEqual({ dx: 120, dy: -40 });
    expect(moving.has(byName('Claire Dubois').id)).toBe(true);
    // Someone in another department stays put.
    expect(shifts.has(byName('Elena García').id)).toBe(false);
  });

  it('keeps the set of moving ids while only the positions change, and gives the last positions back once', () => {
    const henrik = byName('Henrik Larsen');
    const at = absolutePosition(map, henrik.id);
    previewMoves(map, [{ id: henrik.id, position: { x: at.x + 10, y: at.y } }]);
    const first = useDragPreview.getState().moving;
    previewMoves(map, [{ id: henrik.id, position: { x: at.x + 30, y: at.y + 5 } }]);
    expect(useDragPreview.getState().moving).toBe(first);
    expect(takePreviewedMoves()).toEqual([{ id: henrik.id, position: { x: at.x + 30, y: at.y + 5 } }]);
    expect(useDragPreview.getState().shifts.size).toBe(0);
    expect(takePreviewedMoves()).toEqual([]);
  });

  it('lets a member dragged along with its department keep the position the canvas gave it', () => {
    const claire = byName('Claire Dubois');
    const boardAt = absolutePosition(map, board.id);
    const claireAt = absolutePosition(map, claire.id);
    previewMoves(map, [
      { id: board.id, position: { x: boardAt.x + 50, y: boardAt.y } },
      { id: claire.id, position: { x: claireAt.x + 80, y: claireAt.y + 10 } },
    ]);
    expect(useDragPreview.getState().shifts.get(claire.id)).toEqual({ dx: 80, dy: 10 });
  });
});
