// Property: whatever sequence of edits a user makes, the map stays whole. Commands may refuse an
// intent (CommandError), but never produce a dangling link, a department inside itself, or a card
// in a department that is gone; and restore, the one door for outside data, finds nothing to repair.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CommandError,
  addDepartment,
  addLink,
  addStakeholder,
  duplicateItems,
  markLeftCompany,
  moveItems,
  removeItems,
  reparent,
  resizeDepartment,
  reverseLink,
} from '../../../src/domain/commands';
import { emptyAccountMap, newDepartment, newLink, newStakeholder } from '../../../src/domain/defaults';
import { restoreMap } from '../../../src/domain/restore';
import { LINK_KINDS, type AccountMap } from '../../../src/domain/types';
import { NOW } from '../fixtures/maps';

const pick = <T,>(list: readonly T[], index: number): T | undefined => (list.length ? list[index % list.length] : undefined);

const coordinate = fc.integer({ min: -2000, max: 2000 });
const position = fc.record({ x: coordinate, y: coordinate });
const index = fc.nat({ max: 1000 });

const operation = fc.oneof(
  fc.record({ op: fc.constant('add-stakeholder' as const), parent: index, inside: fc.boolean(), position }),
  fc.record({ op: fc.constant('add-department' as const), parent: index, inside: fc.boolean(), position }),
  fc.record({ op: fc.constant('move' as const), items: fc.array(index, { maxLength: 3 }), position }),
  fc.record({ op: fc.constant('remove' as const), items: fc.array(index, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('reparent' as const), item: index, parent: index, inside: fc.boolean(), position }),
  fc.record({ op: fc.constant('link' as const), source: index, target: index, kind: fc.constantFrom(...LINK_KINDS) }),
  fc.record({ op: fc.constant('reverse' as const), item: index }),
  fc.record({ op: fc.constant('resize' as const), item: index, width: fc.integer({ min: -50, max: 900 }), height: fc.integer({ min: -50, max: 900 }) }),
  fc.record({ op: fc.constant('duplicate' as const), items: fc.array(index, { minLength: 1, maxLength: 3 }), position }),
  fc.record({ op: fc.constant('leave' as const), item: index, successor: index }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(map: AccountMap, step: Operation, fresh: (prefix: string) => string): AccountMap {
  const departmentIds = Object.keys(map.departments);
  const stakeholderIds = Object.keys(map.stakeholders);
  const cardIds = [...stakeholderIds, ...departmentIds];
  const everything = [...cardIds, ...Object.keys(map.links)];
  const parentOf = (i: number, inside: boolean) => (inside ? pick(departmentIds, i) ?? null : null);
  switch (step.op) {
    case 'add-stakeholder':
      return addStakeholder(map, newStakeholder({ id: fresh('stk'), name: 'P', departmentId: parentOf(step.parent, step.inside), position: step.position }));
    case 'add-department':
      return addDepartment(map, newDepartment({ id: fresh('dep'), name: 'D', parentId: parentOf(step.parent, step.inside), position: step.position }));
    case 'move':
      return moveItems(map, step.items.flatMap((i) => (cardIds.length ? [{ id: pick(cardIds, i)!, position: step.position }] : [])));
    case 'remove':
      return removeItems(map, step.items.flatMap((i) => pick(everything, i) ?? []));
    case 'reparent': {
      const item = pick(cardIds, step.item);
      return item ? reparent(map, item, parentOf(step.parent, step.inside), step.position) : map;
    }
    case 'link': {
      const source = pick(cardIds, step.source);
      const target = pick(cardIds, step.target + 1);
      return source && target ? addLink(map, newLink({ id: fresh('lnk'), kind: step.kind, sourceId: source, targetId: target })) : map;
    }
    case 'reverse': {
      const link = pick(Object.keys(map.links), step.item);
      return link ? reverseLink(map, link) : map;
    }
    case 'resize': {
      const department = pick(departmentIds, step.item);
      return department ? resizeDepartment(map, department, { width: step.width, height: step.height }) : map;
    }
    case 'duplicate':
      return duplicateItems(map, step.items.flatMap((i) => pick(cardIds, i) ?? []), step.position, fresh).map;
    case 'leave': {
      const person = pick(stakeholderIds, step.item);
      const successor = pick(stakeholderIds, step.successor);
      return person ? markLeftCompany(map, person, { leftTo: 'Elsewhere', successorId: successor === person ? null : successor ?? null }) : map;
    }
  }
}

function expectWhole(map: AccountMap) {
  const onMap = (id: string) => id in map.stakeholders || id in map.departments;
  for (const link of Object.values(map.links)) {
    expect(onMap(link.sourceId) && onMap(link.targetId), `link ${link.id} has both ends`).toBe(true);
    expect(link.sourceId).not.toBe(link.targetId);
  }
  for (const department of Object.values(map.departments)) {
    const seen = new Set([department.id]);
    for (let parent = department.parentId; parent; parent = map.departments[parent]?.parentId ?? null) {
      expect(map.departments[parent], `parent of ${department.id} exists`).toBeDefined();
      expect(seen.has(parent), `${department.id} is not inside itself`).toBe(false);
      seen.add(parent);
    }
    expect(department.size.width).toBeGreaterThanOrEqual(160);
    expect(department.size.height).toBeGreaterThanOrEqual(100);
  }
  for (const person of Object.values(map.stakeholders)) {
    if (person.departmentId) expect(map.departments[person.departmentId], `department of ${person.id}`).toBeDefined();
    if (person.successorId) expect(map.stakeholders[person.successorId]).toBeDefined();
    if (person.ownerId) expect(map.team[person.ownerId]).toBeDefined();
  }
  const restored = restoreMap(map);
  expect(restored).toMatchObject({ ok: true, repairs: [] });
}

describe('commands keep the map whole (property-based)', () => {
  it('for any sequence of add, move, remove, reparent, link, duplicate and leave', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 40 }), (steps) => {
        let counter = 0;
        const fresh = (prefix: string) => `${prefix}_${++counter}`;
        let map = emptyAccountMap('map_prop', 'Property', NOW);
        for (const step of steps) {
          // Commands return a new map and never touch the one they were given, refused or not:
          // undo keeps the old map object, so an edit in place would silently rewrite history.
          const before = map;
          const copyOfBefore = structuredClone(before);
          try {
            map = apply(before, step, fresh);
          } catch (error) {
            // A refused intent is fine, as long as it is a readable CommandError.
            expect(error).toBeInstanceOf(CommandError);
            expect((error as Error).message).not.toBe('');
          }
          expect(before, `${step.op} left its input as it was`).toStrictEqual(copyOfBefore);
          expectWhole(map);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a refused reparent leaves the map exactly as it was', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), position, (depth, pickIndex, at) => {
        let map = emptyAccountMap('map_chain', 'Chain', NOW);
        for (let i = 0; i < depth; i++) {
          map = addDepartment(map, newDepartment({ id: `dep_${i}`, name: `D${i}`, parentId: i ? `dep_${i - 1}` : null, position: { x: 20, y: 60 } }));
        }
        // Moving the outermost department into itself or any descendant is refused.
        const target = `dep_${pickIndex % depth}`;
        expect(() => reparent(map, 'dep_0', target, at)).toThrow(CommandError);
      }),
    );
  });
});
