import { describe, expect, it } from 'vitest';
import {
  CommandError,
  absolutePosition,
  addDepartment,
  recordRect,
  addLink,
  addStakeholder,
  addTeamMember,
  clearLeftCompany,
  copyItems,
  departmentAt,
  departmentDepth,
  descendantsOf,
  duplicateItems,
  fillPlaceholder,
  findFreeSpot,
  markLeftCompany,
  moveItems,
  moveItemsTo,
  pasteItems,
  removeItems,
  removeTeamMember,
  renameMap,
  reparent,
  resizeDepartment,
  reverseLink,
  setStance,
  toggleRole,
  updateDepartment,
  updateLink,
  updateStakeholder,
  updateTeamMember,
  validateName,
} from '../../../src/domain/commands';
import { STAKEHOLDER_CARD, newDepartment, newLink, newStakeholder, newTeamMember } from '../../../src/domain/defaults';
import type { AccountMap } from '../../../src/domain/types';
import { counterIds, mapWith, smallMap } from '../fixtures/maps';
import { createSampleAccountMap } from '../../../src/domain/sample';

/** Asserts that only the listed records (by collection and id) changed identity. */
function expectOnlyChanged(before: AccountMap, after: AccountMap, changed: string[]) {
  for (const kind of ['departments', 'stakeholders', 'links', 'team'] as const) {
    for (const [id, record] of Object.entries(before[kind])) {
      if (changed.includes(id) || !(id in after[kind])) continue;
      expect(after[kind][id], `${kind}.${id} kept its identity`).toBe(record);
    }
  }
}

describe('validateName and renameMap', () => {
  it('trims a name and refuses an empty one', () => {
    expect(validateName('  Nordwind  ')).toBe('Nordwind');
    expect(() => validateName('   ')).toThrow(CommandError);
    expect(() => validateName('', 'A stakeholder')).toThrow('A stakeholder name is required.');
  });

  it('renames the map, and returns the same map when the name does not change', () => {
    const map = smallMap();
    const renamed = renameMap(map, '  Nordwind AG ');
    expect(renamed.name).toBe('Nordwind AG');
    expect(renamed.stakeholders).toBe(map.stakeholders);
    expect(renameMap(renamed, 'Nordwind AG')).toBe(renamed);
    expect(() => renameMap(map, ' ')).toThrow('An account map name is required.');
  });
});

