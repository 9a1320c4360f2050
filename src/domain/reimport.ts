// Bringing a newer CRM export into a map that was imported from the CRM before: the changes the
// user accepted in the review, applied as one command (so one undo step). What the CRM knows is
// updated (title, department, manager, who is new, who is gone); what the team entered by hand
// (stance, notes, roles, owners, other links, positions of cards that stay put) is kept. Nobody is
// deleted: a person missing from the export is only marked as having left the company.
import { addRecords, CommandError, markLeftCompany, reparent, removeItems, updateStakeholder, addLink } from './commands';
import { moveInto } from './reparenting';
import { newLink } from './defaults';
import type { AccountMap, Department, Link, Stakeholder } from './types';

/** What the export says about one person already on the map; only the parts the user accepted. */
export interface ReimportUpdate {
  /** The stakeholder on the map. */
  id: string;
  title?: string;
  /** The department to move the card into (on the map, or one of the changes' new departments). */
  departmentId?: string;
  /** The new manager: their reports-to link (with this id) replaces the person's reports-to links. */
  manager?: { id: string; linkId: string };
}

/** Everything one re-import changes; plain data with every new id in it, so applying it twice gives the same map. */
export interface ReimportChanges {
  /** New departments: for new people, or for people who moved into a department the map did not have. */
  departments: readonly Department[];
  /** New people, at {x: 0, y: 0} for the layout step. */
  stakeholders: readonly Stakeholder[];
  /** The new people's reports-to links. */
  links: readonly Link[];
  updates: readonly ReimportUpdate[];
  /** People missing from the export, to be marked as having left the company. */
  left: readonly string[];
  /** People found in the export: their CRM origin takes the new file's name and time. */
  matched: readonly string[];
  origin: { file: string; importedAt: string };
}

/** How many people a re-import adds, updates and marks as gone (for its name and its report). */
export function reimportCounts(changes: ReimportChanges): { added: number; updated: number; left: number } {
  return { added: changes.stakeholders.length, updated: new Set(changes.updates.map((update) => update.id)).size, left: changes.left.length };
}

/** "3 new, 5 updated, 2 marked as left the company": what a re-import did, for the report and the undo label. */
export function describeReimport(changes: ReimportChanges): string {
  const { added, updated, left } = reimportCounts(changes);
  const parts = [added ? `${added} new` : '', updated ? `${updated} updated` : '', left ? `${left} marked as left the company` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

/** The map with the accepted changes of a re-import applied. Throws CommandError when the map no longer fits them. */
export function applyReimport(map: AccountMap, changes: ReimportChanges): AccountMap {
  const newDepartments = new Set(changes.departments.map((department) => department.id));
  let next = addRecords(map, changes);
  for (const update of changes.updates) {
    const person = next.stakeholders[update.id];
    if (!person) throw new CommandError('Someone in the review is no longer on the map. Nothing was changed; import the file again.');
    if (update.title !== undefined) next = updateStakeholder(next, update.id, { title: update.title });
    if (update.departmentId !== undefined && update.departmentId !== person.departmentId) {
      if (!next.departments[update.departmentId]) throw new CommandError('A department in the review is no longer on the map.');
      // Into a new department: the layout step lays the department out with everyone in it.
      // Into one on the map: the first free spot below its title bar.
      next = newDepartments.has(update.departmentId)
        ? reparent(next, update.id, update.departmentId, { x: 0, y: 0 })
        : moveInto(next, update.id, update.departmentId);
    }
    if (update.manager) {
      if (!next.stakeholders[update.manager.id]) throw new CommandError('A manager in the review is no longer on the map.');
      const replaced = Object.values(next.links).filter((link) => link.kind === 'reports-to' && link.sourceId === update.id);
      next = removeItems(next, replaced.map((link) => link.id));
      next = addLink(next, newLink({ id: update.manager.linkId, kind: 'reports-to', sourceId: update.id, targetId: update.manager.id }));
    }
  }
  for (const id of changes.left) {
    const person = next.stakeholders[id];
    if (person && !person.leftCompany) next = markLeftCompany(next, id, { leftTo: '', successorId: null });
  }
  for (const id of changes.matched) {
    const person = next.stakeholders[id];
    if (person?.crm) next = updateStakeholder(next, id, { crm: { ...person.crm, file: changes.origin.file, importedAt: changes.origin.importedAt } });
  }
  return next;
}
