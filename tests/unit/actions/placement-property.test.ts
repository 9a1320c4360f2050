// Whatever is added, in whatever order, nothing ends up on top of anything else: cards and
// departments beside each other (siblings) never overlap, also after a department grows to hold
// what was put into it; and what is added from the toolbar, a key or quick entry lands inside the
// part of the map on screen when there is room there.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDepartmentAt, addFromQuickEntry, addStakeholderAt } from '../../../src/actions/placement';
import { attachViewport } from '../../../src/actions/viewport';
import { departmentAt, recordRect } from '../../../src/domain/commands';
import { parseQuickEntry } from '../../../src/domain/quick-entry';
import type { AccountMap, Position, Size } from '../../../src/domain/types';
import { useMapStore } from '../../../src/store/map-store';
import { mapWith, smallMap } from '../fixtures/maps';
import { current, openMap } from '../fixtures/store';

type Rect = Position & Size;
const store = () => useMapStore.getState();

/** A screen's worth of map (1920x1080 at a zoom of about 0.8), wherever the user has scrolled to. */
function showing(view: Rect) {
  attachViewport({
    visibleRect: () => view,
    visibleCenter: () => ({ x: view.x + view.width / 2, y: view.y + view.height / 2 }),
    current: () => ({ x: -view.x, y: -view.y, zoom: 1 }),
    reveal: () => {},
    fit: () => {},
    present: () => {},
    parts: () => 1,
    zoomIn: () => {},
    zoomOut: () => {},
  });
}
afterEach(() => attachViewport(null));

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const parentOf = (map: AccountMap, id: string) => map.stakeholders[id]?.departmentId ?? map.departments[id]?.parentId ?? null;

/** Every pair of siblings that overlap, by name. */
function overlappingSiblings(map: AccountMap): string[] {
  const ids = [...Object.keys(map.departments), ...Object.keys(map.stakeholders)];
  const pairs: string[] = [];
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1)) {
      if (parentOf(map, a) === parentOf(map, b) && overlap(recordRect(map, a)!, recordRect(map, b)!)) pairs.push(`${a} / ${b}`);
    }
  }
  return pairs;
}

type Add =
  | { kind: 'stakeholder' | 'department' | 'quick entry, new department' }
  | { kind: 'stakeholder into selected' | 'department into selected' | 'quick entry, existing department'; which: number };

const add: fc.Arbitrary<Add> = fc.oneof(
  fc.record({ kind: fc.constantFrom('stakeholder' as const, 'department' as const, 'quick entry, new department' as const) }),
  fc.record({
    kind: fc.constantFrom('stakeholder into selected' as const, 'department into selected' as const, 'quick entry, existing department' as const),
    which: fc.nat(),
  }),
);

/**
 * Runs one add; returns the id that must be on screen: what went onto the open canvas. (What goes
 * into a department stays in it, and a department may have no room left in view.)
 */
function run(step: Add, n: number, view: Rect): string | null {
  const departments = Object.values(current().departments);
  const centre = { x: view.x + view.width / 2, y: view.y + view.height / 2 };
  const onCanvas = (id: string | null) => (id && parentOf(current(), id) === null ? id : null);
  const chosen = 'which' in step && departments.length ? departments[step.which % departments.length] : null;
  switch (step.kind) {
    case 'stakeholder':
      store().select([]);
      return departmentAt(current(), centre, []) ? (addStakeholderAt(), null) : onCanvas(addStakeholderAt());
    case 'department':
      store().select([]);
      return departmentAt(current(), centre, []) ? (addDepartmentAt(), null) : onCanvas(addDepartmentAt());
    case 'quick entry, new department': {
      const id = addFromQuickEntry(parseQuickEntry(`Person ${n} @Unit ${n}`, current()))!;
      return onCanvas(current().stakeholders[id].departmentId);
    }
    default:
      if (!chosen) return null;
      if (step.kind === 'quick entry, existing department') addFromQuickEntry(parseQuickEntry(`Person ${n} @${chosen.name}`, current()));
      else {
        store().select([chosen.id]);
        const id = step.kind === 'department into selected' ? addDepartmentAt() : addStakeholderAt();
        expect(parentOf(current(), id!)).toBe(chosen.id);
      }
      return null;
  }
}

describe('placement of new things, any sequence of adds', () => {
  it('keeps siblings apart, and puts what is added where the user looks inside the view', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.record({ x: fc.integer({ min: -1500, max: 1500 }), y: fc.integer({ min: -1000, max: 1000 }) }),
        fc.array(add, { minLength: 1, maxLength: 8 }),
        (startFromSample, corner, adds) => {
          openMap(startFromSample ? smallMap() : mapWith({}));
          const view = { ...corner, width: 2400, height: 1350 };
          showing(view);
          adds.forEach((step, n) => {
            const shown = run(step, n, view);
            expect(overlappingSiblings(current()), `after ${n + 1}: ${step.kind}`).toEqual([]);
            // Eight cards or departments leave plenty of room on the open canvas in a view of this size.
            if (shown) expect(inside(recordRect(current(), shown)!, view), `${step.kind} in view`).toBe(true);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
