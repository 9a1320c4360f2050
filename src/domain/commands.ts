// Pure edits of an account map: (map, intent) -> new map. A command returns the same map object
// when nothing changes and new objects only for the records it changes, so autosave and undo can
// tell what changed by identity. An intent that would break the map throws CommandError with a
// sentence the user can read.
import { createId, type IdPrefix } from './ids';
import { MIN_DEPARTMENT_SIZE, STAKEHOLDER_CARD, DEPARTMENT_HEADER_HEIGHT } from './defaults';
import { LINK_KINDS } from './types';
import type {
  AccountMap,
  BuyingRole,
  Department,
  Link,
  Position,
  Size,
  Stakeholder,
  Stance,
  TeamMember,
} from './types';

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

function stakeholderOrThrow(map: AccountMap, id: string): Stakeholder {
  const stakeholder = map.stakeholders[id];
  if (!stakeholder) throw new CommandError('That stakeholder is no longer on the map.');
  return stakeholder;
}

function departmentOrThrow(map: AccountMap, id: string): Department {
  const department = map.departments[id];
  if (!department) throw new CommandError('That department is no longer on the map.');
  return department;
}

/** Shallow patch that keeps the old object when no field actually changes. */
function patched<T extends object>(record: T, patch: Partial<T>): T {
  for (const key in patch) {
    if (!Object.is(patch[key], record[key]) && JSON.stringify(patch[key]) !== JSON.stringify(record[key])) {
      return { ...record, ...patch };
    }
  }
  return record;
}

/** Canvas coordinates are whole pixels; NaN or Infinity (a broken drag) is refused, not stored. */
function cleanPosition(position: Position): Position {
  if (!Number.isFinite(position?.x) || !Number.isFinite(position?.y)) throw new CommandError('That position is not on the canvas.');
  return { x: Math.round(position.x), y: Math.round(position.y) };
}

function withStakeholder(map: AccountMap, next: Stakeholder): AccountMap {
  if (map.stakeholders[next.id] === next) return map;
  return { ...map, stakeholders: { ...map.stakeholders, [next.id]: next } };
}

function withDepartment(map: AccountMap, next: Department): AccountMap {
  if (map.departments[next.id] === next) return map;
  return { ...map, departments: { ...map.departments, [next.id]: next } };
}

function withLink(map: AccountMap, next: Link): AccountMap {
  if (map.links[next.id] === next) return map;
  return { ...map, links: { ...map.links, [next.id]: next } };
}

// ---------------------------------------------------------------- the map itself

export function renameMap(map: AccountMap, name: string): AccountMap {
  const trimmed = validateName(name, 'An account map');
  return trimmed === map.name ? map : { ...map, name: trimmed };
}

// ---------------------------------------------------------------- stakeholders

export function addStakeholder(map: AccountMap, stakeholder: Stakeholder): AccountMap {
  if (map.stakeholders[stakeholder.id] || map.departments[stakeholder.id]) throw new CommandError('That id is already in use.');
  if (stakeholder.departmentId && !map.departments[stakeholder.departmentId]) {
    throw new CommandError('That department is no longer on the map.');
  }
  if (stakeholder.ownerId && !map.team[stakeholder.ownerId]) throw new CommandError('That owner is not on our team.');
  if (stakeholder.successorId && !map.stakeholders[stakeholder.successorId]) {
    throw new CommandError('Pick another stakeholder on this map as the successor.');
  }
  const next = withStakeholder(map, {
    ...stakeholder,
    name: validateName(stakeholder.name, 'A stakeholder'),
    position: cleanPosition(stakeholder.position),
  });
  return growToFit(next, stakeholder.departmentId);
}

export function updateStakeholder(map: AccountMap, id: string, patch: Partial<Omit<Stakeholder, 'id'>>): AccountMap {
  const current = stakeholderOrThrow(map, id);
  const clean = { ...patch };
  if (clean.name !== undefined) clean.name = validateName(clean.name, 'A stakeholder');
  if (clean.departmentId !== undefined && clean.departmentId !== current.departmentId) {
    throw new CommandError('Use reparent to move a stakeholder to another department.');
  }
  if (clean.position !== undefined) clean.position = cleanPosition(clean.position);
  if (clean.ownerId && !map.team[clean.ownerId]) throw new CommandError('That owner is not on our team.');
  if (clean.successorId && (clean.successorId === id || !map.stakeholders[clean.successorId])) {
    throw new CommandError('Pick another stakeholder on this map as the successor.');
  }
  return withStakeholder(map, patched(current, clean));
}