describe('stakeholders', () => {
  it('adds a stakeholder and keeps every other record', () => {
    const map = smallMap();
    const next = addStakeholder(map, newStakeholder({ id: 'stk_new', name: ' Ana ', departmentId: 'dep_it', position: { x: 20, y: 160 } }));
    expect(next.stakeholders.stk_new.name).toBe('Ana');
    expect(next.links).toBe(map.links);
    expectOnlyChanged(map, next, []);
  });

  it('refuses a duplicate id, a missing department, an unknown owner and an empty name', () => {
    const map = smallMap();
    expect(() => addStakeholder(map, newStakeholder({ id: 'stk_cfo', name: 'X' }))).toThrow('already in use');
    expect(() => addStakeholder(map, newStakeholder({ id: 'dep_it', name: 'X' }))).toThrow('already in use');
    expect(() => addStakeholder(map, newStakeholder({ id: 'stk_x', name: 'X', departmentId: 'dep_gone' }))).toThrow(CommandError);
    expect(() => addStakeholder(map, newStakeholder({ id: 'stk_x', name: 'X', ownerId: 'tm_gone' }))).toThrow('not on our team');
    expect(() => addStakeholder(map, newStakeholder({ id: 'stk_x', name: '' }))).toThrow('A stakeholder name is required.');
  });

  it('grows the department (and its parents) when a card is added beyond its edge', () => {
    const map = smallMap();
    const next = addStakeholder(map, newStakeholder({ id: 'stk_new', name: 'Ana', departmentId: 'dep_proc', position: { x: 500, y: 60 } }));
    expect(next.departments.dep_proc.size.width).toBeGreaterThanOrEqual(500 + STAKEHOLDER_CARD.width);
    const proc = next.departments.dep_proc;
    expect(next.departments.dep_fin.size.width).toBeGreaterThanOrEqual(proc.position.x + proc.size.width);
    expect(next.departments.dep_it).toBe(map.departments.dep_it);
  });

  it('updates fields, and returns the same map for a patch that changes nothing', () => {
    const map = smallMap();
    const next = updateStakeholder(map, 'stk_cfo', { title: 'CFO', roles: ['economic-buyer'] });
    expect(next.stakeholders.stk_cfo).toMatchObject({ title: 'CFO', roles: ['economic-buyer'], name: 'Claire' });
    expectOnlyChanged(map, next, ['stk_cfo']);
    expect(updateStakeholder(next, 'stk_cfo', { title: 'CFO', roles: ['economic-buyer'] })).toBe(next);
    expect(() => updateStakeholder(map, 'stk_cfo', { name: '  ' })).toThrow('name is required');
    expect(() => updateStakeholder(map, 'stk_cfo', { departmentId: 'dep_it' })).toThrow(CommandError);
    expect(() => updateStakeholder(map, 'stk_cfo', { ownerId: 'tm_nobody' })).toThrow(CommandError);
    expect(() => updateStakeholder(map, 'stk_cfo', { successorId: 'stk_cfo' })).toThrow(CommandError);
    expect(() => updateStakeholder(map, 'stk_gone', { title: 'x' })).toThrow('no longer on the map');
  });

  it('toggles a buying role on and off', () => {
    const map = smallMap();
    const on = toggleRole(map, 'stk_cfo', 'decision-maker');
    expect(on.stakeholders.stk_cfo.roles).toEqual(['decision-maker']);
    const off = toggleRole(on, 'stk_cfo', 'decision-maker');
    expect(off.stakeholders.stk_cfo.roles).toEqual([]);
    expectOnlyChanged(map, on, ['stk_cfo']);
  });

  it('sets a stance, and returns the same map when it is already set', () => {
    const map = smallMap();
    const next = setStance(map, 'stk_cio', 'champion');
    expect(next.stakeholders.stk_cio.stance).toBe('champion');
    expect(setStance(next, 'stk_cio', 'champion')).toBe(next);
    expectOnlyChanged(map, next, ['stk_cio']);
  });

  it('fills a placeholder seat with a real person, keeping its id and links', () => {
    const map = updateStakeholder(smallMap(), 'stk_cfo', { placeholder: true, name: 'CFO — unknown', title: 'CFO' });
    const next = fillPlaceholder(map, 'stk_cfo', { name: ' Claire Dubois ' });
    expect(next.stakeholders.stk_cfo).toMatchObject({ id: 'stk_cfo', name: 'Claire Dubois', title: 'CFO', placeholder: false });
    expect(next.links).toBe(map.links);
    expect(fillPlaceholder(map, 'stk_cfo', { name: 'Claire', title: 'Group CFO' }).stakeholders.stk_cfo.title).toBe('Group CFO');
    expect(() => fillPlaceholder(map, 'stk_cfo', { name: '' })).toThrow('name is required');
  });

  it('marks someone as having left, with a successor, and clears it again', () => {
    const map = smallMap();
    const left = markLeftCompany(map, 'stk_cfo', { leftTo: ' Baltic Freight ', successorId: 'stk_buyer' });
    expect(left.stakeholders.stk_cfo).toMatchObject({ leftCompany: true, leftTo: 'Baltic Freight', successorId: 'stk_buyer' });
    expect(() => markLeftCompany(map, 'stk_cfo', { leftTo: '', successorId: 'stk_cfo' })).toThrow(CommandError);
    expect(() => markLeftCompany(map, 'stk_cfo', { leftTo: '', successorId: 'stk_gone' })).toThrow(CommandError);
    const back = clearLeftCompany(left, 'stk_cfo');
    expect(back.stakeholders.stk_cfo).toMatchObject({ leftCompany: false, leftTo: '', successorId: null });
    expect(clearLeftCompany(map, 'stk_cfo')).toBe(map);
  });
});

