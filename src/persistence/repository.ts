// The only module that reads and writes stored maps. Every load goes through restoreMap, so a
// damaged record is repaired or dropped and reported, never crashing the app. Saves write only
// the records whose identity changed since the last save, in one transaction, and replayJournal
// brings in what the write-ahead journal (journal.ts) holds beyond that. Every failure of the
// browser's storage comes out as a StorageError whose message tells the user what to do.
import Dexie from 'dexie';
import { restoreMap, restoreMapInSlices, untitledMap, type RestoreResult } from '../domain/restore';
import { toDocument } from '../domain/schema';
import { createSampleAccountMap, SAMPLE_MAP_ID } from '../domain/sample';
import { createId } from '../domain/ids';
import { usableViewport } from '../domain/bounds';
import { SCHEMA_VERSION, type AccountMap, type AccountMapSummary, type Viewport } from '../domain/types';
import { getDatabase, RECORD_TABLES, type MapRow, type PowermapDatabase, type Row } from './db';
import { forgetShare } from './shares';
import { changedRecords, discardJournal, journalEntries, journalStored, removeEntries, type JournalEntry } from './journal';
import { t } from '../i18n';
import { recordCount } from '../domain/table-changes';

export { StorageError, mapMissingMessage, quotaMessage, toStorageError, unavailableMessage, type StorageProblem } from './storage-error';
import { StorageError, mapMissingMessage, toStorageError } from './storage-error';

async function guarded<T>(work: (db: PowermapDatabase) => Promise<T>): Promise<T> {
  try {
    return await work(getDatabase());
  } catch (error) {
    throw toStorageError(error);
  }
}

const mapTables = (db: PowermapDatabase) => [db.maps, db.departments, db.stakeholders, db.links, db.team];

/** White-space departments per departments table: a drag step at 5,000 people saves the summary again, its departments unchanged. */
const whiteSpaceCounts = new WeakMap<AccountMap['departments'], number>();
function whiteSpaceCount(departments: AccountMap['departments']): number {
  let count = whiteSpaceCounts.get(departments);
  if (count === undefined) {
    count = 0;
    for (const id in departments) if (departments[id].coverage === 'white-space') count++;
    whiteSpaceCounts.set(departments, count);
  }
  return count;
}

/** The home view's row for a map. Counted from the tables' kept counts: each save writes it, and walking 5,000 people and 7,500 links for it cost a drag step 2 ms. */
function summaryRow(map: AccountMap): MapRow {
  return {
    id: map.id,
    name: map.name,
    createdAt: map.createdAt,
    updatedAt: map.updatedAt,
    schemaVersion: SCHEMA_VERSION,
    stakeholderCount: recordCount(map.stakeholders),
    whiteSpaceCount: whiteSpaceCount(map.departments),
    departmentCount: recordCount(map.departments),
    linkCount: recordCount(map.links),
  };
}

function rowsOf<T extends object>(mapId: string, records: Record<string, T>): Row<T>[] {
  return Object.values(records).map((record) => ({ ...record, mapId }));
}

/** A record table seen through its rows only, so one loop can serve all four kinds. */
type AnyRecordTable = {
  bulkPut(rows: object[]): Promise<unknown>;
  bulkDelete(keys: [string, string][]): Promise<void>;
};
const recordTable = (db: PowermapDatabase, kind: (typeof RECORD_TABLES)[number]) => db[kind] as unknown as AnyRecordTable;

/**
 * Rows put per request batch. The browser copies each row on the calling task when it is put, so
 * 20,000 rows in one bulkPut held the page for 1.7 s (a profile of a 20,000-row import into an
 * open map). Batches are put one after another in the same transaction, each from the success of
 * the one before: still one atomic write, in tasks short enough for the page to answer between.
 */
const PUT_BATCH = 250;
async function putAll(table: AnyRecordTable, rows: object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += PUT_BATCH) await table.bulkPut(rows.slice(start, start + PUT_BATCH));
}

/** Puts and deletes the given records of one map; returns the number of rows put or deleted. */
async function writeRecords(db: PowermapDatabase, mapId: string, { put, remove }: Pick<JournalEntry, 'put' | 'remove'>): Promise<number> {
  let written = 0;
  for (const kind of RECORD_TABLES) {
    const rows = (put[kind] ?? []).map((record) => ({ ...record, mapId }));
    const gone = (remove[kind] ?? []).map((id): [string, string] => [mapId, id]);
    await putAll(recordTable(db, kind), rows);
    if (gone.length) await recordTable(db, kind).bulkDelete(gone);
    written += rows.length + gone.length;
  }
  return written;
}

