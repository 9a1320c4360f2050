// Moving cards between departments where the user gives no exact spot: after a drag on the canvas
// (the drop point decides), and from the inspector's department select (the first free spot).
import { DEPARTMENT_HEADER_HEIGHT } from './defaults';
import { absolutePosition, departmentAt, descendantsOf, findFreeSpot, recordRect, reparent } from './commands';
import type { AccountMap } from './types';

function parentOf(map: AccountMap, id: string): string | null {
  return map.stakeholders[id]?.departmentId ?? map.departments[id]?.parentId ?? null;
}

function hasDraggedAncestor(map: AccountMap, id: string, dragged: ReadonlySet<string>): boolean {
  for (let parent = parentOf(map, id), guard = 0; parent && guard < 64; parent = parentOf(map, parent), guard++) {
    if (dragged.has(parent)) return true;
  }
  return false;
}

/**
 * After a drag: a card dropped inside a department becomes its member; dropped outside, it joins
 * whatever it landed in (or none). Cards dragged along with their department stay where they are.
 */
export function reparentDropped(map: AccountMap, draggedIds: readonly string[]): AccountMap {
  const dragged = new Set(draggedIds);
  let next = map;
  for (const id of draggedIds) {
    if (!(Object.hasOwn(next.stakeholders, id) || Object.hasOwn(next.departments, id)) || hasDraggedAncestor(next, id, dragged)) continue;
    const size = recordRect(next, id)!;
    const origin = absolutePosition(next, id);
    const centre = { x: origin.x + size.width / 2, y: origin.y + size.height / 2 };
    const excluded = Object.hasOwn(next.departments, id) ? [id, ...descendantsOf(next, id)] : [id];
    const target = departmentAt(next, centre, excluded)?.id ?? null;
    if (target === parentOf(next, id)) continue;
    const targetOrigin = target ? absolutePosition(next, target) : { x: 0, y: 0 };
    next = reparent(next, id, target, { x: origin.x - targetOrigin.x, y: origin.y - targetOrigin.y });
  }
  return next;
}

/**
 * From the inspector's select, where there is no drop point: into a department the card lands in
 * the first free spot below the title bar; out to the open canvas it keeps its place on screen.
 */
export function moveInto(map: AccountMap, id: string, parentId: string | null): AccountMap {
  const size = recordRect(map, id);
  if (!size) return map;
  const position = parentId
    ? findFreeSpot(map, parentId, { x: 24, y: DEPARTMENT_HEADER_HEIGHT + 16 }, size)
    : absolutePosition(map, id);
  return reparent(map, id, parentId, position);
}
