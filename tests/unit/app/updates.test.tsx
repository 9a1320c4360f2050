import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UpdateNotice } from '../../../src/app/UpdateNotice';
import { startUpdates, UPDATE_CHECK_MS, useUpdateStore, type RegisterWorker } from '../../../src/app/updates';

type WorkerOptions = Parameters<RegisterWorker>[0];

/** startUpdates with a stand-in for the service worker registration; records what happens, in order. */
function start() {
  const events: string[] = [];
  let options: WorkerOptions = {};
  let finishSave: () => void = () => undefined;
  startUpdates({
    registerWorker: (given) => {
      options = given;
      return async () => void events.push('new release takes over');
    },
    beforeReload: () =>
      new Promise<void>((resolve) => {
        events.push('save started');
        finishSave = () => {
          events.push('saved');
          resolve();
        };
      }),
    beforeTakeOver: () => void events.push('stopped what fetches by itself'),
    reloadPage: () => void events.push('page reloaded'),
  });
  return { events, worker: () => options, finishSave: () => finishSave() };
}

const initial = useUpdateStore.getState();
beforeEach(() => useUpdateStore.setState(initial, true));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('update notice', () => {
  it('shows nothing until a new release is waiting', () => {
    const { worker } = start();
    render(<UpdateNotice className="pm-update--page" />);
    expect(screen.queryByRole('status', { name: 'New version' })).toBeNull();
    act(() => worker().onNeedRefresh?.());
    expect(screen.getByRole('button', { name: 'Update available — reload' })).toBeInTheDocument();
  });

  it('saves every change before the new release takes over', async () => {
    const { worker, events, finishSave } = start();
    render(<UpdateNotice className="pm-update--page" />);
    act(() => worker().onNeedRefresh?.());
    await userEvent.click(screen.getByRole('button', { name: 'Update available — reload' }));
    expect(events).toEqual(['save started']);
    expect(screen.getByRole('button', { name: /Reloading/ })).toBeDisabled();
    await act(async () => finishSave());
    // The line router's worker stops first: a fetch of it while Chromium hands over to the new
    // release's service worker left the new one waiting and the page never reloaded.
    expect(events).toEqual(['save started', 'saved', 'stopped what fetches by itself', 'new release takes over']);
  });

  it('reloads a page the new release took over only after saving it', async () => {
    const { worker, events, finishSave } = start();
    worker().onNeedReload?.();
    expect(events).toEqual(['save started']);
    await act(async () => finishSave());
    expect(events).toEqual(['save started', 'saved', 'page reloaded']);
  });

  it('can be dismissed, leaving the release waiting', async () => {
    const { worker, events } = start();
    render(<UpdateNotice className="pm-update--page" />);
    act(() => worker().onNeedRefresh?.());
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss update notice' }));
    expect(screen.queryByRole('status', { name: 'New version' })).toBeNull();
    expect(events).toEqual([]);
  });

  it('asks the server for a new release every hour while online', () => {
    vi.useFakeTimers();
    const { worker } = start();
    const update = vi.fn(() => Promise.resolve());
    worker().onRegisteredSW?.('/sw.js', { update } as unknown as ServiceWorkerRegistration);
    vi.advanceTimersByTime(UPDATE_CHECK_MS - 1);
    expect(update).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(update).toHaveBeenCalledTimes(1);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    vi.advanceTimersByTime(UPDATE_CHECK_MS);
    expect(update).toHaveBeenCalledTimes(1);
  });
});