/** Writes every record of the map (and its summary row); returns the number of record rows. */
async function writeWholeMap(db: PowermapDatabase, map: AccountMap): Promise<number> {
  await db.maps.put(summaryRow(map));
  let written = 0;
  for (const kind of RECORD_TABLES) {
    const rows = rowsOf(map.id, map[kind] as Record<string, object>);
    await putAll(recordTable(db, kind), rows);
    written += rows.length;
  }
  return written;
}

/** Replaces whatever is stored for the map with exactly this map. */
async function replaceMap(db: PowermapDatabase, map: AccountMap): Promise<number> {
  for (const kind of RECORD_TABLES) await db[kind].where('mapId').equals(map.id).delete();
  return writeWholeMap(db, map);
}

/**
 * Maps that loadMap had to repair. Their stored rows still hold the damage (loading never writes),
 * so their first save rewrites the map in full: afterwards storage matches the repaired map and
 * the same repairs are not reported again on the next load.
 */
const loadedWithRepairs = new WeakSet<AccountMap>();

/** The summary as the home view shows it; departments and links are counted for the delete question. */
export interface StoredMapSummary extends AccountMapSummary {
  departmentCount: number;
  linkCount: number;
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);

/** Every stored map, most recently edited first. Reads the maps table only, so it stays cheap. */
export async function listMaps(): Promise<StoredMapSummary[]> {
  return guarded(async (db) => {
    // Sorted here rather than through the updatedAt index: a row with a damaged updatedAt would be
    // missing from the index, and a map that cannot be listed cannot be opened, renamed or deleted.
    const rows = await db.maps.toArray();
    const edited = (row: MapRow) => (typeof row.updatedAt === 'string' ? row.updatedAt : '');
    rows.sort((a, b) => (edited(a) < edited(b) ? 1 : edited(a) > edited(b) ? -1 : 0));
    return rows.map((row) => ({
      id: row.id,
      name: typeof row.name === 'string' && row.name.trim() ? row.name : untitledMap(),
      updatedAt: edited(row),
      stakeholderCount: count(row.stakeholderCount),
      whiteSpaceCount: count(row.whiteSpaceCount),
      departmentCount: count(row.departmentCount),
      linkCount: count(row.linkCount),
    }));
  });
}

/** Rows read per request: each request's rows reach the page in a task of their own. */
const ROWS_PER_READ = 2000;

/**
 * Every row of one map in a record table, read a page at a time by primary key. One read of
 * 20,000 rows was copied into the page in one task of 100 to 160 ms; pages of 2,000 come in
 * tasks of their own, with the browser free to draw and take input between them.
 */
async function recordsOfMap(db: PowermapDatabase, kind: (typeof RECORD_TABLES)[number], mapId: string): Promise<object[]> {
  const table = db[kind] as unknown as Dexie.Table<{ mapId?: unknown; id: unknown }, [string, unknown]>;
  const records: object[] = [];
  let after: unknown = Dexie.minKey;
  let includeFirst = true;
  for (;;) {
    const page = await table.where('[mapId+id]').between([mapId, after], [mapId, Dexie.maxKey], includeFirst, true).limit(ROWS_PER_READ).toArray();
    for (const { mapId: _mapId, ...record } of page) records.push(record);
    if (page.length < ROWS_PER_READ) return records;
    after = page[page.length - 1].id;
    includeFirst = false;
  }
}

/**
 * Assembles a stored map from its rows and passes it through restoreMap, like any outside data:
 * a damaged record is repaired or dropped and listed in `repairs`. Never writes. The rows are read
 * in one transaction; restoring them happens after it, in slices (restoreMapInSlices), so opening
 * a map of 20,000 people never holds the page for long.
 */
export async function loadMap(id: string): Promise<RestoreResult> {
  const stored = await guarded((db) =>
    db.transaction('r', mapTables(db), async () => {
      const row = await db.maps.get(id);
      if (!row) return null;
      const [departments, stakeholders, links, team] = await Promise.all(RECORD_TABLES.map((kind) => recordsOfMap(db, kind, id)));
      return { row, departments, stakeholders, links, team };
    }),
  );
  if (!stored) return { ok: false, error: mapMissingMessage() };
  const { row, departments, stakeholders, links, team } = stored;
  const version = row.schemaVersion;
  const result = await restoreMapInSlices({
    format: 'powermap',
    // Rows written by this app always carry it; if it was lost, read them as the current shape.
    schemaVersion: typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : SCHEMA_VERSION,
    map: {
      id: row.id,
      name: row.name,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      departments,
      stakeholders,
      links,
      team,
    },
  });
  if (result.ok && result.repairs.length > 0) loadedWithRepairs.add(result.map);
  return result;
}

