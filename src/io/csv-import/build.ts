// Turning mapped CSV rows into domain records: stakeholders (one per person, duplicates merged),
// departments (one per distinct name, or the open map's own), and reports-to links (source = the
// report, target = the manager, as types.ts defines). Nothing is laid out: every record sits at
// {x: 0, y: 0} for the layout step. Values are kept as text, never interpreted as HTML.
import { newDepartment, newLink, newStakeholder } from '../../domain/defaults';
import { createId } from '../../domain/ids';
import type { Department, Link, Stakeholder } from '../../domain/types';
import { hasNameColumn } from './columns';
import { lineList } from './parse';
import { foldText } from './text';
import { FIELD_LABELS, type ColumnMapping, type CsvRow, type ImportOptions, type ImportResult, type MappableField, type ParsedCsv } from './types';

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
  externalIds: string[];
  managerId: string;
  managerName: string;
}

type PersonField = keyof Draft['fields'];

/** Yields the number of rows done after each row; returns the result. */
function* importSteps(parsed: ParsedCsv, mapping: ColumnMapping, options: ImportOptions): Generator<number, ImportResult> {
  const notes: string[] = [];
  const badRows: ImportResult['badRows'] = [];
  if (!hasNameColumn(mapping)) {
    notes.push('Choose the column that holds the name (or the first and last name) to import people.');
    return { stakeholders: [], departments: [], links: [], badRows, notes };
  }

  const shortened = new Map<string, number[]>();
  const value = (row: CsvRow, field: MappableField, limit = FIELD_LIMIT): string => {
    const column = mapping[field];
    if (column === null || column === undefined || column < 0) return '';
    let text = stripControls(row.cells[column] ?? '', field === 'notes');
    if (field !== 'notes') text = text.replace(/\s+/g, ' ').trim();
    if (text.length <= limit) return text;
    const label = FIELD_LABELS[field];
    addTo(shortened, label, row.line);
    return text.slice(0, limit).trimEnd();
  };

  const departments = departmentResolver(options);
  const drafts: Draft[] = [];
  const byEmail = new Map<string, Draft>();
  const byNameAndTitle = new Map<string, Draft>();

  let done = 0;
  for (const row of parsed.rows) {
    const first = value(row, 'firstName');
    const last = value(row, 'lastName');
    const name = value(row, 'fullName') || [first, last].filter(Boolean).join(' ');
    if (!name) {
      badRows.push({ line: row.line, reason: 'No name: the row has neither a full name nor a first or last name.' });
    } else {
      const fields = {
        name: name.slice(0, FIELD_LIMIT),
        title: value(row, 'title'),
        email: value(row, 'email'),
        phone: value(row, 'phone'),
        linkedIn: value(row, 'linkedIn'),
        notes: value(row, 'notes', NOTES_LIMIT),
      };
      const departmentName = value(row, 'department');
      const externalId = value(row, 'externalId');
      const managerId = value(row, 'reportsToId');
      const managerName = value(row, 'reportsToName');

      const emailKey = fields.email.toLowerCase();
      const nameKey = `${foldText(fields.name)}\u0000${foldText(fields.title)}`;
      // Same person: the same email; or, where an email is missing on either side, the same name and title.
      const byMail = emailKey ? byEmail.get(emailKey) : undefined;
      const byName = byNameAndTitle.get(nameKey);
      const same = byMail ?? (byName && (!emailKey || !byName.fields.email) ? byName : undefined);
      if (same) {
        same.lines.push(row.line);
        same.mergedBecause ||= byMail ? `same email ${fields.email}` : 'same name and title';
        for (const key of Object.keys(fields) as PersonField[]) {
          if (!same.fields[key]) same.fields[key] = fields[key];
          else if (key === 'notes' && fields.notes && !same.fields.notes.includes(fields.notes)) {
            same.fields.notes = `${same.fields.notes}\n\n${fields.notes}`.slice(0, NOTES_LIMIT);
          }
        }
        if (same.departmentId === null) same.departmentId = departments.resolve(departmentName);
        if (externalId) same.externalIds.push(externalId);
        if (!same.managerId && !same.managerName) Object.assign(same, { managerId, managerName });
        if (emailKey && !byEmail.has(emailKey)) byEmail.set(emailKey, same);
      } else {
        const draft: Draft = {
          id: createId('stk'),
          lines: [row.line],
          mergedBecause: '',
          fields,
          departmentId: departments.resolve(departmentName),
          externalIds: externalId ? [externalId] : [],
          managerId,
          managerName,
        };
        drafts.push(draft);
        if (emailKey) byEmail.set(emailKey, draft);
        if (!byNameAndTitle.has(nameKey)) byNameAndTitle.set(nameKey, draft);
      }
    }
    done++;
    yield done;
  }

  const links = reportsToLinks(drafts, notes);
  for (const draft of drafts) {
    if (draft.lines.length > 1) {
      notes.push(
        `“${draft.fields.name}” is on lines ${lineList(draft.lines)} (${draft.mergedBecause}): merged into one stakeholder.`,
      );
    }
  }
  for (const [label, lines] of shortened) {
    const limit = label === FIELD_LABELS.notes ? NOTES_LIMIT : FIELD_LIMIT;
    notes.push(`${label} longer than ${limit.toLocaleString('en')} characters was shortened on ${lines.length === 1 ? 'line' : 'lines'} ${lineList(lines)}.`);
  }
  if (departments.reused.length > 0) {
    notes.push(`Added people to departments already on the map: ${departments.reused.join(', ')}.`);
  }

  const stakeholders: Stakeholder[] = drafts.map((draft) =>
    newStakeholder({
      id: draft.id,
      ...draft.fields,
      departmentId: draft.departmentId,
      position: { x: 0, y: 0 },
    }),
  );
  return { stakeholders, departments: departments.created, links, badRows, notes };
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

/** Resolves each person's manager by id (the CRM's record id) or by name; never loops, whatever the data. */
function reportsToLinks(drafts: readonly Draft[], notes: string[]): Link[] {
  const byId = new Map<string, Draft>();
  const byName = new Map<string, Draft[]>();
  for (const draft of drafts) {
    for (const id of draft.externalIds) {
      if (!byId.has(id)) byId.set(id, draft);
      // Salesforce ids come in a 15-character and an 18-character form; the first 15 characters agree.
      if (/^[a-zA-Z0-9]{18}$/.test(id) && !byId.has(id.slice(0, 15))) byId.set(id.slice(0, 15), draft);
    }
    const key = foldText(draft.fields.name);
    addTo(byName, key, draft);
  }
  const findById = (id: string) => byId.get(id) ?? (/^[a-zA-Z0-9]{18}$/.test(id) ? byId.get(id.slice(0, 15)) : undefined);
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
    let manager = managerId ? findById(managerId) : undefined;
    if (!manager && managerName) {
      const named = findByName(managerName);
      if (named.length > 1) {
        addTo(ambiguous, managerName, draft.lines[0]);
        continue;
      }
      manager = named[0] ?? findById(managerName);
    }
    if (!manager) {
      const label = managerName ? `“${managerName}”` : `with id ${managerId}`;
      addTo(missing, label, draft.lines[0]);
    } else if (manager === draft) {
      self.push(draft.lines[0]);
    } else {
      links.push(newLink({ id: createId('lnk'), kind: 'reports-to', sourceId: draft.id, targetId: manager.id }));
    }
  }
  for (const [label, lines] of missing) {
    notes.push(`Manager ${label} is not in the file (${lines.length === 1 ? 'line' : 'lines'} ${lineList(lines)}): no reports-to link.`);
  }
  for (const [name, lines] of ambiguous) {
    notes.push(`More than one person is called “${name}”, so the manager on ${lines.length === 1 ? 'line' : 'lines'} ${lineList(lines)} is unclear: no reports-to link.`);
  }
  if (self.length > 0) {
    notes.push(`${self.length === 1 ? 'Line' : 'Lines'} ${lineList(self)}: a person cannot report to themselves; ignored.`);
  }
  return links;
}
