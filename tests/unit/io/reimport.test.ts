// Importing a newer export into a map made from an older one: the review lists who is new, whose
// title, department or manager changed (old → new) and who is missing from the export, scoped to the
// CRM and the account the map came from. The older export is the real Salesforce API export in
// tests/fixtures/crm-exports/; the newer one is that file with the edits listed in
// tests/fixtures/crm-exports-reimport/README.md (written by make-newer.py there).
import { describe, expect, it } from 'vitest';
import { addRecords, addLink, removeItems, reparent, updateStakeholder } from '../../../src/domain/commands';
import { emptyAccountMap, newDepartment, newLink, newStakeholder } from '../../../src/domain/defaults';
import { applyEdit } from '../../../src/domain/edits';
import { describeReimport } from '../../../src/domain/reimport';
import type { AccountMap } from '../../../src/domain/types';
import {
  acceptAll,
  acceptedChanges,
  buildImport,
  changeKey,
  isReimport,
  planIsEmpty,
  planReimport,
  type ImportOptions,
  type ParsedCsv,
  type ReimportPlan,
} from '../../../src/io/csv-import';
import { FIRST, GE, newer, older, SECOND } from '../fixtures/crm-reimport';

/** A map made by importing `parsed` (one account, or all) from the home view. */
function importedMap(parsed: ParsedCsv, account?: string): AccountMap {
  const result = buildImport(parsed, parsed.mapping, { account, origin: FIRST });
  return addRecords(emptyAccountMap('map_ge', 'General Electric', FIRST.importedAt), result);
}
const plan = (map: AccountMap, parsed: ParsedCsv, options: Omit<ImportOptions, 'origin'> = { account: GE }) =>
  planReimport(parsed, parsed.mapping, map, { ...options, origin: SECOND });
const idOf = (map: AccountMap, name: string) => Object.values(map.stakeholders).find((person) => person.name === name)!.id;
/** The review as a person reads it: "name: field from → to". */
const changes = (review: ReimportPlan) =>
  review.changed.flatMap((person) =>
    (['title', 'department', 'manager'] as const).flatMap((field) => (person[field] ? [`${person.name}: ${field} ${person[field]!.from} → ${person[field]!.to}`] : [])),
  );