/** What replayJournal did: entries stored, and entries it had to drop (a gap in the journal). */
export interface ReplayResult {
  replayed: number;
  dropped: number;
}

/**
 * Brings the map's write-ahead journal (journal.ts) into storage before the map is read, in one
 * transaction, then removes the entries. Call it only while holding the map's Web Lock, so no other
 * live tab is editing the map. Entries at or below the stored journalSeq are stored already;
 * the rest are applied in revision order while each builds on what is stored, and a gap stops the
 * replay (the entries after it are dropped and counted).
 */
export async function replayJournal(mapId: string): Promise<ReplayResult> {
  const entries = journalEntries(mapId);
  const result = await guarded((db) =>
    db.transaction('rw', mapTables(db), async (): Promise<ReplayResult & { seq: number }> => {
      const row = await db.maps.get(mapId);
      let seq = row?.journalSeq ?? 0;
      const pending = entries.filter((entry) => entry.seq > seq);
      // A map deleted meanwhile stays deleted: its journal has nothing to build on.
      if (!row) return { replayed: 0, dropped: pending.length, seq };
      let replayed = 0;
      let last: (typeof entries)[number] | null = null;
      for (const entry of pending) {
        if (entry.base > seq) break;
        await writeRecords(db, mapId, entry);
        seq = entry.seq;
        last = entry;
        replayed += 1;
      }
      if (last) await db.maps.put({ ...row, ...(await storedCounts(db, mapId)), name: last.name, updatedAt: last.updatedAt, journalSeq: seq });
      return { replayed, dropped: pending.length - replayed, seq };
    }),
  );
  journalStored(mapId, result.seq);
  removeEntries(mapId);
  return { replayed: result.replayed, dropped: result.dropped };
}

/** The maps row's counts, from the stored records (after a replay changed them). */
async function storedCounts(db: PowermapDatabase, mapId: string) {
  const [stakeholderCount, linkCount, departments] = await Promise.all([
    db.stakeholders.where('mapId').equals(mapId).count(),
    db.links.where('mapId').equals(mapId).count(),
    db.departments.where('mapId').equals(mapId).toArray(),
  ]);
  const whiteSpaceCount = departments.filter((d) => d.coverage === 'white-space').length;
  return { stakeholderCount, linkCount, departmentCount: departments.length, whiteSpaceCount };
}

/** Stores a new map (or overwrites one with the same id) with all its records, in one transaction. */
export async function createMap(map: AccountMap): Promise<void> {
  await guarded((db) => db.transaction('rw', mapTables(db), () => replaceMap(db, map)));
  // Unsaved changes to a map of the same id were made on what was just replaced.
  discardJournal(map.id);
}

/** New maps (an import's) in one transaction, all or none; from a worker too (new ids have no journal). */
export async function createMaps(maps: readonly AccountMap[]): Promise<void> {
  await guarded((db) => db.transaction('rw', mapTables(db), async () => {
    for (const map of maps) await replaceMap(db, map);
  }));
}

/**
 * Writes what changed between two versions of the same map, in one transaction: records whose
 * object identity differs are put, records that are gone are deleted, and the maps row gets the
 * new updatedAt and counts. Returns how many record rows were put or deleted (the maps row is not
 * counted): editing one stakeholder of a 1,000-person map returns 1.
 *
 * `previous` must be what storage holds (the version loaded or last saved). Two cases write more:
 * a map loaded with repairs is rewritten in full once, and a map whose row is gone (deleted in
 * another tab while open here) is written again in full rather than losing the edit.
 *
 * `journalSeq` is the journal revision `next` includes; it is stored with the map. If storage
 * already holds a newer revision (another tab replayed this tab's journal and edited on), nothing
 * is written: older data never overwrites newer.
 */
