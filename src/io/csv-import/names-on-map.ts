// A file without CRM ids into an open map: the only way to tell that a row is someone already on
// the map is the name. rowsNamedOnMap the rows that would add one of them a second time, for the dialog to warn about and
// offer to skip (ImportOptions.skipNamesOnMap, which buildImport honours; namesOnMap is build.ts's).
import type { AccountMap } from '../../domain/types';
import { cellText, namesOnMap } from './build';
import { foldText } from './text';
import type { ColumnMapping, CsvRow, ParsedCsv } from './types';

/** A row's name as the import reads it: the full name, else first and last name. */
export const rowName = (row: CsvRow, mapping: ColumnMapping) =>
  cellText(row, mapping, 'fullName') || [cellText(row, mapping, 'firstName'), cellText(row, mapping, 'lastName')].filter(Boolean).join(' ');

/** Rows without a CRM id (of `account`, when given) whose name is someone's on the map: how many, and the first few names. */
export function rowsNamedOnMap(parsed: ParsedCsv, mapping: ColumnMapping, map: AccountMap, account?: string): { count: number; names: string[] } {
  const onMap = namesOnMap(map);
  const names = new Set<string>();
  let count = 0;
  for (const row of parsed.rows) {
    if (cellText(row, mapping, 'externalId') || (account !== undefined && cellText(row, mapping, 'account') !== account)) continue;
    const name = rowName(row, mapping);
    const known = name ? onMap.get(foldText(name)) : undefined;
    if (!known) continue;
    count++;
    names.add(known[0].name);
  }
  return { count, names: [...names] };
}
