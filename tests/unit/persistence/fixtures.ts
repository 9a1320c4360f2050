// Maps and helpers for the persistence tests: a small map with every record kind, a map of
// 1,000 stakeholders, and pure edits in the shape of domain commands (new objects for what changes).
import { emptyAccountMap, newDepartment, newLink, newStakeholder, newTeamMember } from '../../../src/domain/defaults';
import type { AccountMap, Stakeholder } from '../../../src/domain/types';

export const NOW = '2026-11-20T10:00:00.000Z';

export function smallMap(id = 'map_small', name = 'Nordwind Logistics', updatedAt = NOW): AccountMap {
  const map = emptyAccountMap(id, name, NOW);
  map.updatedAt = updatedAt;
  map.departments = {
    dep_fin: newDepartment({ id: 'dep_fin', name: 'Finance', coverage: 'engaged', products: ['Billing'], position: { x: 0, y: 0 } }),
    dep_ctl: newDepartment({ id: 'dep_ctl', name: 'Controlling', parentId: 'dep_fin', coverage: 'white-space', potentialValue: '€80k', position: { x: 20, y: 60 } }),
    dep_it: newDepartment({ id: 'dep_it', name: 'IT', coverage: 'competitor', competitor: 'Acme', position: { x: 600, y: 0 } }),
  };
  map.team = { tm_kim: newTeamMember({ id: 'tm_kim', name: 'Kim Lee', role: 'results-driver' }) };
  map.stakeholders = {
    stk_ana: newStakeholder({
      id: 'stk_ana',
      name: 'Ana Costa',
      title: 'CFO',
      departmentId: 'dep_fin',
      roles: ['decision-maker', 'economic-buyer'],
      stance: 'champion',
      influence: 'high',
      relationship: 'strong',
      ownerId: 'tm_kim',
      lastContact: '2026-11-02',
      source: 'QBR',
      verifiedOn: '2026-11-02',
      position: { x: 24, y: 300 },
    }),
    stk_bo: newStakeholder({ id: 'stk_bo', name: 'Bo Berg', title: 'CIO', departmentId: 'dep_it', stance: 'blocker', position: { x: 24, y: 60 } }),
    stk_seat: newStakeholder({ id: 'stk_seat', name: 'Head of Controlling', placeholder: true, departmentId: 'dep_ctl', position: { x: 10, y: 50 } }),
  };
  map.links = {
    lnk_1: newLink({ id: 'lnk_1', kind: 'influences', sourceId: 'stk_ana', targetId: 'stk_bo', strength: 'high', label: 'golf' }),
    lnk_2: newLink({ id: 'lnk_2', kind: 'conflict', sourceId: 'stk_bo', targetId: 'stk_seat' }),
  };
  return map;
}

export function thousandPeopleMap(id = 'map_big'): AccountMap {
  const map = emptyAccountMap(id, 'Big account', NOW);
  map.departments = { dep_all: newDepartment({ id: 'dep_all', name: 'Everyone', coverage: 'white-space' }) };
  for (let i = 0; i < 1000; i++) {
    const personId = `stk_${i}`;
    map.stakeholders[personId] = newStakeholder({ id: personId, name: `Person ${i}`, departmentId: 'dep_all', position: { x: i * 10, y: 0 } });
  }
  for (let i = 1; i < 1000; i++) {
    map.links[`lnk_${i}`] = newLink({ id: `lnk_${i}`, kind: 'reports-to', sourceId: `stk_${i}`, targetId: 'stk_0' });
  }
  return map;
}

/** One stakeholder changed: a new map object, a new stakeholders object, one new stakeholder. */
export function editStakeholder(map: AccountMap, id: string, fields: Partial<Stakeholder>): AccountMap {
  return {
    ...map,
    updatedAt: new Date().toISOString(),
    stakeholders: { ...map.stakeholders, [id]: { ...map.stakeholders[id], ...fields } },
  };
}

export function removeStakeholder(map: AccountMap, id: string): AccountMap {
  const { [id]: _removed, ...stakeholders } = map.stakeholders;
  return { ...map, updatedAt: new Date().toISOString(), stakeholders };
}

export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the check passes (real timers; Dexie's promises do not mix well with fake ones). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(10);
    }
  }
}
