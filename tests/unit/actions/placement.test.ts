// Where new cards go: into the department under the point (the innermost one), or the selected
// department, never on top of another card; quick entry makes a missing department first.
import { beforeEach, describe, expect, it } from 'vitest';
import { addDepartmentAt, addFromQuickEntry, addStakeholderAt } from '../../../src/actions/placement';
import { absolutePosition, recordRect } from '../../../src/domain/commands';
import { parseQuickEntry } from '../../../src/domain/quick-entry';
import type { AccountMap } from '../../../src/domain/types';
import { useMapStore } from '../../../src/store/map-store';
import { mapWith, smallMap } from '../fixtures/maps';
import { current, openMap } from '../fixtures/store';

const store = () => useMapStore.getState();

/** Whether card `id` is `department` or sits somewhere inside it. */
function within(map: AccountMap, id: string, department: string): boolean {
  for (let at: string | null = id; at; at = map.stakeholders[at]?.departmentId ?? map.departments[at]?.parentId ?? null) {
    if (at === department) return true;
  }
  return false;
}

/** The cards the new one covers: any other person or department that is neither inside it nor around it. */
function cardsUnder(map: AccountMap, id: string): string[] {
  const rect = recordRect(map, id)!;
  return [...Object.keys(map.stakeholders), ...Object.keys(map.departments)].filter((other) => {
    if (within(map, other, id) || within(map, id, other)) return false;
    const r = recordRect(map, other)!;
    return rect.x < r.x + r.width && r.x < rect.x + rect.width && rect.y < r.y + r.height && r.y < rect.y + rect.height;
  });
}

beforeEach(() => openMap(smallMap()));

describe('a card added at a point', () => {
  it('joins the department under the point, and opens its name for typing', () => {
    const id = addStakeholderAt({ x: 1100, y: 250 })!; // lower right of IT
    expect(current().stakeholders[id]).toMatchObject({ name: 'New stakeholder', departmentId: 'dep_it', placeholder: false });
    expect(store().selection).toEqual([id]);
    expect(store().editingNameId).toBe(id);
  });

  it('joins the innermost department when departments are nested', () => {
    const id = addStakeholderAt({ x: 300, y: 300 })!; // inside Procurement, inside Finance
    expect(current().stakeholders[id].departmentId).toBe('dep_proc');
  });

  it('stays on the open canvas outside every department', () => {
    const id = addStakeholderAt({ x: 2000, y: 900 })!;
    expect(current().stakeholders[id].departmentId).toBeNull();
    // Centred on the point, where nothing else is.
    expect(absolutePosition(current(), id)).toEqual({ x: 2000 - 110, y: 900 - 48 });
  });

  it('never lands on top of another card, however often the same point is used', () => {
    const onStavros = { x: 820 + 110, y: 60 + 48 };
    const added = [1, 2, 3, 4].map(() => addStakeholderAt(onStavros)!);
    for (const id of added) {
      expect(current().stakeholders[id].departmentId).toBe('dep_it');
      expect(cardsUnder(current(), id), `cards under ${id}`).toEqual([]);
    }
  });

  it('goes into the one selected department when added from the toolbar or a key', () => {
    store().select(['dep_proc']);
    const id = addStakeholderAt(undefined, { placeholder: true })!;
    expect(current().stakeholders[id]).toMatchObject({ departmentId: 'dep_proc', placeholder: true, name: 'Unknown (placeholder)' });
    expect(cardsUnder(current(), id)).toEqual([]);
  });

  it('a department added at a point in another is nested in it, beside what is already there', () => {
    const id = addDepartmentAt({ x: 1100, y: 250 })!; // lower right of IT
    expect(current().departments[id]).toMatchObject({ name: 'New department', parentId: 'dep_it' });
    expect(cardsUnder(current(), id)).toEqual([]);
    expect(store().editingNameId).toBe(id);
  });

  // Finance grows to hold the new department: down, where there is room, not out over IT beside it.
  it('a department added into the selected department does not spread it over the one beside it', () => {
    store().select(['dep_fin']);
    const id = addDepartmentAt()!;
    expect(current().departments[id].parentId).toBe('dep_fin');
    expect(cardsUnder(current(), id)).toEqual([]);
    expect(cardsUnder(current(), 'dep_fin')).toEqual([]);
  });

  it('a department boxed in by its neighbours still takes the new card; they move aside, and one undo puts all back', () => {
    openMap(
      mapWith({
        departments: [
          { id: 'box', name: 'Boxed', position: { x: 0, y: 0 }, size: { width: 260, height: 170 } },
          { id: 'right', name: 'Right', position: { x: 280, y: 0 }, size: { width: 300, height: 170 } },
          { id: 'below', name: 'Below', position: { x: 0, y: 190 }, size: { width: 580, height: 200 } },
        ],
        stakeholders: [{ id: 'p', name: 'In the box', departmentId: 'box', position: { x: 20, y: 50 } }],
      }),
    );
    const before = current();
    store().select(['box']);
    const id = addStakeholderAt()!;
    expect(current().stakeholders[id].departmentId).toBe('box');
    for (const card of [id, 'box', 'right', 'below']) expect(cardsUnder(current(), card), card).toEqual([]);
    store().undo();
    expect(current()).toBe(before);
  });

  it('adds nothing to a read-only map', () => {
    openMap(smallMap(), [], { readOnly: true });
    const before = current();
    expect(addStakeholderAt({ x: 0, y: 0 })).toBeNull();
    expect(current()).toBe(before);
  });
});

describe('quick entry', () => {
  it('adds the person into the department named, with title, roles and stance', () => {
    const id = addFromQuickEntry(parseQuickEntry('Maria Nowak, CFO @IT #dm #champion', current()))!;
    expect(current().stakeholders[id]).toMatchObject({ name: 'Maria Nowak', title: 'CFO', departmentId: 'dep_it', roles: ['decision-maker'], stance: 'champion' });
    expect(cardsUnder(current(), id)).toEqual([]);
  });

  it('makes a department that does not exist yet, beside the others, and one undo removes both', () => {
    const before = current();
    const id = addFromQuickEntry(parseQuickEntry('Lena Fischer @Legal', current()))!;
    const legal = Object.values(current().departments).find((d) => d.name === 'Legal')!;
    expect(legal).toMatchObject({ parentId: null });
    expect(current().stakeholders[id].departmentId).toBe(legal.id);
    expect(cardsUnder(current(), legal.id)).toEqual([]);
    store().undo();
    expect(current()).toBe(before);
  });

  it('sets the coverage of the department named, new or existing, in the same undo step', () => {
    const before = current();
    addFromQuickEntry(parseQuickEntry('Olga @IT #белое-пятно', current()));
    expect(current().departments.dep_it.coverage).toBe('white-space');
    store().undo();
    expect(current()).toBe(before);
    addFromQuickEntry(parseQuickEntry('Jan @Logistyka #u-konkurencji', current()));
    expect(Object.values(current().departments).find((d) => d.name === 'Logistyka')).toMatchObject({ coverage: 'competitor' });
  });

  it('adds nothing for a line without a name', () => {
    const before = current();
    expect(addFromQuickEntry(parseQuickEntry('@IT #champion', current()))).toBeNull();
    expect(current()).toBe(before);
  });
});
