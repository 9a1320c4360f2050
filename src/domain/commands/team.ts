// Commands on our team: the people on our side who own stakeholders.
import type { AccountMap, TeamMember } from '../types';
import { removeItems } from './removal';
import { CommandError, patched, validateName } from './validation';

export function addTeamMember(map: AccountMap, member: TeamMember): AccountMap {
  if (map.team[member.id] || map.stakeholders[member.id] || map.departments[member.id] || map.links[member.id]) {
    throw new CommandError('That id is already in use.');
  }
  return { ...map, team: { ...map.team, [member.id]: { ...member, name: validateName(member.name, 'A team member') } } };
}

export function updateTeamMember(map: AccountMap, id: string, patch: Partial<Omit<TeamMember, 'id'>>): AccountMap {
  const current = map.team[id];
  if (!current) throw new CommandError('That team member is no longer on the map.');
  const clean = { ...patch };
  if (clean.name !== undefined) clean.name = validateName(clean.name, 'A team member');
  const next = patched(current, clean);
  return next === current ? map : { ...map, team: { ...map.team, [id]: next } };
}

/** Removes a team member; the stakeholders they owned are left without an owner. */
export function removeTeamMember(map: AccountMap, id: string): AccountMap {
  return map.team[id] ? removeItems(map, [id]) : map;
}
