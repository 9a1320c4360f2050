// Commands on stakeholders: add, edit, stance and roles, filling a placeholder seat, leaving the company.
import type { AccountMap, BuyingRole, Stakeholder, Stance } from '../types';
import { growToFit } from './geometry';
import { stakeholderSize } from '../card-layout';
import { makeRoom } from './room';
import { CommandError, cleanPosition, patched, stakeholderOrThrow, validateName, withStakeholder } from './validation';

/**
 * After an edit to stakeholder `id`: if its card grew (a longer name, another row of badges, an
 * owner line), its department grows around it and what it would now cover steps aside.
 */
function makeRoomFor(before: AccountMap, after: AccountMap, id: string): AccountMap {
  const was = stakeholderSize(before, before.stakeholders[id]);
  const now = stakeholderSize(after, after.stakeholders[id]);
  if (now.width <= was.width && now.height <= was.height) return after;
  return makeRoom(before, growToFit(after, after.stakeholders[id].departmentId), id);
}

export function addStakeholder(map: AccountMap, stakeholder: Stakeholder): AccountMap {
  if (map.stakeholders[stakeholder.id] || map.departments[stakeholder.id]) throw new CommandError('That id is already in use.');
  if (stakeholder.departmentId && !map.departments[stakeholder.departmentId]) {
    throw new CommandError('That department is no longer on the map.');
  }
  if (stakeholder.ownerId && !map.team[stakeholder.ownerId]) throw new CommandError('That owner is not on our team.');
  if (stakeholder.successorId && !map.stakeholders[stakeholder.successorId]) {
    throw new CommandError('Pick another stakeholder on this map as the successor.');
  }
  const next = withStakeholder(map, {
    ...stakeholder,
    name: validateName(stakeholder.name, 'A stakeholder'),
    position: cleanPosition(stakeholder.position),
  });
  return growToFit(next, stakeholder.departmentId);
}

export function updateStakeholder(map: AccountMap, id: string, patch: Partial<Omit<Stakeholder, 'id'>>): AccountMap {
  const current = stakeholderOrThrow(map, id);
  const clean = { ...patch };
  if (clean.name !== undefined) clean.name = validateName(clean.name, 'A stakeholder');
  if (clean.departmentId !== undefined && clean.departmentId !== current.departmentId) {
    throw new CommandError('Use reparent to move a stakeholder to another department.');
  }
  if (clean.position !== undefined) clean.position = cleanPosition(clean.position);
  if (clean.ownerId && !map.team[clean.ownerId]) throw new CommandError('That owner is not on our team.');
  if (clean.successorId && (clean.successorId === id || !map.stakeholders[clean.successorId])) {
    throw new CommandError('Pick another stakeholder on this map as the successor.');
  }
  return makeRoomFor(map, withStakeholder(map, patched(current, clean)), id);
}

export function setStance(map: AccountMap, id: string, stance: Stance): AccountMap {
  return withStakeholder(map, patched(stakeholderOrThrow(map, id), { stance }));
}

/** Adds the role if the stakeholder lacks it, removes it otherwise. */
export function toggleRole(map: AccountMap, id: string, role: BuyingRole): AccountMap {
  const current = stakeholderOrThrow(map, id);
  const roles = current.roles.includes(role) ? current.roles.filter((r) => r !== role) : [...current.roles, role];
  return makeRoomFor(map, withStakeholder(map, { ...current, roles }), id);
}

/** Turns a placeholder seat into the real person, keeping its id and so all its links. */
export function fillPlaceholder(map: AccountMap, id: string, fields: { name: string; title?: string }): AccountMap {
  const current = stakeholderOrThrow(map, id);
  const filled = withStakeholder(map, {
    ...current,
    placeholder: false,
    name: validateName(fields.name, 'A stakeholder'),
    title: fields.title ?? current.title,
  });
  return makeRoomFor(map, filled, id);
}

export function markLeftCompany(
  map: AccountMap,
  id: string,
  departure: { leftTo: string; successorId: string | null } | null,
): AccountMap {
  const current = stakeholderOrThrow(map, id);
  if (!departure) return withStakeholder(map, patched(current, { leftCompany: false, leftTo: '', successorId: null }));
  if (departure.successorId && (departure.successorId === id || !map.stakeholders[departure.successorId])) {
    throw new CommandError('Pick another stakeholder on this map as the successor.');
  }
  const left = withStakeholder(map, patched(current, { leftCompany: true, leftTo: departure.leftTo.trim(), successorId: departure.successorId }));
  return makeRoomFor(map, left, id);
}

/** Undoes "left the company": the person is back in their seat, with no new employer or successor. */
export function clearLeftCompany(map: AccountMap, id: string): AccountMap {
  return markLeftCompany(map, id, null);
}
