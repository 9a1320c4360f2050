// What changed between a snapshot and the map now: people added and removed, stance and role
// changes, links made and lost, departments whose coverage moved. Pure, so the panel and the
// tests read the same answer.
import type { AccountMap, BuyingRole, Coverage, Department, Link, Stakeholder, Stance } from './types';

export interface MapComparison {
  added: Stakeholder[];
  removed: Stakeholder[];
  stanceChanged: { stakeholder: Stakeholder; from: Stance; to: Stance }[];
  rolesChanged: { stakeholder: Stakeholder; gained: BuyingRole[]; lost: BuyingRole[] }[];
  linksAdded: Link[];
  linksRemoved: Link[];
  coverageChanged: { department: Department; from: Coverage; to: Coverage }[];
}

/** `before` is the snapshot, `after` the map now; records are matched by id. */
export function compareMaps(before: AccountMap, after: AccountMap): MapComparison {
  const result: MapComparison = { added: [], removed: [], stanceChanged: [], rolesChanged: [], linksAdded: [], linksRemoved: [], coverageChanged: [] };
  for (const person of Object.values(after.stakeholders)) {
    const old = before.stakeholders[person.id];
    if (!old) {
      result.added.push(person);
      continue;
    }
    if (old.stance !== person.stance) result.stanceChanged.push({ stakeholder: person, from: old.stance, to: person.stance });
    const gained = person.roles.filter((role) => !old.roles.includes(role));
    const lost = old.roles.filter((role) => !person.roles.includes(role));
    if (gained.length || lost.length) result.rolesChanged.push({ stakeholder: person, gained, lost });
  }
  for (const person of Object.values(before.stakeholders)) if (!after.stakeholders[person.id]) result.removed.push(person);
  for (const link of Object.values(after.links)) if (!before.links[link.id]) result.linksAdded.push(link);
  for (const link of Object.values(before.links)) if (!after.links[link.id]) result.linksRemoved.push(link);
  for (const department of Object.values(after.departments)) {
    const old = before.departments[department.id];
    if (old && old.coverage !== department.coverage) result.coverageChanged.push({ department, from: old.coverage, to: department.coverage });
  }
  return result;
}

/** How many differences there are in all. */
export function changeCount(comparison: MapComparison): number {
  return Object.values(comparison).reduce((sum, list) => sum + list.length, 0);
}
