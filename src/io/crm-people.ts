// Who goes into a CRM export: the people of the map or of the selection, without placeholder seats
// (a seat holds no person, so it would become an empty contact). Kept apart from the writer so the
// export dialog can count them without loading the CSV library.
import type { AccountMap, Stakeholder } from '../domain/types';

/**
 * The people in scope, in name order. `selection` holds ids of stakeholders and departments: a
 * selected department brings everyone inside it, nested departments included; null means the whole map.
 */
export function crmPeople(map: AccountMap, selection: readonly string[] | null): { people: Stakeholder[]; placeholders: number; withoutId: number } {
  const chosen = selection ? new Set(selection) : null;
  const inScope = (person: Stakeholder) => !chosen || chosen.has(person.id) || insideChosen(map, person.departmentId, chosen);
  const all = Object.values(map.stakeholders).filter(inScope);
  const people = all.filter((person) => !person.placeholder).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { people, placeholders: all.length - people.length, withoutId: people.filter((person) => !person.crm?.id).length };
}

/** True when the department or one it sits in is chosen. */
function insideChosen(map: AccountMap, departmentId: string | null, chosen: ReadonlySet<string>): boolean {
  for (let id = departmentId, depth = 0; id && depth < 1000; id = map.departments[id]?.parentId ?? null, depth++) {
    if (chosen.has(id)) return true;
  }
  return false;
}
