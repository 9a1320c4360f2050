// Adding cards where the user is looking: in the visible area (or where they double-clicked),
// inside the department under that point, and never on top of another card.
import { absolutePosition, addDepartment, addStakeholder, departmentAt, findFreeSpot } from '../domain/commands';
import { STAKEHOLDER_CARD, newDepartment, newStakeholder } from '../domain/defaults';
import { createId } from '../domain/ids';
import type { AccountMap, Position, Size } from '../domain/types';
import { visibleCenter } from '../canvas/canvas-api';
import { useMapStore } from '../store/map-store';

const DEPARTMENT_SIZE: Size = { width: 360, height: 260 };

/** Where a card of `size` centred on `point` goes: its parent department and its relative position. */
function placeAt(map: AccountMap, point: Position, size: Size, parentHint?: string | null) {
  const parentId = parentHint !== undefined ? parentHint : departmentAt(map, point, [])?.id ?? null;
  const origin = parentId ? absolutePosition(map, parentId) : { x: 0, y: 0 };
  const preferred = { x: point.x - origin.x - size.width / 2, y: point.y - origin.y - size.height / 2 };
  return { parentId, position: findFreeSpot(map, parentId, preferred, size) };
}

/** The single selected department, if the user has one selected: new cards go into it. */
function selectedDepartment(map: AccountMap): string | null {
  const { selection } = useMapStore.getState();
  return selection.length === 1 && selection[0] in map.departments ? selection[0] : null;
}

function centreOfDepartment(map: AccountMap, id: string): Position {
  const origin = absolutePosition(map, id);
  const { width, height } = map.departments[id].size;
  return { x: origin.x + width / 2, y: origin.y + height / 2 };
}

export function addStakeholderAt(point?: Position, options: { placeholder?: boolean } = {}): string | null {
  const store = useMapStore.getState();
  const map = store.map;
  if (!map) return null;
  const inDepartment = point ? undefined : selectedDepartment(map);
  const target = point ?? (inDepartment ? centreOfDepartment(map, inDepartment) : visibleCenter());
  const { parentId, position } = placeAt(map, target, STAKEHOLDER_CARD, inDepartment ?? undefined);
  const id = createId('stk');
  const stakeholder = newStakeholder({
    id,
    name: options.placeholder ? 'Unknown (placeholder)' : 'New stakeholder',
    placeholder: options.placeholder ?? false,
    departmentId: parentId,
    position,
  });
  if (!store.run((current) => addStakeholder(current, stakeholder))) return null;
  store.select([id]);
  store.startEditingName(id);
  return id;
}

export function addDepartmentAt(point?: Position): string | null {
  const store = useMapStore.getState();
  const map = store.map;
  if (!map) return null;
  const inDepartment = point ? undefined : selectedDepartment(map);
  const target = point ?? (inDepartment ? centreOfDepartment(map, inDepartment) : visibleCenter());
  const { parentId, position } = placeAt(map, target, DEPARTMENT_SIZE, inDepartment ?? undefined);
  const id = createId('dep');
  const department = newDepartment({ id, name: 'New department', parentId, position, size: DEPARTMENT_SIZE });
  if (!store.run((current) => addDepartment(current, department))) return null;
  store.select([id]);
  store.startEditingName(id);
  return id;
}
