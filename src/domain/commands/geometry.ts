// Where records are on the canvas: absolute positions and rectangles, the department under a
// point, growing departments to hold their contents, and a free spot for a new card.
import { DEPARTMENT_HEADER_HEIGHT } from '../defaults';
import { stakeholderSize } from '../card-layout';
import type { AccountMap, Department, Position, Size } from '../types';
import { departmentDepth } from './hierarchy';
import { withDepartment } from './validation';

/** Position on the canvas, summing the chain of enclosing departments. */
export function absolutePosition(map: AccountMap, id: string): Position {
  const person = map.stakeholders[id];
  const record = person ?? map.departments[id];
  if (!record) return { x: 0, y: 0 };
  let { x, y } = record.position;
  let parent = person ? person.departmentId : map.departments[id].parentId;
  for (let guard = 0; parent && guard < 64; guard++) {
    const department = map.departments[parent];
    if (!department) break;
    x += department.position.x;
    y += department.position.y;
    parent = department.parentId;
  }
  return { x, y };
}

/** A card's or department's rectangle in map coordinates (positions made absolute), or null if it is gone. */
export function recordRect(map: AccountMap, id: string): (Position & Size) | null {
  const person = map.stakeholders[id];
  const size = person ? stakeholderSize(map, person) : map.departments[id]?.size;
  if (!size) return null;
  return { ...absolutePosition(map, id), width: size.width, height: size.height };
}

/** The rectangle around every department and card (or those in `include`), or null for an empty map. */
export function mapBounds(map: AccountMap, include?: ReadonlySet<string>): (Position & Size) | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const id of [...Object.keys(map.departments), ...Object.keys(map.stakeholders)]) {
    if (include && !include.has(id)) continue;
    const r = recordRect(map, id)!;
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The innermost department whose rectangle holds the point (in canvas coordinates), skipping `excludeIds`. */
export function departmentAt(map: AccountMap, point: Position, excludeIds: readonly string[]): Department | null {
  let best: Department | null = null;
  let bestDepth = -1;
  for (const department of Object.values(map.departments)) {
    if (excludeIds.includes(department.id)) continue;
    const origin = absolutePosition(map, department.id);
    const inside =
      point.x >= origin.x &&
      point.y >= origin.y &&
      point.x <= origin.x + department.size.width &&
      point.y <= origin.y + department.size.height;
    if (!inside) continue;
    const depth = departmentDepth(map, department.id);
    if (depth > bestDepth) {
      best = department;
      bestDepth = depth;
    }
  }
  return best;
}

/**
 * Grows a department, and then each enclosing one, so that everything inside it fits with a
 * margin. Used after adding or moving something into a department; departments never shrink
 * on their own (the user may have sized them on purpose).
 */
export function growToFit(map: AccountMap, departmentId: string | null): AccountMap {
  const MARGIN = 20;
  let next = map;
  for (let id = departmentId, guard = 0; id && guard < 64; guard++) {
    const department = next.departments[id];
    if (!department) break;
    let right = 0;
    let bottom = 0;
    for (const p of Object.values(next.stakeholders)) {
      if (p.departmentId !== id) continue;
      const size = stakeholderSize(next, p);
      right = Math.max(right, p.position.x + size.width);
      bottom = Math.max(bottom, p.position.y + size.height);
    }
    for (const d of Object.values(next.departments)) {
      if (d.parentId !== id) continue;
      right = Math.max(right, d.position.x + d.size.width);
      bottom = Math.max(bottom, d.position.y + d.size.height);
    }
    const width = Math.max(department.size.width, right + MARGIN);
    const height = Math.max(department.size.height, bottom + MARGIN);
    if (width !== department.size.width || height !== department.size.height) {
      next = withDepartment(next, { ...department, size: { width, height } });
    }
    id = department.parentId;
  }
  return next;
}

/** The position relative to its parent that puts record `id` at `absolute` on the map. */
export function relativePosition(map: AccountMap, id: string, absolute: Position): Position {
  const parentId = map.stakeholders[id]?.departmentId ?? map.departments[id]?.parentId ?? null;
  const origin = parentId && map.departments[parentId] ? absolutePosition(map, parentId) : { x: 0, y: 0 };
  return { x: absolute.x - origin.x, y: absolute.y - origin.y };
}

// ---------------------------------------------------------------- placement

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box, margin: number) =>
  a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;

