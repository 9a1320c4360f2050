// Where we can still sell (white space) and where a competitor holds a department.
import type { AccountMap, Department, Stakeholder } from '../types';
import { current, departmentAndDescendants, departmentPath, peopleIn } from './helpers';

export interface WhiteSpaceEntry {
  department: Department;
  /** Names from the top level down, e.g. ["IT", "Data & Analytics"]. */
  path: string[];
  /** As written, e.g. "€400k ARR"; empty when nobody has estimated it. */
  potentialValue: string;
  /** People still there (open seats included), highest influence first. */
  people: Stakeholder[];
}

export interface CompetitorEntry {
  department: Department;
  path: string[];
  /** The competitor's name; empty when nobody wrote it down. */
  competitor: string;
  people: Stakeholder[];
}

export interface WhiteSpace {
  /** Departments we have not sold to, with an estimated value first, then by path. */
  whiteSpace: WhiteSpaceEntry[];
  /** Departments a competitor holds, by path. */
  competitors: CompetitorEntry[];
}

export function whiteSpace(map: AccountMap): WhiteSpace {
  const people = current(map);
  const entry = (department: Department) => ({
    department,
    path: departmentPath(map, department.id),
    people: peopleIn(people, departmentAndDescendants(map, department.id)),
  });
  const byPath = (a: { path: string[] }, b: { path: string[] }) => a.path.join('/').localeCompare(b.path.join('/'), 'en');
  const departments = Object.values(map.departments);
  return {
    whiteSpace: departments
      .filter((d) => d.coverage === 'white-space')
      .map((d) => ({ ...entry(d), potentialValue: d.potentialValue.trim() }))
      .sort((a, b) => Number(!a.potentialValue) - Number(!b.potentialValue) || byPath(a, b)),
    competitors: departments
      .filter((d) => d.coverage === 'competitor')
      .map((d) => ({ ...entry(d), competitor: d.competitor.trim() }))
      .sort(byPath),
  };
}
