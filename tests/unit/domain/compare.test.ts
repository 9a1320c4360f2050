import { describe, expect, it } from 'vitest';
import { changeCount, compareMaps } from '../../../src/domain/compare';
import { addLink, removeItems, setStance, toggleRole, updateDepartment } from '../../../src/domain/commands';
import { newLink, newStakeholder } from '../../../src/domain/defaults';
import { addStakeholder } from '../../../src/domain/commands';
import { createSampleAccountMap } from '../../../src/domain/sample';

const sample = createSampleAccountMap('2026-11-22T09:00:00.000Z');
const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('compareMaps', () => {
  it('finds nothing between a map and itself', () => {
    expect(changeCount(compareMaps(sample, sample))).toBe(0);
  });

  it('lists added and removed people, stance and role changes, links made and lost, coverage moves', () => {
    const [first, second] = Object.keys(sample.stakeholders);
    const department = Object.keys(sample.departments)[0];
    const removedLinks = Object.values(sample.links).filter((l) => l.sourceId === second || l.targetId === second);
    let now = setStance(sample, first, sample.stakeholders[first].stance === 'champion' ? 'blocker' : 'champion');
    now = toggleRole(now, first, 'gatekeeper');
    now = removeItems(now, [second]);
    now = addStakeholder(now, newStakeholder({ id: 'stk_new', name: 'New Person' }));
    now = addLink(now, newLink({ id: 'lnk_new', kind: 'ally', sourceId: 'stk_new', targetId: first }));
    now = updateDepartment(now, department, { coverage: now.departments[department].coverage === 'engaged' ? 'white-space' : 'engaged' });

    const diff = compareMaps(sample, now);
    expect(ids(diff.added)).toEqual(['stk_new']);
    expect(ids(diff.removed)).toEqual([second]);
    expect(diff.stanceChanged.map((c) => [c.stakeholder.id, c.from])).toEqual([[first, sample.stakeholders[first].stance]]);
    const roles = diff.rolesChanged.find((c) => c.stakeholder.id === first)!;
    expect(sample.stakeholders[first].roles.includes('gatekeeper') ? roles.lost : roles.gained).toEqual(['gatekeeper']);
    expect(ids(diff.linksAdded)).toEqual(['lnk_new']);
    expect(ids(diff.linksRemoved).sort()).toEqual(ids(removedLinks).sort());
    expect(diff.coverageChanged.map((c) => c.department.id)).toEqual([department]);
  });
});