export function setStance(map: AccountMap, id: string, stance: Stance): AccountMap {
  return withStakeholder(map, patched(stakeholderOrThrow(map, id), { stance }));
}

/** Adds the role if the stakeholder lacks it, removes it otherwise. */
export function toggleRole(map: AccountMap, id: string, role: BuyingRole): AccountMap {
  const current = stakeholderOrThrow(map, id);
  const roles = current.roles.includes(role) ? current.roles.filter((r) => r !== role) : [...current.roles, role];
  return withStakeholder(map, { ...current, roles });
}

/** Turns a placeholder seat into the real person, keeping its id and so all its links. */
export function fillPlaceholder(map: AccountMap, id: string, fields: { name: string; title?: string }): AccountMap {
  const current = stakeholderOrThrow(map, id);
  return withStakeholder(map, {
    ...current,
    placeholder: false,
    name: validateName(fields.name, 'A stakeholder'),
    title: fields.title ?? current.title,
  });
}

export function markLeftCompany(
  map: AccountMap,
  id: string,
  departure: { leftTo: string; successorId: string | null } | null,
): AccountMap {
  const current = stakeholderOrThrow(map, id);
  if (!departure) return withStakeholder(map, patched(current, { leftCompany: false, leftTo: '', successorId: null }));
  if (departure.successorId && (departure.successorId === id || !map.stakeholders[departure.successorId])) {
    throw new CommandError('Pick another stakeholder on this map as the successor.');
  }
  return withStakeholder(
    map,
    patched(current, { leftCompany: true, leftTo: departure.leftTo.trim(), successorId: departure.successorId }),
  );
}

/** Undoes "left the company": the person is back in their seat, with no new employer or successor. */
export function clearLeftCompany(map: AccountMap, id: string): AccountMap {
  return markLeftCompany(map, id, null);
}

// ---------------------------------------------------------------- departments

export function addDepartment(map: AccountMap, department: Department): AccountMap {
  if (map.departments[department.id] || map.stakeholders[department.id]) throw new CommandError('That id is already in use.');
  if (department.parentId && !map.departments[department.parentId]) {
    throw new CommandError('That department is no longer on the map.');
  }
  const next = withDepartment(map, {
    ...department,
    name: validateName(department.name, 'A department'),
    position: cleanPosition(department.position),
    size: cleanSize(department.size),
  });
  return growToFit(next, department.parentId);
}

export function updateDepartment(map: AccountMap, id: string, patch: Partial<Omit<Department, 'id'>>): AccountMap {
  const current = departmentOrThrow(map, id);
  const clean = { ...patch };
  if (clean.name !== undefined) clean.name = validateName(clean.name, 'A department');
  if (clean.parentId !== undefined && clean.parentId !== current.parentId) {
    throw new CommandError('Use reparent to move a department into another one.');
  }
  if (clean.position !== undefined) clean.position = cleanPosition(clean.position);
  if (clean.size !== undefined) clean.size = cleanSize(clean.size);
  return withDepartment(map, patched(current, clean));
}

/** A department is never smaller than MIN_DEPARTMENT_SIZE, so its title and a card still fit. */
function cleanSize(size: Size): Size {
  if (!Number.isFinite(size?.width) || !Number.isFinite(size?.height)) throw new CommandError('That size is not valid.');
  return {
    width: Math.max(MIN_DEPARTMENT_SIZE.width, Math.round(size.width)),
    height: Math.max(MIN_DEPARTMENT_SIZE.height, Math.round(size.height)),
  };
}

/** Resizes a department; `position` is given when the user drags the top or left edge. */
/**
 * New size (and, when resized from the left or top edge, new position) for a department. Its
 * members keep their place on the map: they are shifted back by as much as the origin moved.
 */
