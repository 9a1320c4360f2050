// The write-ahead journal: what an edit leaves in localStorage at once, and how the next open
// brings it into IndexedDB without ever putting older data over newer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyEdit, type Edit } from '../../../src/domain/edits';
import type { AccountMap } from '../../../src/domain/types';
import { getDatabase, resetDatabaseForTests } from '../../../src/persistence/db';
import { journalFullMessage, startAutosave, type Autosave } from '../../../src/persistence/autosave';
import { changedRecords, journalChange, journalEntries } from '../../../src/persistence/journal';
import { createMap, deleteMap, loadMap, replayJournal, saveChanges } from '../../../src/persistence/repository';
import { useMapStore } from '../../../src/store/map-store';
import { smallMap } from '../fixtures/maps';
import { editStakeholder, eventually, quotaError, sleep, thousandPeopleMap } from './fixtures';

let autosave: Autosave | null = null;
const state = () => useMapStore.getState();
const storedName = async (mapId: string, id: string) => (await getDatabase().stakeholders.get([mapId, id]))?.name;
const rename = (id: string, name: string): Edit => ({ type: 'updateStakeholder', id, patch: { name } });

/** Stores the map and opens it the way MapView does: journal replayed, then loaded. */
async function openStored(map: AccountMap = smallMap()) {
  await createMap(map);
  await replayJournal(map.id);
  const result = await loadMap(map.id);
  if (!result.ok) throw new Error(result.error);
  state().openMap(result.map);
  return result.map;
}

/** The page goes before autosave's debounce: nothing more is written to IndexedDB from this "tab". */
function pageGone() {
  autosave?.stop();
  autosave = null;
  state().closeMap();
}

beforeEach(async () => {
  await resetDatabaseForTests();
  localStorage.clear();
  useMapStore.setState({ notices: [] });
  // A long debounce: IndexedDB is written only when a test says so.
  autosave = startAutosave(useMapStore, { debounceMs: 60_000, maxWaitMs: 60_000, retryDelaysMs: [60_000] });
});

afterEach(() => {
  autosave?.stop();
  autosave = null;
  vi.restoreAllMocks();
  state().closeMap();
  useMapStore.setState({ saveState: 'saved', saveError: null, notices: [] });
});

