// Commands on departments: add, edit, resize.
import type { AccountMap, Department, Position, Size } from '../types';
import { growToFit } from './geometry';
import { departmentMinWidth } from '../card-layout';
import { moveItems } from './moving';
import { makeRoom } from './room';
import { CommandError, cleanPosition, cleanSize, departmentOrThrow, patched, validateName, withDepartment } from './validation';

export function addDepartment(map: AccountMap, department: Department): AccountMap {
  if (map.departments[department.id] || map.stakeholders[department.id]) throw new CommandError('That id is already in use.');
  if (department.parentId && !map.departments[department.parentId]) {
    throw new CommandError('That department is no longer on the map.');
  }
  const next = withDepartment(map, {
    ...department,
    name: validateName(department.name, 'A department'),
    position: cleanPosition(department.position),
    size: cleanSize(department.size),
  });
  return growToFit(next, department.parentId);
}

export function updateDepartment(map: AccountMap, id: string, patch: Partial<Omit<Department, 'id'>>): AccountMap {
  const current = departmentOrThrow(map, id);
  const clean = { ...patch };
  if (clean.name !== undefined) clean.name = validateName(clean.name, 'A department');
  if (clean.parentId !== undefined && clean.parentId !== current.parentId) {
    throw new CommandError('Use reparent to move a department into another one.');
  }
  if (clean.position !== undefined) clean.position = cleanPosition(clean.position);
  if (clean.size !== undefined) clean.size = cleanSize(clean.size);
  const next = patched(current, clean);
  // A longer name (or potential value) widens the frame so it stays whole on one line, and the
  // departments and cards it would now cover step aside (a renamed frame grew over its neighbour).
  if ((clean.name !== undefined || clean.potentialValue !== undefined || clean.coverage !== undefined) && next !== current) {
    const width = departmentMinWidth(next);
    if (next.size.width < width && width > current.size.width) {
      return makeRoom(map, growToFit(withDepartment(map, { ...next, size: { ...next.size, width } }), next.parentId), id);
    }
  }
  return withDepartment(map, next);
}

/** Resizes a department; `position` is given when the user drags the top or left edge. */
/**
 * New size (and, when resized from the left or top edge, new position) for a department. Its
 * members keep their place on the map: they are shifted back by as much as the origin moved.
 */
export function resizeDepartment(map: AccountMap, id: string, size: Size, position?: Position): AccountMap {
  const current = departmentOrThrow(map, id);
  const nextSize = cleanSize(size);
  if (!position) return withDepartment(map, patched(current, { size: nextSize }));
  const nextPosition = cleanPosition(position);
  const dx = nextPosition.x - current.position.x;
  const dy = nextPosition.y - current.position.y;
  let next = withDepartment(map, patched(current, { size: nextSize, position: nextPosition }));
  if (dx === 0 && dy === 0) return next;
  const shifted = (p: Position) => ({ x: p.x - dx, y: p.y - dy });
  const members: { id: string; position: Position }[] = [
    ...Object.values(next.stakeholders).filter((p) => p.departmentId === id),
    ...Object.values(next.departments).filter((d) => d.parentId === id),
  ].map((record) => ({ id: record.id, position: shifted(record.position) }));
  next = moveItems(next, members);
  return next;
}
