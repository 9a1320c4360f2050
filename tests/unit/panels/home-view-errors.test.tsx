import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { HomeView } from '../../../src/app/HomeView';
import { useMapStore } from '../../../src/store/map-store';

// Storage that refuses to write: the home view must say so and must not open a map that was never stored.
vi.mock('../../../src/persistence/repository', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/persistence/repository')>();
  return {
    ...original,
    listMaps: vi.fn(async () => []),
    createMap: vi.fn(async () => {
      throw new original.StorageError("Your browser's storage for this site is full.");
    }),
  };
});

afterEach(cleanup);

test('a storage error is told through the store, and the map is not opened', async () => {
  const user = userEvent.setup();
  useMapStore.setState({ notices: [] });
  const onOpen = vi.fn();
  render(<HomeView onOpen={onOpen} />);
  await user.click(await screen.findByRole('button', { name: 'New account map' }));
  await user.type(screen.getByRole('textbox', { name: 'Customer or account name' }), 'Acme{Enter}');
  await waitFor(() =>
    expect(useMapStore.getState().notices.at(-1)).toMatchObject({ tone: 'error', message: "Your browser's storage for this site is full." }),
  );
  expect(onOpen).not.toHaveBeenCalled();
});
