// Exports hold many accounts (companies); an account map is one of them. These helpers list the accounts
// of a contact export, naming them from a companion Account export (Salesforce contacts carry only
// AccountId) or from the export's own company column ("Account Name", "Company Name", "Company").
import { t } from '../../i18n';
import { parseCsv } from './parse';
import { headerKey } from './text';
import { isAddress } from './build';
import type { ColumnMapping, CsvRow, ParsedCsv } from './types';

export interface AccountChoice {
  /** The account column's value for its rows (an id or a name): what ImportOptions.account takes. */
  key: string;
  /** A name for people: from the Account export when the key is an id it lists, else the key itself. */
  name: string;
  /** Rows of this account. */
  rows: number;
}

export interface AccountNames {
  /** Account id → name, under the 18- and the 15-character form of Salesforce ids. */
  names: Map<string, string>;
  /** How many accounts the file named. */
  count: number;
  /** Why the file could not be used, or null. */
  problem: string | null;
}

const ID_HEADERS = ['id', 'accountid', 'recordid', 'recordidcompany', 'companyid'];
const NAME_HEADERS = ['name', 'accountname', 'companyname', 'company'];

/** Reads an Account export (Salesforce data export, Data Loader extract, HubSpot companies): id → name. */
export function readAccountNames(text: string): AccountNames {
  const parsed = parseCsv(text);
  const fatal = parsed.problems.find((problem) => problem.severity === 'error' && !['no-name-column', 'accounts-file'].includes(problem.code));
  if (fatal) return { names: new Map(), count: 0, problem: fatal.message };
  const keys = parsed.headers.map(headerKey);
  const find = (candidates: string[]) => candidates.map((key) => keys.indexOf(key)).find((index) => index >= 0) ?? -1;
  const idColumn = find(ID_HEADERS);
  const nameColumn = find(NAME_HEADERS);
  if (idColumn < 0 || nameColumn < 0) {
    return { names: new Map(), count: 0, problem: t('importer.accountsFile.noColumns') };
  }
  const names = new Map<string, string>();
  let count = 0;
  for (const row of parsed.rows) {
    const id = row.cells[idColumn] ?? '';
    const name = (row.cells[nameColumn] ?? '').replace(/\s+/g, ' ').trim();
    if (!id || !name) continue;
    count++;
    names.set(id, name);
    if (/^[a-zA-Z0-9]{18}$/.test(id)) names.set(id.slice(0, 15), name);
  }
  return { names, count, problem: count === 0 ? t('importer.accountsFile.noAccounts') : null };
}

/**
 * The accounts of the rows that name a person (or hold an e-mail address), most people first; rows
 * without an account are not an account.
 */
export function listAccounts(parsed: ParsedCsv, mapping: ColumnMapping, names?: ReadonlyMap<string, string>): AccountChoice[] {
  const column = mapping.account;
  if (column === null) return [];
  const counts = new Map<string, number>();
  const has = (row: CsvRow, field: 'fullName' | 'firstName' | 'lastName' | 'email') => {
    const index = mapping[field];
    return index !== null && (field === 'email' ? isAddress(row.cells[index] ?? '') : Boolean(row.cells[index]));
  };
  for (const row of parsed.rows) {
    if (!(has(row, 'fullName') || has(row, 'firstName') || has(row, 'lastName') || has(row, 'email'))) continue;
    const key = (row.cells[column] ?? '').trim();
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const nameOf = (key: string) => names?.get(key) ?? (/^[a-zA-Z0-9]{18}$/.test(key) ? names?.get(key.slice(0, 15)) : undefined) ?? key;
  return [...counts]
    .map(([key, rows]) => ({ key, name: nameOf(key), rows }))
    .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
}