export function resizeDepartment(map: AccountMap, id: string, size: Size, position?: Position): AccountMap {
  const current = departmentOrThrow(map, id);
  const nextSize = cleanSize(size);
  if (!position) return withDepartment(map, patched(current, { size: nextSize }));
  const nextPosition = cleanPosition(position);
  const dx = nextPosition.x - current.position.x;
  const dy = nextPosition.y - current.position.y;
  let next = withDepartment(map, patched(current, { size: nextSize, position: nextPosition }));
  if (dx === 0 && dy === 0) return next;
  const shifted = (p: Position) => ({ x: p.x - dx, y: p.y - dy });
  const members: { id: string; position: Position }[] = [
    ...Object.values(next.stakeholders).filter((p) => p.departmentId === id),
    ...Object.values(next.departments).filter((d) => d.parentId === id),
  ].map((record) => ({ id: record.id, position: shifted(record.position) }));
  next = moveItems(next, members);
  return next;
}

/** Every department nested inside `departmentId`, at any depth. */
export function descendantsOf(map: AccountMap, departmentId: string): string[] {
  const children = new Map<string, string[]>();
  for (const department of Object.values(map.departments)) {
    if (!department.parentId) continue;
    const list = children.get(department.parentId) ?? [];
    list.push(department.id);
    children.set(department.parentId, list);
  }
  const found = new Set<string>();
  const queue = [...(children.get(departmentId) ?? [])];
  // Breadth first, so nearer departments come first; the Set also stops on a (corrupt) cycle.
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (id === departmentId || found.has(id)) continue;
    found.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return [...found];
}

export function departmentDepth(map: AccountMap, id: string): number {
  let depth = 0;
  for (let parent = map.departments[id]?.parentId; parent && depth < 64; parent = map.departments[parent]?.parentId) depth++;
  return depth;
}

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
  const size = map.stakeholders[id] ? STAKEHOLDER_CARD : map.departments[id]?.size;
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
      right = Math.max(right, p.position.x + STAKEHOLDER_CARD.width);
      bottom = Math.max(bottom, p.position.y + STAKEHOLDER_CARD.height);
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

// ---------------------------------------------------------------- moving and nesting

/** True when two versions of a stakeholder differ at most in position (a drag step, a nudge). */
export function sameExceptPosition(a: Stakeholder, b: Stakeholder): boolean {
  if (a === b) return true;
  const keys = Object.keys(b) as (keyof Stakeholder)[];
  return keys.length === Object.keys(a).length && keys.every((key) => key === 'position' || Object.is(a[key], b[key]));
}

export function moveItems(map: AccountMap, moves: { id: string; position: Position }[]): AccountMap {
  let stakeholders = map.stakeholders;
  let departments = map.departments;
  for (const { id, position } of moves) {
    // A broken drag (NaN) is skipped rather than stored: the card stays where it was.
    if (!Number.isFinite(position?.x) || !Number.isFinite(position?.y)) continue;
    const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
    const person = stakeholders[id];
    if (person) {
      if (person.position.x === rounded.x && person.position.y === rounded.y) continue;
      if (stakeholders === map.stakeholders) stakeholders = { ...stakeholders };
      stakeholders[id] = { ...person, position: rounded };
      continue;
    }
    const department = departments[id];
    if (department) {
      if (department.position.x === rounded.x && department.position.y === rounded.y) continue;
      if (departments === map.departments) departments = { ...departments };
      departments[id] = { ...department, position: rounded };
    }
  }
  if (stakeholders === map.stakeholders && departments === map.departments) return map;
  return { ...map, stakeholders, departments };
}

/** The position relative to its parent that puts record `id` at `absolute` on the map. */
export function relativePosition(map: AccountMap, id: string, absolute: Position): Position {
  const parentId = map.stakeholders[id]?.departmentId ?? map.departments[id]?.parentId ?? null;
  const origin = parentId && map.departments[parentId] ? absolutePosition(map, parentId) : { x: 0, y: 0 };
  return { x: absolute.x - origin.x, y: absolute.y - origin.y };
}

/**
 * Moves records to absolute map positions (as the canvas reports them). Departments go first,
 * outer before inner, so when a department and its members are dragged together each member's
 * position is taken against where its department now is, and members keep their place in it.
 */
export function moveItemsTo(map: AccountMap, moves: { id: string; position: Position }[]): AccountMap {
  const depth = (id: string) => (map.departments[id] ? departmentDepth(map, id) : Number.MAX_SAFE_INTEGER);
  const ordered = [...moves].sort((a, b) => depth(a.id) - depth(b.id));
  let next = map;
  for (const { id, position } of ordered) {
    if (!Number.isFinite(position?.x) || !Number.isFinite(position?.y)) continue;
    next = moveItems(next, [{ id, position: relativePosition(next, id, position) }]);
  }
  return next;
}

