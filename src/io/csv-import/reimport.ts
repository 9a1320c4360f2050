// A newer export of the CRM a map was imported from: what it would change, for the user to review.
// planReimport compares the file with the map: new people (CRM id not on the map), people whose
// title, department or manager differ (each as old → new), and people missing from the export
// (imported from the same CRM, and from the same account when the import is limited to one).
// acceptedChanges turns the user's ticks into the domain's ReimportChanges, which one command
// applies (src/domain/reimport.ts). No React, no store.
import { newDepartment } from '../../domain/defaults';
import { createId } from '../../domain/ids';
import type { ReimportChanges, ReimportUpdate } from '../../domain/reimport';
import type { AccountMap, CrmSeen, Department, Stakeholder } from '../../domain/types';
import { t } from '../../i18n';
import { buildImport, cellText, crmSeen, idKey } from './build';
import { foldText } from './text';
import type { ColumnMapping, CsvRow, ImportOptions, ImportResult, ParsedCsv } from './types';

export type ChangeField = 'title' | 'department' | 'manager';

/** One field that differs: the map's value and the export's, as the user reads them. */
export interface FieldChange {
  from: string;
  to: string;
  /** Changed on the map by hand and in the CRM since the last import: offered, but not ticked. */
  conflict?: true;
}

/** A person on the map whose title, department or manager the export gives differently. */
export interface ChangedPerson {
  id: string;
  name: string;
  /** The first line of the file that names them. */
  line: number;
  title?: FieldChange;
  /** `departmentId`: a department on the map, or one of the plan's `departments`. */
  department?: FieldChange & { departmentId: string };
  /** `managerId`: someone on the map or a new person; `linkId` the reports-to link that would replace the old one. */
  manager?: FieldChange & { managerId: string; linkId: string };
}

/** Someone imported from this CRM (and account) whose CRM id is not in the export. */
export interface MissingPerson {
  id: string;
  name: string;
  title: string;
}

export interface ReimportPlan {
  /** The people the export adds, with their departments and reports-to links (as a plain import builds them). */
  added: ImportResult;
  /** Departments that changed people move into and that neither the map nor the new people have yet. */
  departments: Department[];
  changed: ChangedPerson[];
  missing: MissingPerson[];
  /** People marked as having left the company whom the export still (or again) lists: back at the company? */
  returned: MissingPerson[];
  /** Everyone on the map the export names, changed or not. */
  matched: string[];
  /** What the CRM says now of each matched person, kept on their CRM origin for the next re-import. */
  seen: Record<string, CrmSeen>;
  origin: { file: string; importedAt: string };
  /** Sentences for the user: managers the export names but the map and the file lack, bad rows… */
  notes: string[];
}

/** The user's ticks: new people, changes ("id title", see changeKey), departures and returns accepted. */
export interface ReimportChoices {
  added: ReadonlySet<string>;
  changes: ReadonlySet<string>;
  left: ReadonlySet<string>;
  back: ReadonlySet<string>;
}

export const changeKey = (id: string, field: ChangeField) => `${id} ${field}`;

export const CHANGE_FIELDS: readonly ChangeField[] = ['title', 'department', 'manager'];

/** True when the map holds people whose CRM id is in the file: importing it again updates them. */
export function isReimport(map: AccountMap, parsed: ParsedCsv, mapping: ColumnMapping): boolean {
  if (mapping.externalId === null) return false;
  const onMap = new Set(Object.values(map.stakeholders).flatMap((person) => (person.crm?.id ? [idKey(person.crm.id)] : [])));
  return onMap.size > 0 && parsed.rows.some((row) => onMap.has(idKey(cellText(row, mapping, 'externalId'))));
}

const departmentKey = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

/** What the export says about one person: the first non-empty value of each field over their rows. */
interface FileFacts {
  line: number;
  title: string;
  department: string;
  managerId: string;
  managerName: string;
}

/**
 * Compares the export with the map. `options` are those of the import (account, origin: required);
 * `added` is what buildImport made of the same rows with `existing: map` (given when it ran already).
 */
