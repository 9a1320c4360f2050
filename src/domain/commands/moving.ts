// Moving and nesting: drag steps and nudges, moves to absolute positions, and moving a record
// into another department.
import type { AccountMap, Position, Stakeholder } from '../types';
import { growToFit, relativePosition } from './geometry';
import { departmentDepth, descendantsOf } from './hierarchy';
import { CommandError, cleanPosition, departmentOrThrow, isOnCanvas, patched, withDepartment, withStakeholder } from './validation';

/** True when two versions of a stakeholder differ at most in position (a drag step, a nudge). */
export function sameExceptPosition(a: Stakeholder, b: Stakeholder): boolean {
  if (a === b) return true;
  const keys = Object.keys(b) as (keyof Stakeholder)[];
  return keys.length === Object.keys(a).length && keys.every((key) => key === 'position' || Object.is(a[key], b[key]));
}

export function moveItems(map: AccountMap, moves: { id: string; position: Position }[]): AccountMap {
  let stakeholders = map.stakeholders;
  let departments = map.departments;
  for (const { id, position } of moves) {
    // A broken drag (NaN, or far off the canvas) is skipped rather than stored: the card stays where it was.
    if (!isOnCanvas(position)) continue;
    const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
    const person = stakeholders[id];
    if (person) {
      if (person.position.x === rounded.x && person.position.y === rounded.y) continue;
      if (stakeholders === map.stakeholders) stakeholders = { ...stakeholders };
      stakeholders[id] = { ...person, position: rounded };
      continue;
    }
    const department = departments[id];
    if (department) {
      if (department.position.x === rounded.x && department.position.y === rounded.y) continue;
      if (departments === map.departments) departments = { ...departments };
      departments[id] = { ...department, position: rounded };
    }
  }
  if (stakeholders === map.stakeholders && departments === map.departments) return map;
  return { ...map, stakeholders, departments };
}

/**
 * Moves records to absolute map positions (as the canvas reports them). Departments go first,
 * outer before inner, so when a department and its members are dragged together each member's
 * position is taken against where its department now is, and members keep their place in it.
 */
export function moveItemsTo(map: AccountMap, moves: { id: string; position: Position }[]): AccountMap {
  const depth = (id: string) => (map.departments[id] ? departmentDepth(map, id) : Number.MAX_SAFE_INTEGER);
  const ordered = [...moves].sort((a, b) => depth(a.id) - depth(b.id));
  let next = map;
  for (const { id, position } of ordered) {
    if (!isOnCanvas(position)) continue;
    next = moveItems(next, [{ id, position: relativePosition(next, id, position) }]);
  }
  return next;
}

/** Moves a stakeholder or department into another department (or to the top level). */
export function reparent(map: AccountMap, id: string, newParentId: string | null, position: Position): AccountMap {
  if (newParentId && !map.departments[newParentId]) throw new CommandError('That department is no longer on the map.');
  const rounded = cleanPosition(position);
  const person = map.stakeholders[id];
  if (person) return growToFit(withStakeholder(map, patched(person, { departmentId: newParentId, position: rounded })), newParentId);
  const department = departmentOrThrow(map, id);
  if (newParentId === id || (newParentId && descendantsOf(map, id).includes(newParentId))) {
    throw new CommandError('A department cannot be placed inside itself.');
  }
  return growToFit(withDepartment(map, patched(department, { parentId: newParentId, position: rounded })), newParentId);
}