describe('departments', () => {
  it('adds a department and refuses a missing parent', () => {
    const map = smallMap();
    const next = addDepartment(map, newDepartment({ id: 'dep_hr', name: 'HR', position: { x: 0, y: 700 } }));
    expect(next.departments.dep_hr.size).toEqual({ width: 360, height: 260 });
    expectOnlyChanged(map, next, []);
    expect(() => addDepartment(map, newDepartment({ id: 'dep_x', name: 'X', parentId: 'dep_gone' }))).toThrow(CommandError);
    expect(() => addDepartment(map, newDepartment({ id: 'dep_x', name: ' ' }))).toThrow('A department name is required.');
  });

  it('updates coverage and competitor; parent changes go through reparent', () => {
    const map = smallMap();
    const next = updateDepartment(map, 'dep_it', { coverage: 'competitor', competitor: 'Freightwise' });
    expect(next.departments.dep_it).toMatchObject({ coverage: 'competitor', competitor: 'Freightwise' });
    expectOnlyChanged(map, next, ['dep_it']);
    expect(updateDepartment(next, 'dep_it', { coverage: 'competitor' })).toBe(next);
    expect(() => updateDepartment(map, 'dep_it', { parentId: 'dep_fin' })).toThrow(CommandError);
  });

  it('a department renamed to a longer name widens, and the neighbours it would cover step aside', () => {
    const map = createSampleAccountMap('2026-12-01T09:00:00.000Z');
    const finance = Object.values(map.departments).find((department) => department.name === 'Finance')!;
    const next = updateDepartment(map, finance.id, { name: 'Finance, Controlling & Treasury (Group Finance)' });
    const grown = recordRect(next, finance.id)!;
    expect(grown.width).toBeGreaterThan(recordRect(map, finance.id)!.width);
    // No frame at the top level meets another, as none did before.
    const topLevel = Object.values(next.departments).filter((department) => department.parentId === null);
    for (const a of topLevel) {
      for (const b of topLevel) {
        if (a === b) continue;
        const [ra, rb] = [recordRect(next, a.id)!, recordRect(next, b.id)!];
        const meet = ra.x < rb.x + rb.width && rb.x < ra.x + ra.width && ra.y < rb.y + rb.height && rb.y < ra.y + ra.height;
        expect(meet, `${a.name} and ${b.name} overlap`).toBe(false);
      }
    }
    // The people keep their places in their departments.
    for (const [id, person] of Object.entries(map.stakeholders)) expect(next.stakeholders[id].position).toEqual(person.position);
  });

  it('resizes a department, never below 160 x 100', () => {
    const map = smallMap();
    expect(resizeDepartment(map, 'dep_it', { width: 500.4, height: 420 }).departments.dep_it.size).toEqual({ width: 500, height: 420 });
    expect(resizeDepartment(map, 'dep_it', { width: 10, height: 10 }).departments.dep_it.size).toEqual({ width: 160, height: 100 });
    const moved = resizeDepartment(map, 'dep_it', { width: 450, height: 300 }, { x: 750, y: 0 });
    expect(moved.departments.dep_it.position).toEqual({ x: 750, y: 0 });
    expect(resizeDepartment(map, 'dep_it', { width: 400, height: 300 })).toBe(map);
    expect(() => resizeDepartment(map, 'dep_it', { width: NaN, height: 300 })).toThrow(CommandError);
  });

  it('keeps the members of a department resized from its left or top edge where they are on the map', () => {
    const map = smallMap();
    const before = { cfo: absolutePosition(map, 'stk_cfo'), buyer: absolutePosition(map, 'stk_buyer'), proc: absolutePosition(map, 'dep_proc') };
    const resized = resizeDepartment(map, 'dep_fin', { width: 640, height: 540 }, { x: -40, y: -40 });
    expect(resized.departments.dep_fin.position).toEqual({ x: -40, y: -40 });
    expect(absolutePosition(resized, 'stk_cfo')).toEqual(before.cfo);
    expect(absolutePosition(resized, 'dep_proc')).toEqual(before.proc);
    expect(absolutePosition(resized, 'stk_buyer')).toEqual(before.buyer);
    expect(resized.stakeholders.stk_buyer).toBe(map.stakeholders.stk_buyer); // inside Procurement: untouched
  });

  it('moves records to absolute positions, a department and its member together keeping the member in place', () => {
    const map = smallMap();
    // Zofia (Procurement, inside Finance) dragged alone: her relative position follows.
    const alone = moveItemsTo(map, [{ id: 'stk_buyer', position: { x: 100, y: 300 } }]);
    expect(absolutePosition(alone, 'stk_buyer')).toEqual({ x: 100, y: 300 });
    expect(alone.stakeholders.stk_buyer.departmentId).toBe('dep_proc');
    // Finance and Claire dragged by the same offset, listed child first: Claire stays put inside Finance.
    const cfo = absolutePosition(map, 'stk_cfo');
    const together = moveItemsTo(map, [
      { id: 'stk_cfo', position: { x: cfo.x + 30, y: cfo.y + 20 } },
      { id: 'dep_fin', position: { x: 30, y: 20 } },
    ]);
    expect(together.departments.dep_fin.position).toEqual({ x: 30, y: 20 });
    expect(together.stakeholders.stk_cfo.position).toEqual(map.stakeholders.stk_cfo.position);
    expect(moveItemsTo(map, [{ id: 'stk_cfo', position: { x: NaN, y: 0 } }])).toBe(map);
  });

  it('knows the nesting: descendants, depth and absolute positions', () => {
    const map = addDepartment(smallMap(), newDepartment({ id: 'dep_deep', name: 'Deep', parentId: 'dep_proc', position: { x: 10, y: 50 } }));
    expect(descendantsOf(map, 'dep_fin').sort()).toEqual(['dep_deep', 'dep_proc']);
    expect(descendantsOf(map, 'dep_it')).toEqual([]);
    expect(departmentDepth(map, 'dep_fin')).toBe(0);
    expect(departmentDepth(map, 'dep_deep')).toBe(2);
    expect(absolutePosition(map, 'stk_buyer')).toEqual({ x: 40, y: 260 });
    expect(absolutePosition(map, 'dep_deep')).toEqual({ x: 30, y: 250 });
    expect(absolutePosition(map, 'stk_free')).toEqual({ x: 1400, y: 0 });
    expect(absolutePosition(map, 'nothing')).toEqual({ x: 0, y: 0 });
  });

  it('finds the innermost department under a point, skipping excluded ones', () => {
    const map = smallMap();
    expect(departmentAt(map, { x: 50, y: 250 }, [])?.id).toBe('dep_proc');
    expect(departmentAt(map, { x: 50, y: 50 }, [])?.id).toBe('dep_fin');
    expect(departmentAt(map, { x: 50, y: 250 }, ['dep_proc'])?.id).toBe('dep_fin');
    expect(departmentAt(map, { x: 850, y: 50 }, [])?.id).toBe('dep_it');
    expect(departmentAt(map, { x: 700, y: 50 }, [])).toBeNull();
  });
});

