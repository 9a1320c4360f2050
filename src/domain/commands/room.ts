// Making room: when a department has grown to hold something new, or a card has grown to fit a
// longer name, its neighbours step aside rather than end up under it.
import type { AccountMap } from '../types';
import { stakeholderSize } from '../card-layout';
import { GAP, growToFit, overlaps, recordRect, type Box } from './geometry';
import { departmentDepth } from './hierarchy';
import { moveItems } from './moving';

/**
 * After departments or cards `grown` grew (from `before`), moves their neighbours out of their way:
 * one that was right of a grown record moves right, any other moves down, as far as the grown record
 * reaches, and so on for what they in turn land on; then the department around grows to hold them,
 * and the same is done one level up. Only what the growth made overlap is moved.
 *
 * Many grown records (a re-import that lengthens fifty titles) are handled in one sweep: each
 * department is looked at once, innermost first, with all of its grown records, so a level shared by
 * many (the open canvas) is not searched again for each of them.
 */
export function makeRoom(before: AccountMap, map: AccountMap, grown: string | readonly string[]): AccountMap {
  let next = map;
  const parentOf = (id: string): string | null | undefined => next.stakeholders[id]?.departmentId ?? next.departments[id]?.parentId;
  /** Grown records by the department they sit in (null: the open canvas). */
  const pending = new Map<string | null, Set<string>>();
  const wait = (id: string) => {
    const parentId = parentOf(id);
    if (parentId === undefined) return;
    pending.set(parentId, (pending.get(parentId) ?? new Set()).add(id));
  };
  for (const id of typeof grown === 'string' ? [grown] : grown) wait(id);
  const depth = (parentId: string | null) => (parentId === null ? -1 : departmentDepth(next, parentId));
  // Who sits where does not change while room is made (only places and sizes do): one look at the map.
  const children = new Map<string | null, string[]>();
  const sitsIn = (parentId: string | null, id: string) => {
    const list = children.get(parentId);
    if (list) list.push(id);
    else children.set(parentId, [id]);
  };
  for (const person of Object.values(map.stakeholders)) sitsIn(person.departmentId, person.id);
  for (const department of Object.values(map.departments)) sitsIn(department.parentId, department.id);

  for (let guard = 0; pending.size > 0 && guard < 100_000; guard++) {
    // The innermost department first: its growth is settled before the level around it makes room for it.
    const parentId = [...pending.keys()].reduce((deepest, candidate) => (depth(candidate) > depth(deepest) ? candidate : deepest));
    const grownHere = pending.get(parentId)!;
    pending.delete(parentId);
    const ids = children.get(parentId) ?? [];
    const box = new Map(ids.map((sibling) => [sibling, siblingBox(next, sibling)]));
    const wasBoxes = new Map<string, Box>();
    const was = (sibling: string): Box => {
      let known = wasBoxes.get(sibling);
      if (!known) {
        const old = before.stakeholders[sibling] ?? before.departments[sibling];
        const size = old && (before.departments[sibling]?.size ?? recordRect(before, sibling)!);
        known = old && size ? { ...old.position, width: size.width, height: size.height } : box.get(sibling)!;
        wasBoxes.set(sibling, known);
      }
      return known;
    };
    // The grown records first, then the others, top to bottom: each pushes those after it.
    const byPlace = (a: string, b: string) => box.get(a)!.y - box.get(b)!.y || box.get(a)!.x - box.get(b)!.x;
    const order = [...ids.filter((id) => grownHere.has(id)).sort(byPlace), ...ids.filter((id) => !grownHere.has(id)).sort(byPlace)];
    const moved = new Set<string>();
    for (let pass = 0, changed = true; changed && pass < ids.length + 1; pass++) {
      changed = false;
      for (const [i, a] of order.entries()) {
        const boxA = box.get(a)!;
        for (const b of order.slice(i + 1)) {
          const boxB = box.get(b)!;
          if (!overlaps(boxA, boxB, GAP) || overlaps(was(a), was(b), GAP)) continue;
          const wasA = was(a);
          if (was(b).x >= wasA.x + wasA.width) boxB.x = boxA.x + boxA.width + GAP;
          else boxB.y = boxA.y + boxA.height + GAP;
          moved.add(b);
          changed = true;
        }
      }
    }
    // The growth has reached every department around (growToFit), so each level is looked at, moves or not.
    if (moved.size > 0) next = growToFit(moveItems(next, [...moved].map((sibling) => ({ id: sibling, position: { x: box.get(sibling)!.x, y: box.get(sibling)!.y } }))), parentId);
    if (parentId !== null) wait(parentId);
  }
  return next;
}

/** A card's or department's box relative to the department it sits in. */
function siblingBox(map: AccountMap, id: string): Box {
  const person = map.stakeholders[id];
  if (person) return { ...person.position, ...stakeholderSize(map, person) };
  const department = map.departments[id];
  return { ...department.position, ...department.size };
}
