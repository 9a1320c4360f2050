// What every command shares: the error it throws, the checks on names, positions and sizes, and
// copy-on-write updates that keep a record (and the map) when nothing in it changes.
import { MIN_DEPARTMENT_SIZE } from '../defaults';
import { withinCanvas } from '../bounds';
import { withRecord } from '../table-changes';
import type { AccountMap, Department, Link, Position, Size, Stakeholder } from '../types';

export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

/** Trimmed name, or a CommandError saying a name is required. */
export function validateName(name: string, what = 'A'): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (!trimmed) throw new CommandError(`${what} name is required.`);
  return trimmed;
}

export function stakeholderOrThrow(map: AccountMap, id: string): Stakeholder {
  const stakeholder = map.stakeholders[id];
  if (!stakeholder) throw new CommandError('That stakeholder is no longer on the map.');
  return stakeholder;
}

export function departmentOrThrow(map: AccountMap, id: string): Department {
  const department = map.departments[id];
  if (!department) throw new CommandError('That department is no longer on the map.');
  return department;
}

/** Shallow patch that keeps the old object when no field actually changes. */
export function patched<T extends object>(record: T, patch: Partial<T>): T {
  for (const key in patch) {
    if (!Object.is(patch[key], record[key]) && JSON.stringify(patch[key]) !== JSON.stringify(record[key])) {
      return { ...record, ...patch };
    }
  }
  return record;
}

/**
 * Canvas coordinates are whole pixels within the canvas's reach (domain/bounds.ts); NaN, Infinity
 * (a broken drag) or 1e200 is refused, not stored.
 */
export function cleanPosition(position: Position): Position {
  if (!isOnCanvas(position)) throw new CommandError('That position is not on the canvas.');
  return { x: Math.round(position.x), y: Math.round(position.y) };
}

/** A department is never smaller than MIN_DEPARTMENT_SIZE, so its title and a card still fit. */
export function cleanSize(size: Size): Size {
  if (!withinCanvas(size?.width) || !withinCanvas(size?.height)) throw new CommandError('That size is not valid.');
  return {
    width: Math.max(MIN_DEPARTMENT_SIZE.width, Math.round(size.width)),
    height: Math.max(MIN_DEPARTMENT_SIZE.height, Math.round(size.height)),
  };
}

/** True for a position a card may take: finite, and within the canvas's reach. */
export const isOnCanvas = (position: Position | undefined): boolean => !!position && withinCanvas(position.x) && withinCanvas(position.y);

export function withStakeholder(map: AccountMap, next: Stakeholder): AccountMap {
  if (map.stakeholders[next.id] === next) return map;
  return { ...map, stakeholders: withRecord(map.stakeholders, next) };
}

export function withDepartment(map: AccountMap, next: Department): AccountMap {
  if (map.departments[next.id] === next) return map;
  return { ...map, departments: withRecord(map.departments, next) };
}

export function withLink(map: AccountMap, next: Link): AccountMap {
  if (map.links[next.id] === next) return map;
  return { ...map, links: withRecord(map.links, next) };
}
