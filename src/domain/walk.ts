// A walk through the map for a presentation: its stops, in the order a room reads the map. One
// walk goes from department to department (the top-level ones: the sub-departments are shown
// inside them), another from decision-maker to decision-maker. Pure, so the keys, the caption and
// the tests agree on the order.
import { t } from '../i18n';
import { recordRect } from './commands';
import type { AccountMap } from './types';

export type WalkKind = 'department' | 'decision-maker';

/**
 * Ids in reading order: rows from top to bottom, left to right within a row. Two records are in
 * one row when the lower one starts above the middle of the row's first record, so a tall
 * department and a short one beside it count as one row even when their tops differ a little.
 */
export function readingOrder(map: AccountMap, ids: readonly string[]): string[] {
  const rects = ids.map((id) => ({ id, rect: recordRect(map, id)! })).filter((r) => r.rect);
  rects.sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
  const rows: (typeof rects)[] = [];
  for (const item of rects) {
    const row = rows.at(-1);
    if (row && item.rect.y < row[0].rect.y + row[0].rect.height / 2) row.push(item);
    else rows.push([item]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.rect.x - b.rect.x).map((item) => item.id));
}

/** The stops of a walk of `kind` through the map, in reading order. */
export function walkStops(map: AccountMap, kind: WalkKind): string[] {
  const ids =
    kind === 'department'
      ? Object.values(map.departments)
          .filter((d) => !d.parentId || !map.departments[d.parentId])
          .map((d) => d.id)
      : Object.values(map.stakeholders)
          .filter((p) => p.roles.includes('decision-maker') && !p.leftCompany)
          .map((p) => p.id);
  return readingOrder(map, ids);
}

/** What the walk's caption says: "Finance · 2 of 6", "Claire Dubois · decision-maker 1 of 5"; null when the stop is gone. */
export function walkCaption(map: AccountMap, kind: WalkKind, id: string): string | null {
  const stops = walkStops(map, kind);
  const index = stops.indexOf(id);
  if (index === -1) return null;
  const place = { position: index + 1, total: stops.length };
  return kind === 'department'
    ? t('presentation.departmentStop', { name: map.departments[id].name, ...place })
    : t('presentation.deciderStop', { name: map.stakeholders[id].name, ...place });
}

/**
 * Where a walk of `kind` stands among its stops when the walk so far is at `current` (a stop of
 * this walk or of the other one): the stop's index, or a half step between two stops. After the
 * decision-makers, the department walk goes on from the department that holds the one on screen;
 * someone on the open canvas stands between the departments read before and after them.
 * Null when there is no such place (nothing walked yet, a stop that is gone).
 */
export function walkPosition(map: AccountMap, kind: WalkKind, current: { kind: WalkKind; id: string } | null): number | null {
  if (!current) return null;
  const stops = walkStops(map, kind);
  if (current.kind === kind) return stops.includes(current.id) ? stops.indexOf(current.id) : null;
  if (kind !== 'department') return null;
  const person = map.stakeholders[current.id];
  if (!person) return null;
  let department = person.departmentId ? map.departments[person.departmentId] : undefined;
  while (department?.parentId && map.departments[department.parentId]) department = map.departments[department.parentId];
  if (department && stops.includes(department.id)) return stops.indexOf(department.id);
  const order = readingOrder(map, [...stops, person.id]);
  return order.indexOf(person.id) - 0.5;
}

/** The stop one step on (1) or back (-1) from `position`, wrapping round at the ends; the first or last when there is no position. */
export function walkStep(count: number, position: number | null, step: 1 | -1): number {
  if (position === null) return step === 1 ? 0 : count - 1;
  const next = step === 1 ? Math.floor(position) + 1 : Math.ceil(position) - 1;
  return (next + count) % count;
}
