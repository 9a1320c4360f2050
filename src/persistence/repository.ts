// The only module that reads and writes stored maps. Every load goes through restoreMap, so a
// damaged record is repaired or dropped and reported, never crashing the app. Saves write only
// the records whose identity changed since the last save, in one transaction.
import { restoreMap, type RestoreResult } from '../domain/restore';
import { createSampleAccountMap, SAMPLE_MAP_ID } from '../domain/sample';
import { createId } from '../domain/ids';
import { SCHEMA_VERSION, type AccountMap, type AccountMapSummary, type Viewport } from '../domain/types';
import { getDatabase, type MapRow, type PowermapDatabase, type Row } from './db';

export class StorageError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Turns an IndexedDB/Dexie failure into a sentence that says what to do. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: string })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new StorageError(
      "Your browser's storage for this site is full. Delete maps you no longer need or free disk space; your last change is kept in this tab and will be saved when space is available.",
      error,
    );
  }
  if (['InvalidStateError', 'OpenFailedError', 'MissingAPIError', 'SecurityError', 'DatabaseClosedError'].includes(name)) {
    return new StorageError(
      "This browser won't let Powermap store data (a private window, or storage is turned off). Changes will be lost when you close the tab.",
      error,
    );
  }
  return new StorageError(`Powermap could not use the browser's storage (${name || 'unknown error'}). Reload the page; your other maps are not affected.`, error);
}

async function guarded<T>(work: (db: PowermapDatabase) => Promise<T>): Promise<T> {
  try {
    return await work(getDatabase());
  } catch (error) {
    throw toStorageError(error);
  }
}

function summaryRow(map: AccountMap): MapRow {
  const departments = Object.values(map.departments);
  return {
    id: map.id,
    name: map.name,
    createdAt: map.createdAt,
    updatedAt: map.updatedAt,
    schemaVersion: SCHEMA_VERSION,
    stakeholderCount: Object.keys(map.stakeholders).length,
    whiteSpaceCount: departments.filter((d) => d.coverage === 'white-space').length,
    departmentCount: departments.length,
    linkCount: Object.keys(map.links).length,
  };
}

const KINDS = ['departments', 'stakeholders', 'links', 'team'] as const;

function rowsOf<T extends object>(mapId: string, records: Record<string, T>): Row<T>[] {
  return Object.values(records).map((record) => ({ ...record, mapId }));
}

export interface StoredMapSummary extends AccountMapSummary {
  departmentCount: number;
  linkCount: number;
}

export async function listMaps(): Promise<StoredMapSummary[]> {
  return guarded(async (db) => {
    const rows = await db.maps.orderBy('updatedAt').reverse().toArray();
    return rows.map((row) => ({
      id: row.id,
      name: typeof row.name === 'string' && row.name ? row.name : '(no name)',
      updatedAt: row.updatedAt,
      stakeholderCount: row.stakeholderCount ?? 0,
      whiteSpaceCount: row.whiteSpaceCount ?? 0,
      departmentCount: row.departmentCount ?? 0,
      linkCount: row.linkCount ?? 0,
    }));
  });
}

export async function loadMap(id: string): Promise<RestoreResult> {
  return guarded(async (db) => {
    return db.transaction('r', [db.maps, db.departments, db.stakeholders, db.links, db.team], async () => {
      const row = await db.maps.get(id);
      if (!row) return { ok: false, error: 'This map no longer exists in this browser. It may have been deleted in another tab.' };
      const [departments, stakeholders, links, team] = await Promise.all(
        KINDS.map((kind) => db[kind].where('mapId').equals(id).toArray()),
      );
      const strip = (records: { mapId?: string }[]) => records.map(({ mapId: _mapId, ...record }) => record);
      return restoreMap({
        format: 'powermap',
        schemaVersion: row.schemaVersion ?? SCHEMA_VERSION,
        map: {
          id: row.id,
          name: row.name,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
          departments: strip(departments),
          stakeholders: strip(stakeholders),
          links: strip(links),
          team: strip(team),
        },
      });
    });
  });
}

