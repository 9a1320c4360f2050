// The re-import review as a person uses it: groups with a tick box per row and All / None, an Apply
// button that counts what is ticked, the map untouched until Apply, a report after it, and the
// "No changes" answer for an export that matches the map.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { addRecords } from '../../../src/domain/commands';
import { emptyAccountMap } from '../../../src/domain/defaults';
import { applyEdit } from '../../../src/domain/edits';
import type { AccountMap } from '../../../src/domain/types';
import { buildImport, planReimport } from '../../../src/io/csv-import';
import { ReimportReview } from '../../../src/panels/ReimportReview';
import { useMapStore } from '../../../src/store/map-store';
import { FIRST, GE, newer, older, SECOND } from '../fixtures/crm-reimport';
import { openMap } from '../fixtures/store';

afterEach(cleanup);

function geMap(): AccountMap {
  return addRecords(emptyAccountMap('map_ge', 'General Electric', FIRST.importedAt), buildImport(older, older.mapping, { account: GE, origin: FIRST }));
}
const person = (name: string) => Object.values(useMapStore.getState().map!.stakeholders).find((p) => p.name === name)!;

test('ticks per row and All / None per group decide what Apply changes, and nothing changes before it', async () => {
  const user = userEvent.setup();
  const map = geMap();
  openMap(map);
  const onClose = vi.fn();
  const plan = planReimport(newer, newer.mapping, map, { account: GE, origin: SECOND });
  render(<ReimportReview plan={plan} target={map} fileName="Contact (2).csv" onClose={onClose} />);

  const changed = screen.getByRole('group', { name: 'Changed (4 of 4)' });
  expect(within(changed).getAllByRole('checkbox').map((box) => box.closest('label')!.textContent)).toEqual([
    'Ethan Willson, title: Sales Manager → Head of Sales EMEA',
    'Isabella Willson, reports to: Ethan Willson → Emma Brown',
    'Jacob Williams, title: Director of Technology → Chief Technology Officer',
    'Jacob Williams, department: no department → Technology',
  ]);
  expect(screen.getByRole('button', { name: 'Apply 6 changes' })).toBeEnabled();

  await user.click(within(changed).getByRole('button', { name: 'Accept none: Changed' }));
  screen.getByRole('group', { name: 'Changed (0 of 4)' });
  const missing = screen.getByRole('group', { name: 'Missing from the export: left the company? (1 of 1)' });
  await user.click(within(missing).getByRole('checkbox', { name: 'Elizabeth Smith, Purchasing Manager' }));
  const added = screen.getByRole('group', { name: 'New people (1 of 1)' });
  await user.click(within(added).getByRole('button', { name: 'Accept none: New people' }));
  // Nothing ticked: nothing to apply.
  expect(screen.getByRole('button', { name: 'Apply 0 changes' })).toBeDisabled();
  await user.click(within(changed).getByRole('button', { name: 'Accept all: Changed' }));
  await user.click(screen.getByRole('checkbox', { name: /^Jacob Williams, title:/ }));
  expect(useMapStore.getState().map).toBe(map);

  await user.click(screen.getByRole('button', { name: 'Apply 3 changes' }));
  await screen.findByText('Updated “General Electric” from “Contact (2).csv”: 3 updated.');
  expect(person('Ethan Willson').title).toBe('Head of Sales EMEA');
  expect(person('Jacob Williams').title).toBe('Director of Technology');
  expect(person('Elizabeth Smith').leftCompany).toBe(false);
  expect(person('Noah Miller')).toBeUndefined();
  expect(useMapStore.getState().map!.departments[person('Jacob Williams').departmentId!].name).toBe('Technology');
  await user.click(screen.getByRole('button', { name: 'Done' }));
  expect(onClose).toHaveBeenCalledTimes(1);
  useMapStore.getState().undo();
  expect(useMapStore.getState().map).toBe(map);
});

test('an export that matches the map says so and changes nothing', () => {
  const map = geMap();
  openMap(map);
  const plan = planReimport(older, older.mapping, map, { account: GE, origin: SECOND });
  render(<ReimportReview plan={plan} target={map} fileName="Contact.csv" onClose={() => undefined} />);
  expect(screen.getByRole('status')).toHaveTextContent('No changes: the map matches this export.');
  expect(screen.queryByRole('checkbox')).toBeNull();
  expect(useMapStore.getState().history.past).toEqual([]);
});

test('a map changed while the review was open is not overwritten', async () => {
  const user = userEvent.setup();
  const map = geMap();
  openMap(map);
  const plan = planReimport(newer, newer.mapping, map, { account: GE, origin: SECOND });
  render(<ReimportReview plan={plan} target={map} fileName="Contact (2).csv" onClose={() => undefined} />);
  useMapStore.getState().run({ type: 'renameMap', name: 'GE' });
  const renamed = useMapStore.getState().map;
  await user.click(screen.getByRole('button', { name: 'Apply 6 changes' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('The map changed while you reviewed the export. Nothing was changed');
  expect(useMapStore.getState().map).toBe(renamed);
});

test('a change made here and in the CRM is offered unticked and says so; someone marked as left is offered as back, unticked', async () => {
  const user = userEvent.setup();
  let map = geMap();
  const id = (name: string) => Object.values(map.stakeholders).find((p) => p.name === name)!.id;
  map = applyEdit(map, { type: 'updateStakeholder', id: id('Ethan Willson'), patch: { title: 'Regional Sales Lead' } });
  map = applyEdit(map, { type: 'markLeftCompany', id: id('Ava Anderson'), departure: { leftTo: 'Siemens', successorId: null } });
  openMap(map);
  const plan = planReimport(newer, newer.mapping, map, { account: GE, origin: SECOND });
  render(<ReimportReview plan={plan} target={map} fileName="Contact (2).csv" onClose={() => undefined} />);

  const ethan = screen.getByRole('checkbox', { name: 'Ethan Willson, title: Regional Sales Lead → Head of Sales EMEA (changed here and in the CRM)' });
  expect(ethan).not.toBeChecked();
  screen.getByRole('group', { name: 'Changed (3 of 4)' });
  const back = screen.getByRole('group', { name: 'Marked as left, but in the export: back at the company? (0 of 1)' });
  const ava = within(back).getByRole('checkbox', { name: 'Ava Anderson, CEO' });
  expect(ava).not.toBeChecked();
  await user.click(ava);
  await user.click(screen.getByRole('button', { name: 'Apply 6 changes' }));
  await screen.findByText('Updated “General Electric” from “Contact (2).csv”: 1 new, 2 updated, 1 marked as left the company, 1 back at the company.');
  expect(person('Ava Anderson')).toMatchObject({ leftCompany: false, leftTo: '' });
  expect(person('Ethan Willson').title).toBe('Regional Sales Lead');
});
