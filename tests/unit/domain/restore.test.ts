import { describe, expect, it } from 'vitest';
import { restoreMap, restoreMapFromText, restoreMapInSlices, noName, type RestoreResult } from '../../../src/domain/restore';
import { accountMapSchema, toDocument } from '../../../src/domain/schema';
import { SCHEMA_VERSION, type AccountMap } from '../../../src/domain/types';
import { newStakeholder } from '../../../src/domain/defaults';
import { smallMap } from '../fixtures/maps';

function restored(result: RestoreResult): { map: AccountMap; repairs: string[] } {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

/** A bare map as plain JSON, with records as arrays (the shape of a hand-written or foreign file). */
function rawMap(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const map = JSON.parse(JSON.stringify(smallMap()));
  return { ...map, ...overrides };
}

describe('accepting a map', () => {
  it('restores a bare map without repairs', () => {
    const map = smallMap();
    const { map: back, repairs } = restored(restoreMap(map));
    expect(repairs).toEqual([]);
    expect(back).toEqual(map);
  });

  it('restores the envelope of a stored or exported document', () => {
    const map = smallMap();
    const { map: back, repairs } = restored(restoreMap(JSON.parse(JSON.stringify(toDocument(map)))));
    expect(repairs).toEqual([]);
    expect(back).toEqual(map);
  });

  it('accepts records as arrays as well as id-keyed objects', () => {
    const map = smallMap();
    const asArrays = {
      ...map,
      departments: Object.values(map.departments),
      stakeholders: Object.values(map.stakeholders),
      links: Object.values(map.links),
      team: Object.values(map.team),
    };
    const { map: back, repairs } = restored(restoreMap(asArrays));
    expect(repairs).toEqual([]);
    expect(back).toEqual(map);
  });

  it('takes a record’s id from its key when the record has none', () => {
    const raw = rawMap();
    delete (raw.stakeholders as Record<string, Record<string, unknown>>).stk_free.id;
    const { map } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_free.name).toBe('Consultant');
  });

  it('fills missing fields with defaults without calling it a repair', () => {
    const { map, repairs } = restored(
      restoreMap({ id: 'map_min', name: 'Minimal', stakeholders: [{ id: 'stk_a', name: 'Ana' }] }),
    );
    expect(repairs).toEqual([]);
    expect(map.stakeholders.stk_a).toEqual(newStakeholder({ id: 'stk_a', name: 'Ana' }));
    expect(map.departments).toEqual({});
    expect(accountMapSchema.safeParse(map).success).toBe(true);
  });

  it('keeps unknown extra fields on records and on the map', () => {
    const raw = rawMap({ colourTheme: 'dark' });
    (raw.stakeholders as Record<string, Record<string, unknown>>).stk_cfo.nickname = 'Cla';
    const { map, repairs } = restored(restoreMap(raw));
    expect(repairs).toEqual([]);
    expect((map as unknown as Record<string, unknown>).colourTheme).toBe('dark');
    expect((map.stakeholders.stk_cfo as unknown as Record<string, unknown>).nickname).toBe('Cla');
  });

  it('keeps text as plain text, markup included', () => {
    const raw = rawMap();
    (raw.stakeholders as Record<string, Record<string, unknown>>).stk_cfo.notes = '<img src=x onerror=alert(1)> & “quotes”';
    const { map } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_cfo.notes).toBe('<img src=x onerror=alert(1)> & “quotes”');
  });

  it('restores text from a file, and refuses text that is not JSON', () => {
    expect(restored(restoreMapFromText(JSON.stringify(toDocument(smallMap())))).repairs).toEqual([]);
    const bad = restoreMapFromText('{ not json');
    expect(bad.ok).toBe(false);
  });
});

describe('in slices', () => {
  it('restores a large map in slices, pausing between them, to the same map and repairs as at once', async () => {
    const raw = rawMap();
    const people = raw.stakeholders as Record<string, Record<string, unknown>>;
    const template = Object.values(people)[0];
    // Enough people that restoring them takes longer than one slice; one with a bad stance to repair.
    for (let i = 0; i < 6000; i++) people[`stk_many_${i}`] = { ...template, id: `stk_many_${i}`, name: `Person ${i}`, stance: i === 4321 ? 'ally?' : 'neutral' };
    let pauses = 0;
    const sliced = restored(await restoreMapInSlices(raw, async () => void pauses++));
    const atOnce = restored(restoreMap(raw));
    expect(pauses).toBeGreaterThan(0);
    expect(sliced.repairs).toEqual(atOnce.repairs);
    expect(sliced.repairs.join(' ')).toContain('stk_many_4321');
    const { updatedAt: _a, ...slicedMap } = sliced.map;
    const { updatedAt: _b, ...atOnceMap } = atOnce.map;
    expect(slicedMap).toStrictEqual(atOnceMap);
    expect(Object.keys(sliced.map.stakeholders)).toHaveLength(Object.keys(people).length);
  });
});

