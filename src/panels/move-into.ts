// Moving a card to another department from the inspector's select, where there is no drop point:
// into a department it lands in the first free spot below the title bar; out to the open canvas
// it keeps its place on screen.
import { absolutePosition, findFreeSpot, reparent } from '../domain/commands';
import { DEPARTMENT_HEADER_HEIGHT, STAKEHOLDER_CARD } from '../domain/defaults';
import type { AccountMap } from '../domain/types';

export function moveInto(map: AccountMap, id: string, parentId: string | null): AccountMap {
  const size = map.departments[id]?.size ?? STAKEHOLDER_CARD;
  const position = parentId
    ? findFreeSpot(map, parentId, { x: 24, y: DEPARTMENT_HEADER_HEIGHT + 16 }, size)
    : absolutePosition(map, id);
  return reparent(map, id, parentId, position);
}
