// Persistent storage: asked at the first stored change of a session, not at load, once; the
// status reads what the browser reports and copes when it reports nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatBytes } from '../../../src/app/StorageSection';
import {
  askForPersistentStorageOnFirstChange,
  lastPersistenceAnswer,
  readStorageStatus,
} from '../../../src/persistence/persistent-storage';
import { broadcastMapsChanged } from '../../../src/persistence/tab-lock';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeStorage(answer: boolean) {
  return {
    persist: vi.fn(async () => answer),
    persisted: vi.fn(async () => false),
    estimate: vi.fn(async () => ({ usage: 2_500_000, quota: 60_000_000_000 })),
  };
}

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('asking for persistent storage', () => {
  it('asks at the first stored change, not before, and only once', async () => {
    const storage = fakeStorage(false);
    stop = askForPersistentStorageOnFirstChange(storage);
    await flush();
    expect(storage.persist).not.toHaveBeenCalled();
    broadcastMapsChanged();
    await flush();
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(lastPersistenceAnswer()).toBe(false);
    broadcastMapsChanged();
    await flush();
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });
});

describe('readStorageStatus', () => {
  it('reports persistence, usage and quota', async () => {
    expect(await readStorageStatus(fakeStorage(true))).toEqual({ reported: true, persisted: false, usage: 2_500_000, quota: 60_000_000_000 });
  });

  it('says when the browser reports nothing, or only part of it', async () => {
    expect(await readStorageStatus(undefined)).toEqual({ reported: false });
    expect(await readStorageStatus({})).toEqual({ reported: false });
    expect(await readStorageStatus({ estimate: async () => ({}) })).toEqual({ reported: true, persisted: null, usage: null, quota: null });
    const failing = { persisted: () => Promise.reject(new Error('denied')), estimate: async () => ({ usage: 10 }) };
    expect(await readStorageStatus(failing)).toEqual({ reported: true, persisted: null, usage: 10, quota: null });
  });
});

it('formats sizes in decimal units', () => {
  expect(formatBytes(0, 'en')).toBe('0 bytes');
  expect(formatBytes(840, 'en')).toBe('840 bytes');
  expect(formatBytes(118_784, 'en')).toBe('119 kB');
  expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
  expect(formatBytes(10_737_537_024, 'en')).toBe('11 GB');
  expect(formatBytes(2_500_000_000_000, 'en')).toBe('2.5 TB');
});
