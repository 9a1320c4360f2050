// Autosave against the real store and a fake IndexedDB, on real timers with short delays
// (Dexie's promises and fake timers do not mix well).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountMap } from '../../../src/domain/types';
import { getDatabase, resetDatabaseForTests } from '../../../src/persistence/db';
import { flushViewport, rememberViewport, startAutosave, type Autosave } from '../../../src/persistence/autosave';
import { createMap, loadMap, loadViewport, quotaMessage, saveChanges } from '../../../src/persistence/repository';
import { useMapStore } from '../../../src/store/map-store';
import { applyEdit, type Edit } from '../../../src/domain/edits';
import { smallMap } from '../fixtures/maps';
import { eventually, quotaError, sleep } from './fixtures';

// The real saveChanges, watched: how often it runs and whether two calls ever overlap.
const concurrency = vi.hoisted(() => ({ active: 0, max: 0 }));
vi.mock('../../../src/persistence/repository', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/persistence/repository')>();
  return {
    ...original,
    saveChanges: vi.fn(async (previous: AccountMap, next: AccountMap, journalSeq?: number) => {
      concurrency.active += 1;
      concurrency.max = Math.max(concurrency.max, concurrency.active);
      try {
        return await original.saveChanges(previous, next, journalSeq);
      } finally {
        concurrency.active -= 1;
      }
    }),
  };
});

const saves = vi.mocked(saveChanges);
let autosave: Autosave | null = null;

/** Starts autosave with short delays; the retry comes late unless a test asks otherwise. */
function start(options: Parameters<typeof startAutosave>[1] = {}) {
  autosave = startAutosave(useMapStore, { debounceMs: 40, maxWaitMs: 60_000, retryDelaysMs: [60_000], ...options });
  return autosave;
}

/** Stores the map and opens it the way MapView does: loaded through the repository. */
async function openStored(map: AccountMap = smallMap(), options?: { readOnly?: boolean }) {
  await createMap(map);
  const result = await loadMap(map.id);
  if (!result.ok) throw new Error(result.error);
  useMapStore.getState().openMap(result.map, options);
  return result.map;
}

const rename = (id: string, name: string): Edit => ({ type: 'updateStakeholder', id, patch: { name } });
const state = () => useMapStore.getState();
const storedName = async (mapId: string, id: string) => (await getDatabase().stakeholders.get([mapId, id]))?.name;

beforeEach(async () => {
  await resetDatabaseForTests();
  saves.mockClear();
  concurrency.max = 0;
  useMapStore.setState({ notices: [] });
});

afterEach(async () => {
  autosave?.stop();
  autosave = null;
  vi.restoreAllMocks();
  useMapStore.getState().closeMap();
  useMapStore.setState({ saveState: 'saved', saveError: null, notices: [] });
});