describe('planReimport: a newer export of General Electric into the map made from the older one', () => {
  const map = importedMap(older, GE);

  it('is recognised as a re-import (people on the map by CRM id); a file without ids is not', () => {
    expect(isReimport(map, newer, newer.mapping)).toBe(true);
    expect(isReimport(map, newer, { ...newer.mapping, externalId: null })).toBe(false);
    expect(isReimport(emptyAccountMap('m', 'Empty', FIRST.importedAt), newer, newer.mapping)).toBe(false);
  });

  it('lists the new person, every changed field as old → new, and the person missing from the export', () => {
    const review = plan(map, newer);
    expect(review.added.stakeholders.map((person) => person.name)).toEqual(['Noah Miller']);
    expect(changes(review).sort()).toEqual([
      'Ethan Willson: title Sales Manager → Head of Sales EMEA',
      'Isabella Willson: manager Ethan Willson → Emma Brown',
      'Jacob Williams: department no department → Technology',
      'Jacob Williams: title Director of Technology → Chief Technology Officer',
    ]);
    expect(review.missing.map((person) => person.name)).toEqual(['Elizabeth Smith']);
    // Everyone still in the export is matched, changed or not: their CRM origin gets the new file.
    expect(review.matched.map((id) => map.stakeholders[id].name).sort()).toEqual(['Ava Anderson', 'Emma Brown', 'Ethan Willson', 'Isabella Willson', 'Jacob Williams']);
    // Jacob moves into the department the new person brings: one Technology, not two.
    const technology = review.added.departments.find((department) => department.name === 'Technology')!;
    expect(review.changed.find((person) => person.name === 'Jacob Williams')!.department!.departmentId).toBe(technology.id);
    expect(review.departments).toEqual([]);
    // The new person reports to Jacob, who is on the map.
    expect(review.added.links).toEqual([expect.objectContaining({ sourceId: review.added.stakeholders[0].id, targetId: idOf(map, 'Jacob Williams') })]);
  });

  it('the identical export changes nothing', () => {
    const review = plan(map, older);
    expect(planIsEmpty(review)).toBe(true);
    expect(review.added.stakeholders).toEqual([]);
    expect(review.matched).toHaveLength(6);
    expect(review.notes).toEqual([]);
  });

  it('offers only people of this CRM and this account as missing; hand-drawn people never', () => {
    let everyone = importedMap(older);
    everyone = addRecords(everyone, {
      stakeholders: [
        newStakeholder({ id: 'stk_hand', name: 'Drawn By Hand' }),
        newStakeholder({ id: 'stk_hub', name: 'From HubSpot', crm: { file: 'hubspot.csv', id: '12345', importedAt: FIRST.importedAt, system: 'HubSpot' } }),
      ],
    });
    // Olivia Davis of Amgen Inc left the export too, but this import is about General Electric.
    expect(plan(everyone, newer).missing.map((person) => person.name)).toEqual(['Elizabeth Smith']);
    expect(plan(everyone, newer, {}).missing.map((person) => person.name).sort()).toEqual(['Elizabeth Smith', 'Olivia Davis']);
    // Imported before the account was recorded: gone only when the whole file lacks them.
    const unrecorded = structuredClone(everyone);
    for (const person of Object.values(unrecorded.stakeholders)) if (person.crm) delete person.crm.account;
    expect(plan(unrecorded, newer).missing.map((person) => person.name).sort()).toEqual(['Elizabeth Smith', 'Olivia Davis']);
    // Already marked as gone: not offered again.
    const marked = structuredClone(map);
    marked.stakeholders[idOf(map, 'Elizabeth Smith')].leftCompany = true;
    expect(plan(marked, newer).missing).toEqual([]);
  });

  it('proposes no department change for a card the team put inside a sub-department of it, nor for an empty cell', () => {
    const jacob = idOf(map, 'Jacob Williams');
    let drawn = addRecords(map, {
      departments: [newDepartment({ id: 'dep_tech', name: 'technology ' }), newDepartment({ id: 'dep_platform', name: 'Platform', parentId: 'dep_tech' })],
    });
    drawn = reparent(drawn, jacob, 'dep_platform', { x: 20, y: 60 });
    const review = plan(drawn, newer);
    expect(changes(review).filter((line) => line.startsWith('Jacob'))).toEqual(['Jacob Williams: title Director of Technology → Chief Technology Officer']);
    // The new person joins the team's own Technology department rather than a second one.
    expect(review.added.stakeholders[0].departmentId).toBe('dep_tech');
    // Everyone else's Department cell is empty: nobody is moved out of a department drawn by hand.
    const ethan = idOf(map, 'Ethan Willson');
    const placed = reparent(addRecords(map, { departments: [newDepartment({ id: 'dep_sales', name: 'Sales' })] }), ethan, 'dep_sales', { x: 20, y: 60 });
    expect(changes(plan(placed, newer)).filter((line) => line.startsWith('Ethan'))).toEqual(['Ethan Willson: title Sales Manager → Head of Sales EMEA']);
  });
});