describe('refusing', () => {
  it('refuses a file from a newer version with a clear message', () => {
    const result = restoreMap({ format: 'powermap', schemaVersion: SCHEMA_VERSION + 1, map: smallMap() });
    expect(result).toEqual({
      ok: false,
      error: `This file was made by a newer version of Powermap (schema ${SCHEMA_VERSION + 1}). Update Powermap to open it.`,
    });
  });

  it('refuses another format and an unreadable version', () => {
    expect(restoreMap({ format: 'excalidraw', schemaVersion: 1, map: smallMap() }).ok).toBe(false);
    expect(restoreMap({ format: 'powermap', schemaVersion: 'one', map: smallMap() }).ok).toBe(false);
    expect(restoreMap({ format: 'powermap', schemaVersion: 0, map: smallMap() }).ok).toBe(false);
    expect(restoreMap({ format: 'powermap', schemaVersion: 1 }).ok).toBe(false);
  });

  it('never throws on garbage', () => {
    const garbage: unknown[] = [
      null, undefined, 0, 42, NaN, '', 'hello', '{"a":1}', true, [], [1, 2], {}, { foo: 'bar' },
      () => 1, Symbol('x'), new Date(), { stakeholders: 'lots' }, { departments: [null, 1, 'x', []] },
      { format: 'powermap', schemaVersion: 1, map: null }, { format: 'powermap', schemaVersion: 1, map: [] },
      { stakeholders: [{ id: {} }, { id: 'a', name: { toString: 1 } }, { id: 'b', position: 'x' }] },
      { links: [{ id: 'l', sourceId: 1, targetId: null }], team: [{ id: 't', role: 5 }] },
    ];
    for (const input of garbage) {
      let result: RestoreResult | undefined;
      expect(() => (result = restoreMap(input))).not.toThrow();
      if (result?.ok) expect(accountMapSchema.safeParse(result.map).success).toBe(true);
      else expect(result?.error).toMatch(/\w/);
    }
    expect(restoreMap(null)).toEqual({ ok: false, error: 'This is not a Powermap account map.', notAMap: true });
    expect(restoreMap([1, 2]).ok).toBe(false);
    expect(restoreMap('map').ok).toBe(false);
    expect(restoreMap(7).ok).toBe(false);
  });

  it('does not let a __proto__ key change any object’s prototype', () => {
    const text = '{"id":"m","name":"x","__proto__":{"polluted":1},"stakeholders":{"__proto__":{"id":"__proto__","name":"p"}}}';
    const { map } = restored(restoreMapFromText(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(map.stakeholders)).toBe(Object.prototype);
    expect(Object.values(map.stakeholders)).toHaveLength(1);
  });
});

describe('repairs, one rule at a time', () => {
  const people = (raw: Record<string, unknown>) => raw.stakeholders as Record<string, Record<string, unknown>>;

  it('sets an unknown stance and relationship to their defaults, and clears an unknown influence to not rated', () => {
    const raw = rawMap();
    Object.assign(people(raw).stk_cfo, { stance: 'friendly', influence: 'huge', relationship: 7 });
    Object.assign(people(raw).stk_cio, { influence: null });
    const { map, repairs } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_cfo).toMatchObject({ stance: 'unknown', influence: null, relationship: 'none' });
    expect(map.stakeholders.stk_cio.influence).toBeNull();
    expect(repairs).toContain('Set an unknown stance to “unknown” (stk_cfo).');
    expect(repairs).toContain('Cleared an unknown influence (stk_cfo).');
    expect(repairs).toHaveLength(3);
  });

  it('sets an unknown coverage, link kind, strength and team role to defaults', () => {
    const raw = rawMap();
    (raw.departments as Record<string, Record<string, unknown>>).dep_it.coverage = 'partly';
    (raw.links as Record<string, Record<string, unknown>>).lnk_2.strength = 'max';
    (raw.links as Record<string, Record<string, unknown>>).lnk_3.kind = 'frenemy';
    (raw.team as Record<string, Record<string, unknown>>).tm_sam.role = 'boss';
    const { map, repairs } = restored(restoreMap(raw));
    expect(map.departments.dep_it.coverage).toBe('unknown');
    expect(map.links.lnk_2.strength).toBe('medium');
    expect(map.links.lnk_3.kind).toBe('influences');
    expect(map.team.tm_sam.role).toBe('relationship-leader');
    expect(repairs).toHaveLength(4);
  });

  it('drops unknown buying roles and keeps the known ones', () => {
    const raw = rawMap();
    people(raw).stk_cfo.roles = ['economic-buyer', 'coach', 'economic-buyer'];
    const { map, repairs } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_cfo.roles).toEqual(['economic-buyer']);
    expect(repairs).toEqual(['Dropped an unknown buying role (stk_cfo).']);
  });

  it('names a record without a readable name “(no name)”, and drops a record without an id', () => {
    const raw = rawMap();
    people(raw).stk_cfo.name = { first: 'Claire' };
    people(raw).stk_cio.name = '   ';
    const stakeholders = [...Object.values(people(raw)), { name: 'Nobody knows my id' }];
    const { map, repairs } = restored(restoreMap({ ...raw, stakeholders }));
    expect(map.stakeholders.stk_cfo.name).toBe(noName());
    expect(map.stakeholders.stk_cio.name).toBe(noName());
    expect(Object.keys(map.stakeholders)).toHaveLength(4);
    expect(repairs).toContain('Named a stakeholder that had no name “(no name)”, 2 times (stk_cfo, stk_cio).');
    expect(repairs).toContain('Dropped a stakeholder without an id.');
  });

  it('resets positions and sizes that are not numbers', () => {
    const raw = rawMap();
    people(raw).stk_cfo.position = { x: NaN, y: Infinity };
    people(raw).stk_cio.position = { x: '12', y: 30 };
    (raw.departments as Record<string, Record<string, unknown>>).dep_it.size = { width: 'wide', height: 20 };
    const { map, repairs } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_cfo.position).toEqual({ x: 0, y: 0 });
    expect(map.stakeholders.stk_cio.position).toEqual({ x: 12, y: 30 });
    expect(map.departments.dep_it.size).toEqual({ width: 360, height: 100 });
    expect(repairs.some((r) => r.startsWith('Reset an unreadable position'))).toBe(true);
    expect(repairs.some((r) => r.startsWith('Reset an unreadable department size'))).toBe(true);
    expect(repairs.some((r) => r.startsWith('Enlarged a department'))).toBe(true);
  });

  it('clears unreadable dates and cuts timestamps to a date', () => {
    const raw = rawMap();
    people(raw).stk_cfo.lastContact = 'last Tuesday';
    people(raw).stk_cio.lastContact = '2026-03-04T10:00:00Z';
    const { map, repairs } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_cfo.lastContact).toBeNull();
    expect(map.stakeholders.stk_cio.lastContact).toBe('2026-03-04');
    expect(repairs).toEqual(['Cleared an unreadable date (stk_cfo).']);
  });

  it('gives duplicate ids a new id, across record kinds', () => {
    const raw = rawMap();
    const stakeholders = [...Object.values(people(raw)), { id: 'stk_cfo', name: 'Second Claire' }, { id: 'dep_it', name: 'Clash' }];
    const { map, repairs } = restored(restoreMap({ ...raw, stakeholders }));
    expect(Object.keys(map.stakeholders)).toHaveLength(6);
    expect(map.stakeholders.stk_cfo.name).toBe('Claire');
    const renamed = Object.values(map.stakeholders).filter((s) => s.name === 'Second Claire' || s.name === 'Clash');
    for (const person of renamed) expect(person.id).toMatch(/^stk_/);
    expect(new Set(renamed.map((p) => p.id)).size).toBe(2);
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toMatch(/^Gave a new id to a stakeholder whose id was used twice, 2 times \(stk_cfo → stk_/);
  });

  it('keeps references to a re-issued record when only it can be meant, and with the first record otherwise', () => {
    const raw = rawMap();
    // tm_x collides with a department; stk_y collides with a team member. Owners only point at the
    // team and successors only at stakeholders, so those references can only mean the renamed record.
    const departments = [...Object.values(raw.departments as Record<string, unknown>), { id: 'tm_x', name: 'Clash' }];
    const team = [...Object.values(raw.team as Record<string, unknown>), { id: 'tm_x', name: 'Xenia' }, { id: 'stk_y', name: 'Yusuf' }];
    const stakeholders = [
      ...Object.values(people(raw)).map((p) => (p.id === 'stk_cio' ? { ...p, ownerId: 'tm_x', successorId: 'stk_y' } : p)),
      { id: 'stk_y', name: 'Yvonne', ownerId: 'stk_y' },
      { id: 'stk_cfo', name: 'Second Claire' },
    ];
    const links = [
      ...Object.values(raw.links as Record<string, unknown>),
      { id: 'lnk_y', kind: 'ally', sourceId: 'stk_y', targetId: 'stk_cfo' },
    ];
    const { map, repairs } = restored(restoreMap({ ...raw, departments, team, stakeholders, links }));
    const xenia = Object.values(map.team).find((t) => t.name === 'Xenia')!;
    const yvonne = Object.values(map.stakeholders).find((s) => s.name === 'Yvonne')!;
    expect(xenia.id).toMatch(/^tm_/);
    expect(xenia.id).not.toBe('tm_x');
    expect(map.departments.tm_x.name).toBe('Clash');
    expect(map.team.stk_y.name).toBe('Yusuf');
    expect(yvonne.id).not.toBe('stk_y');
    expect(map.stakeholders.stk_cio).toMatchObject({ ownerId: xenia.id, successorId: yvonne.id });
    expect(yvonne.ownerId).toBe('stk_y'); // the team member Yusuf kept his id
    expect(map.links.lnk_y).toMatchObject({ sourceId: yvonne.id, targetId: 'stk_cfo' });
    expect(map.stakeholders.stk_cfo.name).toBe('Claire');
    expect(repairs).toHaveLength(2);
    expect(repairs[0]).toMatch(/^Gave a new id to a team member whose id was used twice \(tm_x → tm_/);
    expect(repairs[1]).toMatch(/^Gave a new id to a stakeholder whose id was used twice, 2 times \(stk_y → stk_.*, stk_cfo → stk_/);
  });

  it('does not take inherited names such as “constructor” for records', () => {
    const raw = rawMap();
    people(raw).stk_cfo.departmentId = 'toString';
    people(raw).stk_cfo.successorId = 'constructor';
    (raw.departments as Record<string, Record<string, unknown>>).dep_proc.parentId = 'hasOwnProperty';
    const links = [...Object.values(raw.links as Record<string, unknown>), { id: 'lnk_proto', kind: 'ally', sourceId: 'stk_cfo', targetId: 'constructor' }];
    const { map, repairs } = restored(restoreMap({ ...raw, links }));
    expect(map.stakeholders.stk_cfo).toMatchObject({ departmentId: null, successorId: null });
    expect(map.departments.dep_proc.parentId).toBeNull();
    expect(map.links.lnk_proto).toBeUndefined();
    expect(repairs).toHaveLength(4);
  });

  it('drops links to missing endpoints, self-links and exact duplicates', () => {
    const raw = rawMap();
    const links = [
      ...Object.values(raw.links as Record<string, unknown>),
      { id: 'lnk_dangling', kind: 'ally', sourceId: 'stk_cfo', targetId: 'stk_gone' },
      { id: 'lnk_self', kind: 'ally', sourceId: 'stk_cfo', targetId: 'stk_cfo' },
      { id: 'lnk_twice', kind: 'reports-to', sourceId: 'stk_buyer', targetId: 'stk_cfo' },
      { id: 'lnk_deps', kind: 'ally', sourceId: 'dep_it', targetId: 'dep_fin' },
      { id: 'lnk_to_dep', kind: 'influences', sourceId: 'stk_cio', targetId: 'dep_proc' },
    ];
    const { map, repairs } = restored(restoreMap({ ...raw, links }));
    expect(Object.keys(map.links).sort()).toEqual(['lnk_1', 'lnk_2', 'lnk_3', 'lnk_to_dep']);
    expect(repairs).toEqual([
      'Dropped a link to a missing stakeholder or department (lnk_dangling).',
      'Dropped a link from a card to itself (lnk_self).',
      'Dropped a link that was there twice (lnk_twice).',
      'Dropped a link between two departments (lnk_deps).',
    ]);
  });

  it('moves cards and departments whose department is missing to the top level', () => {
    const raw = rawMap();
    people(raw).stk_cfo.departmentId = 'dep_gone';
    (raw.departments as Record<string, Record<string, unknown>>).dep_proc.parentId = 'dep_gone';
    const { map, repairs } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_cfo.departmentId).toBeNull();
    expect(map.departments.dep_proc.parentId).toBeNull();
    expect(map.stakeholders.stk_buyer.departmentId).toBe('dep_proc');
    expect(repairs).toEqual([
      'Moved a department whose parent was missing to the top level (dep_proc).',
      'Moved a stakeholder whose department was missing onto the open canvas (stk_cfo).',
    ]);
  });

  it('breaks loops of departments, and only at a department inside the loop', () => {
    const raw = rawMap();
    const departments = raw.departments as Record<string, Record<string, unknown>>;
    departments.dep_fin.parentId = 'dep_proc'; // Finance <-> Procurement
    departments.dep_it.parentId = 'dep_it'; // IT inside itself
    departments.dep_hangs = { id: 'dep_hangs', name: 'Below the loop', parentId: 'dep_proc' };
    const { map, repairs } = restored(restoreMap(raw));
    const parents = (id: string) => {
      const seen: string[] = [];
      for (let p = map.departments[id].parentId; p; p = map.departments[p].parentId) {
        expect(seen).not.toContain(p);
        seen.push(p);
      }
      return seen;
    };
    for (const id of Object.keys(map.departments)) parents(id);
    expect(map.departments.dep_it.parentId).toBeNull();
    expect(map.departments.dep_hangs.parentId).toBe('dep_proc');
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toMatch(/^Broke a loop of departments nested inside each other, 2 times/);
  });

  it('clears owners and successors that are not on the map', () => {
    const raw = rawMap();
    people(raw).stk_cfo.ownerId = 'tm_gone';
    people(raw).stk_cio.successorId = 'stk_gone';
    people(raw).stk_free.successorId = 'stk_free';
    people(raw).stk_buyer.successorId = 'stk_cio';
    const { map, repairs } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_cfo.ownerId).toBeNull();
    expect(map.stakeholders.stk_cio.successorId).toBeNull();
    expect(map.stakeholders.stk_free.successorId).toBeNull();
    expect(map.stakeholders.stk_buyer.successorId).toBe('stk_cio');
    expect(repairs).toEqual([
      'Cleared an owner who is not on the team (stk_cfo).',
      'Cleared a successor who is not on the map, 2 times (stk_cio, stk_free).',
    ]);
  });

  it('gives a map without id or name a new id and a name', () => {
    const { map, repairs } = restored(restoreMap({ stakeholders: [] }));
    expect(map.id).toMatch(/^map_/);
    expect(map.name).toBe('Untitled account map');
    expect(repairs).toEqual(['Gave the map a new id.', 'Named the map “Untitled account map”.']);
  });

  it('turns numbers in text fields into text and clears objects', () => {
    const raw = rawMap();
    people(raw).stk_cfo.phone = 4930123456;
    people(raw).stk_cfo.notes = { rich: 'text' };
    const { map, repairs } = restored(restoreMap(raw));
    expect(map.stakeholders.stk_cfo.phone).toBe('4930123456');
    expect(map.stakeholders.stk_cfo.notes).toBe('');
    expect(repairs).toEqual(['Cleared an unreadable note (stk_cfo).']);
  });

  it('shortens a long list of ids in a repair', () => {
    const stakeholders = Array.from({ length: 7 }, (_, i) => ({ id: `stk_${i}`, name: `P${i}`, stance: 'maybe' }));
    const { repairs } = restored(restoreMap({ id: 'm', name: 'm', stakeholders }));
    expect(repairs).toEqual(['Set an unknown stance to “unknown”, 7 times (stk_0, stk_1, stk_2 and 4 more).']);
  });
});

