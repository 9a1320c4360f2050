// What the import dialog shows of a parsed file, computed where the rows are (the import worker), so
// the page never holds the rows of a 50,000-row export: the accounts and their row counts, the
// account picked by default, the first rows of the chosen account ready to print, how many rows hold
// only an e-mail address, whether the file updates the open map (a re-import), and the rows named
// like someone on the open map (a file without CRM ids). A few kilobytes, whatever the file's size.
import type { AccountMap } from '../../domain/types';
import { listAccounts, type AccountChoice } from './accounts';
import { cellText, countEmailOnlyRows } from './build';
import { rowName, rowsNamedOnMap } from './names-on-map';
import { isReimport } from './reimport';
import type { ColumnMapping, ParsedCsv } from './types';

/** The account picker's choices besides one account. */
export const ALL_ACCOUNTS = '__all__';
export const EACH_ACCOUNT = '__each__';

const PREVIEW_ROWS = 5;

/** One preview row as the dialog prints it; the manager given by id is shown by name. */
export interface PreviewRow {
  line: number;
  name: string;
  title: string;
  department: string;
  manager: string;
}

export interface CsvView {
  accounts: AccountChoice[];
  /** The choice in effect: the one asked for when it still exists, else the default. */
  choice: string;
  preview: PreviewRow[];
  /** Rows of the choice that name someone in the mapped name columns: none, and there is nothing to import. */
  named: number;
  emailOnly: number;
  reimport: boolean;
  /** Rows without a CRM id named like someone on the open map (of the chosen account). */
  namedOnMap: { count: number; names: string[] };
}

export interface ViewQuery {
  mapping: ColumnMapping;
  accountNames?: ReadonlyMap<string, string>;
  /** The user's choice of account (a key, ALL_ACCOUNTS or EACH_ACCOUNT), or null for the default. */
  choice: string | null;
}

/**
 * The default account, into an open map: the account whose people are on it already (by CRM id) or
 * whose name it has; else the one with the most people; else all rows.
 */
function defaultChoice(parsed: ParsedCsv, mapping: ColumnMapping, accounts: AccountChoice[], target: AccountMap | null): string {
  if (target && mapping.account !== null && mapping.externalId !== null) {
    const onMap = new Set(Object.values(target.stakeholders).flatMap((person) => (person.crm?.id ? [person.crm.id] : [])));
    const hits = new Map<string, number>();
    for (const row of parsed.rows) {
      const account = row.cells[mapping.account] ?? '';
      if (onMap.has(row.cells[mapping.externalId] ?? '')) hits.set(account, (hits.get(account) ?? 0) + 1);
    }
    const best = [...hits].sort((a, b) => b[1] - a[1])[0]?.[0];
    const found = accounts.find((account) => account.key === best) ?? accounts.find((account) => account.name.trim().toLowerCase() === target.name.trim().toLowerCase());
    if (found) return found.key;
  }
  return accounts[0]?.key ?? ALL_ACCOUNTS;
}

export function csvView(parsed: ParsedCsv, query: ViewQuery, target: AccountMap | null): CsvView {
  const { mapping } = query;
  const accounts = listAccounts(parsed, mapping, query.accountNames);
  const asked = query.choice;
  const choice =
    asked !== null && (asked === ALL_ACCOUNTS || (asked === EACH_ACCOUNT && !target && accounts.length > 1) || accounts.some((a) => a.key === asked))
      ? asked
      : defaultChoice(parsed, mapping, accounts, target);
  const account = accounts.find((a) => a.key === choice)?.key;
  const column = mapping.account;
  const rows = account !== undefined && column !== null ? parsed.rows.filter((row) => row.cells[column] === account) : parsed.rows;
  const shown = rows.slice(0, PREVIEW_ROWS);
  // A manager given by CRM id is shown by the name of the row with that id.
  const wanted = new Set(shown.map((row) => cellText(row, mapping, 'reportsToId')).filter(Boolean));
  const nameById = new Map<string, string>();
  if (wanted.size) {
    for (const row of parsed.rows) {
      const id = cellText(row, mapping, 'externalId');
      if (wanted.has(id) && !nameById.has(id)) nameById.set(id, rowName(row, mapping));
    }
  }
  const preview = shown.map((row) => {
    const managerId = cellText(row, mapping, 'reportsToId');
    return {
      line: row.line,
      name: rowName(row, mapping),
      title: cellText(row, mapping, 'title'),
      department: cellText(row, mapping, 'department'),
      manager: cellText(row, mapping, 'reportsToName') || nameById.get(managerId) || managerId,
    };
  });
  return {
    accounts,
    choice,
    preview,
    named: rows.reduce((count, row) => (rowName(row, mapping) ? count + 1 : count), 0),
    emailOnly: countEmailOnlyRows(parsed, mapping),
    reimport: Boolean(target && isReimport(target, parsed, mapping)),
    namedOnMap: target && mapping.externalId === null ? rowsNamedOnMap(parsed, mapping, target, account) : { count: 0, names: [] },
  };
}

/** Rows outside every account in `keys` (no account, or another): said in the report, not dropped silently. */
export function rowsOutside(parsed: ParsedCsv, mapping: ColumnMapping, keys: ReadonlySet<string>): number {
  const column = mapping.account ?? -1;
  return parsed.rows.filter((row) => !keys.has((row.cells[column] ?? '').trim())).length;
}