describe('acceptedChanges: what the user ticked becomes the edit', () => {
  const map = importedMap(older, GE);

  it('everything ticked: one new person with their department and link, three people updated, one marked as gone', () => {
    const review = plan(map, newer);
    const { changes: accepted, skipped } = acceptedChanges(review, acceptAll(review));
    expect(skipped).toEqual([]);
    expect(accepted.stakeholders.map((person) => person.name)).toEqual(['Noah Miller']);
    expect(accepted.departments.map((department) => department.name)).toEqual(['Technology']);
    expect(accepted.links).toHaveLength(1);
    expect(accepted.updates.map((update) => map.stakeholders[update.id].name).sort()).toEqual(['Ethan Willson', 'Isabella Willson', 'Jacob Williams']);
    expect(accepted.left).toEqual([idOf(map, 'Elizabeth Smith')]);
    expect(accepted.origin).toEqual({ file: SECOND.file, importedAt: SECOND.importedAt });
  });

  it('an unticked change, person or departure is left out, and a department nobody needs any more with it', () => {
    const review = plan(map, newer);
    const choices = acceptAll(review);
    const jacob = idOf(map, 'Jacob Williams');
    const noah = review.added.stakeholders[0].id;
    const untick = (set: ReadonlySet<string>, key: string) => new Set([...set].filter((item) => item !== key));
    const without = { added: untick(choices.added, noah), changes: untick(choices.changes, changeKey(jacob, 'department')), left: new Set<string>(), back: new Set<string>() };
    const { changes: accepted } = acceptedChanges(review, without);
    expect(accepted.stakeholders).toEqual([]);
    expect(accepted.links).toEqual([]);
    expect(accepted.departments).toEqual([]);
    expect(accepted.updates.find((update) => update.id === jacob)).toEqual({ id: jacob, title: 'Chief Technology Officer' });
    expect(accepted.left).toEqual([]);
    // Jacob's move alone still brings the Technology department, without Noah.
    const moveOnly = acceptedChanges(review, { ...without, changes: choices.changes }).changes;
    expect(moveOnly.departments.map((department) => department.name)).toEqual(['Technology']);
  });

  it('a manager change to a new person who was not added is skipped, and says so', () => {
    // Isabella now reports to Noah Miller, the new person, in this variant of the newer export.
    const variant: ParsedCsv = structuredClone(newer);
    const column = (name: string) => variant.headers.indexOf(name);
    const isabella = variant.rows.find((row) => row.cells[column('Name')] === 'Isabella Willson')!;
    isabella.cells[column('ReportsToId')] = '003f4000003d7NmAAI';
    const review = plan(map, variant);
    expect(changes(review)).toContain('Isabella Willson: manager Ethan Willson → Noah Miller');
    const choices = acceptAll(review);
    const { changes: accepted, skipped } = acceptedChanges(review, { ...choices, added: new Set() });
    expect(accepted.updates.find((update) => update.id === idOf(map, 'Isabella Willson'))).toBeUndefined();
    expect(skipped).toEqual(['Isabella Willson still reports to Ethan Willson: Noah Miller was not added.']);
  });
});

