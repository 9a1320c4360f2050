// A small account map for the panel tests, opened in the store the way MapView opens a loaded map.
import { emptyAccountMap, newDepartment, newLink, newStakeholder, newTeamMember } from '../../../src/domain/defaults';
import type { AccountMap } from '../../../src/domain/types';
import { useMapStore } from '../../../src/store/map-store';

export function smallMap(): AccountMap {
  const map = emptyAccountMap('map-test', 'Nordwind Logistics', '2026-01-05T10:00:00.000Z');
  map.departments = {
    'dep-finance': newDepartment({ id: 'dep-finance', name: 'Finance', coverage: 'engaged', position: { x: 0, y: 0 } }),
    'dep-controlling': newDepartment({ id: 'dep-controlling', name: 'Controlling', parentId: 'dep-finance', coverage: 'white-space', position: { x: 20, y: 60 }, size: { width: 300, height: 200 } }),
    'dep-it': newDepartment({ id: 'dep-it', name: 'IT', position: { x: 600, y: 0 } }),
  };
  map.stakeholders = {
    'stk-ana': newStakeholder({ id: 'stk-ana', name: 'Ana Costa', title: 'CFO', departmentId: 'dep-finance', position: { x: 24, y: 300 }, relationship: 'good' }),
    'stk-bo': newStakeholder({ id: 'stk-bo', name: 'Bo Berg', title: 'CIO', departmentId: 'dep-it', position: { x: 24, y: 60 }, relationship: 'good' }),
  };
  map.links = {
    'lnk-1': newLink({ id: 'lnk-1', kind: 'influences', sourceId: 'stk-ana', targetId: 'stk-bo' }),
  };
  map.team = { 'tm-1': newTeamMember({ id: 'tm-1', name: 'Kim Lee', role: 'results-driver' }) };
  return map;
}

export function openMap(map: AccountMap = smallMap(), selection: string[] = [], options: { readOnly?: boolean } = {}): void {
  const store = useMapStore.getState();
  store.openMap(map, options);
  store.select(selection);
  useMapStore.setState({ notices: [] });
}

export const current = () => useMapStore.getState().map!;
