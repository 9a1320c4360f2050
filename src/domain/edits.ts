// Every change to an account map is an edit: a name and its arguments, plain data. The store
// applies edits with `applyEdit`, the undo history names its steps with `describeEdit`, and a sync
// engine or a journal can send or store them as they are. Edits carry everything they need (new
// ids included), so applying the same edit to the same map always gives the same result.
import { t } from '../i18n';
import type { Catalogue } from '../i18n/en';
import { createId, type IdPrefix } from './ids';
import {
  addDepartment,
  addLink,
  addRecords,
  addStakeholder,
  addTeamMember,
  fillPlaceholder,
  markLeftCompany,
  moveItems,
  moveItemsTo,
  pasteItems,
  removeItems,
  removeTeamMember,
  renameMap,
  resizeDepartment,
  setStance,
  toggleRole,
  updateDepartment,
  updateLink,
  updateStakeholder,
  updateTeamMember,
  type MapClipboard,
} from './commands';
import { moveInto, reparentDropped } from './reparenting';
import { applyReimport, type ReimportChanges } from './reimport';
import type { AccountMap, BuyingRole, Department, Link, Position, Size, Stakeholder, Stance, TeamMember } from './types';

type Patch<T extends { id: string }> = Partial<Omit<T, 'id'>>;
type Move = { id: string; position: Position };

/** Fresh ids for a paste, by kind, handed out in the clipboard's order (see planPaste). */
export type PasteIds = Record<'dep' | 'stk' | 'lnk', string[]>;

export type Edit =
  | { type: 'renameMap'; name: string }
  | { type: 'addStakeholder'; stakeholder: Stakeholder }
  | { type: 'updateStakeholder'; id: string; patch: Patch<Stakeholder> }
  | { type: 'setStance'; ids: readonly string[]; stance: Stance }
  /** Gives (`on`) or takes away a buying role from every one of `ids`. */
  | { type: 'setRole'; ids: readonly string[]; role: BuyingRole; on: boolean }
  | { type: 'fillPlaceholder'; id: string; name: string; title?: string }
  | { type: 'markLeftCompany'; id: string; departure: { leftTo: string; successorId: string | null } | null }
  | { type: 'addDepartment'; department: Department }
  | { type: 'updateDepartment'; id: string; patch: Patch<Department> }
  /** `position` is given when the top or left edge was dragged. */
  | { type: 'resizeDepartment'; id: string; size: Size; position?: Position }
  /** Positions relative to each record's parent (a nudge). */
  | { type: 'moveItems'; moves: readonly Move[] }
  /** Absolute map positions (a drag on the canvas). */
  | { type: 'moveItemsTo'; moves: readonly Move[] }
  /** Cards dropped after a drag join the department under them. */
  | { type: 'reparentDropped'; ids: readonly string[] }
  /** A card moved into another department (or out to the canvas) from the inspector. */
  | { type: 'moveInto'; id: string; parentId: string | null }
  /** New positions and department sizes for many records at once (Tidy up, an import's layout). */
  | { type: 'arrange'; positions: Readonly<Record<string, Position>>; sizes: Readonly<Record<string, Size>> }
  | { type: 'addRecords'; departments?: readonly Department[]; stakeholders?: readonly Stakeholder[]; links?: readonly Link[] }
  | { type: 'addLink'; link: Link }
  | { type: 'updateLink'; id: string; patch: Patch<Link> }
  | { type: 'addTeamMember'; member: TeamMember }
  | { type: 'updateTeamMember'; id: string; patch: Patch<TeamMember> }
  | { type: 'removeTeamMember'; id: string }
  | { type: 'removeItems'; ids: readonly string[] }
  | { type: 'paste'; clipboard: MapClipboard; offset: Position; ids: PasteIds }
  /** The accepted changes of a newer CRM export: new people, updated titles, departments and managers, people gone. */
  | { type: 'reimport'; changes: ReimportChanges }
  /** Several edits as one step, undone together, under one name (an import, a quick entry). */
  | { type: 'batch'; label: EditLabel; edits: readonly Edit[] };

type Leaves<T, P extends string> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];

/** The catalogue keys an edit may be named by: the `edits` area, and the names of the steps built elsewhere. */
export type EditLabelKey =
  | Leaves<Catalogue['edits'], 'edits.'>
  | 'actions.edit.addStakeholder'
  | 'actions.edit.addDepartment'
  | 'actions.edit.addStakeholderAndDepartment'
  | 'importer.undoLabel'
  | 'reimport.undoLabel';

