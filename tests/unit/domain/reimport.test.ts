// Applying a re-import: one store command, so one undo puts the whole map back, and everything the
// team entered by hand (stance, notes, owner, personal context, its own links, where it put the cards)
// survives the update. The map is the real Salesforce export's General Electric account; the update is
// the newer export in tests/fixtures/crm-exports-reimport/.
import { beforeEach, describe, expect, it } from 'vitest';
import { addRecords, addTeamMember, moveItems, recordRect } from '../../../src/domain/commands';
import { emptyAccountMap, newDepartment, newLink, newTeamMember } from '../../../src/domain/defaults';
import { applyEdit } from '../../../src/domain/edits';
import { describeReimport, reimportPlacements } from '../../../src/domain/reimport';
import { layoutMap } from '../../../src/layout/org-layout';
import type { AccountMap } from '../../../src/domain/types';
import { acceptAll, acceptedChanges, buildImport, changeKey, planReimport } from '../../../src/io/csv-import';
import { undoLabel, useMapStore } from '../../../src/store/map-store';
import { FIRST, GE, newer, older, SECOND } from '../fixtures/crm-reimport';

const store = () => useMapStore.getState();

/** The older export imported, then worked on by hand: a department, stances, notes, an owner, a link, moved cards. */
function workedOnMap(): AccountMap {
  const imported = buildImport(older, older.mapping, { account: GE, origin: FIRST });
  let map = addRecords(emptyAccountMap('map_ge', 'General Electric', FIRST.importedAt), imported);
  const id = (name: string) => Object.values(map.stakeholders).find((person) => person.name === name)!.id;
  map = addTeamMember(map, newTeamMember({ id: 'tm_lea', name: 'Lea Roth' }));
  map = addRecords(map, {
    departments: [newDepartment({ id: 'dep_sales', name: 'Sales', position: { x: 600, y: 0 } })],
    links: [newLink({ id: 'lnk_hand', kind: 'influences', sourceId: id('Ethan Willson'), targetId: id('Ava Anderson'), label: 'golf partners' })],
  });
  map = applyEdit(map, { type: 'moveInto', id: id('Emma Brown'), parentId: 'dep_sales' });
  map = moveItems(map, [{ id: id('Ethan Willson'), position: { x: 40, y: 320 } }, { id: id('Jacob Williams'), position: { x: 300, y: 320 } }]);
  map = applyEdit(map, { type: 'setStance', ids: [id('Ethan Willson')], stance: 'champion' });
  map = applyEdit(map, {
    type: 'updateStakeholder',
    id: id('Ethan Willson'),
    patch: { notes: 'Owns the EMEA budget.', ownerId: 'tm_lea', personalContext: 'Marathon runner', roles: ['decision-maker'] },
  });
  return applyEdit(map, { type: 'setStance', ids: [id('Jacob Williams')], stance: 'blocker' });
}

