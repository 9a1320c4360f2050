import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSampleAccountMap, SAMPLE_MAP_ID } from '../../../src/domain/sample';
import { SCHEMA_VERSION } from '../../../src/domain/types';
import { getDatabase, resetDatabaseForTests } from '../../../src/persistence/db';
import {
  createMap,
  deleteMap,
  deleteSnapshot,
  listSnapshots,
  loadSnapshot,
  takeSnapshot,
  duplicateMap,
  listMaps,
  loadMap,
  loadViewport,
  mapMissingMessage,
  quotaMessage,
  renameMap,
  saveChanges,
  saveViewport,
  seedSampleIfFirstRun,
  StorageError,
  toStorageError,
  unavailableMessage,
} from '../../../src/persistence/repository';
import { NOW, smallMap } from '../fixtures/maps';
import { editStakeholder, quotaError, removeStakeholder, thousandPeopleMap } from './fixtures';

beforeEach(resetDatabaseForTests);
afterEach(() => vi.restoreAllMocks());

async function loaded(id: string) {
  const result = await loadMap(id);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const rowsOfMap = async (mapId: string) => {
  const db = getDatabase();
  return {
    departments: await db.departments.where('mapId').equals(mapId).count(),
    stakeholders: await db.stakeholders.where('mapId').equals(mapId).count(),
    links: await db.links.where('mapId').equals(mapId).count(),
    team: await db.team.where('mapId').equals(mapId).count(),
  };
};

describe('create, list, load', () => {
  it('loads a stored map equal to the original, field by field, without repairs', async () => {
    for (const map of [smallMap(), createSampleAccountMap(NOW)]) {
      await createMap(map);
      const { map: back, repairs } = await loaded(map.id);
      expect(repairs).toEqual([]);
      expect(back).toStrictEqual(map);
    }
  });

  it('stores one row per record, keyed by [mapId+id], plus a maps row with the schema version', async () => {
    const map = smallMap();
    await createMap(map);
    expect(await rowsOfMap(map.id)).toEqual({ departments: 3, stakeholders: 4, links: 3, team: 1 });
    const db = getDatabase();
    expect(await db.stakeholders.get([map.id, 'stk_cfo'])).toEqual({ ...map.stakeholders.stk_cfo, mapId: map.id });
    expect(await db.maps.get(map.id)).toMatchObject({ name: 'Nordwind Logistics', schemaVersion: SCHEMA_VERSION });
  });

  it('lists maps newest first with their counts, from the maps table alone', async () => {
    await createMap(smallMap({ id: 'map_old', name: 'Old account', updatedAt: '2025-01-01T10:00:00.000Z' }));
    await createMap(thousandPeopleMap('map_mid'));
    await createMap(smallMap({ id: 'map_new', name: 'New account', updatedAt: '2026-12-01T10:00:00.000Z' }));
    const records = vi.spyOn(getDatabase().stakeholders, 'toArray');
    const list = await listMaps();
    expect(records).not.toHaveBeenCalled();
    expect(list.map((m) => m.id)).toEqual(['map_new', 'map_mid', 'map_old']);
    expect(list[0]).toEqual({
      id: 'map_new',
      name: 'New account',
      updatedAt: '2026-12-01T10:00:00.000Z',
      stakeholderCount: 4,
      whiteSpaceCount: 1,
      departmentCount: 3,
      linkCount: 3,
    });
    expect(list[1]).toMatchObject({ stakeholderCount: 1000, whiteSpaceCount: 1, linkCount: 999 });
  });

  it('loads every record of a map larger than one read, and none of another map with the same ids', async () => {
    // 4,500 people and 4,499 links: each table is read in pages of 2,000 rows.
    const big = thousandPeopleMap('map_big', 4500);
    const other = thousandPeopleMap('map_other', 10);
    other.stakeholders.stk_3 = { ...other.stakeholders.stk_3, name: 'Someone else' };
    await createMap(other);
    await createMap(big);
    await createMap(thousandPeopleMap('map_zzz', 3));
    const { map: back, repairs } = await loaded('map_big');
    expect(repairs).toEqual([]);
    expect(back).toStrictEqual(big);
    expect((await loaded('map_other')).map.stakeholders.stk_3.name).toBe('Someone else');
  });

  it('says so when the map is gone', async () => {
    expect(await loadMap('map_nowhere')).toEqual({ ok: false, error: mapMissingMessage() });
  });
});

describe('saveChanges', () => {
  it('writes one row when one stakeholder of a 1,000-person map is edited', async () => {
    const map = thousandPeopleMap();
    await createMap(map);
    const { map: before } = await loaded(map.id);
    const puts = vi.spyOn(getDatabase().stakeholders, 'bulkPut');
    const linkPuts = vi.spyOn(getDatabase().links, 'bulkPut');
    const after = editStakeholder(before, 'stk_500', { stance: 'champion' });

    expect(await saveChanges(before, after)).toBe(1);
    expect(puts).toHaveBeenCalledTimes(1);
    expect(puts.mock.calls[0][0]).toHaveLength(1);
    expect(linkPuts).not.toHaveBeenCalled();
    expect((await getDatabase().stakeholders.get([map.id, 'stk_500']))?.stance).toBe('champion');
    expect((await getDatabase().maps.get(map.id))?.updatedAt).toBe(after.updatedAt);
    expect((await loaded(map.id)).map).toStrictEqual(after);
  });

  it('writes nothing but the maps row when nothing changed', async () => {
    const map = smallMap();
    await createMap(map);
    expect(await saveChanges(map, { ...map, updatedAt: '2026-12-24T00:00:00.000Z' })).toBe(0);
    expect((await listMaps())[0].updatedAt).toBe('2026-12-24T00:00:00.000Z');
  });

  it('deletes the row of a deleted stakeholder and updates the counts', async () => {
    const map = smallMap();
    await createMap(map);
    // Zofia goes, and with her both her lines (reports-to Claire, conflict with Stavros).
    const next = removeStakeholder(map, 'stk_buyer');
    const withoutHerLinks = { ...next, links: { lnk_2: next.links.lnk_2 } };
    expect(await saveChanges(map, withoutHerLinks)).toBe(3);
    expect(await getDatabase().stakeholders.get([map.id, 'stk_buyer'])).toBeUndefined();
    expect(await getDatabase().links.get([map.id, 'lnk_1'])).toBeUndefined();
    expect(await getDatabase().links.get([map.id, 'lnk_3'])).toBeUndefined();
    expect((await listMaps())[0]).toMatchObject({ stakeholderCount: 3, linkCount: 1 });
    expect((await loaded(map.id)).map).toStrictEqual(withoutHerLinks);
  });

  it('puts new and changed records of every kind', async () => {
    const map = smallMap();
    await createMap(map);
    const next = {
      ...map,
      departments: { ...map.departments, dep_proc: { ...map.departments.dep_proc, coverage: 'engaged' as const } },
      team: { ...map.team, tm_new: { id: 'tm_new', name: 'Noor', role: 'innovator' as const } },
    };
    expect(await saveChanges(map, next)).toBe(2);
    expect((await listMaps())[0].whiteSpaceCount).toBe(0);
    expect((await loaded(map.id)).map).toStrictEqual(next);
  });

  it('keeps a name given in another tab unless this version renamed the map', async () => {
    const map = smallMap();
    await createMap(map);
    await renameMap(map.id, 'Renamed elsewhere');
    await saveChanges(map, editStakeholder(map, 'stk_cio', { stance: 'neutral' }));
    expect((await listMaps())[0].name).toBe('Renamed elsewhere');
    await saveChanges(map, { ...map, name: 'Renamed here' });
    expect((await listMaps())[0].name).toBe('Renamed here');
  });

  it('writes the whole map again if it was deleted in another tab while being edited here', async () => {
    const map = smallMap();
    await createMap(map);
    await deleteMap(map.id);
    const next = editStakeholder(map, 'stk_cio', { stance: 'neutral' });
    expect(await saveChanges(map, next)).toBe(11); // every record: 3 departments, 4 people, 3 links, 1 team member
    expect((await loaded(map.id)).map).toStrictEqual(next);
  });

  it('refuses to compare two different maps', async () => {
    await expect(saveChanges(smallMap({ id: 'a' }), smallMap({ id: 'b' }))).rejects.toThrow();
  });
});

describe('delete, rename, duplicate', () => {
  it('deleteMap removes all of its rows and leaves other maps intact', async () => {
    await createMap(smallMap({ id: 'map_a' }));
    await createMap(smallMap({ id: 'map_b' }));
    await saveViewport('map_a', { x: 1, y: 2, zoom: 1 });
    await deleteMap('map_a');
    expect((await listMaps()).map((m) => m.id)).toEqual(['map_b']);
    expect(await rowsOfMap('map_a')).toEqual({ departments: 0, stakeholders: 0, links: 0, team: 0 });
    expect(await loadViewport('map_a')).toBeNull();
    expect((await loaded('map_b')).map).toStrictEqual(smallMap({ id: 'map_b' }));
    await expect(deleteMap('map_a')).resolves.toBeUndefined();
  });

  it('renameMap changes the name and the edit time without touching the records', async () => {
    const map = smallMap();
    await createMap(map);
    const puts = vi.spyOn(getDatabase().stakeholders, 'bulkPut');
    await renameMap(map.id, '  Nordwind AG  ');
    const [row] = await listMaps();
    expect(row.name).toBe('Nordwind AG');
    expect(row.updatedAt > NOW).toBe(true);
    expect(puts).not.toHaveBeenCalled();
    await expect(renameMap(map.id, '   ')).rejects.toThrow('Give the account map a name.');
    await expect(renameMap('map_nowhere', 'X')).rejects.toMatchObject({ name: 'StorageError', problem: 'missing', message: mapMissingMessage() });
  });

  it('duplicateMap copies records and viewport under a fresh id and leaves the original alone', async () => {
    const map = smallMap();
    await createMap(map);
    await saveViewport(map.id, { x: 10, y: 20, zoom: 1.5 });
    const copyId = await duplicateMap(map.id, 'Nordwind (copy)');
    expect(copyId).not.toBe(map.id);
    const { map: copy } = await loaded(copyId);
    expect(copy.name).toBe('Nordwind (copy)');
    expect(copy.stakeholders).toStrictEqual(map.stakeholders);
    expect(copy.links).toStrictEqual(map.links);
    expect(await loadViewport(copyId)).toEqual({ x: 10, y: 20, zoom: 1.5 });
    expect((await loaded(map.id)).map).toStrictEqual(map);
    await expect(duplicateMap('map_nowhere', 'X')).rejects.toBeInstanceOf(StorageError);
  });
});

describe('damaged rows', () => {
  async function storeDamagedMap() {
    const map = smallMap({ id: 'map_bad', name: 'Damaged' });
    await createMap(map);
    await createMap(smallMap({ id: 'map_ok', name: 'Healthy' }));
    const db = getDatabase();
    await db.stakeholders.put({ ...map.stakeholders.stk_cio, mapId: map.id, stance: 42, name: null } as never);
    await db.links.put({ ...map.links.lnk_1, id: 'lnk_ghost', targetId: 'stk_gone', mapId: map.id });
    return map;
  }

  it('loads a map with a corrupt stakeholder repaired, with the repairs listed, other maps unaffected', async () => {
    await storeDamagedMap();
    const result = await loaded('map_bad');
    expect(result.map.stakeholders.stk_cio).toMatchObject({ stance: 'unknown', name: '(no name)' });
    expect(result.map.links.lnk_ghost).toBeUndefined();
    expect(result.map.links.lnk_1).toBeDefined();
    expect(result.repairs.join('\n')).toMatch(/stance/);
    expect(result.repairs.join('\n')).toMatch(/no name/);
    expect(result.repairs.join('\n')).toMatch(/Dropped a link to a missing stakeholder/);
    const healthy = await loaded('map_ok');
    expect(healthy.repairs).toEqual([]);
    expect(healthy.map).toStrictEqual(smallMap({ id: 'map_ok', name: 'Healthy' }));
    expect((await listMaps()).map((m) => m.name).sort()).toEqual(['Damaged', 'Healthy']);
  });

  it('does not write on load; the first save stores the repaired map so the repairs are not reported again', async () => {
    await storeDamagedMap();
    const { map } = await loaded('map_bad');
    expect(await getDatabase().links.get(['map_bad', 'lnk_ghost'])).toBeDefined();
    await saveChanges(map, editStakeholder(map, 'stk_cfo', { title: 'Group CFO' }));
    expect(await getDatabase().links.get(['map_bad', 'lnk_ghost'])).toBeUndefined();
    const again = await loaded('map_bad');
    expect(again.repairs).toEqual([]);
    expect(again.map.stakeholders.stk_cfo.title).toBe('Group CFO');
    expect(again.map.stakeholders.stk_cio.stance).toBe('unknown');
  });

  it('lists a maps row with damaged fields instead of hiding it', async () => {
    await getDatabase().maps.put({ id: 'map_odd', name: null, updatedAt: 7 } as never);
    expect(await listMaps()).toEqual([
      { id: 'map_odd', name: 'Untitled account map', updatedAt: '', stakeholderCount: 0, whiteSpaceCount: 0, departmentCount: 0, linkCount: 0 },
    ]);
  });
});

describe('viewport', () => {
  it('is stored apart from the map and ignored when unusable', async () => {
    expect(await loadViewport('map_small')).toBeNull();
    await saveViewport('map_small', { x: -40, y: 12.5, zoom: 0.8 });
    expect(await loadViewport('map_small')).toEqual({ x: -40, y: 12.5, zoom: 0.8 });
    await getDatabase().viewports.put({ mapId: 'map_small', x: 1, y: 1, zoom: 0 });
    expect(await loadViewport('map_small')).toBeNull();
  });
});

describe('seedSampleIfFirstRun', () => {
  it('stores the sample on the first start only, and not again after it was deleted', async () => {
    expect(await seedSampleIfFirstRun(NOW)).toBe(true);
    expect((await listMaps()).map((m) => m.id)).toEqual([SAMPLE_MAP_ID]);
    expect((await loaded(SAMPLE_MAP_ID)).map).toStrictEqual(createSampleAccountMap(NOW));
    expect(await seedSampleIfFirstRun(NOW)).toBe(false);
    await deleteMap(SAMPLE_MAP_ID);
    expect(await seedSampleIfFirstRun(NOW)).toBe(false);
    expect(await listMaps()).toEqual([]);
  });

  it('seeds once when two tabs start at the same moment', async () => {
    const results = await Promise.all([seedSampleIfFirstRun(NOW), seedSampleIfFirstRun(NOW)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await listMaps()).toHaveLength(1);
  });
});

describe('storage errors', () => {
  it('a full disk during a save surfaces as a StorageError that says what to do, and nothing is half-written', async () => {
    const map = smallMap();
    await createMap(map);
    vi.spyOn(getDatabase().stakeholders, 'bulkPut').mockRejectedValueOnce(quotaError());
    const next = editStakeholder(map, 'stk_cio', { stance: 'supporter' });
    const failure = await saveChanges(map, next).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ problem: 'quota', message: quotaMessage() });
    expect((await listMaps())[0].updatedAt).toBe(NOW);
    expect((await loaded(map.id)).map).toStrictEqual(map);
  });

  it('a large addition is written in batches, and a full disk on a late batch leaves none of it stored', async () => {
    const map = smallMap();
    await createMap(map);
    const person = map.stakeholders.stk_free;
    const stakeholders = { ...map.stakeholders };
    for (let i = 0; i < 1200; i++) stakeholders[`stk_many${i}`] = { ...person, id: `stk_many${i}`, name: `Person ${i}` };
    const next = { ...map, stakeholders, updatedAt: '2026-12-24T00:00:00.000Z' };
    const table = getDatabase().stakeholders;
    const put = table.bulkPut.bind(table);
    const batches: number[] = [];
    const spy = vi.spyOn(table, 'bulkPut').mockImplementation(((rows: unknown[]) => {
      batches.push(rows.length);
      return batches.length === 3 ? Promise.reject(quotaError()) : put(rows as never);
    }) as never);
    await expect(saveChanges(map, next)).rejects.toMatchObject({ problem: 'quota' });
    expect(batches.length).toBe(3);
    expect(Math.max(...batches)).toBeLessThan(1200);
    expect((await loaded(map.id)).map).toStrictEqual(map);
    spy.mockRestore();
    expect(await saveChanges(map, next)).toBe(1200);
    expect(Object.keys((await loaded(map.id)).map.stakeholders)).toHaveLength(Object.keys(stakeholders).length);
  });

  it('names a refused or missing storage, and otherwise the original error', () => {
    expect(toStorageError(new DOMException('no', 'InvalidStateError'))).toMatchObject({ problem: 'unavailable', message: unavailableMessage() });
    expect(toStorageError(new Dexie.MissingAPIError('IndexedDB API missing'))).toMatchObject({ problem: 'unavailable' });
    expect(toStorageError(new Dexie.OpenFailedError('failed', new DOMException('x', 'UnknownError')))).toMatchObject({ problem: 'unavailable' });
    expect(toStorageError(new Dexie.AbortError('aborted', quotaError()))).toMatchObject({ problem: 'quota' });
    const other = toStorageError(new DOMException('disk', 'UnknownError'));
    expect(other.problem).toBe('other');
    expect(other.message).toContain('(UnknownError)');
    const same = new StorageError('already said');
    expect(toStorageError(same)).toBe(same);
  });

  it('reports a database that cannot be opened, rather than throwing something raw', async () => {
    const db = getDatabase();
    vi.spyOn(db.maps, 'toArray').mockRejectedValueOnce(new Dexie.OpenFailedError('blocked', new DOMException('x', 'InvalidStateError')));
    await expect(listMaps()).rejects.toMatchObject({ name: 'StorageError', message: unavailableMessage() });
  });
});

describe('snapshots', () => {
  it('freezes a map under a name, lists newest first, loads it back unchanged, and goes with the map', async () => {
    const map = createSampleAccountMap(NOW);
    await createMap(map);
    const first = await takeSnapshot(map, 'At handover', '2026-11-01T10:00:00.000Z');
    const personId = Object.keys(map.stakeholders)[0];
    const later = { ...map, stakeholders: { ...map.stakeholders, [personId]: { ...map.stakeholders[personId], stance: 'blocker' as const } } };
    await takeSnapshot(later, '  Q3 review ', '2026-11-20T10:00:00.000Z');
    expect((await listSnapshots(map.id)).map((s) => s.name)).toEqual(['Q3 review', 'At handover']);

    const loaded = await loadSnapshot(map.id, first.id);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.map).toEqual(map);
    expect(loaded.repairs).toEqual([]);

    await deleteSnapshot(map.id, first.id);
    expect((await listSnapshots(map.id)).map((s) => s.name)).toEqual(['Q3 review']);
    expect(await loadSnapshot(map.id, first.id)).toEqual({ ok: false, error: 'This snapshot no longer exists.' });
    await deleteMap(map.id);
    expect(await listSnapshots(map.id)).toEqual([]);
  });
});