/**
 * An edit's name as a key and its values, not as words: the undo history keeps this and translates
 * it when shown, so switching the language renames the steps already made.
 */
export interface EditLabel {
  key: EditLabelKey;
  values?: Record<string, string | number>;
}

/** An edit's name in the current language ("mark champion"). */
export const editLabelText = (label: EditLabel): string => t(label.key, label.values ?? {});

/** The map after `edit`; the same object when nothing changed. Throws CommandError when refused. */
export function applyEdit(map: AccountMap, edit: Edit): AccountMap {
  switch (edit.type) {
    case 'renameMap':
      return renameMap(map, edit.name);
    case 'addStakeholder':
      return addStakeholder(map, edit.stakeholder);
    case 'updateStakeholder':
      return updateStakeholder(map, edit.id, edit.patch);
    case 'setStance':
      return edit.ids.reduce((next, id) => setStance(next, id, edit.stance), map);
    case 'setRole':
      return edit.ids.reduce(
        (next, id) => (next.stakeholders[id]?.roles.includes(edit.role) === edit.on ? next : toggleRole(next, id, edit.role)),
        map,
      );
    case 'fillPlaceholder':
      return fillPlaceholder(map, edit.id, { name: edit.name, title: edit.title });
    case 'markLeftCompany':
      return markLeftCompany(map, edit.id, edit.departure);
    case 'addDepartment':
      return addDepartment(map, edit.department);
    case 'updateDepartment':
      return updateDepartment(map, edit.id, edit.patch);
    case 'resizeDepartment':
      return resizeDepartment(map, edit.id, edit.size, edit.position);
    case 'moveItems':
      return moveItems(map, [...edit.moves]);
    case 'moveItemsTo':
      return moveItemsTo(map, [...edit.moves]);
    case 'reparentDropped':
      return reparentDropped(map, edit.ids);
    case 'moveInto':
      return moveInto(map, edit.id, edit.parentId);
    case 'arrange':
      return arrange(map, edit.positions, edit.sizes);
    case 'addRecords':
      return addRecords(map, edit);
    case 'addLink':
      return addLink(map, edit.link);
    case 'updateLink':
      return updateLink(map, edit.id, edit.patch);
    case 'addTeamMember':
      return addTeamMember(map, edit.member);
    case 'updateTeamMember':
      return updateTeamMember(map, edit.id, edit.patch);
    case 'removeTeamMember':
      return removeTeamMember(map, edit.id);
    case 'removeItems':
      return removeItems(map, edit.ids);
    case 'paste': {
      const queues = { dep: [...edit.ids.dep], stk: [...edit.ids.stk], lnk: [...edit.ids.lnk] };
      return pasteItems(map, edit.clipboard, edit.offset, (prefix) => queues[prefix as keyof PasteIds].shift() ?? createId(prefix)).map;
    }
    case 'reimport':
      return applyReimport(map, edit.changes);
    case 'batch':
      return edit.edits.reduce(applyEdit, map);
  }
}

/** Sets positions and department sizes, keeping every record that does not change. */
function arrange(map: AccountMap, positions: Readonly<Record<string, Position>>, sizes: Readonly<Record<string, Size>>): AccountMap {
  let stakeholders = map.stakeholders;
  let departments = map.departments;
  const same = (a: Position, b: Position) => a.x === b.x && a.y === b.y;
  for (const [id, position] of Object.entries(positions)) {
    const person = Object.hasOwn(map.stakeholders, id) ? map.stakeholders[id] : undefined;
    if (!person || same(person.position, position)) continue;
    if (stakeholders === map.stakeholders) stakeholders = { ...map.stakeholders };
    stakeholders[id] = { ...person, position };
  }
  for (const id of new Set([...Object.keys(positions), ...Object.keys(sizes)])) {
    const department = Object.hasOwn(map.departments, id) ? map.departments[id] : undefined;
    if (!department) continue;
    const position = Object.hasOwn(positions, id) ? positions[id] : department.position;
    const size = Object.hasOwn(sizes, id) ? sizes[id] : department.size;
    if (same(position, department.position) && size.width === department.size.width && size.height === department.size.height) continue;
    if (departments === map.departments) departments = { ...map.departments };
    departments[id] = { ...department, position, size };
  }
  return stakeholders === map.stakeholders && departments === map.departments ? map : { ...map, stakeholders, departments };
}

