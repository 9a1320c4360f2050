// Turning mapped CSV rows into domain records: stakeholders (one per person, duplicates merged; rows
// with different CRM ids are never merged, whatever e-mail they share),
// departments (one per distinct name, or the open map's own), and reports-to links (source = the
// report, target = the manager, as types.ts defines). Nothing is laid out: every record sits at
// {x: 0, y: 0} for the layout step. Values are kept as text, never interpreted as HTML.
import { newDepartment, newLink, newStakeholder } from '../../domain/defaults';
import { createId } from '../../domain/ids';
import type { AccountMap, BuyingRole, CrmSeen, Department, Link, Stakeholder, Stance } from '../../domain/types';
import { hasNameColumn } from './columns';
import { lineList } from './parse';
import { parseRoles, parseStance } from './roles';
import { foldText } from './text';
import { t } from '../../i18n';
import { fieldLabel, type ColumnMapping, type CsvRow, type ImportOptions, type ImportResult, type MappableField, type ParsedCsv } from './types';

/** Longest value kept for a name, title, email…; longer ones are cut, with a note. */
export const FIELD_LIMIT = 500;
/** Notes are prose, so they may run longer before they count as absurd. */
export const NOTES_LIMIT = 5000;
const PROGRESS_EVERY = 200;
const YIELD_EVERY = 250;

/** Builds the records in one synchronous pass (2,000 rows take a few milliseconds). */
export function buildImport(parsed: ParsedCsv, mapping: ColumnMapping, options: ImportOptions = {}): ImportResult {
  const total = parsed.rows.length;
  const steps = importSteps(parsed, mapping, options);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      options.onProgress?.(total, total);
      return step.value;
    }
    if (step.value % PROGRESS_EVERY === 0) options.onProgress?.(step.value, total);
  }
}

/** The same, giving the browser a turn every 250 rows so a progress bar can paint. */
export async function buildImportAsync(
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const total = parsed.rows.length;
  const steps = importSteps(parsed, mapping, options);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      options.onProgress?.(total, total);
      return step.value;
    }
    const yieldNow = step.value % YIELD_EVERY === 0;
    if (step.value % PROGRESS_EVERY === 0 || yieldNow) options.onProgress?.(step.value, total);
    if (yieldNow) await new Promise((resolve) => setTimeout(resolve));
  }
}

/** A person being assembled from one or more rows. */
interface Draft {
  id: string;
  lines: number[];
  mergedBecause: string;
  fields: Record<'name' | 'title' | 'email' | 'phone' | 'linkedIn' | 'notes', string>;
  departmentId: string | null;
  /** The department as the file names it ("" when its cells are empty). */
  departmentName: string;
  /** The CRM id: rows with different ids are different people. */
  externalId: string;
  roles: BuyingRole[];
  stance: Stance | null;
  managerId: string;
  managerName: string;
  /** The account (company) column's value on the person's first row, or "". */
  account: string;
}

/** A value that looks like an e-mail address (a row with only one is a mailbox, not a person). */
export const isAddress = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value);

/** Rows with an e-mail address but no name (role mailboxes): the dialog offers to keep them. */
export function countEmailOnlyRows(parsed: ParsedCsv, mapping: ColumnMapping): number {
  const cell = (row: CsvRow, field: MappableField) => {
    const column = mapping[field];
    return column === null ? '' : (row.cells[column] ?? '').trim();
  };
  return parsed.rows.filter((row) => !cell(row, 'fullName') && !cell(row, 'firstName') && !cell(row, 'lastName') && isAddress(cell(row, 'email'))).length;
}

/** Salesforce ids come in a 15-character and an 18-character form; the first 15 characters agree. */
export const idKey = (id: string) => (/^[a-zA-Z0-9]{18}$/.test(id) ? id.slice(0, 15) : id);

type PersonField = keyof Draft['fields'];

