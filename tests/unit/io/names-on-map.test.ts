// A file without CRM ids into a map that already holds its people: the real Dynamics 365 user list
// (managers by name only) imported once, then again with one new user. Without ids only the name
// tells who is already there; skipping those rows adds just the new person, reporting to a manager
// who is on the map. Without skipping, everyone would be added a second time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecords } from '../../../src/domain/commands';
import { emptyAccountMap } from '../../../src/domain/defaults';
import { buildImport, decodeCsv, parseCsv, rowsNamedOnMap, type ParsedCsv } from '../../../src/io/csv-import';

const users = parseCsv(decodeCsv(readFileSync(join(__dirname, '../../fixtures/crm-exports/dynamics365-users-with-manager.csv'))).text);
const ORIGIN = { system: 'Dynamics 365', file: 'users.csv', importedAt: '2026-12-01T09:00:00.000Z' };
const map = addRecords(emptyAccountMap('map_d', 'Contoso', ORIGIN.importedAt), buildImport(users, users.mapping, { origin: ORIGIN }));

/** The same list a month later: one new user, Nina Berg, who reports to Alan Ross (line 15). */
const later: ParsedCsv = structuredClone(users);
later.rows.push({ line: 15, cells: ['Nina', 'Berg', 'nberg@ccadadeprod.onmicrosoft.com', 'Sales Representative', 'Alan Ross'] });

describe('a file without CRM ids into a map that has its people', () => {
  it('has no id column, so the dialog warns; every row but the new one names someone on the map', () => {
    expect(later.mapping.externalId).toBeNull();
    const named = rowsNamedOnMap(later, later.mapping, map);
    expect(named.count).toBe(13);
    expect(named.names).toContain('Alan Ross');
  });

  it('skipping them adds only the new person, reporting to the manager already on the map, and says which lines were left out', () => {
    const result = buildImport(later, later.mapping, { existing: map, origin: ORIGIN, skipNamesOnMap: true });
    expect(result.stakeholders.map((person) => person.name)).toEqual(['Nina Berg']);
    const alan = Object.values(map.stakeholders).find((person) => person.name === 'Alan Ross')!;
    expect(result.links).toEqual([expect.objectContaining({ kind: 'reports-to', sourceId: result.stakeholders[0].id, targetId: alan.id })]);
    expect(result.notes).toEqual(['13 rows name people already on the map and have no CRM id: left out (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 3 more).']);
  });

  it('not skipping them adds everyone a second time (the old behaviour, when the user unticks it)', () => {
    const result = buildImport(later, later.mapping, { existing: map, origin: ORIGIN });
    expect(result.stakeholders).toHaveLength(14);
  });
});