describe('moving and nesting', () => {
  it('moves cards and departments, rounding to whole pixels', () => {
    const map = smallMap();
    const next = moveItems(map, [
      { id: 'stk_free', position: { x: 1500.6, y: 20.2 } },
      { id: 'dep_it', position: { x: 900, y: 0 } },
    ]);
    expect(next.stakeholders.stk_free.position).toEqual({ x: 1501, y: 20 });
    expect(next.departments.dep_it.position).toEqual({ x: 900, y: 0 });
    expect(next.links).toBe(map.links);
    expectOnlyChanged(map, next, ['stk_free', 'dep_it']);
  });

  it('returns the same map when nothing moves, and ignores unknown ids and broken positions', () => {
    const map = smallMap();
    expect(moveItems(map, [{ id: 'stk_free', position: { x: 1400, y: 0 } }])).toBe(map);
    expect(moveItems(map, [{ id: 'stk_gone', position: { x: 1, y: 1 } }])).toBe(map);
    expect(moveItems(map, [{ id: 'stk_free', position: { x: NaN, y: 1 } }])).toBe(map);
  });

  it('reparents a stakeholder into a department and out to the open canvas', () => {
    const map = smallMap();
    const inside = reparent(map, 'stk_free', 'dep_it', { x: 20, y: 160 });
    expect(inside.stakeholders.stk_free).toMatchObject({ departmentId: 'dep_it', position: { x: 20, y: 160 } });
    const out = reparent(inside, 'stk_free', null, { x: 1400, y: 0 });
    expect(out.stakeholders.stk_free.departmentId).toBeNull();
    expect(() => reparent(map, 'stk_free', 'dep_gone', { x: 0, y: 0 })).toThrow(CommandError);
  });

  it('reparents a department, and refuses to put it inside itself or a descendant', () => {
    const map = smallMap();
    const next = reparent(map, 'dep_it', 'dep_fin', { x: 20, y: 420 });
    expect(next.departments.dep_it.parentId).toBe('dep_fin');
    expect(next.departments.dep_fin.size.height).toBeGreaterThanOrEqual(420 + 300);
    expect(() => reparent(map, 'dep_fin', 'dep_fin', { x: 0, y: 0 })).toThrow('A department cannot be placed inside itself.');
    expect(() => reparent(map, 'dep_fin', 'dep_proc', { x: 0, y: 0 })).toThrow('A department cannot be placed inside itself.');
    const moved = reparent(map, 'dep_proc', null, { x: 0, y: 700 });
    expect(moved.departments.dep_proc.parentId).toBeNull();
    expect(descendantsOf(moved, 'dep_fin')).toEqual([]);
  });
});

