// Named edits: each applies the pure command it names, carries what it needs (ids included) so a
// replay gives the same map, and says in a few words what it did (the undo step's name).
import { describe, expect, it } from 'vitest';
import { absolutePosition, copyItems, CommandError, overlaps, recordRect } from '../../../src/domain/commands';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { newStakeholder } from '../../../src/domain/defaults';
import { applyEdit, arrangementBetween, describeEdit, planPaste, type Edit } from '../../../src/domain/edits';
import { counterIds, smallMap } from '../fixtures/maps';

describe('applyEdit', () => {
  it('sets a stance on several people at once, and names it', () => {
    const edit: Edit = { type: 'setStance', ids: ['stk_cfo', 'stk_cio'], stance: 'champion' };
    const next = applyEdit(smallMap(), edit);
    expect([next.stakeholders.stk_cfo.stance, next.stakeholders.stk_cio.stance]).toEqual(['champion', 'champion']);
    expect(describeEdit(edit)).toBe('mark champion');
    expect(describeEdit({ ...edit, stance: 'unknown' })).toBe('clear stance');
  });

  it('gives or takes a role without toggling those who already are as asked', () => {
    const map = applyEdit(smallMap(), { type: 'setRole', ids: ['stk_cfo'], role: 'decision-maker', on: true });
    const both = applyEdit(map, { type: 'setRole', ids: ['stk_cfo', 'stk_buyer'], role: 'decision-maker', on: true });
    expect(both.stakeholders.stk_cfo.roles).toEqual(['decision-maker']);
    expect(both.stakeholders.stk_buyer.roles).toEqual(['decision-maker']);
    const none = applyEdit(both, { type: 'setRole', ids: ['stk_cfo', 'stk_buyer'], role: 'decision-maker', on: false });
    expect(none.stakeholders.stk_cfo.roles).toEqual([]);
    expect(describeEdit({ type: 'setRole', ids: [], role: 'decision-maker', on: true })).toBe('tag decision maker');
  });

  it('returns the same map when nothing changes, and refuses a bad edit with a readable reason', () => {
    const map = smallMap();
    expect(applyEdit(map, { type: 'moveItems', moves: [{ id: 'stk_cfo', position: map.stakeholders.stk_cfo.position }] })).toBe(map);
    expect(() => applyEdit(map, { type: 'addStakeholder', stakeholder: newStakeholder({ id: 'stk_x', name: '  ' }) })).toThrow(CommandError);
  });

  it('moves a card into another department from the inspector, below the title bar and clear of the others', () => {
    const next = applyEdit(smallMap(), { type: 'moveInto', id: 'stk_free', parentId: 'dep_it' });
    const moved = next.stakeholders.stk_free;
    expect(moved.departmentId).toBe('dep_it');
    expect(moved.position.y).toBeGreaterThan(40);
    expect(moved.position).not.toEqual(next.stakeholders.stk_cio.position);
    const out = applyEdit(next, { type: 'moveInto', id: 'stk_free', parentId: null });
    expect(out.stakeholders.stk_free.departmentId).toBeNull();
    expect(out.stakeholders.stk_free.position).toEqual({ x: 800 + moved.position.x, y: moved.position.y });
  });

  it('a card dropped inside a department joins it; one dragged along with its department stays a member', () => {
    const map = applyEdit(smallMap(), { type: 'moveItems', moves: [{ id: 'stk_free', position: { x: 850, y: 180 } }] });
    const dropped = applyEdit(map, { type: 'reparentDropped', ids: ['stk_free'] });
    expect(dropped.stakeholders.stk_free.departmentId).toBe('dep_it');
    expect(dropped.stakeholders.stk_free.position).toEqual({ x: 50, y: 180 });
    const together = applyEdit(smallMap(), { type: 'reparentDropped', ids: ['dep_proc', 'stk_buyer'] });
    expect(together.stakeholders.stk_buyer.departmentId).toBe('dep_proc');
    expect(together.departments.dep_proc.parentId).toBe('dep_fin');
  });

  it('a card dropped on another card moves on to the nearest clear spot, in the department it was dropped in', () => {
    const map = applyEdit(smallMap(), { type: 'moveItems', moves: [{ id: 'stk_free', position: { x: 830, y: 70 } }] });
    const dropped = applyEdit(map, { type: 'reparentDropped', ids: ['stk_free'] });
    const free = recordRect(dropped, 'stk_free')!;
    const cio = recordRect(dropped, 'stk_cio')!;
    expect(dropped.stakeholders.stk_free.departmentId).toBe('dep_it');
    expect(overlaps(free, cio, 0)).toBe(false);
    // Beside the card it was dropped on, not somewhere far off.
    expect(Math.hypot(free.x - 830, free.y - 70)).toBeLessThan(free.width + free.height);
    // The department grew to hold it where it settled.
    expect(free.x + free.width).toBeLessThanOrEqual(800 + dropped.departments.dep_it.size.width);
    expect(free.y + free.height).toBeLessThanOrEqual(dropped.departments.dep_it.size.height);
    // Dropped clear of everything, it stays where it was dropped.
    const clear = applyEdit(smallMap(), { type: 'moveItems', moves: [{ id: 'stk_free', position: { x: 1400, y: 400 } }] });
    expect(applyEdit(clear, { type: 'reparentDropped', ids: ['stk_free'] })).toBe(clear);
  });

  it('a card dropped on a card in a boxed-in department: the department grows and its neighbours step aside', () => {
    // The sample's Hub Rotterdam sits beside Hub Hamburg inside Hub Network, inside Operations.
    const map = createSampleAccountMap('2026-12-01T09:00:00.000Z');
    const named = (name: string) => Object.values(map.stakeholders).find((person) => person.name === name)!.id;
    const [elena, joost] = [named('Elena García'), named('Joost Bakker')];
    // Dropped a little right of Joost's card: the nearest clear spot widens Hub Rotterdam towards Hub Hamburg.
    const at = absolutePosition(map, joost);
    const onJoost = applyEdit(map, { type: 'moveItemsTo', moves: [{ id: elena, position: { x: at.x + 60, y: at.y } }] });
    const dropped = applyEdit(onJoost, { type: 'reparentDropped', ids: [elena] });
    expect(dropped.departments[dropped.stakeholders[elena].departmentId!].name).toBe('Hub Rotterdam');
    // No card lies on another, and no department on one beside it, at any level.
    const meet = (a: string, b: string) => overlaps(recordRect(dropped, a)!, recordRect(dropped, b)!, 0);
    const parentOf = (id: string) => dropped.stakeholders[id]?.departmentId ?? dropped.departments[id]?.parentId ?? null;
    const records = [...Object.keys(dropped.stakeholders), ...Object.keys(dropped.departments)];
    for (const a of records) {
      for (const b of records) {
        if (a < b && parentOf(a) === parentOf(b)) expect(meet(a, b), `${a} and ${b} overlap`).toBe(false);
      }
    }
  });

  it('a paste carries its ids: replaying it gives the same records, and the plan knows the new top-level cards', () => {
    const map = smallMap();
    const clipboard = copyItems(map, ['dep_proc']);
    const { ids, topLevel } = planPaste(clipboard, counterIds());
    const edit: Edit = { type: 'paste', clipboard, offset: { x: 32, y: 32 }, ids };
    const once = applyEdit(map, edit);
    const again = applyEdit(map, edit);
    expect(Object.keys(once.departments)).toEqual(Object.keys(again.departments));
    expect(once.departments[topLevel[0]]).toMatchObject({ name: 'Procurement', parentId: null });
    expect(Object.values(once.stakeholders).filter((p) => p.departmentId === topLevel[0])).toHaveLength(1);
  });

  it('arranges from a layout computed elsewhere, and a batch is one named step', () => {
    const before = smallMap();
    const after = applyEdit(before, { type: 'moveItems', moves: [{ id: 'stk_cio', position: { x: 40, y: 90 } }] });
    const arrangement = arrangementBetween(before, after);
    expect(arrangement).toEqual({ type: 'arrange', positions: { stk_cio: { x: 40, y: 90 } }, sizes: {} });
    expect(applyEdit(before, arrangement).stakeholders.stk_cio.position).toEqual({ x: 40, y: 90 });
    const batch: Edit = { type: 'batch', label: { key: 'importer.undoLabel', values: { count: 1 } }, edits: [{ type: 'renameMap', name: 'Renamed' }, arrangement] };
    const result = applyEdit(before, batch);
    expect([result.name, result.stakeholders.stk_cio.position.x]).toEqual(['Renamed', 40]);
    expect(describeEdit(batch)).toBe('import 1 stakeholder');
  });

  it('every kind of edit has a name', () => {
    const map = smallMap();
    const samples: Edit[] = [
      { type: 'removeItems', ids: ['stk_cfo', 'stk_cio'] },
      { type: 'moveItemsTo', moves: [{ id: 'stk_cfo', position: { x: 1, y: 1 } }] },
      { type: 'updateStakeholder', id: 'stk_cfo', patch: { name: 'C' } },
      { type: 'updateLink', id: 'lnk_1', patch: { label: 'x' } },
      { type: 'addLink', link: { ...map.links.lnk_1, id: 'lnk_9' } },
      { type: 'reparentDropped', ids: ['stk_cfo'] },
      { type: 'moveInto', id: 'stk_cfo', parentId: null },
    ];
    expect(samples.map(describeEdit)).toEqual(['delete 2 items', 'move card', 'rename stakeholder', 'edit link', 'draw link', 'move card', 'move out of department']);
  });
});