describe('a large map', () => {
  // How fast this is belongs to `npm run bench` (opening a map), not to a timed unit test.
  it('restores a map of 1,000 stakeholders, every link kept and nothing repaired', () => {
    const stakeholders: Record<string, unknown> = {};
    const links: Record<string, unknown> = {};
    const departments: Record<string, unknown> = {};
    for (let d = 0; d < 50; d++) departments[`dep_${d}`] = { id: `dep_${d}`, name: `D${d}`, parentId: d > 0 ? `dep_${d - 1}` : null, position: { x: 0, y: 0 }, size: { width: 400, height: 300 } };
    for (let i = 0; i < 1000; i++) {
      stakeholders[`stk_${i}`] = { ...newStakeholder({ id: `stk_${i}`, name: `Person ${i}`, departmentId: `dep_${i % 50}` }), notes: 'x'.repeat(200) };
      if (i > 0) links[`lnk_${i}`] = { id: `lnk_${i}`, kind: 'reports-to', sourceId: `stk_${i}`, targetId: `stk_${i - 1}`, label: '', strength: 'medium' };
    }
    const raw = { id: 'map_big', name: 'Big', createdAt: 'x', updatedAt: 'x', departments, stakeholders, links, team: {} };
    const result = restored(restoreMap(raw));
    expect(Object.keys(result.map.stakeholders)).toHaveLength(1000);
    expect(Object.keys(result.map.links)).toHaveLength(999);
    expect(result.repairs).toEqual([]);
  });
});
