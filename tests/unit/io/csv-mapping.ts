// The mapping a CSV import guessed, as header names: reads better in an assertion than column numbers.
import type { ColumnMapping, ParsedCsv } from '../../../src/io/csv-import';

/** The mapping as header names. */
export function mappedHeaders(parsed: ParsedCsv): Partial<Record<keyof ColumnMapping, string>> {
  const out: Partial<Record<keyof ColumnMapping, string>> = {};
  for (const [field, column] of Object.entries(parsed.mapping)) {
    if (column !== null) out[field as keyof ColumnMapping] = parsed.headers[column];
  }
  return out;
}
