// Paths from our champions to each decider, along the links that carry a case.
import type { AccountMap, Stakeholder } from '../types';
import { byInfluenceThenName, currentPeople, isDecider } from './helpers';

export interface ChampionPath {
  /** A decision-maker or economic buyer still at the company (open seats are left out). */
  decider: Stakeholder;
  /**
   * The shortest chain from one of our champions to the decider, champion first: stakeholder ids
   * and, between each pair, the id of the link that joins them. Null when no champion reaches them.
   */
  path: { stakeholderIds: string[]; linkIds: string[] } | null;
}

/**
 * Who can carry our case to each decider. A champion reaches someone they influence (the link's
 * direction), anyone they share a reporting line or dotted line with (either way: a manager and a
 * report talk), and an ally. Conflicts carry nothing. Breadth-first from every champion at once,
 * so the chain found is a shortest one; ties go to the first link in the map's order.
 */
export function championPaths(map: AccountMap): ChampionPath[] {
  const present = (id: string) => Boolean(map.stakeholders[id]) && !map.stakeholders[id].leftCompany;
  const next = new Map<string, { to: string; linkId: string }[]>();
  const add = (from: string, to: string, linkId: string) => {
    if (!present(from) || !present(to) || from === to) return;
    const list = next.get(from) ?? [];
    list.push({ to, linkId });
    next.set(from, list);
  };
  for (const link of Object.values(map.links)) {
    if (link.kind === 'conflict') continue;
    add(link.sourceId, link.targetId, link.id);
    if (link.kind !== 'influences') add(link.targetId, link.sourceId, link.id);
  }

  const champions = currentPeople(map).filter((s) => s.stance === 'champion').map((s) => s.id);
  const cameFrom = new Map<string, { from: string; linkId: string } | null>(champions.map((id) => [id, null]));
  const queue = [...champions];
  for (let i = 0; i < queue.length; i++) {
    for (const step of next.get(queue[i]) ?? []) {
      if (cameFrom.has(step.to)) continue;
      cameFrom.set(step.to, { from: queue[i], linkId: step.linkId });
      queue.push(step.to);
    }
  }

  return currentPeople(map)
    .filter(isDecider)
    .sort(byInfluenceThenName)
    .map((decider) => {
      if (!cameFrom.has(decider.id)) return { decider, path: null };
      const stakeholderIds = [decider.id];
      const linkIds: string[] = [];
      for (let step = cameFrom.get(decider.id); step; step = cameFrom.get(step.from)) {
        stakeholderIds.unshift(step.from);
        linkIds.unshift(step.linkId);
      }
      return { decider, path: { stakeholderIds, linkIds } };
    });
}
