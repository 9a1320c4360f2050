import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type Migration } from '../../../src/domain/migrations';
import { restoreMap } from '../../../src/domain/restore';
import { accountMapSchema, mapDocumentSchema, toDocument } from '../../../src/domain/schema';
import { SCHEMA_VERSION } from '../../../src/domain/types';
import { smallMap } from '../fixtures/maps';
import v1File from '../../fixtures/powermap-v1.json';
import v2File from '../../fixtures/powermap-v2.json';

/** A fresh copy of a fixture file, as a file read from disk would be. */
const fixture = (file: unknown): unknown => JSON.parse(JSON.stringify(file));

/** Every schema version a user may hold a file of, oldest first. */
const RELEASED_VERSIONS = Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1);

/**
 * Every Powermap document kept in tests/fixtures/, by its own schemaVersion. A file saved there
 * before a format change is picked up here without touching this test.
 */
const storedDocuments = Object.entries(import.meta.glob<unknown>('../../fixtures/*.json', { eager: true, import: 'default' }))
  .filter(([, content]) => (content as { format?: unknown }).format === 'powermap')
  .map(([path, content]) => ({ file: path.split('/').pop()!, version: (content as { schemaVersion: number }).schemaVersion, content }));

describe('migrations', () => {
  it('form one chain of numbered, named steps from version 1 up to SCHEMA_VERSION', () => {
    expect(RELEASED_VERSIONS.length, 'versions to check').toBeGreaterThan(0);
    for (const version of RELEASED_VERSIONS) {
      const steps = MIGRATIONS.filter((m) => m.from === version);
      if (version === SCHEMA_VERSION) {
        expect(steps, `no step out of the current version ${version}`).toEqual([]);
        continue;
      }
      expect(steps, `exactly one step from ${version}`).toHaveLength(1);
      expect(steps[0].to).toBe(version + 1);
      expect(steps[0].name.trim()).not.toBe('');
    }
    // No stray step outside the chain (from 0, or beyond the current version).
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION - 1);
  });

  it('have a stored document of every released version to run on', () => {
    expect(storedDocuments.length, 'Powermap documents in tests/fixtures').toBeGreaterThan(0);
    for (const version of RELEASED_VERSIONS) {
      expect(storedDocuments.filter((d) => d.version === version), `a fixture of version ${version}`).not.toEqual([]);
    }
  });

  it.each(storedDocuments)('bring $file (version $version) up to the current schema with nothing to repair', ({ content, version }) => {
    const { map } = fixture(content) as { map: unknown };
    expect(accountMapSchema.safeParse(migrate(map, version)).success).toBe(true);
    const result = restoreMap(fixture(content));
    if (!result.ok) throw new Error(result.error);
    expect(result.repairs).toEqual([]);
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
    // 1 -> 2: every stakeholder gets `crm: null` (drawn by hand, not imported), and nothing else changes.
    for (const person of Object.values(result.map.stakeholders)) expect(person.crm).toBeNull();
    const v1People = (fixture(v1File) as { map: { stakeholders: Record<string, object> } }).map.stakeholders;
    for (const [id, person] of Object.entries(v1People)) expect(result.map.stakeholders[id]).toEqual({ ...person, crm: null });
  });

  it('the 1 -> 2 step adds crm: null to stakeholders held as an object or as an array, and keeps a crm it finds', () => {
    const step = MIGRATIONS.find((m) => m.from === 1)!;
    expect(step.migrate({ stakeholders: { a: { id: 'a' } } })).toEqual({ stakeholders: { a: { id: 'a', crm: null } } });
    expect(step.migrate({ stakeholders: [{ id: 'a' }, 'junk'] })).toEqual({ stakeholders: [{ id: 'a', crm: null }, 'junk'] });
    const kept = { id: 'a', crm: { system: 'HubSpot', id: '7202', file: 'f.csv', importedAt: '' } };
    expect(step.migrate({ stakeholders: { a: kept } })).toEqual({ stakeholders: { a: kept } });
    expect(step.migrate(null)).toBeNull();
  });
});

describe('the version-2 fixture (stakeholders with their CRM origin)', () => {
  it('restores without repairs and keeps where an imported person came from', () => {
    const result = restoreMap(fixture(v2File));
    if (!result.ok) throw new Error(result.error);
    expect(result.repairs).toEqual([]);
    expect(result.map.stakeholders.stk_fixture_cio.crm).toEqual({
      file: 'Contact.csv',
      id: '003f4000003d6AhAAI',
      importedAt: '2026-12-01T09:30:00.000Z',
      system: 'Salesforce',
    });
    expect(result.map.stakeholders.stk_fixture_coo.crm).toBeNull();
  });

  it('clears an unreadable CRM origin and says so', () => {
    const broken = fixture(v2File) as { map: { stakeholders: Record<string, { crm: unknown }> } };
    broken.map.stakeholders.stk_fixture_cio.crm = 'Salesforce';
    const result = restoreMap(broken);
    if (!result.ok) throw new Error(result.error);
    expect(result.map.stakeholders.stk_fixture_cio.crm).toBeNull();
    expect(result.repairs).toEqual(['Cleared an unreadable CRM origin (stk_fixture_cio).']);
  });

  it('keeps the account a CRM origin names (a re-import limited to one account needs it), and drops one that is not text', () => {
    const file = fixture(v2File) as { map: { stakeholders: Record<string, { crm: Record<string, unknown> }> } };
    file.map.stakeholders.stk_fixture_cio.crm.account = '001f4000003NkdeAAC';
    const kept = restoreMap(file);
    if (!kept.ok) throw new Error(kept.error);
    expect(kept.map.stakeholders.stk_fixture_cio.crm?.account).toBe('001f4000003NkdeAAC');
    file.map.stakeholders.stk_fixture_cio.crm.account = 42;
    const dropped = restoreMap(file);
    if (!dropped.ok) throw new Error(dropped.error);
    expect(dropped.map.stakeholders.stk_fixture_cio.crm).not.toHaveProperty('account');
  });

  it('keeps what the CRM said at the last import (seen), drops its fields that are not text, and opens files without it', () => {
    const file = fixture(v2File) as { map: { stakeholders: Record<string, { crm: Record<string, unknown> }> } };
    const open = (seen: unknown) => {
      file.map.stakeholders.stk_fixture_cio.crm.seen = seen;
      const result = restoreMap(file);
      if (!result.ok) throw new Error(result.error);
      expect(result.repairs).toEqual([]);
      return result.map.stakeholders.stk_fixture_cio.crm;
    };
    expect(open({ title: 'CIO', department: '', manager: '003f4000003d69wAAA' })?.seen).toEqual({ title: 'CIO', department: '', manager: '003f4000003d69wAAA' });
    expect(open({ title: 7, department: 'IT', manager: null })?.seen).toEqual({ department: 'IT' });
    expect(open('CIO')).not.toHaveProperty('seen');
    expect(open({ title: ['CIO'] })).not.toHaveProperty('seen');
    // A file written before `seen` was kept: the origin opens as it was (a re-import compares two ways).
    expect(open(undefined)).toEqual({ file: 'Contact.csv', id: '003f4000003d6AhAAI', importedAt: '2026-12-01T09:30:00.000Z', system: 'Salesforce' });
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
