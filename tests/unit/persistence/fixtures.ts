// Maps and helpers for the persistence tests: a map of 1,000 stakeholders, and pure edits in the
// shape of domain commands (new objects for what changes).
import { emptyAccountMap, newDepartment, newLink, newStakeholder } from '../../../src/domain/defaults';
import type { AccountMap, Stakeholder } from '../../../src/domain/types';
import { NOW } from '../fixtures/maps';

export function thousandPeopleMap(id = 'map_big', people = 1000): AccountMap {
  const map = emptyAccountMap(id, 'Big account', NOW);
  map.departments = { dep_all: newDepartment({ id: 'dep_all', name: 'Everyone', coverage: 'white-space' }) };
  for (let i = 0; i < people; i++) {
    const personId = `stk_${i}`;
    map.stakeholders[personId] = newStakeholder({ id: personId, name: `Person ${i}`, departmentId: 'dep_all', position: { x: i * 10, y: 0 } });
  }
  for (let i = 1; i < people; i++) {
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
