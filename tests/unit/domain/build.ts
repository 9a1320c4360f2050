// Small builders for domain tests: a map from a few records, and deterministic ids.
import { emptyAccountMap, newDepartment, newLink, newStakeholder, newTeamMember } from '../../../src/domain/defaults';
import type { AccountMap, Department, Link, Stakeholder, TeamMember } from '../../../src/domain/types';

export const NOW = '2026-11-20T10:00:00.000Z';

export function mapWith(records: {
  departments?: (Partial<Department> & { id: string })[];
  stakeholders?: (Partial<Stakeholder> & { id: string })[];
  links?: (Partial<Link> & Pick<Link, 'id' | 'kind' | 'sourceId' | 'targetId'>)[];
  team?: (Partial<TeamMember> & { id: string })[];
}): AccountMap {
  const map = emptyAccountMap('map_test', 'Test account', NOW);
  for (const d of records.departments ?? []) map.departments[d.id] = newDepartment({ name: d.id, ...d });
  for (const s of records.stakeholders ?? []) map.stakeholders[s.id] = newStakeholder({ name: s.id, ...s });
  for (const l of records.links ?? []) map.links[l.id] = newLink(l);
  for (const t of records.team ?? []) map.team[t.id] = newTeamMember({ name: t.id, ...t });
  return map;
}

/** makeId for paste/duplicate: prefix_1, prefix_2, ... */
export function counterIds(): (prefix: string) => string {
  let n = 0;
  return (prefix) => `${prefix}_new${++n}`;
}

/**
 * A small company: Finance (with Procurement inside) and IT at the top level, people in each,
 * one person on the open canvas, a team member who owns someone.
 */
export function smallMap(): AccountMap {
  return mapWith({
    departments: [
      { id: 'dep_fin', name: 'Finance', position: { x: 0, y: 0 }, size: { width: 600, height: 500 } },
      { id: 'dep_proc', name: 'Procurement', parentId: 'dep_fin', position: { x: 20, y: 200 }, size: { width: 400, height: 200 } },
      { id: 'dep_it', name: 'IT', position: { x: 800, y: 0 }, size: { width: 400, height: 300 } },
    ],
    stakeholders: [
      { id: 'stk_cfo', name: 'Claire', departmentId: 'dep_fin', position: { x: 20, y: 60 }, ownerId: 'tm_sam' },
      { id: 'stk_buyer', name: 'Zofia', departmentId: 'dep_proc', position: { x: 20, y: 60 } },
      { id: 'stk_cio', name: 'Stavros', departmentId: 'dep_it', position: { x: 20, y: 60 } },
      { id: 'stk_free', name: 'Consultant', position: { x: 1400, y: 0 } },
    ],
    links: [
      { id: 'lnk_1', kind: 'reports-to', sourceId: 'stk_buyer', targetId: 'stk_cfo' },
      { id: 'lnk_2', kind: 'influences', sourceId: 'stk_cio', targetId: 'stk_cfo', strength: 'high' },
      { id: 'lnk_3', kind: 'conflict', sourceId: 'stk_buyer', targetId: 'stk_cio' },
    ],
    team: [{ id: 'tm_sam', name: 'Sam', role: 'results-driver' }],
  });
}