describe('links', () => {
  it('adds links between stakeholders and between a stakeholder and a department', () => {
    const map = smallMap();
    const next = addLink(map, newLink({ id: 'lnk_new', kind: 'ally', sourceId: 'stk_cfo', targetId: 'stk_cio' }));
    expect(next.links.lnk_new.kind).toBe('ally');
    expectOnlyChanged(map, next, []);
    expect(next.stakeholders).toBe(map.stakeholders);
    const toDepartment = addLink(map, newLink({ id: 'lnk_dep', kind: 'influences', sourceId: 'stk_cio', targetId: 'dep_proc' }));
    expect(toDepartment.links.lnk_dep.targetId).toBe('dep_proc');
  });

  it('refuses self-links, missing endpoints, department-to-department links and exact duplicates', () => {
    const map = smallMap();
    const link = (fields: Partial<Parameters<typeof newLink>[0]>) =>
      newLink({ id: 'lnk_new', kind: 'ally', sourceId: 'stk_cfo', targetId: 'stk_cio', ...fields });
    expect(() => addLink(map, link({ targetId: 'stk_cfo' }))).toThrow('two different cards');
    expect(() => addLink(map, link({ targetId: 'stk_gone' }))).toThrow('a card at both ends');
    expect(() => addLink(map, link({ sourceId: 'dep_fin', targetId: 'dep_it' }))).toThrow(CommandError);
    expect(() => addLink(map, link({ kind: 'reports-to', sourceId: 'stk_buyer', targetId: 'stk_cfo' }))).toThrow('already on the map');
    expect(() => addLink(map, link({ id: 'lnk_1' }))).toThrow('already in use');
    // The same pair with another kind, or the other direction, is a different link.
    expect(addLink(map, link({ kind: 'ally', sourceId: 'stk_buyer', targetId: 'stk_cfo' })).links.lnk_new).toBeDefined();
    expect(addLink(map, link({ kind: 'reports-to', sourceId: 'stk_cfo', targetId: 'stk_buyer' })).links.lnk_new).toBeDefined();
  });

  it('updates kind, label and strength, and reverses direction', () => {
    const map = smallMap();
    const next = updateLink(map, 'lnk_2', { label: 'budget case', strength: 'low' });
    expect(next.links.lnk_2).toMatchObject({ label: 'budget case', strength: 'low', kind: 'influences' });
    expectOnlyChanged(map, next, ['lnk_2']);
    expect(updateLink(next, 'lnk_2', { label: 'budget case' })).toBe(next);
    const reversed = reverseLink(map, 'lnk_1');
    expect(reversed.links.lnk_1).toMatchObject({ sourceId: 'stk_cfo', targetId: 'stk_buyer' });
    const swapped = updateLink(map, 'lnk_1', { sourceId: 'stk_cfo', targetId: 'stk_buyer' });
    expect(swapped.links.lnk_1.sourceId).toBe('stk_cfo');
    expect(() => updateLink(map, 'lnk_1', { targetId: 'stk_buyer' })).toThrow('two different cards');
    expect(() => updateLink(map, 'lnk_1', { targetId: 'stk_gone' })).toThrow(CommandError);
    expect(() => updateLink(map, 'lnk_gone', { label: 'x' })).toThrow('no longer on the map');
    const twin = addLink(map, newLink({ id: 'lnk_twin', kind: 'ally', sourceId: 'stk_buyer', targetId: 'stk_cio' }));
    expect(() => updateLink(twin, 'lnk_twin', { kind: 'conflict' })).toThrow('already on the map');
  });
});

