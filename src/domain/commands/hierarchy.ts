// The department tree: what is nested in a department and how deep a department sits.
import type { AccountMap } from '../types';

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
