// Where records are on the canvas: absolute positions and rectangles, the department under a
// point, growing departments to hold their contents, and a free spot for a new card.
import { DEPARTMENT_HEADER_HEIGHT } from '../defaults';
import { stakeholderSize } from '../card-layout';
import type { AccountMap, Department, Position, Size } from '../types';
import { departmentDepth } from './hierarchy';
import { withDepartment } from './validation';
import { currentLanguage } from '../../i18n';
import type { Steps } from '../slices';
import { changedIds } from '../table-changes';

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

type Rect = Position & Size;

/**
 * The rectangles worked out for one version of a map, kept with it: every line in view asks for
 * both its ends on each store update (a selection, the save status), which leave the map as it was.
 *
 * A version made by an edit of a few people (the departments and team as they were, the people
 * table made by withRecord(s) from the last version known in full, domain/table-changes.ts) starts
 * from that version's rectangles (`base`) and works out only the changed ids again. Without it,
 * one stance set on a 20,000-person map worked out all 25,000 rectangles again for the far view,
 * the lines and the overview.
 */
interface Rects {
  /** The version these are of: what a rectangle not yet known is worked out from. */
  map: AccountMap;
  language: string;
  own: Map<string, Rect | null>;
  /** The version this one was made from, and the ids that may differ from it. */
  base: Rects | null;
  changed: ReadonlySet<string>;
  /** How many versions lie under this one: past MAX_DEPTH a version copies its base's rectangles. */
  depth: number;
  /** Every record's rectangle is known (prepareRects), and so is the bounds. */
  complete: boolean;
  bounds?: Rect | null;
}

const rectsByMap = new WeakMap<AccountMap, Rects>();
const NOTHING_CHANGED: ReadonlySet<string> = new Set();
const MAX_DEPTH = 8;
/** The newest version whose rectangles are all known: what the next edit's version starts from. */
let lastComplete: WeakRef<AccountMap> | null = null;

function rectsOf(map: AccountMap): Rects {
  const language = currentLanguage();
  const known = rectsByMap.get(map);
  if (known && known.language === language) return known;
  const rects = carriedForward(map, language) ?? { map, language, own: new Map(), base: null, changed: NOTHING_CHANGED, depth: 0, complete: false };
  rectsByMap.set(map, rects);
  return rects;
}

/** `map`'s rectangles started from the last version known in full, when only some people differ from it. */
function carriedForward(map: AccountMap, language: string): Rects | null {
  const last = lastComplete?.deref();
  const from = last && rectsByMap.get(last);
  if (!last || !from || from.language !== language || last.departments !== map.departments || last.team !== map.team) return null;
  const changed = changedIds(last.stakeholders, map.stakeholders);
  if (!changed) return null;
  const bounds = boundsCarried(map, from, changed);
  lastComplete = new WeakRef(map);
  if (from.depth < MAX_DEPTH) return { map, language, own: new Map(), base: from, changed, depth: from.depth + 1, complete: true, bounds };
  // A long series of edits: one copy, so a lookup never walks far.
  const own = new Map<string, Rect | null>();
  for (const id of [...Object.keys(map.departments), ...Object.keys(map.stakeholders)]) own.set(id, changed.has(id) ? computedRect(map, id) : lookUp(from, id));
  return { map, language, own, base: null, changed: NOTHING_CHANGED, depth: 0, complete: true, bounds };
}

/** The bounds stay the base's when no changed card moved or changed size (a stance, a note); otherwise undefined: worked out again. */
function boundsCarried(map: AccountMap, from: Rects, changed: ReadonlySet<string>): Rect | null | undefined {
  for (const id of changed) {
    const before = lookUp(from, id);
    const after = computedRect(map, id);
    if (!before || !after || before.x !== after.x || before.y !== after.y || before.width !== after.width || before.height !== after.height) return undefined;
  }
  return from.bounds;
}

function lookUp(rects: Rects, id: string): Rect | null {
  const rect = rects.own.get(id);
  if (rect !== undefined) return rect;
  // A base answers for the ids this version did not change (the records it computed them from are
  // this version's too), and is not copied: a version then holds only what it changed.
  if (rects.base && !rects.changed.has(id)) return lookUp(rects.base, id);
  const computed = computedRect(rects.map, id);
  rects.own.set(id, computed);
  return computed;
}