/** Yields the number of rows done after each row; returns the result. */
function* importSteps(parsed: ParsedCsv, mapping: ColumnMapping, options: ImportOptions): Generator<number, ImportResult> {
  const notes: string[] = [];
  const badRows: ImportResult['badRows'] = [];
  if (!hasNameColumn(mapping) && !(options.keepEmailOnly && mapping.email !== null)) {
    notes.push(t('importer.note.chooseName'));
    return { stakeholders: [], departments: [], links: [], badRows, notes, alreadyOnMap: 0, otherAccounts: 0 };
  }

  const shortened = new Map<MappableField, number[]>();
  const value = (row: CsvRow, field: MappableField, limit = FIELD_LIMIT): string => {
    const text = cellText(row, mapping, field, Infinity);
    if (text.length <= limit) return text;
    addTo(shortened, field, row.line);
    return text.slice(0, limit).trimEnd();
  };

  const departments = departmentResolver(options);
  const drafts: Draft[] = [];
  const byEmail = new Map<string, Draft>();
  const byNameAndTitle = new Map<string, Draft>();
  const byExternalId = new Map<string, Draft>();
  /** People already on the open map by CRM id (any CRM: ids of different CRMs do not look alike). */
  const onMap = new Map<string, Stakeholder>();
  for (const person of Object.values(options.existing?.stakeholders ?? {})) {
    if (person.crm?.id) onMap.set(idKey(person.crm.id), person);
  }
  const alreadyOnMap: number[] = [];
  const namedOnMap = namesOnMap(options.existing);
  /** Rows without a CRM id named like someone on the map, left out as the user asked (skipNamesOnMap). */
  const alreadyByName: number[] = [];
  /** People kept apart although they look alike (same e-mail, or same name and title), because their CRM ids differ. */
  const lookAlikes = new Map<string, { why: 'email' | 'name'; people: Set<Draft> }>();
  const emailOnly: number[] = [];
  let otherAccounts = 0;

  let done = 0;
  for (const row of parsed.rows) {
    const first = value(row, 'firstName');
    const last = value(row, 'lastName');
    let name = value(row, 'fullName') || [first, last].filter(Boolean).join(' ');
    const externalId = value(row, 'externalId');
    if (options.account !== undefined && value(row, 'account') !== options.account) {
      otherAccounts++;
    } else if (externalId && onMap.has(idKey(externalId))) {
      alreadyOnMap.push(row.line);
    } else if (options.skipNamesOnMap && !externalId && name && namedOnMap.has(foldText(name))) {
      alreadyByName.push(row.line);
    } else if (!name && isAddress(value(row, 'email')) && !options.keepEmailOnly) {
      emailOnly.push(row.line);
      badRows.push({ line: row.line, reason: t('importer.bad.onlyEmail', { email: value(row, 'email') }) });
    } else if (!name && !(options.keepEmailOnly && isAddress(value(row, 'email')))) {
      badRows.push({ line: row.line, reason: t('importer.bad.noName') });
    } else {
      name ||= value(row, 'email');
      const fields = {
        name: name.slice(0, FIELD_LIMIT),
        title: value(row, 'title'),
        email: value(row, 'email'),
        phone: value(row, 'phone'),
        linkedIn: value(row, 'linkedIn'),
        notes: value(row, 'notes', NOTES_LIMIT),
      };
      const departmentName = value(row, 'department');
      const managerId = value(row, 'reportsToId');
      const managerName = value(row, 'reportsToName');
      const roles = parseRoles(value(row, 'roles'));
      const stance = parseStance(value(row, 'roles'));

      const emailKey = fields.email.toLowerCase();
      const nameKey = `${foldText(fields.name)}\u0000${foldText(fields.title)}`;
      // Same person: the same CRM id. Without one on either side, the same email; or, where an email is
      // missing on either side, the same name and title. Rows whose CRM ids differ are never the same
      // person: a shared mailbox or a recycled demo address is only a hint.
      const compatible = (draft: Draft | undefined) => (draft && (!externalId || !draft.externalId) ? draft : undefined);
      const byId = externalId ? byExternalId.get(idKey(externalId)) : undefined;
      const byMail = compatible(emailKey ? byEmail.get(emailKey) : undefined);
      const byName = compatible(byNameAndTitle.get(nameKey));
      const same = byId ?? byMail ?? (byName && (!emailKey || !byName.fields.email) ? byName : undefined);
      // The same e-mail under different CRM ids: kept apart, and said once per address.
      const sameMail = emailKey ? byEmail.get(emailKey) : undefined;
      const sameNameAndTitle = byNameAndTitle.get(nameKey);
      const sharing = same
        ? undefined
        : sameMail
          ? { key: `email ${emailKey}`, why: 'email' as const, draft: sameMail }
          : sameNameAndTitle && (!emailKey || !sameNameAndTitle.fields.email)
            ? { key: `name ${nameKey}`, why: 'name' as const, draft: sameNameAndTitle }
            : undefined;
      if (same) {
        same.lines.push(row.line);
        same.mergedBecause ||= byId
          ? t('importer.note.sameId', { id: externalId })
          : byMail
            ? t('importer.note.sameEmail', { email: fields.email })
            : t('importer.note.sameNameAndTitle');
        for (const role of roles) if (!same.roles.includes(role)) same.roles.push(role);
        same.stance ??= stance;
        for (const key of Object.keys(fields) as PersonField[]) {
          if (!same.fields[key]) same.fields[key] = fields[key];
          else if (key === 'notes' && fields.notes && !same.fields.notes.includes(fields.notes)) {
            same.fields.notes = `${same.fields.notes}\n\n${fields.notes}`.slice(0, NOTES_LIMIT);
          }
        }
        if (same.departmentId === null) same.departmentId = departments.resolve(departmentName);
        same.departmentName ||= departmentName;
        if (externalId && !same.externalId) {
          same.externalId = externalId;
          byExternalId.set(idKey(externalId), same);
        }
        if (!same.managerId && !same.managerName) Object.assign(same, { managerId, managerName });
        if (emailKey && !byEmail.has(emailKey)) byEmail.set(emailKey, same);
      } else {
        const draft: Draft = {
          id: createId('stk'),
          lines: [row.line],
          mergedBecause: '',
          fields,
          departmentId: departments.resolve(departmentName),
          departmentName,
          externalId,
          roles,
          stance,
          managerId,
          managerName,
          account: value(row, 'account'),
        };
        drafts.push(draft);
        if (sharing) {
          const shared = lookAlikes.get(sharing.key) ?? { why: sharing.why, people: new Set([sharing.draft]) };
          shared.people.add(draft);
          lookAlikes.set(sharing.key, shared);
        }
        if (externalId) byExternalId.set(idKey(externalId), draft);
        if (emailKey && !byEmail.has(emailKey)) byEmail.set(emailKey, draft);
        if (!byNameAndTitle.has(nameKey)) byNameAndTitle.set(nameKey, draft);
      }
    }
    done++;
    yield done;
  }

  const links = reportsToLinks(drafts, notes, onMap, namedOnMap);
  if (alreadyByName.length > 0) {
    notes.push(t('importer.note.namedOnMap', { count: alreadyByName.length, lines: lineList(alreadyByName) }));
  }
  const alreadyOnMapNote = alreadyOnMap.length > 0 ? t('importer.note.alreadyOnMap', { count: alreadyOnMap.length, lines: lineList(alreadyOnMap) }) : undefined;
  if (alreadyOnMapNote) notes.push(alreadyOnMapNote);
  for (const { why, people } of lookAlikes.values()) {
    const names = new Set([...people].map((draft) => foldText(draft.fields.name)));
    const first = [...people][0];
    notes.push(
      names.size === 1
        ? t(why === 'email' ? 'importer.note.lookAlikeEmail' : 'importer.note.lookAlikeName', {
            name: first.fields.name,
            lines: lineList([...people].map((draft) => draft.lines[0])),
            count: people.size,
          })
        : t('importer.note.sharedEmail', { count: people.size, email: first.fields.email }),
    );
  }
  if (emailOnly.length > 0) {
    notes.push(t('importer.note.emailOnly', { count: emailOnly.length }));
  }
  for (const draft of drafts) {
    if (draft.lines.length > 1) {
      notes.push(t('importer.note.merged', { name: draft.fields.name, lines: lineList(draft.lines), why: draft.mergedBecause }));
    }
  }
  for (const [field, lines] of shortened) {
    const limit = field === 'notes' ? NOTES_LIMIT : FIELD_LIMIT;
    notes.push(t('importer.note.shortened', { field: fieldLabel(field), limit, count: lines.length, lines: lineList(lines) }));
  }
  if (departments.reused.length > 0) {
    notes.push(t('importer.note.reusedDepartments', { departments: departments.reused.join(', ') }));
  }

  const origin = options.origin;
  const stakeholders: Stakeholder[] = drafts.map((draft) =>
    newStakeholder({
      id: draft.id,
      ...draft.fields,
      roles: draft.roles,
      ...(draft.stance ? { stance: draft.stance } : {}),
      departmentId: draft.departmentId,
      crm: origin
        ? {
            ...(draft.account ? { account: draft.account } : {}),
            file: origin.file,
            id: draft.externalId,
            importedAt: origin.importedAt,
            ...(draft.externalId ? { seen: crmSeen(mapping, draft.fields.title, draft.departmentName, draft.managerId || draft.managerName) } : {}),
            system: origin.system,
          }
        : null,
      position: { x: 0, y: 0 },
    }),
  );
  return { stakeholders, departments: departments.created, links, badRows, notes, alreadyOnMap: alreadyOnMap.length, alreadyOnMapNote, otherAccounts };
}

