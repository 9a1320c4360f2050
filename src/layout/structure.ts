// The map's structure as the layout reads it: which records each container holds, the chain of
// departments above each one, the reporting lines, what may move, and stable orders for packing.
import type { AccountMap, Position, Stakeholder } from '../domain/types';

export interface Index {
  /** Departments per container (null: the canvas); a department in a corrupt parent cycle is left out. */
  departmentsIn: Map<string | null, string[]>;
  /** Stakeholders per container. */
  peopleIn: Map<string | null, string[]>;
  /** Each sound department's chain of departments, from the top level down to itself. */
  chains: Map<string, string[]>;
  /** reports-to: report -> their managers (stakeholders only). */
  managersOf: Map<string, string[]>;
  /** Between sibling departments: how many reporting lines run from A's people up to B's. */
  reportsUp: Map<string, Map<string, number>>;
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndex(map: AccountMap): Index {
  const chains = new Map<string, string[]>();
  const broken = new Set<string>();
  const chainOf = (id: string): string[] | null => {
    const known = chains.get(id);
    if (known) return known;
    // Walk up to a known chain or the top, then fill the chains in on the way back.
    const path: string[] = [];
    const seen = new Set<string>();
    let base: string[] = [];
    for (let at: string | null = id; at; ) {
      if (broken.has(at) || seen.has(at)) {
        for (const p of path) broken.add(p);
        return null;
      }
      const cached = chains.get(at);
      if (cached) {
        base = cached;
        break;
      }
      seen.add(at);
      path.push(at);
      const parentId: string | null = map.departments[at].parentId;
      at = parentId && map.departments[parentId] ? parentId : null;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      base = [...base, path[i]];
      chains.set(path[i], base);
    }
    return chains.get(id)!;
  };

  const departmentsIn = new Map<string | null, string[]>();
  for (const department of Object.values(map.departments)) {
    const chain = chainOf(department.id);
    if (chain) push(departmentsIn, chain.length > 1 ? chain[chain.length - 2] : null, department.id);
  }
  const peopleIn = new Map<string | null, string[]>();
  for (const person of Object.values(map.stakeholders)) {
    const departmentId = person.departmentId && map.departments[person.departmentId] ? person.departmentId : null;
    if (departmentId && !chains.has(departmentId)) continue;
    push(peopleIn, departmentId, person.id);
  }

  const managersOf = new Map<string, string[]>();
  const reportsUp = new Map<string, Map<string, number>>();
  const personChain = (person: Stakeholder) =>
    person.departmentId && map.departments[person.departmentId] ? chains.get(person.departmentId) : [];
  for (const link of Object.values(map.links)) {
    if (link.kind !== 'reports-to' || link.sourceId === link.targetId) continue;
    const report = map.stakeholders[link.sourceId];
    const manager = map.stakeholders[link.targetId];
    if (!report || !manager) continue;
    push(managersOf, report.id, manager.id);
    // The two departments, side by side in one container, that this line runs between.
    const from = personChain(report);
    const to = personChain(manager);
    if (!from || !to) continue;
    let i = 0;
    while (i < from.length && from[i] === to[i]) i++;
    if (i < from.length && i < to.length) {
      const counts = reportsUp.get(from[i]) ?? new Map<string, number>();
      counts.set(to[i], (counts.get(to[i]) ?? 0) + 1);
      reportsUp.set(from[i], counts);
    }
  }
  return { departmentsIn, peopleIn, chains, managersOf, reportsUp };
}

/** The records that may move: the given ones and everything inside the given departments. */
export function movingSet(index: Index, only: ReadonlySet<string>): Set<string> {
  const moving = new Set<string>();
  const people = new Set([...index.peopleIn.values()].flat());
  const addDepartment = (id: string) => {
    if (moving.has(id)) return;
    moving.add(id);
    for (const person of index.peopleIn.get(id) ?? []) moving.add(person);
    for (const inner of index.departmentsIn.get(id) ?? []) addDepartment(inner);
  };
  for (const id of only) {
    if (index.chains.has(id)) addDepartment(id);
    else if (people.has(id)) moving.add(id);
  }
  return moving;
}

/** Departments to visit: the moving ones and every department that holds a moving record. */
export function touchedDepartments(index: Index, moving: Set<string> | null): Set<string> {
  if (!moving) return new Set(index.chains.keys());
  const touched = new Set<string>();
  for (const [container, people] of index.peopleIn) {
    if (container && people.some((id) => moving.has(id))) for (const id of index.chains.get(container)!) touched.add(id);
  }
  for (const id of moving) for (const up of index.chains.get(id) ?? []) touched.add(up);
  return touched;
}

// ---------------------------------------------------------------- orders

const finite = (value: number) => (Number.isFinite(value) ? value : 0);
export const originalOf = (map: AccountMap, id: string): Position => {
  const position = (map.stakeholders[id] ?? map.departments[id]).position;
  return { x: finite(position?.x), y: finite(position?.y) };
};
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Top to bottom, then left to right, by where the records were: a stable order for packing. */
export function readingOrder(map: AccountMap, ids: readonly string[]): string[] {
  const at = new Map(ids.map((id) => [id, originalOf(map, id)]));
  return [...ids].sort((a, b) => at.get(a)!.y - at.get(b)!.y || at.get(a)!.x - at.get(b)!.x || compareIds(a, b));
}

/** Left to right, as siblings in an org chart stood before. */
export function rowOrder(map: AccountMap, ids: readonly string[]): string[] {
  const at = new Map(ids.map((id) => [id, originalOf(map, id)]));
  return [...ids].sort((a, b) => at.get(a)!.x - at.get(b)!.x || at.get(a)!.y - at.get(b)!.y || compareIds(a, b));
}

/**
 * Sibling departments in the order of the reporting lines between them: a department whose head
 * reports into another follows it (depth first, so a unit and its sub-units stay together);
 * otherwise reading order.
 */
export function orderDepartments(map: AccountMap, index: Index, ids: readonly string[]): string[] {
  const sorted = readingOrder(map, ids);
  const rank = new Map(sorted.map((id, i) => [id, i]));
  const under = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const id of sorted) {
    let best: string | null = null;
    let bestCount = 0;
    for (const [other, count] of index.reportsUp.get(id) ?? []) {
      if (other === id || !rank.has(other)) continue;
      if (count > bestCount || (count === bestCount && best !== null && rank.get(other)! < rank.get(best)!)) {
        best = other;
        bestCount = count;
      }
    }
    if (best) {
      push(under, best, id);
      hasParent.add(id);
    }
  }
  const order: string[] = [];
  const visited = new Set<string>();
  const visit = (start: string) => {
    const stack = [start];
    while (stack.length) {
      const id = stack.pop()!;
      if (visited.has(id)) continue;
      visited.add(id);
      order.push(id);
      const children = under.get(id) ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  };
  for (const id of sorted) if (!hasParent.has(id)) visit(id);
  // Departments that report to each other in a circle: reading order.
  for (const id of sorted) visit(id);
  return order;
}