/** Works out and keeps every rectangle of `map` and its bounds, a step per record (see slices.ts). */
export function* prepareRects(map: AccountMap): Steps<void> {
  const rects = rectsOf(map);
  if (!rects.complete) {
    for (const id of [...Object.keys(map.departments), ...Object.keys(map.stakeholders)]) {
      lookUp(rects, id);
      yield;
    }
    rects.complete = true;
  }
  lastComplete = new WeakRef(map);
}

/** A card's or department's rectangle in map coordinates (positions made absolute), or null if it is gone. */
export function recordRect(map: AccountMap, id: string): (Position & Size) | null {
  const rect = lookUp(rectsOf(map), id);
  // A copy: callers may change what they are given.
  return rect && { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}

/** Works out one rectangle from the records. Card sizes follow the language's words. */
function computedRect(map: AccountMap, id: string): Rect | null {
  const person = map.stakeholders[id];
  const size = person ? stakeholderSize(map, person) : map.departments[id]?.size;
  return size ? { ...absolutePosition(map, id), width: size.width, height: size.height } : null;
}

/** The rectangle around every department and card (or those in `include`), or null for an empty map. */
export function mapBounds(map: AccountMap, include?: ReadonlySet<string>): (Position & Size) | null {
  const rects = include ? null : rectsOf(map);
  if (rects?.complete && rects.bounds !== undefined) return rects.bounds && { ...rects.bounds };
  const ids = [...Object.keys(map.departments), ...Object.keys(map.stakeholders)];
  const bounds = boundsOf(ids.filter((id) => !include || include.has(id)).map((id) => recordRect(map, id)!));
  if (rects?.complete) rects.bounds = bounds;
  return bounds;
}

function boundsOf(rects: Iterable<Position & Size>): (Position & Size) | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
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

/** The room a department keeps right of and below what it holds when it grows to fit (growToFit). */
const GROW_MARGIN = 20;

/**
 * Grows a department, and then each enclosing one, so that everything inside it fits with a
 * margin. Used after adding or moving something into a department; departments never shrink
 * on their own (the user may have sized them on purpose).
 */
export function growToFit(map: AccountMap, departmentId: string | null): AccountMap {
  const MARGIN = GROW_MARGIN;
  let next = map;
  for (let id = departmentId, guard = 0; id && guard < 64; guard++) {
    const department = next.departments[id];
    if (!department) break;
    let right = 0;
    let bottom = 0;
    for (const p of Object.values(next.stakeholders)) {
      if (p.departmentId !== id) continue;
      const { width, height } = recordRect(next, p.id)!;
      right = Math.max(right, p.position.x + width);
      bottom = Math.max(bottom, p.position.y + height);
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

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The gap kept between a new card and the cards beside it. */
export const GAP = 12;

export const overlaps = (a: Box, b: Box, margin: number) =>
  a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;

const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/**
 * The cards and departments directly in `parentId` (the open canvas for null), relative to it, but
 * `except` (one id, or a set of them: the cards dropped together).
 */
export function siblingBoxes(map: AccountMap, parentId: string | null, except?: string | ReadonlySet<string>): Box[] {
  const left = (id: string) => (typeof except === 'string' ? id === except : except?.has(id) ?? false);
  const boxes: Box[] = [];
  for (const p of Object.values(map.stakeholders)) {
    if (p.departmentId === parentId && !left(p.id)) {
      const { width, height } = recordRect(map, p.id)!;
      boxes.push({ ...p.position, width, height });
    }
  }
  for (const d of Object.values(map.departments)) {
    if (d.parentId === parentId && !left(d.id)) boxes.push({ ...d.position, ...d.size });
  }
  return boxes;
}

/**
 * Whether a card at `box` (relative to `parentId`) can go in without growing its department, or
 * an enclosing one, over a neighbour: growToFit widens and lengthens departments to the right and
 * down, so this follows the same growth up the chain and checks each grown department against the
 * others beside it.
 */
function growthIsClear(map: AccountMap, parentId: string | null, box: Box, siblings: (parentId: string | null, exceptId: string) => Box[]): boolean {
  let right = box.x + box.width + GROW_MARGIN;
  let bottom = box.y + box.height + GROW_MARGIN;
  for (let id = parentId, guard = 0; id && guard < 64; guard++) {
    const department = map.departments[id];
    if (!department) return true;
    const before = { ...department.position, ...department.size };
    const grown = { ...before, width: Math.max(before.width, right), height: Math.max(before.height, bottom) };
    if (grown.width === before.width && grown.height === before.height) return true;
    // Closer than the gap to a neighbour it was clear of, or on top of one it did not touch.
    const hits = (b: Box) => (overlaps(grown, b, GAP) && !overlaps(before, b, GAP)) || (overlaps(grown, b, 0) && !overlaps(before, b, 0));
    if (siblings(department.parentId, id).some(hits)) return false;
    right = grown.x + grown.width + GROW_MARGIN;
    bottom = grown.y + grown.height + GROW_MARGIN;
    id = department.parentId;
  }
  return true;
}

/**
 * A spot near `preferred` (relative to `parentId`) where a card of `size` overlaps no other card
 * in the same parent, and where the department it goes into (and those around that) can grow to
 * hold it without spreading over a neighbour. Searches rings outward on a grid, so the new card
 * lands close to where the user is looking. With `within` (a box relative to the parent: the part
 * of the map on screen), a spot wholly inside it wins over a nearer one outside; only when it has
 * no room does the card go outside.
 */
export function findFreeSpot(map: AccountMap, parentId: string | null, preferred: Position, size: Size, within?: Box | null): Position {
  const start = { x: Math.max(parentId ? 12 : -Infinity, Math.round(preferred.x)), y: Math.max(parentId ? DEPARTMENT_HEADER_HEIGHT : -Infinity, Math.round(preferred.y)) };
  return findClearSpot(map, parentId, preferred, size, within) ?? { x: start.x, y: start.y + Math.round(size.height / 2 + GAP) * 40 };
}

/**
 * findFreeSpot, or null when no spot near `preferred` keeps everything clear: in a department
 * boxed in by its neighbours, where any growth would spread it over one of them. With
 * `growth: false` the spot only has to be clear of the cards beside it (see makeRoom). `exceptId`:
 * a card already on the map that is looking for a new spot, which is not in its own way.
 */
export function findClearSpot(
  map: AccountMap,
  parentId: string | null,
  preferred: Position,
  size: Size,
  within?: Box | null,
  { growth = true, exceptId }: { growth?: boolean; exceptId?: string } = {},
): Position | null {
  const occupied = siblingBoxes(map, parentId, exceptId);
  const minY = parentId ? DEPARTMENT_HEADER_HEIGHT : -Infinity;
  const minX = parentId ? 12 : -Infinity;
  const start = { x: Math.max(minX, Math.round(preferred.x)), y: Math.max(minY, Math.round(preferred.y)) };
  const stepX = Math.round(size.width / 2 + GAP);
  const stepY = Math.round(size.height / 2 + GAP);
  const known = new Map<string, Box[]>();
  const siblings = (parent: string | null, exceptId: string) => {
    const key = `${parent}/${exceptId}`;
    if (!known.has(key)) known.set(key, siblingBoxes(map, parent, exceptId));
    return known.get(key)!;
  };
  const free = (p: Position) => {
    const box = { ...p, ...size };
    return !occupied.some((other) => overlaps(box, other, GAP)) && (!growth || growthIsClear(map, parentId, box, siblings));
  };
  const inView = (p: Position) => !within || inside({ ...p, ...size }, within);
  let outside: Position | null = null;
  let ringsBeyond = 0;
  for (let ring = 0; ring < 40; ring++) {
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
    for (const candidate of candidates) {
      if (!free(candidate)) continue;
      if (inView(candidate)) return candidate;
      outside ??= candidate;
    }
    // Once a ring lies wholly beyond the view, no spot in view is left to find.
    const beyond = within && ring * stepX >= Math.max(Math.abs(within.x - start.x), Math.abs(within.x + within.width - start.x)) && ring * stepY >= Math.max(Math.abs(within.y - start.y), Math.abs(within.y + within.height - start.y));
    // Past the view only a few more rings are tried: further off, a spot is no longer near where the user looks.
    if (beyond && (outside || ++ringsBeyond > 6)) break;
  }
  return outside;
}
