// Where things are relative to each other on the map, for moving around it by keyboard: the
// reading order of cards and departments (what Tab follows and a screen reader reads), the
// nearest card in a direction (the arrow keys), and the nearest card to a place (where focus
// goes after a delete). Pure: rectangles come from recordRect, nothing from the screen.
import { recordRect } from './commands';
import type { AccountMap, Position, Size } from './types';

export type Direction = 'left' | 'right' | 'up' | 'down';

type Rect = Position & Size;

const centre = (rect: Rect): Position => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });

/**
 * Items in reading order: top to bottom, and left to right within a row. Items whose tops lie
 * within half the first item's height of each other form one row, so cards laid out side by side
 * but a few pixels apart still read left to right.
 */
function inRows<T extends { rect: Rect }>(items: T[]): T[] {
  const byTop = [...items].sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
  const ordered: T[] = [];
  let row: T[] = [];
  let rowLimit = -Infinity;
  for (const item of byTop) {
    if (row.length && item.rect.y > rowLimit) {
      ordered.push(...row.sort((a, b) => a.rect.x - b.rect.x));
      row = [];
    }
    if (row.length === 0) rowLimit = item.rect.y + item.rect.height / 2;
    row.push(item);
  }
  ordered.push(...row.sort((a, b) => a.rect.x - b.rect.x));
  return ordered;
}

/**
 * Every department and stakeholder id in reading order: the top level first (free cards and
 * top-level departments, in rows), each department followed by what is inside it, read the same
 * way. This is the order Tab visits the map and a screen reader lists it.
 */
export function readingOrder(map: AccountMap): string[] {
  const children = new Map<string | null, { id: string; department: boolean; rect: Rect }[]>();
  const add = (parent: string | null, id: string, department: boolean) => {
    const rect = recordRect(map, id);
    if (!rect) return;
    const list = children.get(parent) ?? [];
    list.push({ id, department, rect });
    children.set(parent, list);
  };
  for (const department of Object.values(map.departments)) {
    const parent = department.parentId && Object.hasOwn(map.departments, department.parentId) ? department.parentId : null;
    add(parent, department.id, true);
  }
  for (const person of Object.values(map.stakeholders)) {
    const parent = person.departmentId && Object.hasOwn(map.departments, person.departmentId) ? person.departmentId : null;
    add(parent, person.id, false);
  }
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null) => {
    for (const item of inRows(children.get(parent) ?? [])) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      order.push(item.id);
      if (item.department) visit(item.id);
    }
  };
  visit(null);
  return order;
}

/** The stakeholder ids of the map in reading order. */
export function stakeholdersInReadingOrder(map: AccountMap): string[] {
  return readingOrder(map).filter((id) => Object.hasOwn(map.stakeholders, id));
}

/**
 * The stakeholder nearest to `fromId` in `direction`, or null when there is none that way. A
 * card counts as "that way" when its centre lies beyond the start's centre in that direction
 * and within 60 degrees of it either side; among those the nearest wins, with a sideways
 * offset weighing twice a step straight ahead, so Right picks the card beside, not one far below.
 */
export function nearestInDirection(map: AccountMap, fromId: string, direction: Direction): string | null {
  const from = recordRect(map, fromId);
  if (!from) return null;
  const start = centre(from);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const id of Object.keys(map.stakeholders)) {
    if (id === fromId) continue;
    const rect = recordRect(map, id);
    if (!rect) continue;
    const c = centre(rect);
    const dx = c.x - start.x;
    const dy = c.y - start.y;
    const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (ahead <= 0 || aside > ahead * Math.tan(Math.PI / 3)) continue;
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}

/** The stakeholder whose centre is nearest to `point`, leaving out `except`; null when none is left. */
export function nearestStakeholder(map: AccountMap, point: Position, except: ReadonlySet<string> = new Set()): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const id of Object.keys(map.stakeholders)) {
    if (except.has(id)) continue;
    const rect = recordRect(map, id);
    if (!rect) continue;
    const c = centre(rect);
    const distance = Math.hypot(c.x - point.x, c.y - point.y);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = id;
    }
  }
  return best;
}

/** The centre of the rectangles of `ids` taken together (cards and departments; links are left out). */
export function centreOf(map: AccountMap, ids: readonly string[]): Position | null {
  const rects = ids.map((id) => recordRect(map, id)).filter((rect): rect is Rect => rect !== null);
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: (x + right) / 2, y: (y + bottom) / 2 };
}