export function planReimport(
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  map: AccountMap,
  options: ImportOptions & { origin: NonNullable<ImportOptions['origin']> },
  added: ImportResult = buildImport(parsed, mapping, { ...options, existing: map }),
): ReimportPlan {
  const origin = { file: options.origin.file, importedAt: options.origin.importedAt };
  const notes = added.notes.filter((note) => note !== added.alreadyOnMapNote);
  const plan: ReimportPlan = { added, departments: [], changed: [], missing: [], returned: [], matched: [], seen: {}, origin, notes };
  if (mapping.externalId === null) return plan;

  const byCrmId = new Map<string, Stakeholder>();
  for (const person of Object.values(map.stakeholders)) if (person.crm?.id && !person.placeholder) byCrmId.set(idKey(person.crm.id), person);
  const inScope = (row: CsvRow) => options.account === undefined || cellText(row, mapping, 'account') === options.account;
  const idsInFile = new Set<string>();
  const idsInScope = new Set<string>();
  const facts = new Map<string, FileFacts>();
  for (const row of parsed.rows) {
    const id = cellText(row, mapping, 'externalId');
    if (!id) continue;
    idsInFile.add(idKey(id));
    if (!inScope(row)) continue;
    idsInScope.add(idKey(id));
    const person = byCrmId.get(idKey(id));
    if (!person) continue;
    const known = facts.get(person.id);
    const read: FileFacts = {
      line: row.line,
      title: cellText(row, mapping, 'title'),
      department: cellText(row, mapping, 'department'),
      managerId: cellText(row, mapping, 'reportsToId'),
      managerName: cellText(row, mapping, 'reportsToName'),
    };
    if (!known) facts.set(person.id, read);
    else for (const key of ['title', 'department', 'managerId', 'managerName'] as const) known[key] ||= read[key];
  }

  const departments = departmentFinder(map, added.departments, plan.departments);
  const manager = managerFinder(map, added.stakeholders);
  const unresolved: string[] = [];
  const managersOf = new Map<string, string[]>();
  for (const link of Object.values(map.links)) {
    if (link.kind === 'reports-to') managersOf.set(link.sourceId, [...(managersOf.get(link.sourceId) ?? []), link.targetId]);
  }
  for (const [id, fact] of facts) {
    const person = map.stakeholders[id];
    plan.matched.push(id);
    if (person.leftCompany) plan.returned.push({ id, name: person.name, title: person.title });
    const seen = person.crm?.seen;
    plan.seen[id] = nextSeen(seen, fact, mapping);
    const change: ChangedPerson = { id, name: person.name, line: fact.line };
    // Three-way, as a sync tool compares: what the CRM said at the last import (seen), the map now and
    // the export. A field the team changed by hand and the CRM did not is left alone; one both changed
    // is offered unticked. People imported before `seen` was kept are compared two-way.
    if (fact.title && fact.title !== person.title) {
      const offer = threeWay(seen?.title, person.title !== seen?.title, fact.title !== seen?.title);
      if (offer) change.title = { from: person.title, to: fact.title, ...offer };
    }
    // An empty cell says nothing: the change is only proposed when the export names a department
    // that is not the card's own nor one it sits inside (a team may have drawn sub-departments).
    const chain = departmentChain(map, person.departmentId);
    const inChain = (name: string) => chain.some((department) => departmentKey(department.name) === departmentKey(name));
    if (fact.department && !inChain(fact.department)) {
      const was = seen?.department;
      const offer = threeWay(was, was ? !inChain(was) : chain.length > 0, departmentKey(fact.department) !== departmentKey(was ?? ''));
      if (offer) {
        const target = departments.resolve(fact.department);
        change.department = { from: map.departments[person.departmentId ?? '']?.name ?? 'no department', to: target.name, departmentId: target.id, ...offer };
      }
    }
    if (fact.managerId || fact.managerName) {
      const boss = manager.find(fact.managerId, fact.managerName);
      const current = managersOf.get(id) ?? [];
      const reportsTo = (someone: Stakeholder | undefined) => current.length === 1 && current[0] === someone?.id;
      if (!boss) unresolved.push(person.name);
      else if (boss.id !== id && !reportsTo(boss)) {
        const was = seen?.manager;
        const wasBoss = was ? manager.find(was, was) : undefined;
        const sameInCrm = was !== undefined && (managerKey(fact) === managerKey({ managerId: was, managerName: '' }) || wasBoss?.id === boss.id);
        const offer = threeWay(was, wasBoss ? !reportsTo(wasBoss) : current.length > 0, !sameInCrm);
        if (offer) {
          const from = current.map((target) => map.stakeholders[target]?.name ?? map.departments[target]?.name ?? target).join(', ') || 'no manager';
          change.manager = { from, to: boss.name, managerId: boss.id, linkId: createId('lnk'), ...offer };
        }
      }
    }
    if (change.title || change.department || change.manager) plan.changed.push(change);
  }
  // By name, as a reviewer scans a list of people.
  plan.changed.sort((a, b) => a.name.localeCompare(b.name) || a.line - b.line);
  if (unresolved.length > 0) {
    notes.push(t('reimport.unresolvedManager', { names: unresolved.join(', ') }));
  }

  for (const person of Object.values(map.stakeholders)) {
    const crm = person.crm;
    if (!crm?.id || crm.system !== options.origin.system || person.leftCompany || person.placeholder) continue;
    const key = idKey(crm.id);
    // Limited to one account: that account's people are gone when its rows lack them; people filed
    // under another account are not this import's business; people whose account was not recorded
    // are gone only when the whole file lacks them.
    const gone =
      options.account === undefined || crm.account === undefined
        ? !idsInFile.has(key)
        : crm.account === options.account && !idsInScope.has(key);
    if (gone) plan.missing.push({ id: person.id, name: person.name, title: person.title });
  }
  return plan;
}

