// Commands on links: add, edit, reverse. Every change is checked against the map first.
import { LINK_KINDS } from '../types';
import type { AccountMap, Link } from '../types';
import { CommandError, patched, withLink } from './validation';

/** Why a link cannot be on the map, or null if it can. Shared by addLink and updateLink. */
function linkProblem(map: AccountMap, link: Link): string | null {
  const exists = (id: string) => !!(map.stakeholders[id] || map.departments[id]);
  if (!LINK_KINDS.includes(link.kind)) return 'That kind of link does not exist.';
  if (link.sourceId === link.targetId) return 'A link needs two different cards.';
  if (!exists(link.sourceId) || !exists(link.targetId)) return 'A link needs a card at both ends.';
  if (!map.stakeholders[link.sourceId] && !map.stakeholders[link.targetId]) {
    return 'A link joins a stakeholder to another stakeholder or to a department.';
  }
  const duplicate = Object.values(map.links).some(
    (other) =>
      other.id !== link.id && other.kind === link.kind && other.sourceId === link.sourceId && other.targetId === link.targetId,
  );
  return duplicate ? 'That link is already on the map.' : null;
}

export function addLink(map: AccountMap, link: Link): AccountMap {
  if (map.links[link.id]) throw new CommandError('That id is already in use.');
  const problem = linkProblem(map, link);
  if (problem) throw new CommandError(problem);
  return withLink(map, link);
}

/** Changes a link's kind, label or strength; swapping sourceId and targetId reverses its direction. */
export function updateLink(map: AccountMap, id: string, patch: Partial<Omit<Link, 'id'>>): AccountMap {
  const current = map.links[id];
  if (!current) throw new CommandError('That link is no longer on the map.');
  const next = patched<Link>(current, patch);
  if (next === current) return map;
  const problem = linkProblem(map, next);
  if (problem) throw new CommandError(problem);
  return withLink(map, next);
}

/** Turns the arrow around: the report becomes the manager, the influencer the influenced. */
export function reverseLink(map: AccountMap, id: string): AccountMap {
  const current = map.links[id];
  if (!current) throw new CommandError('That link is no longer on the map.');
  return updateLink(map, id, { sourceId: current.targetId, targetId: current.sourceId });
}
