// The IndexedDB database (Dexie). Two version numbers live apart on purpose:
//  - Dexie's version, `this.version(n)` below, covers tables and indexes. Bump it (adding a new
//    `this.version(n + 1).stores(...)`, never editing an old one) only when a table or index changes.
//  - The document's `schemaVersion` (SCHEMA_VERSION in domain/types.ts, stored on each maps row)
//    covers the shape of a map. It changes with a step in domain/migrations.ts and is handled by
//    restoreMap on every load, without touching Dexie's version.
// Each record kind has its own table keyed by [mapId+id], so saving one edited stakeholder writes
// one row, not the whole map, and a record id only has to be unique within its map.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Department, Link, Stakeholder, TeamMember, Viewport } from '../domain/types';

/** One row per account map: enough for the home list without loading the map's records. */
export interface MapRow {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** The document shape the records were written in (SCHEMA_VERSION at the time). */
  schemaVersion: number;
  stakeholderCount: number;
  whiteSpaceCount: number;
  /** Shown when asking before a delete ("its 3 departments and 12 links"). */
  departmentCount: number;
  linkCount: number;
  /** The newest journal revision this row's records include (journal.ts); absent: none. */
  journalSeq?: number;
}

/** A stored record: the domain record plus the map it belongs to. */
export type Row<T> = T & { mapId: string };

/** Session state, stored apart from the document so panning never marks the map as edited. */
export interface ViewportRow extends Viewport {
  mapId: string;
}

/** A frozen copy of a map ("at handover", "Q3 review"), stored whole as a map document. */
export interface SnapshotRow {
  mapId: string;
  id: string;
  name: string;
  takenAt: string;
  /** The map as toDocument() wrote it; read back through restoreMap like any outside data. */
  document: unknown;
}

/** Small app-wide facts, e.g. { key: 'sampleSeeded', value: '2026-01-05T10:00:00.000Z' }. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The tables that hold a map's records, by the AccountMap field they come from. */
export const RECORD_TABLES = ['departments', 'stakeholders', 'links', 'team'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export const DATABASE_NAME = 'powermap';

export class PowermapDatabase extends Dexie {
  maps!: EntityTable<MapRow, 'id'>;
  departments!: Table<Row<Department>, [string, string]>;
  stakeholders!: Table<Row<Stakeholder>, [string, string]>;
  links!: Table<Row<Link>, [string, string]>;
  team!: Table<Row<TeamMember>, [string, string]>;
  viewports!: EntityTable<ViewportRow, 'mapId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  snapshots!: Table<SnapshotRow, [string, string]>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Dexie version 1 (tables and indexes; not the document's schemaVersion, see the top).
    this.version(1).stores({
      maps: 'id, updatedAt',
      departments: '[mapId+id], mapId',
      stakeholders: '[mapId+id], mapId',
      links: '[mapId+id], mapId',
      team: '[mapId+id], mapId',
      viewports: 'mapId',
      meta: 'key',
    });
    // Dexie version 2: snapshots of a map, keyed like the record tables.
    this.version(2).stores({
      snapshots: '[mapId+id], mapId',
    });
    // A newer version of the app, opened in another tab, wants to upgrade the database. An open
    // connection here would block it, and this tab's code would go on writing the old layout:
    // step aside and reload, so this tab comes back running the new code.
    this.on('versionchange', () => {
      this.close();
      if (typeof window !== 'undefined' && typeof window.location?.reload === 'function') window.location.reload();
      return false;
    });
  }
}

let database: PowermapDatabase | null = null;

/** The app's database, created on first use (nothing touches IndexedDB at import time). */
export function getDatabase(): PowermapDatabase {
  database ??= new PowermapDatabase();
  return database;
}

/** For tests: close and delete the database, so the next getDatabase() starts empty. */
export async function resetDatabaseForTests(): Promise<void> {
  const name = database?.name ?? DATABASE_NAME;
  database?.close();
  database = null;
  await Dexie.delete(name);
}
