import { describe, expect, it } from 'vitest';
import { findMatches, MAX_MATCHES } from '../../../src/panels/find-matches';
import { mapWith } from '../fixtures/maps';

// A large account's namesakes: ten people called Hans Koch, the one in Finance listed last by name order.
const map = mapWith({
  departments: [
    { id: 'dep_fin', name: 'Finance' },
    { id: 'dep_ops', name: 'Operations' },
  ],
  stakeholders: [
    ...Array.from({ length: 10 }, (_, i) => ({ id: `s_ops${i}`, name: 'Hans Koch', title: `Shift Lead ${i}`, departmentId: 'dep_ops' })),
    { id: 's_fin', name: 'Hans Koch', title: 'Vice President Finance', departmentId: 'dep_fin' },
    { id: 's_anna', name: 'Anna Berg', title: 'Controller', departmentId: 'dep_fin' },
    { id: 's_jo', name: 'Johanna Kochanski', title: 'Buyer', departmentId: 'dep_ops' },
  ],
});
const ids = (query: string) => findMatches(map, query).map((match) => match.id);

describe('findMatches', () => {
  it('finds a namesake by a word of their title or department, past the list of others', () => {
    expect(ids('Hans Koch')).toHaveLength(MAX_MATCHES);
    expect(ids('Hans Koch')).not.toContain('s_fin');
    expect(ids('Hans Koch finance')).toEqual(['s_fin']);
    expect(ids('hans koch vice')).toEqual(['s_fin']);
    expect(ids('koch  president')).toEqual(['s_fin']);
  });

  it('lists names that start with what was typed first, then names that hold it, then title and department matches', () => {
    expect(ids('anna')).toEqual(['s_anna', 's_jo']);
    expect(ids('finance')).toEqual(['dep_fin', 's_anna', 's_fin']);
  });

  it('ignores case, accents and punctuation, and finds nothing for blank input or a word no one has', () => {
    expect(ids('ANNA bérg')).toEqual(['s_anna']);
    expect(ids('   ')).toEqual([]);
    expect(ids('hans koch marketing')).toEqual([]);
  });

  it('finds people under the new name of their department, and under their new title', () => {
    expect(ids('hans koch finance')).toEqual(['s_fin']);
    // An edit replaces the records it changes (as the store's commands do).
    const fin = map.departments.dep_fin;
    const renamed = { ...map, departments: { ...map.departments, dep_fin: { ...fin, name: 'Treasury' } } };
    expect(findMatches(renamed, 'hans koch treasury').map((match) => match.id)).toEqual(['s_fin']);
    expect(findMatches(renamed, 'hans koch finance').map((match) => match.id)).toEqual(['s_fin']); // still his title
    const retitled = { ...renamed, stakeholders: { ...renamed.stakeholders, s_fin: { ...renamed.stakeholders.s_fin, title: 'Group Treasurer' } } };
    expect(findMatches(retitled, 'hans koch finance').map((match) => match.id)).toEqual([]);
    expect(ids('hans koch finance')).toEqual(['s_fin']);
  });

  it('tells namesakes apart by their title and department', () => {
    const details = findMatches(map, 'Hans Koch').map((match) => match.detail);
    expect(new Set(details).size).toBe(details.length);
    expect(details[0]).toBe('Shift Lead 0 · Operations');
  });
});