/** True when the export would change nothing: no one new, nothing different, no one missing. */
export const planIsEmpty = (plan: ReimportPlan) =>
  plan.added.stakeholders.length === 0 && plan.changed.length === 0 && plan.missing.length === 0 && plan.returned.length === 0;

/**
 * How the review opens: every change ticked but those made on the map and in the CRM alike (the
 * user picks), and nobody ticked as back at the company: a CRM keeps a contact's record long after
 * they left, so the export listing them is weak evidence against what the team marked by hand.
 */
export function acceptAll(plan: ReimportPlan): ReimportChoices {
  return {
    added: new Set(plan.added.stakeholders.map((person) => person.id)),
    changes: new Set(plan.changed.flatMap((person) => CHANGE_FIELDS.filter((field) => person[field] && !person[field].conflict).map((field) => changeKey(person.id, field)))),
    left: new Set(plan.missing.map((person) => person.id)),
    back: new Set(),
  };
}

/**
 * The accepted part of a plan as the edit applies it, and sentences for what had to be left out
 * because it hung on something the user did not accept (a manager change to a new person not added).
 */
export function acceptedChanges(plan: ReimportPlan, choices: ReimportChoices): { changes: ReimportChanges; skipped: string[] } {
  const stakeholders = plan.added.stakeholders.filter((person) => choices.added.has(person.id));
  const declined = new Set(plan.added.stakeholders.filter((person) => !choices.added.has(person.id)).map((person) => person.id));
  const links = plan.added.links.filter((link) => !declined.has(link.sourceId) && !declined.has(link.targetId));
  const skipped: string[] = [];
  const updates: ReimportUpdate[] = [];
  for (const person of plan.changed) {
    const update: ReimportUpdate = { id: person.id };
    if (person.title && choices.changes.has(changeKey(person.id, 'title'))) update.title = person.title.to;
    if (person.department && choices.changes.has(changeKey(person.id, 'department'))) update.departmentId = person.department.departmentId;
    if (person.manager && choices.changes.has(changeKey(person.id, 'manager'))) {
      if (declined.has(person.manager.managerId)) skipped.push(t('reimport.stillReports', { name: person.name, from: person.manager.from, to: person.manager.to }));
      else update.manager = { id: person.manager.managerId, linkId: person.manager.linkId };
    }
    if (Object.keys(update).length > 1) updates.push(update);
  }
  const used = new Set([...stakeholders.map((person) => person.departmentId), ...updates.map((update) => update.departmentId)]);
  const departments = [...plan.added.departments, ...plan.departments].filter((department) => used.has(department.id));
  const left = plan.missing.filter((person) => choices.left.has(person.id)).map((person) => person.id);
  const back = plan.returned.filter((person) => choices.back.has(person.id)).map((person) => person.id);
  return { changes: { departments, stakeholders, links, updates, left, back, matched: plan.matched, seen: plan.seen, origin: plan.origin }, skipped };
}

