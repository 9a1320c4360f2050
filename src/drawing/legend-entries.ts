// What the legend explains: the stances, roles, coverage statuses, link kinds and marks that the
// map actually uses, in the vocabulary's order. The on-screen legend and every export read it.
import { BUYING_ROLES, COVERAGE_STATUSES, LINK_KINDS, STANCES, type AccountMap, type BuyingRole, type Coverage, type LinkKind, type Stance } from '../domain/types';

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

/** What the map uses, in the vocabulary's order. */
export function legendEntries(map: AccountMap): LegendEntries {
  const people = Object.values(map.stakeholders);
  const departments = Object.values(map.departments);
  const links = Object.values(map.links);
  return {
    stances: STANCES.filter((s) => people.some((p) => p.stance === s)),
    roles: BUYING_ROLES.filter((r) => people.some((p) => p.roles.includes(r))),
    coverages: COVERAGE_STATUSES.filter((c) => departments.some((d) => d.coverage === c)),
    links: LINK_KINDS.filter((k) => links.some((l) => l.kind === k)),
    influence: people.length > 0,
    placeholder: people.some((p) => p.placeholder),
    left: people.some((p) => p.leftCompany),
    // The card shows the mark only for a real person still at the company.
    noRelationship: people.some((p) => p.relationship === 'none' && !p.placeholder && !p.leftCompany),
  };
}