/** Moves a stakeholder or department into another department (or to the top level). */
export function reparent(map: AccountMap, id: string, newParentId: string | null, position: Position): AccountMap {
  if (newParentId && !map.departments[newParentId]) throw new CommandError('That department is no longer on the map.');
  const rounded = cleanPosition(position);
  const person = map.stakeholders[id];
  if (person) return growToFit(withStakeholder(map, patched(person, { departmentId: newParentId, position: rounded })), newParentId);
  const department = departmentOrThrow(map, id);
  if (newParentId === id || (newParentId && descendantsOf(map, id).includes(newParentId))) {
    throw new CommandError('A department cannot be placed inside itself.');
  }
  return growToFit(withDepartment(map, patched(department, { parentId: newParentId, position: rounded })), newParentId);
}

// ---------------------------------------------------------------- links

/** Why a link cannot be on the map, or null if it can. Shared by addLink and updateLink. */
function linkProblem(map: AccountMap, link: Link): string | null {
  const exists = (id: string) => !!(map.stakeholders[id] || map.departments[id]);
  if (!LINK_KINDS.includes(link.kind)) return 'That kind of link does not exist.';
  if (link.sourceId === link.targetId) return 'A link needs two different cards.';
  if (!exists(link.sourceId) || !exists(link.targetId)) return 'A link needs a card at both ends.';
  if (!map.stakeholders[link.sourceId] && !map.stakeholders[link.targetId]) {
    return 'A link joins a stakeholder to another stakeholder or to a department.';
  }
  const duplicate = Object.values(map.links).some(
    (other) =>
      other.id !== link.id && other.kind === link.kind && other.sourceId === link.sourceId && other.targetId === link.targetId,
  );
  return duplicate ? 'That link is already on the map.' : null;
}

/**
 * Adds many new records in one step (an import): each collection is copied once, so 2,000 people
 * cost one copy rather than 2,000. Ids must be new; links must join records of the resulting map.
 */
export function addRecords(
  map: AccountMap,
  records: { departments?: readonly Department[]; stakeholders?: readonly Stakeholder[]; links?: readonly Link[] },
): AccountMap {
  const departments = { ...map.departments };
  const stakeholders = { ...map.stakeholders };
  const links = { ...map.links };
  const put = <R extends { id: string }>(into: Record<string, R>, record: R) => {
    if (Object.hasOwn(departments, record.id) || Object.hasOwn(stakeholders, record.id) || Object.hasOwn(links, record.id)) {
      throw new CommandError(`The id ${record.id} is already in the map.`);
    }
    into[record.id] = record;
  };
  for (const department of records.departments ?? []) put(departments, department);
  for (const stakeholder of records.stakeholders ?? []) put(stakeholders, stakeholder);
  const exists = (id: string) => Object.hasOwn(stakeholders, id) || Object.hasOwn(departments, id);
  for (const link of records.links ?? []) {
    if (!exists(link.sourceId) || !exists(link.targetId)) throw new CommandError('A link joins someone who is not on the map.');
    put(links, link);
  }
  return { ...map, departments, stakeholders, links };
}

export function addLink(map: AccountMap, link: Link): AccountMap {
  if (map.links[link.id]) throw new CommandError('That id is already in use.');
  const problem = linkProblem(map, link);
  if (problem) throw new CommandError(problem);
  return withLink(map, link);
}

/** Changes a link's kind, label or strength; swapping sourceId and targetId reverses its direction. */
export function updateLink(map: AccountMap, id: string, patch: Partial<Omit<Link, 'id'>>): AccountMap {
  const current = map.links[id];
  if (!current) throw new CommandError('That link is no longer on the map.');
  const next = patched<Link>(current, patch);
  if (next === current) return map;
  const problem = linkProblem(map, next);
  if (problem) throw new CommandError(problem);
  return withLink(map, next);
}

/** Turns the arrow around: the report becomes the manager, the influencer the influenced. */
export function reverseLink(map: AccountMap, id: string): AccountMap {
  const current = map.links[id];
  if (!current) throw new CommandError('That link is no longer on the map.');
  return updateLink(map, id, { sourceId: current.targetId, targetId: current.sourceId });
}

// ---------------------------------------------------------------- our team