/**
 * Whether to offer a field the export gives differently from the map: `was` is what the CRM said
 * at the last import (undefined: not known, so offered as before); `mapMoved`, `crmMoved` whether
 * the map and the export differ from it. Returns nothing to offer, a ticked offer, or a conflict.
 */
function threeWay(was: string | undefined, mapMoved: boolean, crmMoved: boolean): { conflict?: true } | null {
  if (was === undefined) return {};
  if (!crmMoved) return null;
  return mapMoved ? { conflict: true } : {};
}

/** The manager as the CRM names them, comparable across exports: their CRM id, else their name. */
const managerKey = (fact: { managerId: string; managerName: string }) => (fact.managerId ? idKey(fact.managerId) : foldText(fact.managerName));

/** What the CRM says of a person after this export: its non-empty cells, else what it said before ("" for a column the file has). */
function nextSeen(before: CrmSeen | undefined, fact: FileFacts, mapping: ColumnMapping): CrmSeen {
  const now = crmSeen(mapping, fact.title, fact.department, fact.managerId || fact.managerName);
  const seen: CrmSeen = {};
  for (const key of ['department', 'manager', 'title'] as const) {
    const value = now[key] || (before?.[key] ?? now[key]);
    if (value !== undefined) seen[key] = value;
  }
  return seen;
}

/** The department and the ones it sits in, innermost first. */
function departmentChain(map: AccountMap, id: string | null): Department[] {
  const chain: Department[] = [];
  for (let current = id, guard = 0; current && map.departments[current] && guard < 64; guard++) {
    chain.push(map.departments[current]);
    current = map.departments[current].parentId;
  }
  return chain;
}

/** A department by name: the map's, a new person's, or a new one (added to `created`). */
function departmentFinder(map: AccountMap, fromImport: readonly Department[], created: Department[]) {
  const byName = new Map<string, Department>();
  for (const department of [...Object.values(map.departments), ...fromImport]) {
    const key = departmentKey(department.name);
    if (!byName.has(key)) byName.set(key, department);
  }
  return {
    resolve(name: string): Department {
      const known = byName.get(departmentKey(name));
      if (known) return known;
      const department = newDepartment({ id: createId('dep'), name, position: { x: 0, y: 0 } });
      created.push(department);
      byName.set(departmentKey(name), department);
      return department;
    },
  };
}

/** A manager by CRM id (on the map or new), else by a name only one person has. */
function managerFinder(map: AccountMap, newPeople: readonly Stakeholder[]) {
  const everyone = [...Object.values(map.stakeholders), ...newPeople].filter((person) => !person.placeholder);
  const byId = new Map<string, Stakeholder>();
  const byName = new Map<string, Stakeholder[]>();
  for (const person of everyone) {
    if (person.crm?.id && !byId.has(idKey(person.crm.id))) byId.set(idKey(person.crm.id), person);
    const key = foldText(person.name);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  const named = (name: string) => {
    const found = byName.get(foldText(name)) ?? [];
    return found.length === 1 ? found[0] : undefined;
  };
  return {
    find: (id: string, name: string): Stakeholder | undefined => (id ? byId.get(idKey(id)) : undefined) ?? (name ? (named(name) ?? byId.get(idKey(name))) : undefined),
  };
}