describe('three-way: what the CRM said at the last import tells its changes from the team\'s', () => {
  const map = importedMap(older, GE);
  const ethan = idOf(map, 'Ethan Willson');
  const isabella = idOf(map, 'Isabella Willson');
  const jacob = idOf(map, 'Jacob Williams');
  const offered = (review: ReimportPlan) =>
    review.changed.flatMap((person) =>
      (['title', 'department', 'manager'] as const).flatMap((field) => (person[field] ? [`${person.name}: ${field} → ${person[field]!.to}${person[field]!.conflict ? ' (both)' : ''}`] : [])),
    );
  /** Isabella reports to Ava by hand instead of Ethan. */
  const rewired = (start: AccountMap) => {
    const old = Object.values(start.links).find((link) => link.kind === 'reports-to' && link.sourceId === isabella)!;
    return addLink(removeItems(start, [old.id]), newLink({ id: 'lnk_hand_boss', kind: 'reports-to', sourceId: isabella, targetId: idOf(start, 'Ava Anderson') }));
  };

  it('the import keeps what the CRM said of each person: title, department (empty here) and manager id', () => {
    expect(map.stakeholders[ethan].crm?.seen).toEqual({ title: 'Sales Manager', department: '', manager: '003f4000003d6AhAAI' });
    expect(map.stakeholders[idOf(map, 'Ava Anderson')].crm?.seen).toEqual({ title: 'CEO', department: '', manager: '' });
  });

  it('a title, department or manager changed by hand, and not in the CRM, is not offered back', () => {
    let edited = updateStakeholder(map, idOf(map, 'Ava Anderson'), { title: 'Chief Executive Officer' });
    edited = reparent(addRecords(edited, { departments: [newDepartment({ id: 'dep_buying', name: 'Buying' })] }), idOf(map, 'Elizabeth Smith'), 'dep_buying', { x: 20, y: 60 });
    edited = rewired(edited);
    // The same export as the first import: the CRM changed nothing, so nothing is offered.
    expect(planIsEmpty(plan(edited, older))).toBe(true);
    // Compared two ways (maps imported before this was kept), all three came back.
    const unknown = structuredClone(edited);
    for (const person of Object.values(unknown.stakeholders)) if (person.crm) delete person.crm.seen;
    expect(offered(plan(unknown, older)).sort()).toEqual(['Ava Anderson: title → CEO', 'Isabella Willson: manager → Ethan Willson']);
  });

  it('changed in the CRM only: offered and ticked; changed on the map and in the CRM: offered unticked', () => {
    // Ethan's title and Isabella's manager were changed by hand, to something else than the CRM's new values.
    let edited = updateStakeholder(map, ethan, { title: 'Regional Sales Lead' });
    edited = rewired(edited);
    edited = reparent(addRecords(edited, { departments: [newDepartment({ id: 'dep_eng', name: 'Engineering' })] }), jacob, 'dep_eng', { x: 20, y: 60 });
    const review = plan(edited, newer);
    expect(offered(review).sort()).toEqual([
      'Ethan Willson: title → Head of Sales EMEA (both)',
      'Isabella Willson: manager → Emma Brown (both)',
      'Jacob Williams: department → Technology (both)',
      'Jacob Williams: title → Chief Technology Officer',
    ]);
    const ticked = acceptAll(review).changes;
    expect([...ticked]).toEqual([changeKey(jacob, 'title')]);
  });

  it('after a re-import the CRM\'s new values are remembered, so a change the user declined is not offered again', () => {
    const review = plan(map, newer);
    const choices = acceptAll(review);
    const declined = { ...choices, changes: new Set([...choices.changes].filter((key) => key !== changeKey(ethan, 'title'))) };
    const updated = applyEdit(map, { type: 'reimport', changes: acceptedChanges(review, declined).changes });
    expect(updated.stakeholders[ethan]).toMatchObject({ title: 'Sales Manager', crm: { seen: { title: 'Head of Sales EMEA' } } });
    expect(updated.stakeholders[isabella].crm?.seen?.manager).toBe('003f4000003d6AhAAI');
    expect(offered(plan(updated, newer))).toEqual([]);
  });

  it('an empty cell keeps what the CRM said before', () => {
    const blanked: ParsedCsv = structuredClone(older);
    const title = blanked.headers.indexOf('Title');
    for (const row of blanked.rows) row.cells[title] = '';
    const review = plan(map, blanked);
    expect(review.seen[ethan].title).toBe('Sales Manager');
  });
});

describe('people marked as having left whom the export lists', () => {
  const map = importedMap(older, GE);
  const ava = idOf(map, 'Ava Anderson');
  const marked = applyEdit(map, { type: 'markLeftCompany', id: ava, departure: { leftTo: 'Siemens', successorId: null } });

  it('are offered as back at the company, unticked; accepting clears "left the company"', () => {
    const review = plan(marked, newer);
    expect(review.returned.map((person) => person.name)).toEqual(['Ava Anderson']);
    expect(review.missing.map((person) => person.name)).toEqual(['Elizabeth Smith']);
    const choices = acceptAll(review);
    expect(choices.back.size).toBe(0);
    expect(applyEdit(marked, { type: 'reimport', changes: acceptedChanges(review, choices).changes }).stakeholders[ava]).toMatchObject({ leftCompany: true, leftTo: 'Siemens' });
    const { changes: accepted } = acceptedChanges(review, { ...choices, back: new Set([ava]) });
    expect(describeReimport(accepted)).toBe('1 new, 3 updated, 1 marked as left the company, 1 back at the company');
    expect(applyEdit(marked, { type: 'reimport', changes: accepted }).stakeholders[ava]).toMatchObject({ leftCompany: false, leftTo: '', successorId: null });
  });

  it('the same export with only such a person is not "no changes"', () => {
    expect(planIsEmpty(plan(marked, older))).toBe(false);
    expect(plan(marked, older).returned.map((person) => person.name)).toEqual(['Ava Anderson']);
  });
});
