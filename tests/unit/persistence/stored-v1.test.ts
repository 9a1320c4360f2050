// A database left on a user's machine by the first released version (tests/fixtures/indexeddb-v1.json)
// opens with the current code: the tables are upgraded by Dexie if their layout changed, every map
// goes through restoreMap and its migrations, and nothing is lost or reported as damaged. When a
// later version adds a Dexie version or a document migration, this test is what proves the upgrade.
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSampleAccountMap, SAMPLE_MAP_ID } from '../../../src/domain/sample';
import { setStance } from '../../../src/domain/commands';
import { SCHEMA_VERSION } from '../../../src/domain/types';
import { DATABASE_NAME, resetDatabaseForTests } from '../../../src/persistence/db';
import { listMaps, loadMap, loadViewport, saveChanges, seedSampleIfFirstRun } from '../../../src/persistence/repository';

interface StoredDatabase {
  idbVersion: number;
  stores: Record<string, { keyPath: string | string[]; indexes: Record<string, string> }>;
  tables: Record<string, unknown[]>;
}

const fixture: StoredDatabase = JSON.parse(readFileSync(join(__dirname, '../../fixtures/indexeddb-v1.json'), 'utf8'));

/** Writes the fixture with the plain IndexedDB API, as the old version left it: no current code involved. */
function writeRawDatabase(stored: StoredDatabase): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, stored.idbVersion);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const [name, store] of Object.entries(stored.stores)) {
        const objectStore = db.createObjectStore(name, { keyPath: store.keyPath });
        for (const [index, keyPath] of Object.entries(store.indexes)) objectStore.createIndex(index, keyPath);
      }
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const names = Object.keys(stored.tables);
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) for (const row of stored.tables[name]) tx.objectStore(name).put(row);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

beforeEach(async () => {
  await resetDatabaseForTests();
  await writeRawDatabase(fixture);
});

describe('a database stored by the first released version', () => {
  it('lists and opens its map with every record, no repairs, at the current schema version', async () => {
    const list = await listMaps();
    expect(list.map((m) => [m.id, m.name, m.stakeholderCount])).toEqual([[SAMPLE_MAP_ID, 'Nordwind Logistics AG', 24]]);

    const result = await loadMap(SAMPLE_MAP_ID);
    if (!result.ok) throw new Error(result.error);
    expect(result.repairs).toEqual([]);
    // The records are the sample's of that day; where things stood is what was stored then (the
    // sample's own layout has changed since, as cards grew to fit their names).
    const expected = createSampleAccountMap('2026-11-22T09:00:00.000Z');
    const stored = (table: string) =>
      Object.fromEntries((fixture.tables[table] as { id: string; position: unknown; size?: unknown }[]).map((row) => [row.id, row]));
    const geometry = (records: Record<string, { position: unknown; size?: unknown }>) =>
      Object.fromEntries(Object.entries(records).map(([id, r]) => [id, { position: r.position, size: r.size }]));
    expect(geometry(result.map.stakeholders)).toEqual(geometry(stored('stakeholders')));
    expect(geometry(result.map.departments)).toEqual(geometry(stored('departments')));
    const placed = (map: typeof expected) => ({
      ...map,
      stakeholders: Object.fromEntries(Object.entries(map.stakeholders).map(([id, r]) => [id, { ...r, position: { x: 0, y: 0 } }])),
      departments: Object.fromEntries(Object.entries(map.departments).map(([id, r]) => [id, { ...r, position: { x: 0, y: 0 }, size: { width: 0, height: 0 } }])),
    });
    expect(placed(result.map)).toEqual(placed(expected));
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual((fixture.tables.maps[0] as { schemaVersion: number }).schemaVersion);
  });

  it('keeps the remembered viewport and does not seed the sample a second time', async () => {
    expect(await loadViewport(SAMPLE_MAP_ID)).toEqual({ x: 12, y: 34, zoom: 0.8 });
    expect(await seedSampleIfFirstRun('2026-11-23T10:00:00.000Z')).toBe(false);
    expect(await listMaps()).toHaveLength(1);
  });

  it('takes an edit and stores it over the old rows', async () => {
    const before = await loadMap(SAMPLE_MAP_ID);
    if (!before.ok) throw new Error(before.error);
    const personId = Object.keys(before.map.stakeholders)[0];
    const after = setStance(before.map, personId, 'blocker');
    expect(await saveChanges(before.map, after)).toBe(1);
    const reloaded = await loadMap(SAMPLE_MAP_ID);
    if (!reloaded.ok) throw new Error(reloaded.error);
    expect(reloaded.map.stakeholders[personId].stance).toBe('blocker');
    expect(Object.keys(reloaded.map.stakeholders)).toHaveLength(24);
  });
});
