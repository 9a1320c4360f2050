import { describe, expect, it } from 'vitest';
import { inFocus, type FocusFilter } from '../../../src/domain/focus';
import { mapWith } from '../fixtures/maps';

const map = mapWith({
  departments: [{ id: 'fin' }, { id: 'proc', parentId: 'fin' }, { id: 'it' }],
  team: [{ id: 'tm_sam' }],
  stakeholders: [
    { id: 'cfo', departmentId: 'fin', stance: 'champion', roles: ['decision-maker', 'economic-buyer'], influence: 'high', ownerId: 'tm_sam' },
    { id: 'buyer', departmentId: 'proc', stance: 'blocker', roles: ['gatekeeper'], influence: 'high' },
    { id: 'cio', departmentId: 'it', stance: 'supporter', roles: ['decision-maker'], influence: 'medium' },
    { id: 'gone', stance: 'champion', leftCompany: true },
  ],
});
const focused = (filters: FocusFilter[]) => Object.values(map.stakeholders).filter((s) => inFocus(map, s, filters)).map((s) => s.id);

describe('inFocus', () => {
  it('keeps everyone without filters', () => {
    expect(focused([])).toEqual(['cfo', 'buyer', 'cio', 'gone']);
  });
  it('widens within a kind and narrows across kinds', () => {
    expect(focused([{ kind: 'stance', value: 'champion' }, { kind: 'stance', value: 'supporter' }])).toEqual(['cfo', 'cio', 'gone']);
    expect(focused([{ kind: 'stance', value: 'champion' }, { kind: 'role', value: 'decision-maker' }])).toEqual(['cfo']);
  });
  it('reads roles, influence, owner and left the company', () => {
    expect(focused([{ kind: 'role', value: 'decision-maker' }])).toEqual(['cfo', 'cio']);
    expect(focused([{ kind: 'influence', value: 'high' }])).toEqual(['cfo', 'buyer']);
    expect(focused([{ kind: 'owner', value: 'tm_sam' }])).toEqual(['cfo']);
    expect(focused([{ kind: 'left', value: 'yes' }])).toEqual(['gone']);
  });
  it('counts the departments inside a department', () => {
    expect(focused([{ kind: 'department', value: 'fin' }])).toEqual(['cfo', 'buyer']);
    expect(focused([{ kind: 'department', value: 'proc' }])).toEqual(['buyer']);
  });
});
