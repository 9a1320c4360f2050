import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { useState } from 'react';
import { ConfirmDialog } from '../../../src/panels/ConfirmDialog';
import { HelpOverlay } from '../../../src/panels/HelpOverlay';
import { Notices } from '../../../src/panels/Notices';
import { PromptDialog } from '../../../src/panels/PromptDialog';
import { useMapStore } from '../../../src/store/map-store';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

test('the confirm dialog is labelled, focuses Cancel, keeps Tab inside, and Escape cancels', async () => {
  const user = userEvent.setup();
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmDialog title="Delete “Acme”?" confirmLabel="Delete map" danger onConfirm={onConfirm} onCancel={onCancel}>
      <p>It will be removed.</p>
    </ConfirmDialog>,
  );
  const dialog = screen.getByRole('dialog', { name: 'Delete “Acme”?' });
  expect(dialog).toHaveAttribute('aria-modal', 'true');
  expect(dialog).toHaveAccessibleDescription('It will be removed.');
  expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await user.tab();
  expect(screen.getByRole('button', { name: 'Delete map' })).toHaveFocus();
  await user.tab();
  expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(onCancel).toHaveBeenCalledTimes(1);
  await user.click(screen.getByRole('button', { name: 'Delete map' }));
  expect(onConfirm).toHaveBeenCalledTimes(1);
});

test('a dialog gives focus back to the button that opened it', async () => {
  const user = userEvent.setup();
  function Opener() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Ask
        </button>
        {open ? (
          <ConfirmDialog title="Sure?" confirmLabel="Yes" onConfirm={() => setOpen(false)} onCancel={() => setOpen(false)}>
            Really.
          </ConfirmDialog>
        ) : null}
      </>
    );
  }
  render(<Opener />);
  await user.click(screen.getByRole('button', { name: 'Ask' }));
  expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(screen.getByRole('button', { name: 'Ask' })).toHaveFocus();
});

test('the prompt refuses an empty value, then Enter submits the trimmed one', async () => {
  const user = userEvent.setup();
  const onSubmit = vi.fn();
  render(
    <PromptDialog title="New account map" label="Customer or account name" submitLabel="Create map" emptyMessage="Give the account map a name." onSubmit={onSubmit} onCancel={() => {}} />,
  );
  const field = screen.getByRole('textbox', { name: 'Customer or account name' });
  expect(field).toHaveFocus();
  await user.type(field, '   {Enter}');
  expect(screen.getByRole('alert')).toHaveTextContent('Give the account map a name.');
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(onSubmit).not.toHaveBeenCalled();
  await user.type(field, ' Acme Freight {Enter}');
  expect(onSubmit).toHaveBeenCalledWith('Acme Freight');
});

test('the help overlay lists the shortcuts in a table and closes on Escape and Close', async () => {
  const user = userEvent.setup();
  const onClose = vi.fn();
  render(
    <HelpOverlay
      shortcuts={[
        { label: 'Undo', keys: ['Ctrl+Z'], group: 'Edit' },
        { label: 'Redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], group: 'Edit' },
        { label: 'Show or hide the legend', keys: ['L'], group: 'View' },
        { label: 'Not bound', keys: [], group: 'View' },
      ]}
      onClose={onClose}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
  expect(dialog).toHaveAttribute('aria-modal', 'true');
  expect(screen.getByRole('rowheader', { name: 'Redo' }).closest('tr')).toHaveTextContent('Ctrl+Shift+Z or Ctrl+Y');
  expect(screen.getByRole('rowheader', { name: 'Edit' })).toBeInTheDocument();
  expect(screen.getByRole('rowheader', { name: 'Show or hide the legend' }).closest('tbody')).toHaveTextContent(/^View/);
  expect(screen.queryByText('Not bound')).toBeNull();
  await user.keyboard('{Escape}');
  expect(onClose).toHaveBeenCalledTimes(1);
  await user.click(screen.getByRole('button', { name: 'Close' }));
  expect(onClose).toHaveBeenCalledTimes(2);
});

test('notices: information fades after 4 s, errors stay until dismissed', () => {
  vi.useFakeTimers();
  useMapStore.setState({ notices: [] });
  render(<Notices />);
  act(() => {
    useMapStore.getState().notify('Copied 2 cards.');
    useMapStore.getState().notify('Storage is full.', 'error');
  });
  expect(screen.getByRole('status')).toHaveTextContent('Copied 2 cards.');
  expect(screen.getByRole('alert')).toHaveTextContent('Storage is full.');

  act(() => vi.advanceTimersByTime(4100));
  expect(screen.queryByRole('status')).toBeNull();
  expect(screen.getByRole('alert')).toHaveTextContent('Storage is full.');

  act(() => screen.getByRole('button', { name: 'Dismiss message' }).click());
  expect(screen.queryByRole('alert')).toBeNull();
  expect(useMapStore.getState().notices).toEqual([]);
});