describe('our team', () => {
  it('adds, renames and removes team members; removing one clears the owner on their stakeholders', () => {
    const map = smallMap();
    const added = addTeamMember(map, newTeamMember({ id: 'tm_priya', name: ' Priya ', role: 'relationship-leader' }));
    expect(added.team.tm_priya.name).toBe('Priya');
    expect(added.stakeholders).toBe(map.stakeholders);
    expect(() => addTeamMember(map, newTeamMember({ id: 'tm_x', name: '' }))).toThrow('A team member name is required.');
    expect(() => addTeamMember(map, newTeamMember({ id: 'tm_sam', name: 'Sam' }))).toThrow('already in use');
    const renamed = updateTeamMember(added, 'tm_priya', { role: 'innovator' });
    expect(renamed.team.tm_priya.role).toBe('innovator');
    expect(updateTeamMember(renamed, 'tm_priya', { role: 'innovator' })).toBe(renamed);
    const removed = removeTeamMember(renamed, 'tm_sam');
    expect(removed.team.tm_sam).toBeUndefined();
    expect(removed.stakeholders.stk_cfo.ownerId).toBeNull();
    expectOnlyChanged(renamed, removed, ['stk_cfo']);
    expect(removeTeamMember(removed, 'tm_sam')).toBe(removed);
  });
});

