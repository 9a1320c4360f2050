// Commands on the map as a whole: its name, and many new records at once (an import).
import type { AccountMap, Department, Link, Stakeholder } from '../types';
import { CommandError, validateName } from './validation';

export function renameMap(map: AccountMap, name: string): AccountMap {
  const trimmed = validateName(name, 'An account map');
  return trimmed === map.name ? map : { ...map, name: trimmed };
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
