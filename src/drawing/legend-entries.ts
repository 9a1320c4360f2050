// What the legend explains: the stances, roles, coverage statuses, link kinds and marks that the
// map actually uses, in the vocabulary's order. The on-screen legend and every export read it.
import { BUYING_ROLES, COVERAGE_STATUSES, LINK_KINDS, STANCES, type AccountMap, type BuyingRole, type Coverage, type LinkKind, type Stakeholder, type Stance } from '../domain/types';
import { perMapVersion } from '../domain/map-versions';
import { runAtOnce, type Steps } from '../domain/slices';

export interface LegendEntries {
  stances: Stance[];
  roles: BuyingRole[];
  coverages: Coverage[];
  links: LinkKind[];
  /** Influence bars are on every card, so they are explained whenever there is a card. */
  influence: boolean;
  placeholder: boolean;
  left: boolean;
  noRelationship: boolean;
}

/** How many people, departments and links use each thing the legend can list. */
interface Tallies {
  stances: Map<Stance, number>;
  roles: Map<BuyingRole, number>;
  coverages: Map<Coverage, number>;
  links: Map<LinkKind, number>;
  people: number;
  placeholder: number;
  left: number;
  noRelationship: number;
}

const add = <K>(counts: Map<K, number>, key: K, by: number) => counts.set(key, (counts.get(key) ?? 0) + by);

/** Adds (`by` 1) or takes away (`by` -1) what one person contributes. */
function tallyPerson(tallies: Tallies, person: Stakeholder, by: 1 | -1) {
  add(tallies.stances, person.stance, by);
  for (const role of person.roles) add(tallies.roles, role, by);
  tallies.people += by;
  if (person.placeholder) tallies.placeholder += by;
  if (person.leftCompany) tallies.left += by;
  // The card shows the mark only for a real person still at the company.
  if (person.relationship === 'none' && !person.placeholder && !person.leftCompany) tallies.noRelationship += by;
}

function* talliesOf(map: AccountMap): Steps<Tallies> {
  const tallies: Tallies = { stances: new Map(), roles: new Map(), coverages: new Map(), links: new Map(), people: 0, placeholder: 0, left: 0, noRelationship: 0 };
  for (const person of Object.values(map.stakeholders)) tallyPerson(tallies, person, 1);
  for (const department of Object.values(map.departments)) add(tallies.coverages, department.coverage, 1);
  for (const link of Object.values(map.links)) add(tallies.links, link.kind, 1);
  return tallies;
}

/** After an edit of some people (departments and links as they were): what they contributed is taken away and added again. */
function patchedTallies(before: Tallies, from: AccountMap, map: AccountMap, changed: ReadonlySet<string>): Tallies | null {
  if (from.departments !== map.departments || from.links !== map.links) return null;
  const tallies: Tallies = { ...before, stances: new Map(before.stances), roles: new Map(before.roles) };
  for (const id of changed) {
    if (Object.hasOwn(from.stakeholders, id)) tallyPerson(tallies, from.stakeholders[id], -1);
    if (Object.hasOwn(map.stakeholders, id)) tallyPerson(tallies, map.stakeholders[id], 1);
  }
  return tallies;
}

/** Kept per map version; after an edit of a few people, patched rather than counted again (a walk over 20,000 people per stance set). */
const tallies = perMapVersion(talliesOf, patchedTallies);

/** What the map uses, in the vocabulary's order. */
export function legendEntries(map: AccountMap): LegendEntries {
  const used = runAtOnce(tallies(map));
  const any = <K>(counts: Map<K, number>) => (key: K) => (counts.get(key) ?? 0) > 0;
  return {
    stances: STANCES.filter(any(used.stances)),
    roles: BUYING_ROLES.filter(any(used.roles)),
    coverages: COVERAGE_STATUSES.filter(any(used.coverages)),
    links: LINK_KINDS.filter(any(used.links)),
    influence: used.people > 0,
    placeholder: used.placeholder > 0,
    left: used.left > 0,
    noRelationship: used.noRelationship > 0,
  };
}