export async function saveChanges(previous: AccountMap, next: AccountMap, journalSeq?: number): Promise<number> {
  if (previous.id !== next.id) throw new Error('saveChanges compares two versions of the same map.');
  return guarded((db) =>
    db.transaction('rw', mapTables(db), async () => {
      const stored = await db.maps.get(next.id);
      const storedSeq = stored?.journalSeq ?? 0;
      if (journalSeq !== undefined && storedSeq > journalSeq) return 0;
      const seq = journalSeq ?? stored?.journalSeq;
      if (!stored || loadedWithRepairs.has(previous)) {
        const written = await replaceMap(db, next);
        if (seq !== undefined) await db.maps.update(next.id, { journalSeq: seq });
        return written;
      }
      const records = changedRecords(previous, next);
      const written = records ? await writeRecords(db, next.id, records) : 0;
      // Keep a name given elsewhere (renamed from the home list in another tab) unless this
      // version renamed the map itself.
      const name = next.name !== previous.name || typeof stored.name !== 'string' ? next.name : stored.name;
      await db.maps.put({ ...summaryRow(next), name, ...(seq !== undefined ? { journalSeq: seq } : {}) });
      return written;
    }),
  );
}

/** Deletes the map, all its records and its viewport, in one transaction. Deleting a missing map is not an error. */
export async function deleteMap(id: string): Promise<void> {
  await guarded((db) =>
    db.transaction('rw', [...mapTables(db), db.viewports, db.snapshots], async () => {
      await db.maps.delete(id);
      for (const kind of RECORD_TABLES) await db[kind].where('mapId').equals(id).delete();
      await db.viewports.delete(id);
      await db.snapshots.where('mapId').equals(id).delete();
    }),
  );
  discardJournal(id);
  // A shared map's relay address, secret and document state (shares.ts); left behind, they would
  // point to no map and be ignored.
  await forgetShare(id).catch(() => {});
}

/** Renames a stored map without loading its records. */
export async function renameMap(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new StorageError(t('home.nameEmpty'), 'other');
  await guarded((db) =>
    db.transaction('rw', db.maps, async () => {
      const row = await db.maps.get(id);
      if (!row) throw new StorageError(mapMissingMessage(), 'missing');
      await db.maps.put({ ...row, name: trimmed, updatedAt: new Date().toISOString() });
    }),
  );
}

/**
 * Copies a stored map under a fresh map id and the given name (with its viewport); returns the new
 * id. Record ids stay as they are: rows are keyed by [mapId+id], so they cannot collide.
 */
export async function duplicateMap(id: string, newName: string): Promise<string> {
  const result = await loadMap(id);
  if (!result.ok) throw new StorageError(result.error, 'missing');
  const now = new Date().toISOString();
  const copy: AccountMap = {
    ...result.map,
    id: createId('map'),
    name: newName.trim() || `${result.map.name} (copy)`,
    createdAt: now,
    updatedAt: now,
  };
  await guarded((db) =>
    db.transaction('rw', [...mapTables(db), db.viewports], async () => {
      await replaceMap(db, copy);
      const viewport = await db.viewports.get(id);
      if (viewport) await db.viewports.put({ ...viewport, mapId: copy.id });
    }),
  );
  return copy.id;
}

export async function saveViewport(mapId: string, viewport: Viewport): Promise<void> {
  await guarded(async (db) => {
    await db.viewports.put({ mapId, x: viewport.x, y: viewport.y, zoom: viewport.zoom });
  });
}

/** The map's last viewport, or null if none was stored or the stored one is unusable. */
export async function loadViewport(mapId: string): Promise<Viewport | null> {
  return guarded(async (db) => {
    return usableViewport(await db.viewports.get(mapId));
  });
}

const SAMPLE_SEEDED = 'sampleSeeded';

/**
 * On the very first start, stores the sample account; returns whether it did. A flag remembers
 * that it was done, so deleting the sample later does not bring it back. The check and the writes
 * share one transaction, which IndexedDB runs one at a time per store: two tabs starting at once
 * seed once.
 */
export async function seedSampleIfFirstRun(nowIso: string): Promise<boolean> {
  return guarded((db) =>
    db.transaction('rw', [db.meta, ...mapTables(db)], async () => {
      if (await db.meta.get(SAMPLE_SEEDED)) return false;
      await db.meta.put({ key: SAMPLE_SEEDED, value: nowIso });
      if (!(await db.maps.get(SAMPLE_MAP_ID))) await writeWholeMap(db, createSampleAccountMap(nowIso));
      return true;
    }),
  );
}

// ------------------------------------------------------------------ snapshots

export interface SnapshotSummary {
  id: string;
  name: string;
  takenAt: string;
}

