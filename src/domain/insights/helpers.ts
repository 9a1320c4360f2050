// Small questions the insights ask of a map: who is still there, who decides, who owns whom,
// how long since a date, where a department sits. Shared by key people, risks and white space.
import { t } from '../../i18n';
import type { AccountMap, BuyingRole, Department, Influence, Stakeholder, TeamMember } from '../types';

const INFLUENCE_RANK: Record<Influence, number> = { high: 0, medium: 1, low: 2 };
/** Not rated yet sorts with medium: neither raised nor sunk by a rating nobody gave. */
const rank = (person: Stakeholder) => INFLUENCE_RANK[person.influence ?? 'medium'];

/**
 * Highest influence first, real people before open seats, then by name, then by id so the order
 * never depends on insertion.
 */
export function byInfluenceThenName(a: Stakeholder, b: Stakeholder): number {
  return (
    rank(a) - rank(b) ||
    Number(a.placeholder) - Number(b.placeholder) ||
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
    a.id.localeCompare(b.id)
  );
}

/** People still at the company (placeholders included: an open seat is still a seat). */
export function current(map: AccountMap): Stakeholder[] {
  return Object.values(map.stakeholders).filter((s) => !s.leftCompany);
}

/** Real people still at the company: not left, not a placeholder seat. */
export function currentPeople(map: AccountMap): Stakeholder[] {
  return current(map).filter((s) => !s.placeholder);
}

export const hasRole = (stakeholder: Stakeholder, role: BuyingRole) => stakeholder.roles.includes(role);
/** Decision-maker or economic buyer: the people who say yes and sign. */
export const isDecider = (s: Stakeholder) => hasRole(s, 'decision-maker') || hasRole(s, 'economic-buyer');

/** The owner on our team, or null when none is set or the owner is no longer on the team. */
export function ownerOf(map: AccountMap, stakeholder: Stakeholder): TeamMember | null {
  return stakeholder.ownerId ? (map.team[stakeholder.ownerId] ?? null) : null;
}

/** "Henrik Larsen (CEO)", or just the name when there is no title. */
export function nameWithTitle(stakeholder: Stakeholder): string {
  const name = stakeholder.name.trim() || t('insights.unnamed');
  const title = stakeholder.title.trim();
  return title ? `${name} (${title})` : name;
}

/** "a decision-maker", "an economic buyer", "a decision-maker and economic buyer". */
export function deciderPhrase(stakeholder: Stakeholder): string {
  const dm = hasRole(stakeholder, 'decision-maker');
  const eb = hasRole(stakeholder, 'economic-buyer');
  if (dm && eb) return t('insights.role.both');
  return t(dm ? 'insights.role.decision-maker' : 'insights.role.economic-buyer');
}

/** Whole days from an ISO date (YYYY-MM-DD) to `now`'s calendar day, or null if the date is unreadable. */
export function daysSince(isoDate: string | null, now: Date): number | null {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!match) return null;
  const then = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(then)) return null;
  // Calendar days in the user's own time zone: "today" is the day on their wall clock.
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((today - then) / 86_400_000);
}

/** The department and every department nested in it (cycle-safe, so a corrupt map cannot hang). */
export function departmentAndDescendants(map: AccountMap, departmentId: string): Set<string> {
  const found = new Set<string>([departmentId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of Object.values(map.departments)) {
      if (department.parentId && found.has(department.parentId) && !found.has(department.id)) {
        found.add(department.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Department names from the top level down to this one: ["IT", "Data & Analytics"]. */
export function departmentPath(map: AccountMap, departmentId: string): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let department: Department | undefined = map.departments[departmentId];
  while (department && !seen.has(department.id)) {
    seen.add(department.id);
    path.unshift(department.name);
    department = department.parentId ? map.departments[department.parentId] : undefined;
  }
  return path;
}

/** Who sits in the department or anywhere below it. */
export function peopleIn(people: Stakeholder[], departments: Set<string>): Stakeholder[] {
  return people.filter((s) => s.departmentId !== null && departments.has(s.departmentId)).sort(byInfluenceThenName);
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
