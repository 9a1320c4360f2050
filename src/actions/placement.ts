// Adding cards where the user is looking: in the visible area (or where they double-clicked),
// inside the department under that point, and never on top of another card.
import { absolutePosition, addDepartment, departmentAt, findClearSpot, findFreeSpot, makeRoom, recordRect } from '../domain/commands';
import { applyEdit, arrangementBetween, type Edit, type EditLabel } from '../domain/edits';
import { DEFAULT_DEPARTMENT_SIZE, newDepartment, newStakeholder } from '../domain/defaults';
import { createId } from '../domain/ids';
import type { AccountMap, Position, Size, Stakeholder } from '../domain/types';
import { viewport } from './viewport';
import { useMapStore } from '../store/map-store';
import type { QuickEntry } from '../domain/quick-entry';
import { t } from '../i18n';

const DEPARTMENT_SIZE: Size = DEFAULT_DEPARTMENT_SIZE;

/** The size a stakeholder's card will have on the map (cards grow to fit their names). */
function cardSize(map: AccountMap, stakeholder: Stakeholder): Size {
  const { width, height } = recordRect({ ...map, stakeholders: { ...map.stakeholders, [stakeholder.id]: stakeholder } }, stakeholder.id)!;
  return { width, height };
}

/**
 * Where a card of `size` centred on `point` goes: its parent department and its relative
 * position, in free space, and inside the part of the map on screen when there is room there.
 * `crowded` when the department can only hold it by growing over a neighbour: withRoom then
 * moves the neighbours aside.
 */
function placeAt(map: AccountMap, point: Position, size: Size, parentHint?: string | null) {
  const parentId = parentHint !== undefined ? parentHint : departmentAt(map, point, [])?.id ?? null;
  const origin = parentId ? absolutePosition(map, parentId) : { x: 0, y: 0 };
  const preferred = { x: point.x - origin.x - size.width / 2, y: point.y - origin.y - size.height / 2 };
  const seen = viewport.visibleRect();
  const within = seen ? { ...seen, x: seen.x - origin.x, y: seen.y - origin.y } : null;
  const clear = findClearSpot(map, parentId, preferred, size, within);
  if (clear) return { parentId, position: clear, crowded: false };
  const free = findClearSpot(map, parentId, preferred, size, within, { growth: false });
  return { parentId, position: free ?? findFreeSpot(map, parentId, preferred, size), crowded: true };
}

/**
 * The add edit, and when the department it goes into grew over its neighbours (`crowded`), their
 * moves out of its way (domain makeRoom) in the same undo step.
 */
function withRoom(map: AccountMap, add: Edit, place: { parentId: string | null; crowded: boolean }, label: EditLabel): Edit {
  if (!place.crowded || !place.parentId) return add;
  const after = applyEdit(map, add);
  const roomy = makeRoom(map, after, place.parentId);
  return roomy === after ? add : { type: 'batch', label, edits: [add, arrangementBetween(after, roomy)] };
}

/** The single selected department, if the user has one selected: new cards go into it. */
function selectedDepartment(map: AccountMap): string | null {
  const { selection } = useMapStore.getState();
  return selection.length === 1 && Object.hasOwn(map.departments, selection[0]) ? selection[0] : null;
}

function centreOfDepartment(map: AccountMap, id: string): Position {
  const origin = absolutePosition(map, id);
  const { width, height } = map.departments[id].size;
  return { x: origin.x + width / 2, y: origin.y + height / 2 };
}

/**
 * Where a new card goes: at `point` (a double-click) or, from the toolbar and keys, into the one
 * selected department or the middle of the visible area.
 */
function placeNew(map: AccountMap, size: Size, point?: Position) {
  const inDepartment = point ? undefined : selectedDepartment(map);
  const target = point ?? (inDepartment ? centreOfDepartment(map, inDepartment) : viewport.visibleCenter());
  return placeAt(map, target, size, inDepartment ?? undefined);
}

