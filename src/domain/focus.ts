// Focus: which stakeholders a workshop is talking about right now ("only the blockers", "only
// Finance"). Filters of one kind widen the focus (champions or supporters); filters of different
// kinds narrow it (champions in Finance). Pure, so the canvas, tests and a later export agree.
import type { AccountMap, Stakeholder } from './types';

export type FocusKind = 'stance' | 'role' | 'influence' | 'department' | 'owner' | 'left';

export interface FocusFilter {
  kind: FocusKind;
  /** A stance, role or influence value, a department or team member id; 'yes' for left. */
  value: string;
}

/** True when the stakeholder is one the filters point at (always true without filters). */
export function inFocus(map: AccountMap, stakeholder: Stakeholder, filters: readonly FocusFilter[]): boolean {
  const kinds = new Map<FocusKind, string[]>();
  for (const filter of filters) kinds.set(filter.kind, [...(kinds.get(filter.kind) ?? []), filter.value]);
  for (const [kind, values] of kinds) {
    const match = values.some((value) => {
      switch (kind) {
        case 'stance':
          return stakeholder.stance === value;
        case 'role':
          return (stakeholder.roles as string[]).includes(value);
        case 'influence':
          return stakeholder.influence === value;
        case 'owner':
          return stakeholder.ownerId === value;
        case 'left':
          return stakeholder.leftCompany;
        case 'department':
          return isWithin(map, stakeholder.departmentId, value);
      }
    });
    if (!match) return false;
  }
  return true;
}

/** True when `departmentId` is `ancestorId` or inside it, at any depth (a department includes its sub-departments). */
function isWithin(map: AccountMap, departmentId: string | null, ancestorId: string): boolean {
  for (let id = departmentId, guard = 0; id && guard < 64; id = map.departments[id]?.parentId ?? null, guard++) {
    if (id === ancestorId) return true;
  }
  return false;
}
