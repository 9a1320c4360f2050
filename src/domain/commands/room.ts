// Making room: when a department has grown to hold something new, or a card has grown to fit a
// longer name, its neighbours step aside rather than end up under it.
import type { AccountMap } from '../types';
import { GAP, growToFit, overlaps, recordRect, siblingBoxes } from './geometry';
import { moveItems } from './moving';

/**
 * After department or card `recordId` grew (from `before`), moves its neighbours out of its way: one
 * that was right of it moves right, any other moves down, as far as the grown department reaches,
 * and so on for what they in turn land on; then the department around grows to hold them, and the
 * same is done one level up. Only what the growth made overlap is moved.
 */
export function makeRoom(before: AccountMap, map: AccountMap, recordId: string): AccountMap {
  let next = map;
  const parentOf = (id: string): string | null | undefined => next.stakeholders[id]?.departmentId ?? next.departments[id]?.parentId;
  for (let id: string | null = recordId, guard = 0; id && parentOf(id) !== undefined && guard < 64; guard++) {
    const parentId: string | null = parentOf(id)!;
    const boxes = new Map(siblingBoxes(next, parentId).map((box, i) => [i, box]));
    const ids = [
      ...Object.values(next.stakeholders).filter((p) => p.departmentId === parentId).map((p) => p.id),
      ...Object.values(next.departments).filter((d) => d.parentId === parentId).map((d) => d.id),
    ];
    const box = new Map(ids.map((sibling, i) => [sibling, boxes.get(i)!]));
    const was = (sibling: string) => {
      const old = before.stakeholders[sibling] ?? before.departments[sibling];
      if (!old) return box.get(sibling)!;
      const { width, height } = before.departments[sibling]?.size ?? recordRect(before, sibling)!;
      return { ...old.position, width, height };
    };
    // The grown department first, then the others top to bottom: each pushes those after it.
    const order = [id, ...ids.filter((other) => other !== id).sort((a, b) => box.get(a)!.y - box.get(b)!.y || box.get(a)!.x - box.get(b)!.x)];
    const moved = new Set<string>();
    for (let pass = 0, changed = true; changed && pass < ids.length + 1; pass++) {
      changed = false;
      for (const [i, a] of order.entries()) {
        for (const b of order.slice(i + 1)) {
          const boxA = box.get(a)!;
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
    id = parentId;
  }
  return next;
}
