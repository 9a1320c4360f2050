import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { HomeView } from '../../../src/app/HomeView';
import { createMap, deleteMap, listMaps } from '../../../src/persistence/repository';
import { useMapStore } from '../../../src/store/map-store';
import { smallMap } from '../fixtures/maps';

beforeEach(async () => {
  for (const map of await listMaps()) await deleteMap(map.id);
  useMapStore.setState({ notices: [] });
});
afterEach(cleanup);

test('the empty state explains what to do', async () => {
  render(<HomeView onOpen={() => {}} />);
  expect(screen.getByRole('heading', { name: 'Powermap', level: 1 })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Your account maps' })).toBeInTheDocument();
  expect(await screen.findByText('No account maps yet.')).toBeInTheDocument();
});

test('creating a map: an empty name gets a message, a name creates, lists and opens it', async () => {
  const user = userEvent.setup();
  const onOpen = vi.fn();
  render(<HomeView onOpen={onOpen} />);
  await screen.findByText('No account maps yet.');

  await user.click(screen.getByRole('button', { name: 'New account map' }));
  const dialog = screen.getByRole('dialog', { name: 'New account map' });
  await user.click(within(dialog).getByRole('button', { name: 'Create map' }));
  expect(within(dialog).getByRole('alert')).toHaveTextContent('Give the account map a name.');
  expect(await listMaps()).toEqual([]);

  await user.type(within(dialog).getByRole('textbox', { name: 'Customer or account name' }), '  Acme Freight  {Enter}');
  await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
  const stored = await listMaps();
  expect(stored).toHaveLength(1);
  expect(stored[0].name).toBe('Acme Freight');
  expect(onOpen).toHaveBeenCalledWith(stored[0].id);
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(await screen.findByRole('button', { name: 'Open Acme Freight' })).toHaveAccessibleDescription(/0 stakeholders · 0 white-space departments/);
});

test('maps are listed newest first with per-map buttons; rename, duplicate and delete (after asking)', async () => {
  const user = userEvent.setup();
  const onOpen = vi.fn();
  await createMap(smallMap({ id: 'map-old', name: 'Old Account', updatedAt: '2025-01-01T10:00:00.000Z' }));
  await createMap(smallMap({ id: 'map-new', name: 'Nordwind Logistics', updatedAt: new Date().toISOString() }));
  render(<HomeView onOpen={onOpen} />);

  const open = await screen.findByRole('button', { name: 'Open Nordwind Logistics' });
  const names = within(screen.getByRole('list', { name: 'Account maps' }))
    .getAllByRole('button', { name: /^Open / })
    .map((b) => b.getAttribute('aria-label'));
  expect(names).toEqual(['Open Nordwind Logistics', 'Open Old Account']);
  expect(open).toHaveAccessibleDescription(/Last edited just now · 4 stakeholders · 1 white-space department$/);
  await user.click(open);
  expect(onOpen).toHaveBeenCalledWith('map-new');

  await user.click(screen.getByRole('button', { name: 'Rename Old Account' }));
  const rename = screen.getByRole('dialog', { name: 'Rename “Old Account”' });
  const field = within(rename).getByRole('textbox', { name: 'New name' });
  await user.clear(field);
  await user.type(field, 'Older Account{Enter}');
  expect(await screen.findByRole('button', { name: 'Open Older Account' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Duplicate Nordwind Logistics' }));
  expect(await screen.findByRole('button', { name: 'Open Nordwind Logistics (copy)' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Delete Nordwind Logistics' }));
  const confirm = screen.getByRole('dialog', { name: 'Delete “Nordwind Logistics”?' });
  expect(confirm).toHaveTextContent(
    'Its 4 stakeholders, 3 departments and 3 links will be removed from this browser. This cannot be undone.',
  );
  await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
  expect(screen.getByRole('button', { name: 'Open Nordwind Logistics' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Delete Nordwind Logistics' }));
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete map' }));
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Open Nordwind Logistics' })).toBeNull());
  expect((await listMaps()).map((m) => m.name).sort()).toEqual(['Nordwind Logistics (copy)', 'Older Account']);
});