describe('the reimport edit', () => {
  let before: AccountMap;
  const person = (name: string) => Object.values(store().map!.stakeholders).find((p) => p.name === name)!;

  beforeEach(() => {
    store().closeMap();
    before = workedOnMap();
    store().openMap(before);
  });

  it('updates what the CRM knows and keeps what the team entered; one undo restores the map exactly', () => {
    const review = planReimport(newer, newer.mapping, before, { account: GE, origin: SECOND });
    const { changes } = acceptedChanges(review, acceptAll(review));
    expect(describeReimport(changes)).toBe('1 new, 3 updated, 1 marked as left the company');
    expect(store().run({ type: 'reimport', changes })).toBe(true);
    expect(undoLabel(store())).toBe('update from CRM export');

    const ethan = person('Ethan Willson');
    expect(ethan.title).toBe('Head of Sales EMEA');
    // Hand-entered: stance, notes, owner, personal context, roles, position, and the influence line.
    expect(ethan).toMatchObject({ stance: 'champion', notes: 'Owns the EMEA budget.', ownerId: 'tm_lea', personalContext: 'Marathon runner', roles: ['decision-maker'] });
    expect(ethan.position).toEqual({ x: 40, y: 320 });
    expect(store().map!.links.lnk_hand).toBe(before.links.lnk_hand);
    expect(ethan.crm).toMatchObject({ file: SECOND.file, importedAt: SECOND.importedAt, id: '003f4000003d6B3AAI' });
    // Emma sits in the team's own Sales department; the export has no department for her: she stays, where she was.
    expect(person('Emma Brown')).toMatchObject({ departmentId: 'dep_sales', position: before.stakeholders[person('Emma Brown').id].position });

    // Isabella's reports-to line from the CRM now goes to Emma Brown instead of Ethan Willson: one line, not two.
    const isabella = person('Isabella Willson');
    const reportsTo = Object.values(store().map!.links).filter((link) => link.kind === 'reports-to' && link.sourceId === isabella.id);
    expect(reportsTo.map((link) => store().map!.stakeholders[link.targetId].name)).toEqual(['Emma Brown']);

    // Jacob moves into the new Technology department with Noah, the new person who reports to him; his stance stays.
    const jacob = person('Jacob Williams');
    const technology = store().map!.departments[jacob.departmentId!];
    expect(technology.name).toBe('Technology');
    expect(jacob).toMatchObject({ title: 'Chief Technology Officer', stance: 'blocker' });
    const noah = person('Noah Miller');
    expect(noah.departmentId).toBe(technology.id);
    expect(Object.values(store().map!.links).some((link) => link.sourceId === noah.id && link.targetId === jacob.id && link.kind === 'reports-to')).toBe(true);

    // Elizabeth is no longer in the export: marked as gone, not deleted, her line to Ava kept.
    const elizabeth = person('Elizabeth Smith');
    expect(elizabeth.leftCompany).toBe(true);
    expect(Object.values(store().map!.links).some((link) => link.sourceId === elizabeth.id && link.kind === 'reports-to')).toBe(true);

    store().undo();
    expect(store().map).toBe(before);
    expect(store().history.past).toEqual([]);
  });

  it('applies only what was ticked', () => {
    const review = planReimport(newer, newer.mapping, before, { account: GE, origin: SECOND });
    const all = acceptAll(review);
    const jacobId = Object.values(before.stakeholders).find((p) => p.name === 'Jacob Williams')!.id;
    const choices = { ...all, changes: new Set([...all.changes].filter((key) => key !== changeKey(jacobId, 'title'))), left: new Set<string>() };
    store().run({ type: 'reimport', changes: acceptedChanges(review, choices).changes });
    expect(person('Jacob Williams')).toMatchObject({ title: 'Director of Technology' });
    expect(store().map!.departments[person('Jacob Williams').departmentId!].name).toBe('Technology');
    expect(person('Elizabeth Smith').leftCompany).toBe(false);
    expect(person('Ethan Willson').title).toBe('Head of Sales EMEA');
  });

  it('a card that moves into a department on the map is placed there by the layout step, clear of the cards already in it', () => {
    const variant = structuredClone(newer);
    const column = (name: string) => variant.headers.indexOf(name);
    variant.rows.find((row) => row.cells[column('Name')] === 'Isabella Willson')!.cells[column('Department')] = 'Sales';
    const review = planReimport(variant, variant.mapping, before, { account: GE, origin: SECOND });
    const { changes } = acceptedChanges(review, acceptAll(review));
    const isabella = Object.values(before.stakeholders).find((p) => p.name === 'Isabella Willson')!.id;
    expect(changes.updates.find((update) => update.id === isabella)?.departmentId).toBe('dep_sales');
    const updated = applyEdit(before, { type: 'reimport', changes });
    expect(reimportPlacements(before, changes).has(isabella)).toBe(true);
    const placed = layoutMap(updated, { only: reimportPlacements(before, changes) });
    const emma = Object.values(placed.stakeholders).find((p) => p.name === 'Emma Brown')!;
    expect(placed.stakeholders[isabella].departmentId).toBe('dep_sales');
    // Emma stays where the team put her; Isabella lands beside or below her, not on her.
    expect(emma.position).toEqual(before.stakeholders[emma.id].position);
    const a = recordRect(placed, isabella)!;
    const b = recordRect(placed, emma.id)!;
    const [pa, pb] = [placed.stakeholders[isabella].position, emma.position];
    expect(pa.x < pb.x + b.width && pb.x < pa.x + a.width && pa.y < pb.y + b.height && pb.y < pa.y + a.height).toBe(false);
    // The department holds her.
    const sales = placed.departments.dep_sales;
    expect(pa.x + a.width <= sales.size.width && pa.y + a.height <= sales.size.height).toBe(true);
  });

  it('refuses, changing nothing, when someone in the review was deleted meanwhile', () => {
    const review = planReimport(newer, newer.mapping, before, { account: GE, origin: SECOND });
    const { changes } = acceptedChanges(review, acceptAll(review));
    store().run({ type: 'removeItems', ids: [Object.values(before.stakeholders).find((p) => p.name === 'Ethan Willson')!.id] });
    const current = store().map;
    expect(store().run({ type: 'reimport', changes })).toBe(false);
    expect(store().map).toBe(current);
    expect(store().notices.at(-1)?.message).toMatch(/no longer on the map/);
  });
});

