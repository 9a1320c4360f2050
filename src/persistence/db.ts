// The IndexedDB database (Dexie). Two version numbers live apart on purpose:
//  - Dexie's version (below) covers tables and indexes;
//  - the document's schemaVersion (domain/types.ts) covers the shape of a map, migrated by restore.
// Each record kind has its own table keyed by [mapId+id], so saving one edited stakeholder writes
// one row, not the whole map.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Department, Link, Stakeholder, TeamMember, Viewport } from '../domain/types';

export interface MapRow {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  schemaVersion: number;
  stakeholderCount: number;
  whiteSpaceCount: number;
  departmentCount: number;
  linkCount: number;
}

export type Row<T> = T & { mapId: string };

export interface ViewportRow extends Viewport {
  mapId: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class PowermapDatabase extends Dexie {
  maps!: EntityTable<MapRow, 'id'>;
  departments!: Table<Row<Department>, [string, string]>;
  stakeholders!: Table<Row<Stakeholder>, [string, string]>;
  links!: Table<Row<Link>, [string, string]>;
  team!: Table<Row<TeamMember>, [string, string]>;
  viewports!: EntityTable<ViewportRow, 'mapId'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'powermap') {
    super(name);
    this.version(1).stores({
      maps: 'id, updatedAt',
      departments: '[mapId+id], mapId',
      stakeholders: '[mapId+id], mapId',
      links: '[mapId+id], mapId',
      team: '[mapId+id], mapId',
      viewports: 'mapId',
      meta: 'key',
    });
    // A newer version of the app opened in another tab wants to upgrade: step aside and reload,
    // so the old code never writes old-shaped data into the new schema.
    this.on('versionchange', () => {
      this.close();
      if (typeof window !== 'undefined') window.location.reload();
      return false;
    });
  }
}

let database: PowermapDatabase | null = null;

export function getDatabase(): PowermapDatabase {
  database ??= new PowermapDatabase();
  return database;
}

/** For tests: start from a fresh, empty database. */
export async function resetDatabaseForTests(): Promise<void> {
  if (database) {
    database.close();
    await Dexie.delete(database.name);
  }
  database = new PowermapDatabase();
}
