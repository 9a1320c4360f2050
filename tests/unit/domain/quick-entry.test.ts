import { describe, expect, it } from 'vitest';
import { parseLinkEntry, parseQuickEntry } from '../../../src/domain/quick-entry';
import { mapWith, smallMap } from '../fixtures/maps';

const map = mapWith({
  departments: [
    { id: 'dep_fin', name: 'Finance' },
    { id: 'dep_hub', name: 'Hub Network' },
    { id: 'dep_data', name: 'Data & Analytics' },
    { id: 'dep_ops', name: 'Operations' },
    { id: 'dep_opx', name: 'Operational Excellence' },
  ],
});

describe('parseQuickEntry', () => {
  it('reads a full line: name, title, department, role and stance', () => {
    expect(parseQuickEntry('Maria Nowak, CFO @Finance #decision-maker #champion', map)).toEqual({
      name: 'Maria Nowak',
      title: 'CFO',
      departmentName: 'Finance',
      departmentId: 'dep_fin',
      roles: ['decision-maker'],
      stance: 'champion',
      influence: null,
      placeholder: false,
      coverage: null,
      unknownTags: [],
    });
  });

  it('takes a bare name, short role tags, influence, placeholder, and reports tags it does not know', () => {
    expect(parseQuickEntry('  Jonas   Weber ', map)).toMatchObject({ name: 'Jonas Weber', title: '', departmentId: null, roles: [] });
    const entry = parseQuickEntry('CDO, Chief Digital Officer #dm #eb #high #placeholder #vip', map);
    expect(entry).toMatchObject({ name: 'CDO', title: 'Chief Digital Officer', roles: ['decision-maker', 'economic-buyer'], influence: 'high', placeholder: true });
    expect(entry.unknownTags).toEqual(['#vip']);
  });

  it('matches departments with spaces, ignoring case, accents and punctuation, and by a unique prefix only', () => {
    expect(parseQuickEntry('Kai @hub network #neutral', map).departmentId).toBe('dep_hub');
    expect(parseQuickEntry('Anna @data analytics', map).departmentId).toBe('dep_data');
    expect(parseQuickEntry('Eva @fin', map).departmentId).toBe('dep_fin');
    // "Oper" starts two departments: no guess; the name is kept so the caller can create it or ask.
    expect(parseQuickEntry('Tom @Oper', map)).toMatchObject({ departmentId: null, departmentName: 'Oper' });
    expect(parseQuickEntry('Lea @Legal', map)).toMatchObject({ departmentId: null, departmentName: 'Legal' });
  });

  it('gives an empty name for a line with only marks, and keeps markup as plain text', () => {
    expect(parseQuickEntry('@Finance #champion', map).name).toBe('');
    expect(parseQuickEntry('<b>Bo</b>, <i>Head</i>', map)).toMatchObject({ name: '<b>Bo</b>', title: '<i>Head</i>' });
  });
});

describe('parseLinkEntry', () => {
  const map = smallMap(); // Claire, Zofia, Stavros Papadopoulos, Consultant; Finance, Procurement, IT

  it('reads "A > B" and "A -> B" between people on the map, by name or the start of one', () => {
    expect(parseLinkEntry('Zofia > Claire', map)).toMatchObject({ sourceId: 'stk_buyer', targetId: 'stk_cfo', kind: null, problem: null });
    expect(parseLinkEntry('  zof  ->  stavros ', map)).toMatchObject({ sourceId: 'stk_buyer', targetId: 'stk_cio', problem: null });
    expect(parseLinkEntry('Consultant > IT', map)).toMatchObject({ sourceId: 'stk_free', targetId: 'dep_it' });
  });

  it('takes the kind from a tag, and reports a tag that is no kind', () => {
    expect(parseLinkEntry('Zofia > Claire #reports-to', map)?.kind).toBe('reports-to');
    expect(parseLinkEntry('Zofia > Claire #dotted', map)?.kind).toBe('dotted-line');
    expect(parseLinkEntry('Zofia > Claire #ally', map)).toMatchObject({ kind: 'ally', unknownTag: null });
    expect(parseLinkEntry('Zofia > Claire #friends', map)).toMatchObject({ kind: null, unknownTag: '#friends' });
  });

  it('says which end it cannot find, or cannot tell apart, and is not a link line without ">"', () => {
    expect(parseLinkEntry('Nobody > Claire', map)?.problem).toEqual({ end: 'source', kind: 'missing' });
    expect(parseLinkEntry('Claire > Nobody', map)?.problem).toEqual({ end: 'target', kind: 'missing' });
    expect(parseLinkEntry('Claire > Claire', map)?.problem).toEqual({ end: 'target', kind: 'missing' });
    const twoAnnas = mapWith({ stakeholders: [{ id: 'a1', name: 'Anna Berg' }, { id: 'a2', name: 'Anna Kuz' }, { id: 'b', name: 'Boris' }] });
    expect(parseLinkEntry('Anna > Boris', twoAnnas)?.problem).toEqual({ end: 'source', kind: 'ambiguous' });
    expect(parseLinkEntry('Anna K > Boris', twoAnnas)).toMatchObject({ sourceId: 'a2', problem: null });
    expect(parseLinkEntry('Maria Nowak, CFO @Finance #champion', map)).toBeNull();
  });
});