export function addTeamMember(map: AccountMap, member: TeamMember): AccountMap {
  if (map.team[member.id] || map.stakeholders[member.id] || map.departments[member.id] || map.links[member.id]) {
    throw new CommandError('That id is already in use.');
  }
  return { ...map, team: { ...map.team, [member.id]: { ...member, name: validateName(member.name, 'A team member') } } };
}

export function updateTeamMember(map: AccountMap, id: string, patch: Partial<Omit<TeamMember, 'id'>>): AccountMap {
  const current = map.team[id];
  if (!current) throw new CommandError('That team member is no longer on the map.');
  const clean = { ...patch };
  if (clean.name !== undefined) clean.name = validateName(clean.name, 'A team member');
  const next = patched(current, clean);
  return next === current ? map : { ...map, team: { ...map.team, [id]: next } };
}

/** Removes a team member; the stakeholders they owned are left without an owner. */
export function removeTeamMember(map: AccountMap, id: string): AccountMap {
  return map.team[id] ? removeItems(map, [id]) : map;
}

// ---------------------------------------------------------------- removing

/**
 * Removes the given stakeholders, departments, links and team members. Links to removed cards go
 * too, and owners or successors that were removed are cleared. Members and sub-departments of a
 * removed department that were not themselves selected move up to its nearest surviving parent,
 * keeping their place on screen: nothing the user did not select is lost.
 */
export function removeItems(map: AccountMap, ids: readonly string[]): AccountMap {
  const removing = new Set(
    ids.filter((id) => map.stakeholders[id] || map.departments[id] || map.links[id] || map.team[id]),
  );
  if (removing.size === 0) return map;
  // Copy a collection only when something in it changes, so untouched collections keep identity.
  let stakeholders = map.stakeholders;
  let departments = map.departments;
  let links = map.links;
  let team = map.team;
  const stakeholdersCopy = () => (stakeholders === map.stakeholders ? (stakeholders = { ...map.stakeholders }) : stakeholders);
  const departmentsCopy = () => (departments === map.departments ? (departments = { ...map.departments }) : departments);
  const linksCopy = () => (links === map.links ? (links = { ...map.links }) : links);
  const teamCopy = () => (team === map.team ? (team = { ...map.team }) : team);

  // The nearest surviving ancestor of a removed department, and the offset that keeps a child's
  // absolute position once it hangs from that ancestor instead.
  const survivingParent = (departmentId: string): { parentId: string | null; offset: Position } => {
    let offset = { x: 0, y: 0 };
    let current: string | null = departmentId;
    for (let guard = 0; current && removing.has(current) && guard < 64; guard++) {
      const department: Department = map.departments[current];
      offset = { x: offset.x + department.position.x, y: offset.y + department.position.y };
      current = department.parentId;
    }
    return { parentId: current && map.departments[current] ? current : null, offset };
  };

  for (const id of removing) {
    if (map.stakeholders[id]) delete stakeholdersCopy()[id];
    if (map.departments[id]) delete departmentsCopy()[id];
    if (map.links[id]) delete linksCopy()[id];
    if (map.team[id]) delete teamCopy()[id];
  }
  for (const person of Object.values(stakeholders)) {
    let next = person;
    if (person.departmentId && removing.has(person.departmentId)) {
      const { parentId, offset } = survivingParent(person.departmentId);
      next = { ...next, departmentId: parentId, position: { x: person.position.x + offset.x, y: person.position.y + offset.y } };
    }
    if (next.successorId && removing.has(next.successorId)) next = { ...next, successorId: null };
    if (next.ownerId && removing.has(next.ownerId)) next = { ...next, ownerId: null };
    if (next !== person) stakeholdersCopy()[person.id] = next;
  }
  for (const department of Object.values(departments)) {
    if (department.parentId && removing.has(department.parentId)) {
      const { parentId, offset } = survivingParent(department.parentId);
      departmentsCopy()[department.id] = {
        ...department,
        parentId,
        position: { x: department.position.x + offset.x, y: department.position.y + offset.y },
      };
    }
  }
  for (const link of Object.values(links)) {
    if (removing.has(link.sourceId) || removing.has(link.targetId)) delete linksCopy()[link.id];
  }
  return { ...map, stakeholders, departments, links, team };
}

// ---------------------------------------------------------------- copy, paste, duplicate

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
    if (p.departmentId === parentId) occupied.push({ ...p.position, ...STAKEHOLDER_CARD });
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