describe('removeItems', () => {
  it('removes a stakeholder with the links that touch it', () => {
    const map = smallMap();
    const next = removeItems(map, ['stk_buyer']);
    expect(next.stakeholders.stk_buyer).toBeUndefined();
    expect(Object.keys(next.links)).toEqual(['lnk_2']);
    expect(next.departments).toBe(map.departments);
    expect(next.team).toBe(map.team);
    expectOnlyChanged(map, next, []);
  });

  it('removes only a link when only a link is selected', () => {
    const map = smallMap();
    const next = removeItems(map, ['lnk_3']);
    expect(Object.keys(next.links).sort()).toEqual(['lnk_1', 'lnk_2']);
    expect(next.stakeholders).toBe(map.stakeholders);
  });

  it('returns the same map for unknown ids', () => {
    const map = smallMap();
    expect(removeItems(map, ['nothing', 'stk_gone'])).toBe(map);
    expect(removeItems(map, [])).toBe(map);
  });

  it('moves the members and sub-departments of a removed department up, keeping their place on screen', () => {
    const map = smallMap();
    const before = {
      cfo: absolutePosition(map, 'stk_cfo'),
      proc: absolutePosition(map, 'dep_proc'),
      buyer: absolutePosition(map, 'stk_buyer'),
    };
    const next = removeItems(map, ['dep_fin']);
    expect(next.departments.dep_fin).toBeUndefined();
    expect(next.stakeholders.stk_cfo.departmentId).toBeNull();
    expect(next.departments.dep_proc.parentId).toBeNull();
    expect(next.stakeholders.stk_buyer.departmentId).toBe('dep_proc');
    expect(absolutePosition(next, 'stk_cfo')).toEqual(before.cfo);
    expect(absolutePosition(next, 'dep_proc')).toEqual(before.proc);
    expect(absolutePosition(next, 'stk_buyer')).toEqual(before.buyer);
    expect(Object.keys(next.links).length).toBe(3);
  });

  it('moves members of a removed inner department to its surviving parent', () => {
    const map = smallMap();
    const before = absolutePosition(map, 'stk_buyer');
    const next = removeItems(map, ['dep_proc']);
    expect(next.stakeholders.stk_buyer.departmentId).toBe('dep_fin');
    expect(absolutePosition(next, 'stk_buyer')).toEqual(before);
  });

  it('removes a department together with selected members and skips over removed ancestors', () => {
    const map = smallMap();
    const before = absolutePosition(map, 'stk_buyer');
    const next = removeItems(map, ['dep_fin', 'dep_proc', 'stk_cfo']);
    expect(next.stakeholders.stk_cfo).toBeUndefined();
    expect(next.stakeholders.stk_buyer.departmentId).toBeNull();
    expect(absolutePosition(next, 'stk_buyer')).toEqual(before);
    expect(Object.keys(next.links)).toEqual(['lnk_3']);
  });

  it('clears successors that were removed', () => {
    const map = markLeftCompany(smallMap(), 'stk_cfo', { leftTo: '', successorId: 'stk_free' });
    const next = removeItems(map, ['stk_free']);
    expect(next.stakeholders.stk_cfo.successorId).toBeNull();
  });
});

describe('copy, paste and duplicate', () => {
  it('copies a department with its contents and the links between copied cards', () => {
    const map = smallMap();
    const clip = copyItems(map, ['dep_fin']);
    expect(clip.departments.map((d) => d.id).sort()).toEqual(['dep_fin', 'dep_proc']);
    expect(clip.stakeholders.map((s) => s.id).sort()).toEqual(['stk_buyer', 'stk_cfo']);
    expect(clip.links.map((l) => l.id)).toEqual(['lnk_1']);
  });

  it('gives items whose parent is not copied absolute positions and no parent', () => {
    const map = smallMap();
    const clip = copyItems(map, ['stk_buyer', 'dep_proc']);
    const proc = clip.departments.find((d) => d.id === 'dep_proc')!;
    expect(proc).toMatchObject({ parentId: null, position: { x: 20, y: 200 } });
    // The buyer's department is copied too, so the buyer stays relative to it.
    expect(clip.stakeholders[0]).toMatchObject({ departmentId: 'dep_proc', position: { x: 20, y: 60 } });
    const lone = copyItems(map, ['stk_buyer']);
    expect(lone.stakeholders[0]).toMatchObject({ departmentId: null, position: { x: 40, y: 260 } });
  });

  it('pastes with fresh ids, remapped links and top-level items shifted by the offset', () => {
    const map = smallMap();
    const clip = copyItems(map, ['dep_proc', 'stk_cfo']);
    const { map: next, pastedIds } = pasteItems(map, clip, { x: 32, y: 32 }, counterIds());
    expect(pastedIds).toHaveLength(2);
    for (const id of pastedIds) expect(map.stakeholders[id] ?? map.departments[id]).toBeUndefined();
    const pastedDepartment = next.departments[pastedIds.find((id) => id.startsWith('dep'))!];
    expect(pastedDepartment).toMatchObject({ name: 'Procurement', parentId: null, position: { x: 52, y: 232 } });
    const pastedBuyer = Object.values(next.stakeholders).find((s) => s.departmentId === pastedDepartment.id)!;
    expect(pastedBuyer).toMatchObject({ name: 'Zofia', position: { x: 20, y: 60 } });
    const pastedCfo = next.stakeholders[pastedIds.find((id) => id.startsWith('stk'))!];
    expect(pastedCfo).toMatchObject({ name: 'Claire', departmentId: null, position: { x: 52, y: 92 }, ownerId: 'tm_sam' });
    const newLinks = Object.values(next.links).filter((l) => !map.links[l.id]);
    expect(newLinks).toHaveLength(1);
    expect(newLinks[0]).toMatchObject({ kind: 'reports-to', sourceId: pastedBuyer.id, targetId: pastedCfo.id });
    expectOnlyChanged(map, next, []);
    expect(Object.keys(next.stakeholders)).toHaveLength(6);
  });

  it('keeps an owner only if that team member is on the target map', () => {
    const source = smallMap();
    const clip = copyItems(source, ['stk_cfo']);
    const target = mapWith({ stakeholders: [{ id: 'stk_other' }] });
    const { map: next, pastedIds } = pasteItems(target, clip, { x: 0, y: 0 }, counterIds());
    expect(next.stakeholders[pastedIds[0]].ownerId).toBeNull();
  });

  it('leaves behind clipboard links whose ends were not copied', () => {
    const map = smallMap();
    const clip = { ...copyItems(map, ['stk_cfo']), links: [newLink({ id: 'lnk_x', kind: 'ally', sourceId: 'stk_cfo', targetId: 'stk_elsewhere' })] };
    const { map: next } = pasteItems(map, clip, { x: 10, y: 10 }, counterIds());
    expect(next.links).toEqual(map.links);
  });

  it('duplicates a selection in one step', () => {
    const map = smallMap();
    const { map: next, pastedIds } = duplicateItems(map, ['dep_fin'], { x: 0, y: 600 }, counterIds());
    expect(pastedIds).toHaveLength(1);
    expect(Object.keys(next.departments)).toHaveLength(5);
    expect(Object.keys(next.stakeholders)).toHaveLength(6);
    expect(Object.keys(next.links)).toHaveLength(4);
    expect(next.departments[pastedIds[0]].position).toEqual({ x: 0, y: 600 });
  });
});