/** The `arrange` edit that turns `before`'s layout into `after`'s (for a layout computed elsewhere). */
export function arrangementBetween(before: AccountMap, after: AccountMap): Extract<Edit, { type: 'arrange' }> {
  const positions: Record<string, Position> = {};
  const sizes: Record<string, Size> = {};
  for (const [id, person] of Object.entries(after.stakeholders)) {
    const old = before.stakeholders[id];
    if (old && old.position !== person.position) positions[id] = person.position;
  }
  for (const [id, department] of Object.entries(after.departments)) {
    const old = before.departments[id];
    if (old && old.position !== department.position) positions[id] = department.position;
    if (old && old.size !== department.size) sizes[id] = department.size;
  }
  return { type: 'arrange', positions, sizes };
}

/**
 * Fresh ids for pasting `clipboard`, and which of them are the pasted top-level cards (the new
 * selection). The ids go into the paste edit, so replaying it gives the same records.
 */
export function planPaste(clipboard: MapClipboard, makeId: (prefix: IdPrefix) => string = createId): { ids: PasteIds; topLevel: string[] } {
  const ids: PasteIds = {
    dep: clipboard.departments.map(() => makeId('dep')),
    stk: clipboard.stakeholders.map(() => makeId('stk')),
    lnk: clipboard.links.map(() => makeId('lnk')),
  };
  const topLevel = [
    ...clipboard.departments.flatMap((d, i) => (d.parentId ? [] : [ids.dep[i]])),
    ...clipboard.stakeholders.flatMap((p, i) => (p.departmentId ? [] : [ids.stk[i]])),
  ];
  return { ids, topLevel };
}

/** What an edit did, in a few words, for "Undo: …" and "Redo: …", in the current language. */
export const describeEdit = (edit: Edit): string => editLabelText(editLabel(edit));

const named = (key: EditLabelKey, values?: Record<string, string | number>): EditLabel => (values ? { key, values } : { key });

/** What an edit did, as a key: what the undo history keeps. */
export function editLabel(edit: Edit): EditLabel {
  switch (edit.type) {
    case 'renameMap':
      return named('edits.renameMap');
    case 'addStakeholder':
      return named(edit.stakeholder.placeholder ? 'edits.addPlaceholder' : 'edits.addStakeholder');
    case 'updateStakeholder':
      return named(edit.patch.name !== undefined && Object.keys(edit.patch).length === 1 ? 'edits.renameStakeholder' : 'edits.editStakeholder');
    case 'setStance':
      return named(`edits.stance.${edit.stance}`);
    case 'setRole':
      return named(edit.on ? `edits.tag.${edit.role}` : `edits.untag.${edit.role}`);
    case 'fillPlaceholder':
      return named('edits.fillPlaceholder');
    case 'markLeftCompany':
      return named(edit.departure ? 'edits.markLeft' : 'edits.markBack');
    case 'addDepartment':
      return named('edits.addDepartment');
    case 'updateDepartment':
      return named(edit.patch.name !== undefined && Object.keys(edit.patch).length === 1 ? 'edits.renameDepartment' : 'edits.editDepartment');
    case 'resizeDepartment':
      return named('edits.resizeDepartment');
    case 'moveItems':
    case 'moveItemsTo':
      return named('edits.moveCards', { count: edit.moves.length });
    case 'reparentDropped':
      // The end of a drag: to the user it was a move, whichever department the cards landed in.
      return named('edits.moveCards', { count: edit.ids.length });
    case 'moveInto':
      return named(edit.parentId ? 'edits.moveInto' : 'edits.moveOut');
    case 'arrange':
      return named('edits.tidyUp');
    case 'addRecords':
      return named('edits.addRecords', { count: (edit.stakeholders?.length ?? 0) + (edit.departments?.length ?? 0) });
    case 'addLink':
      return named('edits.addLink');
    case 'updateLink':
      return named('edits.editLink');
    case 'addTeamMember':
      return named('edits.addTeamMember');
    case 'updateTeamMember':
      return named('edits.editTeamMember');
    case 'removeTeamMember':
      return named('edits.removeTeamMember');
    case 'removeItems':
      return named('edits.deleteItems', { count: edit.ids.length });
    case 'paste':
      return named('edits.paste');
    case 'reimport':
      return named('edits.reimport');
    case 'batch':
      return edit.label;
  }
}
