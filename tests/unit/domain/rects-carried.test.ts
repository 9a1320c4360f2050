// A map version made by an edit of a few people starts from the last version's rectangles
// (domain/commands/geometry.ts). Whatever it carries over, every rectangle and the bounds must be
// what a map never seen before gives.
import { describe, expect, it } from 'vitest';
import { mapBounds, prepareRects, recordRect } from '../../../src/domain/commands';
import { applyEdit, type Edit } from '../../../src/domain/edits';
import { runAtOnce } from '../../../src/domain/slices';
import { createSampleAccountMap } from '../../../src/domain/sample';
import type { AccountMap } from '../../../src/domain/types';

/** The same records in new objects: no cache of the original applies to it. */
const fresh = (map: AccountMap): AccountMap => structuredClone(map);

function expectSameGeometry(map: AccountMap) {
  const unseen = fresh(map);
  for (const id of [...Object.keys(map.departments), ...Object.keys(map.stakeholders)]) {
    expect(recordRect(map, id), id).toEqual(recordRect(unseen, id));
  }
  expect(mapBounds(map)).toEqual(mapBounds(unseen));
}

describe('rectangles carried from one version of a map to the next', () => {
  const opened = createSampleAccountMap('2026-12-03T00:00:00.000Z');
  runAtOnce(prepareRects(opened));
  const people = Object.values(opened.stakeholders);
  const furthest = people.reduce((a, b) => (recordRect(opened, b.id)!.x > recordRect(opened, a.id)!.x ? b : a));

  it('are right after a series of edits that move, resize, add and remove people, and move a department', () => {
    const edits: Edit[] = [
      { type: 'setStance', ids: [people[0].id], stance: 'blocker' },
      // Past the right edge of the map: the bounds grow.
      { type: 'moveItems', moves: [{ id: furthest.id, position: { x: furthest.position.x + 900, y: furthest.position.y } }] },
      // A longer name wraps onto more lines: a taller card.
      { type: 'updateStakeholder', id: people[1].id, patch: { name: 'Maximiliane Alexandra Wolkenstein-Trauttmansdorff' } },
      { type: 'removeItems', ids: [people[2].id] },
      { type: 'addStakeholder', stakeholder: { ...people[3], id: 'stk_new', name: 'Ada Newcomer', position: { x: 4000, y: 3000 } } },
      { type: 'moveItems', moves: [{ id: Object.keys(opened.departments)[0], position: { x: -500, y: -400 } }] },
    ];
    let map = opened;
    for (const edit of edits) {
      map = applyEdit(map, edit);
      expectSameGeometry(map);
    }
    expect(recordRect(map, people[2].id)).toBeNull();
    expect(recordRect(map, 'stk_new')).toMatchObject({ x: expect.any(Number), width: expect.any(Number) });
  });

  it('stay right over a long series of edits (more versions than are ever stacked on each other)', () => {
    let map = opened;
    for (let i = 0; i < 30; i++) {
      const person = people[i % people.length];
      map = applyEdit(map, { type: 'moveItems', moves: [{ id: person.id, position: { x: person.position.x + i * 7, y: person.position.y + i } }] });
    }
    expectSameGeometry(map);
  });

  it('leave the version they came from as it was', () => {
    const before = Object.keys(opened.stakeholders).map((id) => recordRect(opened, id));
    const moved = applyEdit(opened, { type: 'moveItems', moves: [{ id: people[0].id, position: { x: 12345, y: 678 } }] });
    recordRect(moved, people[0].id);
    mapBounds(moved);
    expect(Object.keys(opened.stakeholders).map((id) => recordRect(opened, id))).toEqual(before);
    expect(mapBounds(opened)).toEqual(mapBounds(fresh(opened)));
  });

  it('keep each version its own rectangles when the same person is moved twice (what Undo goes back to)', () => {
    const person = people[5];
    runAtOnce(prepareRects(opened));
    const once = applyEdit(opened, { type: 'moveItems', moves: [{ id: person.id, position: { x: 111, y: 222 } }] });
    const twice = applyEdit(once, { type: 'moveItems', moves: [{ id: person.id, position: { x: 999, y: 888 } }] });
    // The first version is looked at (not this person), then the second, made from it; then this
    // person in the first.
    expect(recordRect(once, people[0].id)).toEqual(recordRect(fresh(once), people[0].id));
    expect(recordRect(twice, person.id)).toEqual(recordRect(fresh(twice), person.id));
    expect(recordRect(once, person.id)).toEqual(recordRect(fresh(once), person.id));
    expect(recordRect(once, person.id)).not.toEqual(recordRect(twice, person.id));
  });
});