/** Freezes the map as it is now under a name; returns the new snapshot's summary. */
export async function takeSnapshot(map: AccountMap, name: string, nowIso: string): Promise<SnapshotSummary> {
  const summary = { id: createId('snap'), name: name.trim() || t('dialogs.snapshotView.defaultName'), takenAt: nowIso };
  await guarded((db) => db.snapshots.put({ mapId: map.id, ...summary, document: toDocument(map) }));
  return summary;
}

/** The map's snapshots, newest first, without their documents. */
export async function listSnapshots(mapId: string): Promise<SnapshotSummary[]> {
  const rows = await guarded((db) => db.snapshots.where('mapId').equals(mapId).toArray());
  return rows.map(({ id, name, takenAt }) => ({ id, name, takenAt })).sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
}

/** A snapshot's map, through restoreMap like every stored or outside document. */
export async function loadSnapshot(mapId: string, id: string): Promise<RestoreResult> {
  const row = await guarded((db) => db.snapshots.get([mapId, id]));
  if (!row) return { ok: false, error: t('storage.errors.snapshotMissing') };
  return restoreMap(row.document);
}

export async function deleteSnapshot(mapId: string, id: string): Promise<void> {
  await guarded((db) => db.snapshots.delete([mapId, id]));
}

// ------------------------------------------------------------------ backups

/** A stored map with everything a backup carries of it. */
export interface MapWithSnapshots {
  map: AccountMap;
  viewport: Viewport | null;
  snapshots: { id: string; name: string; takenAt: string; map: AccountMap }[];
}

/**
 * Every stored map with its viewport and snapshots, for a backup, each read through restoreMap
 * like any load. A snapshot that cannot be read is left out and named in `unreadable`.
 */
export async function loadEverything(): Promise<{ maps: MapWithSnapshots[]; unreadable: string[] }> {
  const maps: MapWithSnapshots[] = [];
  const unreadable: string[] = [];
  for (const summary of await listMaps()) {
    const loaded = await loadMap(summary.id);
    if (!loaded.ok) {
      unreadable.push(`“${summary.name}”: ${loaded.error}`);
      continue;
    }
    const rows = await guarded((db) => db.snapshots.where('mapId').equals(summary.id).toArray());
    rows.sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0));
    const snapshots: MapWithSnapshots['snapshots'] = [];
    for (const row of rows) {
      const restored = restoreMap(row.document);
      if (restored.ok) snapshots.push({ id: row.id, name: row.name, takenAt: row.takenAt, map: restored.map });
      else unreadable.push(`the snapshot “${row.name}” of “${summary.name}”: ${restored.error}`);
    }
    maps.push({ map: loaded.map, viewport: await loadViewport(summary.id), snapshots });
  }
  return { maps, unreadable };
}

/**
 * Stores a map from a backup with its viewport and snapshots, in one transaction. A map with the
 * same id is replaced; its snapshots that the backup does not hold are kept (a snapshot is a piece
 * of history, and replacing the map is no reason to lose it).
 */
export async function storeMapWithSnapshots({ map, viewport, snapshots }: MapWithSnapshots): Promise<void> {
  await guarded((db) =>
    db.transaction('rw', [...mapTables(db), db.viewports, db.snapshots], async () => {
      await replaceMap(db, map);
      if (viewport) await db.viewports.put({ mapId: map.id, x: viewport.x, y: viewport.y, zoom: viewport.zoom });
      for (const snapshot of snapshots) {
        const document = toDocument({ ...snapshot.map, id: map.id });
        await db.snapshots.put({ mapId: map.id, id: snapshot.id, name: snapshot.name, takenAt: snapshot.takenAt, document });
      }
    }),
  );
}

const LAST_BACKUP = 'lastBackup';

/** When a backup was last made in this browser, and when Powermap was first used here (ISO timestamps, or null). */
export async function loadBackupDates(): Promise<{ lastBackupAt: string | null; firstUseAt: string | null }> {
  return guarded(async (db) => {
    const [backup, seeded] = await Promise.all([db.meta.get(LAST_BACKUP), db.meta.get(SAMPLE_SEEDED)]);
    const iso = (row: { value: unknown } | undefined) => (typeof row?.value === 'string' && !Number.isNaN(Date.parse(row.value)) ? row.value : null);
    return { lastBackupAt: iso(backup), firstUseAt: iso(seeded) };
  });
}

export async function rememberBackup(nowIso: string): Promise<void> {
  await guarded((db) => db.meta.put({ key: LAST_BACKUP, value: nowIso }));
}