describe('many cards grown by one re-import', () => {
  it('grow together, and what they would cover steps aside: no card on another, every card in its department, no department on another', async () => {
    const { mapWith } = await import('../fixtures/maps');
    // Two departments side by side, each a tight 2 x 2 grid of cards, and a third below the first.
    const grid = (dep: string) =>
      [
        [20, 60],
        [252, 60],
        [20, 170],
        [252, 170],
      ].map(([x, y], i) => ({ id: `${dep}_${i}`, name: `Person ${dep} ${i}`, departmentId: dep, position: { x, y } }));
    const map = mapWith({
      departments: [
        { id: 'dep_a', position: { x: 0, y: 0 }, size: { width: 500, height: 300 } },
        { id: 'dep_b', position: { x: 520, y: 0 }, size: { width: 500, height: 300 } },
        { id: 'dep_c', position: { x: 0, y: 320 }, size: { width: 500, height: 300 } },
      ],
      stakeholders: [...grid('dep_a'), ...grid('dep_b'), ...grid('dep_c')],
    });
    const long = 'Senior Vice President, Global Procurement, Supplier Diversity and Strategic Sourcing Programmes';
    const updates = ['dep_a_0', 'dep_a_3', 'dep_b_0', 'dep_c_1'].map((id) => ({ id, title: long }));
    const changes = { departments: [], stakeholders: [], links: [], updates, left: [], matched: [], origin: { file: 'x.csv', importedAt: SECOND.importedAt } };
    const updated = applyEdit(map, { type: 'reimport', changes });

    for (const { id } of updates) expect(recordRect(updated, id)!.height).toBeGreaterThan(recordRect(map, id)!.height);
    const clash = (ids: string[]) =>
      ids.flatMap((p, i) =>
        ids.slice(i + 1).filter((q) => {
          const [r, t] = [recordRect(updated, p)!, recordRect(updated, q)!];
          return r.x < t.x + t.width && t.x < r.x + r.width && r.y < t.y + t.height && t.y < r.y + r.height;
        }).map((q) => `${p} on ${q}`),
      );
    expect(clash(Object.keys(updated.stakeholders))).toEqual([]);
    expect(clash(Object.keys(updated.departments))).toEqual([]);
    for (const person of Object.values(updated.stakeholders)) {
      const [card, department] = [recordRect(updated, person.id)!, recordRect(updated, person.departmentId!)!];
      expect(card.x + card.width <= department.x + department.width && card.y + card.height <= department.y + department.height).toBe(true);
    }
  });
});