describe('autosave', () => {
  it('never writes when a map is opened, closed or switched without edits', async () => {
    start();
    const map = await openStored();
    await openStored(smallMap({ id: 'map_other' }));
    state().closeMap();
    await sleep(120);
    expect(saves).not.toHaveBeenCalled();
    expect(state().saveState).toBe('saved');
    expect((await loadMap(map.id)).ok).toBe(true);
  });

  it('debounces several quick edits into one write of the latest version', async () => {
    start();
    const map = await openStored();
    for (const name of ['A', 'An', 'Ann', 'Anna']) state().run(rename('stk_cfo', name));
    expect(state().saveState).toBe('pending');
    expect(saves).not.toHaveBeenCalled();
    await eventually(() => expect(state().saveState).toBe('saved'));
    expect(saves).toHaveBeenCalledTimes(1);
    expect(await storedName(map.id, 'stk_cfo')).toBe('Anna');
  });

  it('saves at least every max-wait during a long run of edits', async () => {
    start({ debounceMs: 50, maxWaitMs: 120 });
    const map = await openStored();
    for (let i = 0; i < 12; i++) {
      state().run(rename('stk_cfo', `Ana ${i}`));
      await sleep(25);
    }
    expect(saves.mock.calls.length).toBeGreaterThanOrEqual(1);
    await autosave!.flush();
    expect(await storedName(map.id, 'stk_cfo')).toBe('Ana 11');
  });

  it('flush() writes at once, without waiting for the debounce', async () => {
    start({ debounceMs: 60_000 });
    const map = await openStored();
    state().run(rename('stk_cio', 'Bo B.'));
    await autosave!.flush();
    expect(saves).toHaveBeenCalledTimes(1);
    expect(await storedName(map.id, 'stk_cio')).toBe('Bo B.');
    expect(state().saveState).toBe('saved');
  });

  it('flushes when the page is hidden or closed', async () => {
    start({ debounceMs: 60_000 });
    const map = await openStored();
    state().run(rename('stk_cio', 'Hidden'));
    window.dispatchEvent(new Event('pagehide'));
    await eventually(async () => expect(await storedName(map.id, 'stk_cio')).toBe('Hidden'), 500);

    state().run(rename('stk_cio', 'Switched away'));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await eventually(async () => expect(await storedName(map.id, 'stk_cio')).toBe('Switched away'), 500);
    visibility.mockRestore();
  });

  it('writes one edit of a 1,000-person map as one record row', async () => {
    start();
    const { thousandPeopleMap } = await import('./fixtures');
    await openStored(thousandPeopleMap());
    state().run(rename('stk_999', 'Last person'));
    await autosave!.flush();
    expect(await saves.mock.results[0].value).toBe(1);
  });

  it('serialises writes: a change made during a write is saved right after it', async () => {
    start({ debounceMs: 5 });
    const map = await openStored();
    state().run(rename('stk_cfo', 'First'));
    const first = autosave!.flush();
    state().run(rename('stk_cio', 'Second'));
    const second = autosave!.flush();
    await Promise.all([first, second]);
    await eventually(() => expect(state().saveState).toBe('saved'));
    expect(concurrency.max).toBe(1);
    expect(await storedName(map.id, 'stk_cfo')).toBe('First');
    expect(await storedName(map.id, 'stk_cio')).toBe('Second');
  });

  it('does not write a read-only map', async () => {
    start();
    await openStored(smallMap(), { readOnly: true });
    useMapStore.setState({ map: applyEdit(state().map!, rename('stk_cfo', 'Not mine')) });
    await sleep(100);
    expect(saves).not.toHaveBeenCalled();
  });

  it('writes what the old map owes before another map is opened', async () => {
    start({ debounceMs: 60_000 });
    const first = await openStored(smallMap({ id: 'map_first' }));
    state().run(rename('stk_cfo', 'Before switching'));
    await openStored(smallMap({ id: 'map_second' }));
    await eventually(async () => expect(await storedName(first.id, 'stk_cfo')).toBe('Before switching'), 500);
    expect(saves).toHaveBeenCalledTimes(1);
    expect(saves.mock.calls[0][1].id).toBe('map_first');
    expect(state().saveState).toBe('saved');
  });
});