/**
 * A spot near `preferred` (relative to `parentId`) where a card of `size` overlaps no other card
 * in the same parent. Searches rings outward on a grid, so the new card lands close to where the
 * user is looking.
 */
export function findFreeSpot(map: AccountMap, parentId: string | null, preferred: Position, size: Size): Position {
  const occupied: Box[] = [];
  for (const p of Object.values(map.stakeholders)) {
    if (p.departmentId === parentId) occupied.push({ ...p.position, ...stakeholderSize(map, p) });
  }
  for (const d of Object.values(map.departments)) {
    if (d.parentId === parentId) occupied.push({ ...d.position, ...d.size });
  }
  const minY = parentId ? DEPARTMENT_HEADER_HEIGHT : -Infinity;
  const minX = parentId ? 12 : -Infinity;
  const start = { x: Math.max(minX, Math.round(preferred.x)), y: Math.max(minY, Math.round(preferred.y)) };
  const stepX = Math.round(size.width / 2 + 12);
  const stepY = Math.round(size.height / 2 + 12);
  const free = (p: Position) => !occupied.some((box) => overlaps({ ...p, ...size }, box, 12));
  if (free(start)) return start;
  for (let ring = 1; ring < 40; ring++) {
    const candidates: Position[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const candidate = { x: start.x + dx * stepX, y: start.y + dy * stepY };
        if (candidate.x < minX || candidate.y < minY) continue;
        candidates.push(candidate);
      }
    }
    // Prefer the spots nearest the preferred one, then right and below (reading order).
    candidates.sort((a, b) => Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y));
    const hit = candidates.find(free);
    if (hit) return hit;
  }
  return { x: start.x, y: start.y + stepY * 40 };
}

// ---------------------------------------------------------------- making room

/**
 * After stakeholder `id`'s card grew (a longer name, another role row, an owner line), the cards
 * and departments beside and below it in the same parent move along by as much as it grew, so
 * nothing ends up under it; then the departments around it grow to hold everything.
 */
export function makeRoomFor(before: AccountMap, after: AccountMap, id: string): AccountMap {
  const old = before.stakeholders[id];
  const grown = after.stakeholders[id];
  if (!old || !grown) return after;
  const was = stakeholderSize(before, old);
  const now = stakeholderSize(after, grown);
  const dx = Math.max(0, now.width - was.width);
  const dy = Math.max(0, now.height - was.height);
  if (dx === 0 && dy === 0) return after;
  const at = grown.position;
  const parentId = grown.departmentId;
  const card = { ...at, ...now };
  let next = after;
  const shifted = (box: Box): Position | null => {
    const right = box.x >= at.x + was.width - 1 && box.y < at.y + now.height + 12 && at.y < box.y + box.height;
    const below = box.y >= at.y + was.height - 1 && box.x < at.x + now.width + 12 && at.x < box.x + box.width;
    if (!overlaps(box, card, 12)) return null;
    if (right && dx > 0) return { x: box.x + dx, y: box.y };
    if (below && dy > 0) return { x: box.x, y: box.y + dy };
    return null;
  };
  for (const p of Object.values(after.stakeholders)) {
    if (p.id === id || p.departmentId !== parentId) continue;
    const to = shifted({ ...p.position, ...stakeholderSize(after, p) });
    if (to) next = { ...next, stakeholders: { ...next.stakeholders, [p.id]: { ...p, position: to } } };
  }
  for (const d of Object.values(after.departments)) {
    if (d.parentId !== parentId) continue;
    const to = shifted({ ...d.position, ...d.size });
    if (to) next = withDepartment(next, { ...d, position: to });
  }
  return growToFit(next, parentId);
}
