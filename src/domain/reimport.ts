// Bringing a newer CRM export into a map that was imported from the CRM before: the changes the
// user accepted in the review, applied as one command (so one undo step). What the CRM knows is
// updated (title, department, manager, who is new, who is gone); what the team entered by hand
// (stance, notes, roles, owners, other links, positions of cards that stay put) is kept. Nobody is
// deleted: a person missing from the export is only marked as having left the company.
import { stakeholderSize } from './card-layout';
import { addRecords, clearLeftCompany, CommandError, growToFit, makeRoom, markLeftCompany, removeItems } from './commands';
import { newLink } from './defaults';
import type { AccountMap, CrmSeen, Department, Link, Stakeholder } from './types';

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
  /** People marked as having left whom the export lists again, accepted as back at the company. */
  back?: readonly string[];
  /** People found in the export: their CRM origin takes the new file's name and time. */
  matched: readonly string[];
  /** What the CRM says now of matched people (title, department, manager), kept on their CRM origin. */
  seen?: Readonly<Record<string, CrmSeen>>;
  origin: { file: string; importedAt: string };
}

const GONE = 'Someone in the review is no longer on the map. Nothing was changed; import the file again.';

/** How many people a re-import adds, updates and marks as gone (for its name and its report). */
export function reimportCounts(changes: ReimportChanges): { added: number; updated: number; left: number; back: number } {
  return {
    added: changes.stakeholders.length,
    updated: new Set(changes.updates.map((update) => update.id)).size,
    left: changes.left.length,
    back: changes.back?.length ?? 0,
  };
}

/** "3 new, 5 updated, 2 marked as left the company": what a re-import did, for the report and the undo label. */
export function describeReimport(changes: ReimportChanges): string {
  const { added, updated, left, back } = reimportCounts(changes);
  const parts = [
    added ? `${added} new` : '',
    updated ? `${updated} updated` : '',
    left ? `${left} marked as left the company` : '',
    back ? `${back} back at the company` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

/**
 * The map with the accepted changes of a re-import applied. New people, and cards that change
 * department, sit at {x: 0, y: 0} of their department for the layout step (the import dialog runs
 * it in the same undo step); every other card keeps its place. Throws CommandError when the map no
 * longer fits the changes. Made for exports of thousands: each kind of change is one pass.
 */
export function applyReimport(map: AccountMap, changes: ReimportChanges): AccountMap {
  let next = addRecords(map, changes);
  for (const update of changes.updates) {
    if (!next.stakeholders[update.id]) throw new CommandError(GONE);
    if (update.departmentId !== undefined && !next.departments[update.departmentId]) throw new CommandError('A department in the review is no longer on the map.');
  }

  // Titles: one copy of the people. Cards the new titles make larger make room around them as an edit
  // by hand would, but all at once: their departments grow, then one sweep moves what they now cover.
  const titled = { ...next.stakeholders };
  const larger: string[] = [];
  for (const update of changes.updates) {
    if (update.title === undefined) continue;
    const person = titled[update.id];
    const now = { ...person, title: update.title };
    const was = stakeholderSize(next, person);
    const size = stakeholderSize(next, now);
    titled[update.id] = now;
    if (size.width > was.width || size.height > was.height) larger.push(update.id);
  }
  const untitled = next;
  next = { ...next, stakeholders: titled };
  if (larger.length > 0) {
    for (const departmentId of new Set(larger.map((id) => titled[id].departmentId))) next = growToFit(next, departmentId);
    next = makeRoom(untitled, next, larger);
  }

  // Departments: the card changes department; the layout step finds it a place there.
  const moving = { ...next.stakeholders };
  const grown = new Set<string>();
  for (const update of changes.updates) {
    if (update.departmentId === undefined || update.departmentId === moving[update.id].departmentId) continue;
    moving[update.id] = { ...moving[update.id], departmentId: update.departmentId, position: { x: 0, y: 0 } };
    grown.add(update.departmentId);
  }
  next = { ...next, stakeholders: moving };
  for (const id of grown) next = growToFit(next, id);

  // A new manager: the person's reports-to lines go, one to the new manager comes (one pass over the links).
  const managed = new Map(changes.updates.flatMap((update) => (update.manager ? [[update.id, update.manager] as const] : [])));
  if (managed.size > 0) {
    const replaced = Object.values(next.links).filter((link) => link.kind === 'reports-to' && managed.has(link.sourceId));
    next = removeItems(next, replaced.map((link) => link.id));
    const links = [...managed].map(([id, manager]) => {
      if (!next.stakeholders[manager.id]) throw new CommandError('A manager in the review is no longer on the map.');
      if (manager.id === id) throw new CommandError('A person cannot report to themselves.');
      return newLink({ id: manager.linkId, kind: 'reports-to', sourceId: id, targetId: manager.id });
    });
    next = addRecords(next, { links });
  }

  for (const id of changes.left) {
    if (!next.stakeholders[id]) throw new CommandError(GONE);
    if (!next.stakeholders[id].leftCompany) next = markLeftCompany(next, id, { leftTo: '', successorId: null });
  }
  // Back at the company: in their seat again, with no new employer or successor.
  for (const id of changes.back ?? []) {
    if (!next.stakeholders[id]) throw new CommandError(GONE);
    if (next.stakeholders[id].leftCompany) next = clearLeftCompany(next, id);
  }

  // The CRM origin does not change a card's size: one copy of the people for all of them. It takes
  // the new file, and what the CRM says now, so the next re-import can tell the CRM's changes from the team's.
  const stakeholders = { ...next.stakeholders };
  for (const id of changes.matched) {
    const person = stakeholders[id];
    const seen = changes.seen?.[id];
    if (person?.crm) stakeholders[id] = { ...person, crm: { ...person.crm, file: changes.origin.file, importedAt: changes.origin.importedAt, ...(seen ? { seen } : {}) } };
  }
  return changes.matched.length ? { ...next, stakeholders } : next;
}

/** The records the layout step places after a re-import: new departments and people, and cards that changed department. */
export function reimportPlacements(map: AccountMap, changes: ReimportChanges): Set<string> {
  const moved = changes.updates.filter((update) => update.departmentId !== undefined && update.departmentId !== map.stakeholders[update.id]?.departmentId);
  return new Set([...changes.departments, ...changes.stakeholders, ...moved].map((record) => record.id));
}