async function writeWholeMap(db: PowermapDatabase, map: AccountMap): Promise<void> {
  await db.maps.put(summaryRow(map));
  await db.departments.bulkPut(rowsOf(map.id, map.departments));
  await db.stakeholders.bulkPut(rowsOf(map.id, map.stakeholders));
  await db.links.bulkPut(rowsOf(map.id, map.links));
  await db.team.bulkPut(rowsOf(map.id, map.team));
}

export async function createMap(map: AccountMap): Promise<void> {
  return guarded((db) =>
    db.transaction('rw', [db.maps, db.departments, db.stakeholders, db.links, db.team], () => writeWholeMap(db, map)),
  );
}

/**
 * Writes what changed between two versions of the same map: records whose object identity differs
 * are put, records that are gone are deleted, and the summary row is updated. Returns how many
 * record rows were written or deleted (the summary row not counted).
 */
export async function saveChanges(previous: AccountMap, next: AccountMap): Promise<number> {
  if (previous.id !== next.id) throw new Error('saveChanges compares two versions of the same map.');
  return guarded((db) =>
    db.transaction('rw', [db.maps, db.departments, db.stakeholders, db.links, db.team], async () => {
      let written = 0;
      for (const kind of KINDS) {
        const before = previous[kind] as Record<string, object>;
        const after = next[kind] as Record<string, object>;
        if (before === after) continue;
        const changed = Object.keys(after).filter((id) => before[id] !== after[id]);
        const removed = Object.keys(before).filter((id) => !(id in after));
        if (changed.length) {
          await (db[kind] as unknown as { bulkPut(rows: object[]): Promise<unknown> }).bulkPut(
            changed.map((id) => ({ ...after[id], mapId: next.id })),
          );
        }
        if (removed.length) await db[kind].bulkDelete(removed.map((id) => [next.id, id] as [string, string]));
        written += changed.length + removed.length;
      }
      await db.maps.put(summaryRow(next));
      return written;
    }),
  );
}

export async function deleteMap(id: string): Promise<void> {
  return guarded((db) =>
    db.transaction('rw', [db.maps, db.departments, db.stakeholders, db.links, db.team, db.viewports], async () => {
      await db.maps.delete(id);
      for (const kind of KINDS) await db[kind].where('mapId').equals(id).delete();
      await db.viewports.delete(id);
    }),
  );
}

export async function renameMap(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new StorageError('Give the account map a name.');
  const result = await loadMap(id);
  if (!result.ok) throw new StorageError(result.error);
  await saveChanges(result.map, { ...result.map, name: trimmed, updatedAt: new Date().toISOString() });
}

/** Copies a stored map under a new id and name; record ids can stay, keys are per map. */
export async function duplicateMap(id: string, newName: string): Promise<string> {
  const result = await loadMap(id);
  if (!result.ok) throw new StorageError(result.error);
  const now = new Date().toISOString();
  const copy: AccountMap = { ...result.map, id: createId('map'), name: newName.trim() || `${result.map.name} (copy)`, createdAt: now, updatedAt: now };
  await createMap(copy);
  return copy.id;
}

export async function saveViewport(mapId: string, viewport: Viewport): Promise<void> {
  return guarded(async (db) => {
    await db.viewports.put({ mapId, x: viewport.x, y: viewport.y, zoom: viewport.zoom });
  });
}

export async function loadViewport(mapId: string): Promise<Viewport | null> {
  return guarded(async (db) => {
    const row = await db.viewports.get(mapId);
    if (!row || ![row.x, row.y, row.zoom].every(Number.isFinite) || row.zoom <= 0) return null;
    return { x: row.x, y: row.y, zoom: row.zoom };
  });
}

/**
 * On the very first start, store the sample account. A flag remembers it was done, so deleting the
 * sample later does not bring it back; checking and writing in one transaction keeps two tabs
 * opening at once from seeding twice.
 */
export async function seedSampleIfFirstRun(nowIso: string): Promise<boolean> {
  return guarded((db) =>
    db.transaction('rw', [db.meta, db.maps, db.departments, db.stakeholders, db.links, db.team], async () => {
      if (await db.meta.get('sampleSeeded')) return false;
      await db.meta.put({ key: 'sampleSeeded', value: nowIso });
      if (!(await db.maps.get(SAMPLE_MAP_ID))) await writeWholeMap(db, createSampleAccountMap(nowIso));
      return true;
    }),
  );
}