describe('findFreeSpot', () => {
  const overlap = (a: { x: number; y: number }, b: { x: number; y: number }, w: number, h: number) =>
    a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;

  it('returns the preferred spot when it is free', () => {
    const map = smallMap();
    expect(findFreeSpot(map, null, { x: 2000, y: 2000 }, STAKEHOLDER_CARD)).toEqual({ x: 2000, y: 2000 });
  });

  it('finds a nearby spot that overlaps no card in the same parent', () => {
    let map = smallMap();
    const { width, height } = STAKEHOLDER_CARD;
    // Ten cards all asked to go to the same place end up side by side, close to it.
    for (let i = 0; i < 10; i++) {
      const spot = findFreeSpot(map, null, { x: 1400, y: 0 }, STAKEHOLDER_CARD);
      for (const other of Object.values(map.stakeholders).filter((s) => s.departmentId === null)) {
        expect(overlap(spot, other.position, width, height)).toBe(false);
      }
      expect(Math.hypot(spot.x - 1400, spot.y)).toBeLessThan(1000);
      map = addStakeholder(map, newStakeholder({ id: `stk_n${i}`, name: `N${i}`, position: spot }));
    }
  });

  it('inside a department, keeps new cards below the title bar', () => {
    const map = smallMap();
    const spot = findFreeSpot(map, 'dep_it', { x: 20, y: 0 }, STAKEHOLDER_CARD);
    expect(spot.y).toBeGreaterThanOrEqual(44);
    const cio = map.stakeholders.stk_cio.position;
    expect(overlap(spot, cio, STAKEHOLDER_CARD.width, STAKEHOLDER_CARD.height)).toBe(false);
  });

  it('does not count departments as obstacles for cards in another parent', () => {
    const map = smallMap();
    // Inside Finance, the open-canvas IT department is irrelevant; the CFO card is not.
    const spot = findFreeSpot(map, 'dep_fin', { x: 300, y: 60 }, STAKEHOLDER_CARD);
    expect(spot).toEqual({ x: 300, y: 60 });
  });
});
