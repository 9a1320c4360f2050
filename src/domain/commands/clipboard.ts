// Copy, paste and duplicate: a self-contained piece of a map, pasted with fresh ids.
import { createId, type IdPrefix } from '../ids';
import type { AccountMap, Department, Link, Position, Stakeholder } from '../types';
import { absolutePosition } from './geometry';
import { descendantsOf } from './hierarchy';

/** A self-contained piece of a map, for copy/paste and duplicate. */
export interface MapClipboard {
  departments: Department[];
  stakeholders: Stakeholder[];
  links: Link[];
}

/**
 * Copies the given cards; a copied department brings everything inside it. Items whose parent is
 * not copied get absolute positions and no parent, so they paste at the top level.
 */
export function copyItems(map: AccountMap, ids: readonly string[]): MapClipboard {
  const departmentIds = new Set<string>();
  for (const id of ids) {
    if (!map.departments[id]) continue;
    departmentIds.add(id);
    for (const inner of descendantsOf(map, id)) departmentIds.add(inner);
  }
  const stakeholderIds = new Set(
    Object.values(map.stakeholders)
      .filter((p) => ids.includes(p.id) || (p.departmentId && departmentIds.has(p.departmentId)))
      .map((p) => p.id),
  );
  const departments = [...departmentIds].map((id) => {
    const d = map.departments[id];
    return d.parentId && departmentIds.has(d.parentId) ? d : { ...d, parentId: null, position: absolutePosition(map, id) };
  });
  const stakeholders = [...stakeholderIds].map((id) => {
    const p = map.stakeholders[id];
    return p.departmentId && departmentIds.has(p.departmentId) ? p : { ...p, departmentId: null, position: absolutePosition(map, id) };
  });
  const inside = (id: string) => departmentIds.has(id) || stakeholderIds.has(id);
  const links = Object.values(map.links).filter((l) => inside(l.sourceId) && inside(l.targetId));
  return { departments, stakeholders, links };
}

/** Pastes a clipboard with fresh ids; top-level items land `offset` away from where they were copied. */
export function pasteItems(
  map: AccountMap,
  clip: MapClipboard,
  offset: Position,
  makeId: (prefix: IdPrefix) => string = createId,
): { map: AccountMap; pastedIds: string[] } {
  const ids = new Map<string, string>();
  for (const d of clip.departments) ids.set(d.id, makeId('dep'));
  for (const p of clip.stakeholders) ids.set(p.id, makeId('stk'));
  const shift = (position: Position, topLevel: boolean) =>
    topLevel ? { x: position.x + offset.x, y: position.y + offset.y } : position;

  const departments = { ...map.departments };
  for (const d of clip.departments) {
    const parentId = d.parentId ? ids.get(d.parentId) ?? null : null;
    departments[ids.get(d.id)!] = { ...d, id: ids.get(d.id)!, parentId, position: shift(d.position, !parentId) };
  }
  const stakeholders = { ...map.stakeholders };
  for (const p of clip.stakeholders) {
    const departmentId = p.departmentId ? ids.get(p.departmentId) ?? null : null;
    stakeholders[ids.get(p.id)!] = {
      ...p,
      id: ids.get(p.id)!,
      departmentId,
      position: shift(p.position, !departmentId),
      ownerId: p.ownerId && map.team[p.ownerId] ? p.ownerId : null,
      successorId: p.successorId ? ids.get(p.successorId) ?? (map.stakeholders[p.successorId] ? p.successorId : null) : null,
    };
  }
  const links = { ...map.links };
  for (const l of clip.links) {
    const sourceId = ids.get(l.sourceId);
    const targetId = ids.get(l.targetId);
    // A clipboard is outside data too: a link whose ends were not copied is left behind.
    if (!sourceId || !targetId || sourceId === targetId) continue;
    const id = makeId('lnk');
    links[id] = { ...l, id, sourceId, targetId };
  }
  const pastedIds = [...clip.departments.filter((d) => !d.parentId), ...clip.stakeholders.filter((p) => !p.departmentId)].map(
    (item) => ids.get(item.id)!,
  );
  return { map: { ...map, departments, stakeholders, links }, pastedIds };
}

export function duplicateItems(
  map: AccountMap,
  ids: readonly string[],
  offset: Position,
  makeId: (prefix: IdPrefix) => string = createId,
): { map: AccountMap; pastedIds: string[] } {
  return pasteItems(map, copyItems(map, ids), offset, makeId);
}
