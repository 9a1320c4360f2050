// Removing records, and keeping the rest of the map whole when they go.
import type { AccountMap, Department, Position } from '../types';

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