/** The people on the map by folded name ("Jürgen Weber" and "jurgen  weber" are one). */
export function namesOnMap(map: AccountMap | undefined): Map<string, Stakeholder[]> {
  const byName = new Map<string, Stakeholder[]>();
  for (const person of Object.values(map?.stakeholders ?? {})) {
    if (person.placeholder) continue;
    const key = foldText(person.name);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  return byName;
}

/**
 * What the CRM says of a person, kept on their CRM origin so the next re-import can tell a change in
 * the CRM from one made on the map: each field whose column the file has ("" for an empty cell).
 */
export function crmSeen(mapping: ColumnMapping, title: string, department: string, manager: string): CrmSeen {
  // Keys in alphabetical order, as the file format writes the CRM origin's.
  return {
    ...(mapping.department !== null ? { department } : {}),
    ...(mapping.reportsToId !== null || mapping.reportsToName !== null ? { manager } : {}),
    ...(mapping.title !== null ? { title } : {}),
  };
}

/**
 * One field of a row as the import keeps it: control characters gone, spaces collapsed (line breaks
 * survive in notes), cut at `limit`; "" when no column fills the field.
 */
export function cellText(row: CsvRow, mapping: ColumnMapping, field: MappableField, limit = field === 'notes' ? NOTES_LIMIT : FIELD_LIMIT): string {
  const column = mapping[field];
  if (column === null || column === undefined || column < 0) return '';
  let text = stripControls(row.cells[column] ?? '', field === 'notes');
  if (field !== 'notes') text = text.replace(/\s+/g, ' ').trim();
  return text.length <= limit ? text : text.slice(0, limit).trimEnd();
}

function addTo<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

/** Line breaks and tabs survive in notes; other control characters (a pasted NUL, a bell) do not. */
function stripControls(text: string, multiline: boolean): string {
  return multiline
    ? text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    : text.replace(/[\u0000-\u001F\u007F]/g, ' ');
}

/** One department per distinct name (trimmed, any case), the first spelling kept; the map's own reused. */
function departmentResolver(options: ImportOptions) {
  const byName = new Map<string, { id: string; reused: boolean; name: string }>();
  for (const department of Object.values(options.existing?.departments ?? {})) {
    const key = department.name.replace(/\s+/g, ' ').trim().toLowerCase();
    if (!byName.has(key)) byName.set(key, { id: department.id, reused: true, name: department.name.trim() });
  }
  const created: Department[] = [];
  const reused: string[] = [];
  return {
    created,
    reused,
    resolve(name: string): string | null {
      if (!name) return null;
      const key = name.toLowerCase();
      const known = byName.get(key);
      if (known) {
        if (known.reused && !reused.includes(known.name)) reused.push(known.name);
        return known.id;
      }
      const department = newDepartment({ id: createId('dep'), name, position: { x: 0, y: 0 } });
      created.push(department);
      byName.set(key, { id: department.id, reused: false, name });
      return department.id;
    },
  };
}

/**
 * Resolves each person's manager by id (the CRM's record id) or by name, among the new people and then
 * among those already on the map (by CRM id, or by a name only one of them has); never loops, whatever the data.
 */
function reportsToLinks(drafts: readonly Draft[], notes: string[], onMap: ReadonlyMap<string, Stakeholder>, namedOnMap: ReadonlyMap<string, Stakeholder[]>): Link[] {
  const byId = new Map<string, { id: string }>();
  const byName = new Map<string, Draft[]>();
  for (const draft of drafts) {
    if (draft.externalId && !byId.has(idKey(draft.externalId))) byId.set(idKey(draft.externalId), draft);
    const key = foldText(draft.fields.name);
    addTo(byName, key, draft);
  }
  const findById = (id: string) => byId.get(idKey(id)) ?? onMap.get(idKey(id));
  const findByName = (name: string): Draft[] => {
    const found = byName.get(foldText(name));
    if (found) return found;
    // "Weber, Klaus" as CRMs sort names.
    const parts = name.split(',').map((part) => part.trim());
    return parts.length === 2 && parts[0] && parts[1] ? (byName.get(foldText(`${parts[1]} ${parts[0]}`)) ?? []) : [];
  };

  const missing = new Map<string, number[]>();
  const ambiguous = new Map<string, number[]>();
  const self: number[] = [];
  const links: Link[] = [];
  for (const draft of drafts) {
    const { managerId, managerName } = draft;
    if (!managerId && !managerName) continue;
    let manager: { id: string } | undefined = managerId ? findById(managerId) : undefined;
    if (!manager && managerName) {
      let named = findByName(managerName);
      // Several people of that name who are one person twice in the CRM (same e-mail, or same title): the first.
      const twin = (a: Draft, b: Draft) =>
        a.fields.email ? a.fields.email.toLowerCase() === b.fields.email.toLowerCase() : foldText(a.fields.title) === foldText(b.fields.title) && !b.fields.email;
      if (named.length > 1 && named.every((candidate) => twin(named[0], candidate))) named = named.slice(0, 1);
      if (named.length > 1) {
        addTo(ambiguous, managerName, draft.lines[0]);
        continue;
      }
      // Not in the file: someone on the map of that name (and only one), e.g. a manager whose row was skipped.
      const mapNamed = namedOnMap.get(foldText(managerName));
      manager = named[0] ?? findById(managerName) ?? (mapNamed?.length === 1 ? mapNamed[0] : undefined);
    }
    if (!manager) {
      const label = managerName ? t('importer.note.managerNamed', { name: managerName }) : t('importer.note.managerWithId', { id: managerId });
      addTo(missing, label, draft.lines[0]);
    } else if (manager === draft) {
      self.push(draft.lines[0]);
    } else {
      links.push(newLink({ id: createId('lnk'), kind: 'reports-to', sourceId: draft.id, targetId: manager.id }));
    }
  }
  for (const [label, lines] of missing) {
    notes.push(t('importer.note.managerMissing', { manager: label, count: lines.length, lines: lineList(lines) }));
  }
  for (const [name, lines] of ambiguous) {
    notes.push(t('importer.note.managerAmbiguous', { name, count: lines.length, lines: lineList(lines) }));
  }
  if (self.length > 0) {
    notes.push(t('importer.note.selfManager', { count: self.length, lines: lineList(self) }));
  }
  return links;
}