describe('autosave when storage fails', () => {
  it('shows the quota message, keeps the change dirty and retries with backoff until it is saved', async () => {
    start({ retryDelaysMs: [80] });
    const map = await openStored();
    const puts = vi.spyOn(getDatabase().stakeholders, 'bulkPut').mockRejectedValueOnce(quotaError());
    state().run(rename('stk_cio', 'Saved later'));
    await autosave!.flush();
    expect(state().saveState).toBe('error');
    expect(state().saveError).toBe(quotaMessage());
    expect(state().notices.at(-1)).toMatchObject({ tone: 'error', message: quotaMessage() });
    expect(await storedName(map.id, 'stk_cio')).toBe('Stavros');

    await eventually(() => expect(state().saveState).toBe('saved'));
    expect(puts).toHaveBeenCalledTimes(2);
    expect(saves).toHaveBeenCalledTimes(2);
    // The retry compared against the last successful save, so it wrote the change again.
    expect(saves.mock.calls[1][0]).toBe(saves.mock.calls[0][0]);
    expect(await storedName(map.id, 'stk_cio')).toBe('Saved later');
    expect(state().notices.at(-1)?.message).toMatch(/saved again/);
  });

  it('retries on the next change, saving both changes, and stays "error" until then', async () => {
    start();
    const map = await openStored();
    vi.spyOn(getDatabase().stakeholders, 'bulkPut').mockRejectedValueOnce(quotaError());
    state().run(rename('stk_cio', 'One'));
    await autosave!.flush();
    expect(state().saveState).toBe('error');
    state().run(rename('stk_cfo', 'Two'));
    expect(state().saveState).toBe('error');
    await eventually(() => expect(state().saveState).toBe('saved'));
    expect(state().saveError).toBeNull();
    expect(await storedName(map.id, 'stk_cio')).toBe('One');
    expect(await storedName(map.id, 'stk_cfo')).toBe('Two');
  });

  it('tells the user once per failure streak, not on every retry', async () => {
    start({ retryDelaysMs: [20] });
    await openStored();
    const puts = vi.spyOn(getDatabase().stakeholders, 'bulkPut').mockRejectedValue(quotaError());
    state().run(rename('stk_cio', 'Stuck'));
    await eventually(() => expect(puts.mock.calls.length).toBeGreaterThanOrEqual(3));
    expect(state().notices.filter((n) => n.tone === 'error')).toHaveLength(1);
    puts.mockRestore();
    await eventually(() => expect(state().saveState).toBe('saved'));
  });

  it('keeps an unsaved change when the same map is left and opened again', async () => {
    start();
    const map = await openStored();
    const puts = vi.spyOn(getDatabase().stakeholders, 'bulkPut').mockRejectedValue(quotaError());
    state().run(rename('stk_cio', 'Kept in this tab'));
    await autosave!.flush();
    state().closeMap();
    await autosave!.flush();
    const reloaded = await loadMap(map.id);
    if (!reloaded.ok) throw new Error(reloaded.error);
    expect(reloaded.map.stakeholders.stk_cio.name).toBe('Stavros');

    state().openMap(reloaded.map);
    expect(state().map!.stakeholders.stk_cio.name).toBe('Kept in this tab');
    expect(state().saveState).toBe('error');
    puts.mockRestore();
    await autosave!.flush();
    expect(await storedName(map.id, 'stk_cio')).toBe('Kept in this tab');
    expect(state().saveState).toBe('saved');
  });
});

describe('rememberViewport', () => {
  it('saves the last viewport of a burst, apart from the map', async () => {
    start();
    await openStored();
    rememberViewport('map_small', { x: 1, y: 1, zoom: 1 });
    rememberViewport('map_small', { x: 5, y: 6, zoom: 2 });
    await flushViewport();
    expect(await loadViewport('map_small')).toEqual({ x: 5, y: 6, zoom: 2 });
    expect(saves).not.toHaveBeenCalled();
    expect(state().saveState).toBe('saved');
  });

  it('waits out a drag, then is written', async () => {
    start();
    await openStored();
    state().beginGesture();
    rememberViewport('map_small', { x: 7, y: 8, zoom: 1.5 });
    await sleep(800); // past the 500 ms pause
    expect(await loadViewport('map_small')).toBeNull();
    state().endGesture();
    await eventually(async () => expect(await loadViewport('map_small')).toEqual({ x: 7, y: 8, zoom: 1.5 }));
  });

  it('is written by itself after a short pause', async () => {
    rememberViewport('map_small', { x: -3, y: 4, zoom: 0.5 });
    await eventually(async () => expect(await loadViewport('map_small')).toEqual({ x: -3, y: 4, zoom: 0.5 }));
  });
});

describe('autosave defaults', () => {
  it('debounces by 300 ms and retries after 1 s, 2 s, 5 s, then every 10 s', async () => {
    const { RETRY_DELAYS_MS, SAVE_DEBOUNCE_MS } = await import('../../../src/persistence/autosave');
    expect(SAVE_DEBOUNCE_MS).toBe(300);
    expect(RETRY_DELAYS_MS).toEqual([1000, 2000, 5000, 10000]);
    autosave = startAutosave();
    const map = await openStored();
    vi.spyOn(getDatabase().stakeholders, 'bulkPut').mockRejectedValueOnce(quotaError());
    state().run(rename('stk_cio', 'After a second'));
    const edited = Date.now();
    await eventually(() => expect(state().saveState).toBe('error'), 1000);
    expect(Date.now() - edited).toBeGreaterThanOrEqual(280);
    await eventually(() => expect(state().saveState).toBe('saved'), 3000);
    expect(Date.now() - edited).toBeGreaterThanOrEqual(1250);
    expect(await storedName(map.id, 'stk_cio')).toBe('After a second');
  });
});
