// Moving cards between departments where the user gives no exact spot: after a drag on the canvas
// (the drop point decides), and from the inspector's department select (the first free spot).
import { DEPARTMENT_HEADER_HEIGHT } from './defaults';
import { absolutePosition, departmentAt, descendantsOf, findClearSpot, findFreeSpot, makeRoom, overlaps, recordRect, reparent, siblingBoxes } from './commands';
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
 * A card dropped on top of another card or a department's frame moves on to the nearest clear spot
 * (settleDropped), and a department that grew to hold a drop makes room, so no drop hides a name.
 */
export function reparentDropped(map: AccountMap, draggedIds: readonly string[]): AccountMap {
  const dragged = new Set(draggedIds);
  const roots = draggedIds.filter((id) => (Object.hasOwn(map.stakeholders, id) || Object.hasOwn(map.departments, id)) && !hasDraggedAncestor(map, id, dragged));
  let next = map;
  for (const id of roots) {
    const size = recordRect(next, id)!;
    const origin = absolutePosition(next, id);
    const centre = { x: origin.x + size.width / 2, y: origin.y + size.height / 2 };
    const excluded = Object.hasOwn(next.departments, id) ? [id, ...descendantsOf(next, id)] : [id];
    const target = departmentAt(next, centre, excluded)?.id ?? null;
    if (target === parentOf(next, id)) continue;
    const targetOrigin = target ? absolutePosition(next, target) : { x: 0, y: 0 };
    next = reparent(next, id, target, { x: origin.x - targetOrigin.x, y: origin.y - targetOrigin.y });
  }
  for (const id of roots) next = settleDropped(next, id, dragged);
  // A department grown to hold what was dropped into it pushes its neighbours aside, as one grown
  // by a new card does (makeRoom), rather than spread over them.
  const grown = Object.keys(next.departments).filter((id) => {
    const [was, now] = [map.departments[id]?.size, next.departments[id].size];
    return was && (now.width > was.width || now.height > was.height);
  });
  return grown.length > 0 ? makeRoom(map, next, grown) : next;
}

/**
 * A dropped card that lies on a card or a department it was not dragged with moves to the nearest
 * spot clear of everything beside it, the way a new card is placed (findClearSpot). Departments are
 * left where they are dropped: moving a whole frame the user just placed would be a surprise.
 */
function settleDropped(map: AccountMap, id: string, dragged: ReadonlySet<string>): AccountMap {
  const person = map.stakeholders[id];
  if (!person) return map;
  const rect = recordRect(map, id)!;
  const size = { width: rect.width, height: rect.height };
  const box = { ...person.position, ...size };
  if (!siblingBoxes(map, person.departmentId, dragged).some((other) => overlaps(box, other, 0))) return map;
  const parentId = person.departmentId;
  const spot = findClearSpot(map, parentId, person.position, size, null, { exceptId: id }) ?? findClearSpot(map, parentId, person.position, size, null, { growth: false, exceptId: id });
  return spot ? reparent(map, id, parentId, spot) : map;
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
