// Who matters on a map: the key people, a summary in numbers, and the links around one person.
import type { AccountMap, Stakeholder, Stance } from '../types';
import { STANCES } from '../types';
import { byInfluenceThenName, current, currentPeople, hasRole, isDecider, ownerOf } from './helpers';

// ------------------------------------------------------------------ key people

export interface LeftCompanyEntry {
  stakeholder: Stakeholder;
  /** Where they went, as written on the card; empty when unknown. */
  leftTo: string;
  /** Who took over the seat, or null when none is identified (or the link points nowhere). */
  successor: Stakeholder | null;
}

export interface KeyPeople {
  /** Each list: people still at the company, highest influence first, then by name. Open seats included. */
  decisionMakers: Stakeholder[];
  economicBuyers: Stakeholder[];
  champions: Stakeholder[];
  blockers: Stakeholder[];
  /** Everyone who left, by name, with where they went and their successor. */
  leftCompany: LeftCompanyEntry[];
}

export function keyPeople(map: AccountMap): KeyPeople {
  const people = current(map).sort(byInfluenceThenName);
  const leftCompany = Object.values(map.stakeholders)
    .filter((s) => s.leftCompany)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id))
    .map((stakeholder) => ({
      stakeholder,
      leftTo: stakeholder.leftTo.trim(),
      successor: (stakeholder.successorId && map.stakeholders[stakeholder.successorId]) || null,
    }));
  return {
    decisionMakers: people.filter((s) => hasRole(s, 'decision-maker')),
    economicBuyers: people.filter((s) => hasRole(s, 'economic-buyer')),
    champions: people.filter((s) => s.stance === 'champion'),
    blockers: people.filter((s) => s.stance === 'blocker'),
    leftCompany,
  };
}

// ------------------------------------------------------------------ summary

export interface MapSummary {
  /** Real people still at the company (no placeholders, nobody who left). */
  stakeholders: number;
  byStance: Record<Stance, number>;
  /** Placeholder seats still to fill. */
  openSeats: number;
  leftCompany: number;
  /**
   * Decision-makers and economic buyers, open seats included, and how many of them are covered:
   * an owner on our team and a good or strong relationship.
   */
  deciders: { total: number; covered: number };
}

/** Covered: someone on our team owns them and we know them well. */
export function isCovered(map: AccountMap, stakeholder: Stakeholder): boolean {
  return !stakeholder.placeholder && ownerOf(map, stakeholder) !== null && (stakeholder.relationship === 'strong' || stakeholder.relationship === 'good');
}

export function summary(map: AccountMap): MapSummary {
  const people = currentPeople(map);
  const byStance = Object.fromEntries(STANCES.map((stance) => [stance, 0])) as Record<Stance, number>;
  for (const person of people) byStance[person.stance] += 1;
  const deciders = current(map).filter(isDecider);
  return {
    stakeholders: people.length,
    byStance,
    openSeats: current(map).filter((s) => s.placeholder).length,
    leftCompany: Object.values(map.stakeholders).filter((s) => s.leftCompany).length,
    deciders: { total: deciders.length, covered: deciders.filter((s) => isCovered(map, s)).length },
  };
}

// ------------------------------------------------------------------ connections

export interface Connections {
  reportsTo: Stakeholder[];
  influences: { stakeholder: Stakeholder; label: string }[];
  influencedBy: { stakeholder: Stakeholder; label: string }[];
  allies: Stakeholder[];
  conflicts: Stakeholder[];
}

/** The links around one person, as a handover explains them ("builds the budget case with the CFO"). */
export function connectionsOf(map: AccountMap, stakeholderId: string): Connections {
  const result: Connections = { reportsTo: [], influences: [], influencedBy: [], allies: [], conflicts: [] };
  for (const link of Object.values(map.links)) {
    const touches = link.sourceId === stakeholderId || link.targetId === stakeholderId;
    if (!touches) continue;
    const otherId = link.sourceId === stakeholderId ? link.targetId : link.sourceId;
    const other = map.stakeholders[otherId];
    if (!other || otherId === stakeholderId) continue;
    const outgoing = link.sourceId === stakeholderId;
    if (link.kind === 'reports-to' && outgoing) result.reportsTo.push(other);
    else if (link.kind === 'influences') (outgoing ? result.influences : result.influencedBy).push({ stakeholder: other, label: link.label.trim() });
    else if (link.kind === 'ally') result.allies.push(other);
    else if (link.kind === 'conflict') result.conflicts.push(other);
  }
  return result;
}
