// Moving and nesting: drag steps and nudges, moves to absolute positions, and moving a record
// into another department.
import type { AccountMap, Department, Position, Stakeholder } from '../types';
import { withRecords } from '../table-changes';
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
  // The moved records, copied into each table once (withRecords), so one card moved costs one record.
  const people = new Map<string, Stakeholder>();
  const departments = new Map<string, Department>();
  for (const { id, position } of moves) {
    // A broken drag (NaN, or far off the canvas) is skipped rather than stored: the card stays where it was.
    if (!isOnCanvas(position)) continue;
    const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
    const person = people.get(id) ?? map.stakeholders[id];
    if (person) {
      if (person.position.x === rounded.x && person.position.y === rounded.y) continue;
      people.set(id, { ...person, position: rounded });
      continue;
    }
    const department = departments.get(id) ?? map.departments[id];
    if (department) {
      if (department.position.x === rounded.x && department.position.y === rounded.y) continue;
      departments.set(id, { ...department, position: rounded });
    }
  }
  if (people.size === 0 && departments.size === 0) return map;
  return {
    ...map,
    stakeholders: people.size ? withRecords(map.stakeholders, people.values()) : map.stakeholders,
    departments: departments.size ? withRecords(map.departments, departments.values()) : map.departments,
  };
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