/** Brings what was just added on screen, if it landed outside the view (there was no room in it). */
function revealAdded(id: string): void {
  const map = useMapStore.getState().map;
  const rect = map ? recordRect(map, id) : null;
  if (rect) viewport.reveal(rect);
}

/** Runs the add edit, then selects the new card, shows it and opens its name for typing. */
function addAndEdit(id: string, add: Edit): string | null {
  const store = useMapStore.getState();
  if (!store.run(add)) return null;
  store.select([id]);
  store.startEditingName(id);
  revealAdded(id);
  return id;
}

export function addStakeholderAt(point?: Position, options: { placeholder?: boolean } = {}): string | null {
  const map = useMapStore.getState().map;
  if (!map) return null;
  const draft = newStakeholder({
    id: createId('stk'),
    name: options.placeholder ? t('actions.newPlaceholder') : t('actions.newStakeholder'),
    placeholder: options.placeholder ?? false,
  });
  const place = placeNew(map, cardSize(map, draft), point);
  const stakeholder = { ...draft, departmentId: place.parentId, position: place.position };
  return addAndEdit(stakeholder.id, withRoom(map, { type: 'addStakeholder', stakeholder }, place, { key: 'actions.edit.addStakeholder' }));
}

export function addDepartmentAt(point?: Position): string | null {
  const map = useMapStore.getState().map;
  if (!map) return null;
  const place = placeNew(map, DEPARTMENT_SIZE, point);
  const department = newDepartment({ id: createId('dep'), name: t('actions.newDepartment'), parentId: place.parentId, position: place.position, size: DEPARTMENT_SIZE });
  return addAndEdit(department.id, withRoom(map, { type: 'addDepartment', department }, place, { key: 'actions.edit.addDepartment' }));
}

/**
 * Adds the stakeholder a quick-entry line describes (domain/quick-entry.ts): into the named
 * department (made first if it does not exist yet, beside the others), else where the user is
 * looking. One command, so one undo removes the person and the department made for them.
 * Returns the new stakeholder's id, or null if nothing was added.
 */
export function addFromQuickEntry(entry: QuickEntry): string | null {
  const store = useMapStore.getState();
  const map = store.map;
  if (!map || !entry.name) return null;
  const edits: Edit[] = [];
  // Placing the person needs the map with their new department in it: plan on a preview.
  let preview = map;
  let departmentId = entry.departmentId;
  if (!departmentId && entry.departmentName) {
    const placed = placeAt(preview, viewport.visibleCenter(), DEPARTMENT_SIZE, null);
    const department = newDepartment({ id: createId('dep'), name: entry.departmentName, position: placed.position, size: DEPARTMENT_SIZE, ...(entry.coverage ? { coverage: entry.coverage } : {}) });
    edits.push({ type: 'addDepartment', department });
    preview = addDepartment(preview, department);
    departmentId = department.id;
  }
  if (entry.departmentId && entry.coverage && map.departments[entry.departmentId]?.coverage !== entry.coverage) {
    edits.push({ type: 'updateDepartment', id: entry.departmentId, patch: { coverage: entry.coverage } });
  }
  const target = departmentId ? centreOfDepartment(preview, departmentId) : viewport.visibleCenter();
  const draft = newStakeholder({
    id: createId('stk'),
    name: entry.name,
    title: entry.title,
    roles: entry.roles,
    placeholder: entry.placeholder,
    ...(entry.stance ? { stance: entry.stance } : {}),
    ...(entry.influence ? { influence: entry.influence } : {}),
  });
  const place = placeAt(preview, target, cardSize(preview, draft), departmentId);
  const stakeholder = { ...draft, departmentId: place.parentId, position: place.position };
  edits.push(withRoom(preview, { type: 'addStakeholder', stakeholder }, place, { key: 'actions.edit.addStakeholder' }));
  const ok = store.run(edits.length === 1 ? edits[0] : { type: 'batch', label: { key: 'actions.edit.addStakeholderAndDepartment' }, edits });
  if (!ok) return null;
  // Show the new department if one was made, else the person.
  revealAdded(entry.departmentId || !departmentId ? stakeholder.id : departmentId);
  return stakeholder.id;
}
