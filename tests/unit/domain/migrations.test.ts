import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type Migration } from '../../../src/domain/migrations';
import { restoreMap } from '../../../src/domain/restore';
import { accountMapSchema, mapDocumentSchema, toDocument } from '../../../src/domain/schema';
import { SCHEMA_VERSION } from '../../../src/domain/types';
import { smallMap } from './build';
import v1File from '../../fixtures/powermap-v1.json';

/** A fresh copy of a fixture file, as a file read from disk would be. */
const fixture = (file: unknown): unknown => JSON.parse(JSON.stringify(file));

describe('migrations', () => {
  it('form one chain of numbered, named steps from version 1 up to SCHEMA_VERSION', () => {
    for (let version = 1; version < SCHEMA_VERSION; version++) {
      const steps = MIGRATIONS.filter((m) => m.from === version);
      expect(steps, `exactly one step from ${version}`).toHaveLength(1);
      expect(steps[0].to).toBe(version + 1);
      expect(steps[0].name.trim()).not.toBe('');
    }
    expect(MIGRATIONS.every((m) => m.to <= SCHEMA_VERSION)).toBe(true);
  });

  it('leave a document of the current version as it is', () => {
    const map = smallMap();
    expect(migrate(map, SCHEMA_VERSION)).toBe(map);
  });

  it('run the steps in order, and refuse a gap', () => {
    const steps: Migration[] = [
      { from: 2, to: 3, name: 'add c', migrate: (doc) => ({ ...(doc as object), c: (doc as { b: number }).b + 1 }) },
      { from: 1, to: 2, name: 'add b', migrate: (doc) => ({ ...(doc as object), b: 1 }) },
    ];
    expect(migrate({ a: 0 }, 1, steps, 3)).toEqual({ a: 0, b: 1, c: 2 });
    expect(migrate({ a: 0, b: 5 }, 2, steps, 3)).toEqual({ a: 0, b: 5, c: 6 });
    expect(() => migrate({}, 1, steps.slice(0, 1), 3)).toThrow('No migration from schema version 1.');
  });
});

describe('the version-1 fixture (a real file of the first format)', () => {
  it('restores without repairs and validates against the current schema', () => {
    const result = restoreMap(fixture(v1File));
    if (!result.ok) throw new Error(result.error);
    expect(result.repairs).toEqual([]);
    expect(accountMapSchema.safeParse(result.map).success).toBe(true);
    expect(result.map.name).toBe('Fixture GmbH (schema 1)');
    expect(result.map.stakeholders.stk_fixture_cio.name).toBe('Zofia Wróbel');
    expect(result.map.departments.dep_fixture_data.parentId).toBe('dep_fixture_it');
    expect(Object.keys(result.map.links)).toHaveLength(3);
    // When SCHEMA_VERSION moves past 1, add assertions here on what the 1 -> 2 step changed.
  });
});

describe('the document envelope', () => {
  it('wraps a map with the format name and the current schema version', () => {
    const document = toDocument(smallMap());
    expect(document).toMatchObject({ format: 'powermap', schemaVersion: SCHEMA_VERSION });
    expect(mapDocumentSchema.safeParse(JSON.parse(JSON.stringify(document))).success).toBe(true);
    expect(mapDocumentSchema.safeParse({ ...document, schemaVersion: SCHEMA_VERSION + 1 }).success).toBe(false);
  });
});