describe('journal', () => {
  it('keeps one edit of a 1,000-person map as that one record, synchronously', async () => {
    await openStored(thousandPeopleMap());
    state().run(rename('stk_500', 'Renamed'));
    const [entry] = journalEntries('map_big');
    expect(entry.put).toEqual({ stakeholders: [expect.objectContaining({ id: 'stk_500', name: 'Renamed' })] });
    expect(entry.remove).toEqual({});
    expect(JSON.stringify(entry).length).toBeLessThan(1000);
  });

  it('finds the one record an edit changed without going through the rest of the map', () => {
    const map = thousandPeopleMap();
    // Counts every time something lists the people of the map before the edit.
    let listed = 0;
    const before = { ...map, stakeholders: new Proxy(map.stakeholders, { ownKeys: (target) => (listed++, Reflect.ownKeys(target)) }) };
    const after = applyEdit(applyEdit(before, { type: 'setStance', ids: ['stk_500'], stance: 'champion' }), rename('stk_7', 'Seven'));
    listed = 0;
    expect(changedRecords(before, after)).toEqual({ put: { stakeholders: [after.stakeholders.stk_7, after.stakeholders.stk_500] }, remove: {} });
    expect(listed).toBe(0);
  });

  it('finds the cards a drag step moved without going through the rest of the map', () => {
    const map = thousandPeopleMap();
    let listed = 0;
    const before = { ...map, stakeholders: new Proxy(map.stakeholders, { ownKeys: (target) => (listed++, Reflect.ownKeys(target)) }) };
    const moves = [{ id: 'stk_3', position: { x: 5, y: 400 } }, { id: 'stk_4', position: { x: 9, y: 400 } }];
    const after = applyEdit(before, { type: 'moveItems', moves });
    listed = 0;
    expect(changedRecords(before, after)?.put.stakeholders).toEqual([after.stakeholders.stk_3, after.stakeholders.stk_4]);
    expect(listed).toBe(0);
  });

  it('still finds every change of an edit that rebuilds a table (a removal)', () => {
    const before = thousandPeopleMap();
    const after = applyEdit(applyEdit(before, rename('stk_3', 'Three')), { type: 'removeItems', ids: ['stk_9'] });
    const records = changedRecords(before, after);
    expect(records?.put.stakeholders).toEqual([after.stakeholders.stk_3]);
    expect(records?.remove.stakeholders).toEqual(['stk_9']);
    expect(records?.remove.links).toEqual(['lnk_9']);
  });

  it('brings edits made just before the page went into storage on the next open, then empties', async () => {
    const map = await openStored();
    state().run(rename('stk_cfo', 'Claire Dubois'));
    state().run({ type: 'removeItems', ids: ['stk_buyer'] }); // and the two links to her
    pageGone();
    expect(await storedName(map.id, 'stk_cfo')).toBe('Claire');

    expect(await replayJournal(map.id)).toEqual({ replayed: 2, dropped: 0 });
    expect(await getDatabase().links.get([map.id, 'lnk_3'])).toBeUndefined();
    const loaded = await loadMap(map.id);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.map.stakeholders.stk_cfo.name).toBe('Claire Dubois');
    expect(loaded.map.stakeholders.stk_buyer).toBeUndefined();
    expect(loaded.repairs).toEqual([]);
    expect((await getDatabase().maps.get(map.id))?.stakeholderCount).toBe(3);
    expect(journalEntries(map.id)).toEqual([]);
  });

  it('keeps a gesture as one entry that grows with it, so an unfinished drag or typing is kept too', async () => {
    const map = await openStored();
    state().beginGesture();
    for (let x = 1; x <= 5; x++) state().run({ type: 'moveItemsTo', moves: [{ id: 'stk_free', position: { x, y: 0 } }] });
    state().run(rename('stk_cfo', 'Typed but not yet left'));
    const during = journalEntries(map.id);
    expect(during).toHaveLength(1);
    expect(during[0].put.stakeholders).toEqual([
      expect.objectContaining({ id: 'stk_cfo', name: 'Typed but not yet left' }),
      expect.objectContaining({ id: 'stk_free', position: { x: 5, y: 0 } }),
    ]);
    state().endGesture();
    expect(journalEntries(map.id)).toHaveLength(1);
    pageGone();
    await replayJournal(map.id);
    expect(await storedName(map.id, 'stk_cfo')).toBe('Typed but not yet left');
  });

  it('is emptied once autosave has stored the edits, and storage records the revision', async () => {
    const map = await openStored();
    state().run(rename('stk_cfo', 'A'));
    const [entry] = journalEntries(map.id);
    await autosave!.flush();
    expect(journalEntries(map.id)).toEqual([]);
    expect((await getDatabase().maps.get(map.id))?.journalSeq).toBe(entry.seq);
  });

  it('never replays an entry storage already holds something newer than', async () => {
    const map = await openStored();
    state().run(rename('stk_cfo', 'Older'));
    const [stale] = journalEntries(map.id);
    state().run(rename('stk_cfo', 'Newer'));
    await autosave!.flush();
    // A tab that stored its edits but went before removing an entry leaves it behind.
    localStorage.setItem(`powermap:journal:${map.id}:${stale.seq}`, JSON.stringify(stale));
    pageGone();

    expect(await replayJournal(map.id)).toEqual({ replayed: 0, dropped: 0 });
    expect(await storedName(map.id, 'stk_cfo')).toBe('Newer');
    expect(journalEntries(map.id)).toEqual([]);
  });

  it('stops at a missing entry rather than apply later changes to a state they were not made on', async () => {
    const map = await openStored();
    state().run(rename('stk_cfo', 'First'));
    state().run(rename('stk_cio', 'Second'));
    state().run(rename('stk_free', 'Third'));
    const [, second] = journalEntries(map.id);
    localStorage.removeItem(`powermap:journal:${map.id}:${second.seq}`);
    pageGone();

    expect(await replayJournal(map.id)).toEqual({ replayed: 1, dropped: 1 });
    expect(await storedName(map.id, 'stk_cfo')).toBe('First');
    expect(await storedName(map.id, 'stk_free')).toBe('Consultant');
  });

  it('writes nothing when a save is older than what storage holds', async () => {
    const map = await openStored();
    const newer = editStakeholder(map, 'stk_cfo', { name: 'Newer' });
    await saveChanges(map, newer, 200);
    expect(await saveChanges(map, editStakeholder(map, 'stk_cfo', { name: 'Older' }), 100)).toBe(0);
    expect(await storedName(map.id, 'stk_cfo')).toBe('Newer');
  });

  it('forgets the unsaved changes of a map that is replaced or deleted', async () => {
    const map = smallMap();
    await createMap(map);
    journalChange(map, editStakeholder(map, 'stk_cfo', { name: 'Stale' }));
    await createMap(map);
    expect(journalEntries(map.id)).toEqual([]);
    journalChange(map, editStakeholder(map, 'stk_cfo', { name: 'Stale' }));
    await deleteMap(map.id);
    expect(journalEntries(map.id)).toEqual([]);
  });
});

describe('journal when localStorage is full', () => {
  it('tells the user once, writes to IndexedDB at once, and starts again after that write', async () => {
    const map = await openStored();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    state().run(rename('stk_cfo', 'One'));
    state().run(rename('stk_cfo', 'Two'));
    expect(state().notices.filter((n) => n.message === journalFullMessage())).toHaveLength(1);
    // Not after the 60 s debounce: at once.
    await eventually(async () => expect(await storedName(map.id, 'stk_cfo')).toBe('Two'));
    expect(journalEntries(map.id)).toEqual([]);

    setItem.mockRestore();
    await sleep(20);
    state().run(rename('stk_cfo', 'Three'));
    expect(journalEntries(map.id).map((entry) => entry.put.stakeholders?.[0])).toEqual([expect.objectContaining({ name: 'Three' })]);
  });
});
