// Importing stakeholders from a CRM's CSV export (Salesforce, HubSpot, or any spreadsheet), without UI:
// parseCsv reads the file and guesses the columns; the UI shows the guess and lets the user change it;
// buildImport (or buildImportAsync) turns the rows into stakeholders, departments and reports-to links;
// planReimport compares a newer export with a map imported from the same CRM, for the user to review.
export { parseCsv, recognisedColumns } from './parse';
export { listAccounts, readAccountNames, type AccountChoice, type AccountNames } from './accounts';
export { parseRoles } from './roles';
export { buildImport, buildImportAsync, countEmailOnlyRows, FIELD_LIMIT, NOTES_LIMIT } from './build';
export {
  acceptAll,
  acceptedChanges,
  CHANGE_FIELDS,
  changeKey,
  isReimport,
  planIsEmpty,
  planReimport,
  type ChangedPerson,
  type ChangeField,
  type FieldChange,
  type MissingPerson,
  type ReimportChoices,
  type ReimportPlan,
} from './reimport';
export { rowsNamedOnMap } from './names-on-map';
export { CSV_ENCODINGS, decodeCsv, decodeCsvBytes, encodingName, type CsvEncoding, type DecodedCsv } from './decode';
export { detectDialect, emptyMapping, guessMapping, hasNameColumn } from './columns';
export { DIALECT_SYSTEM, fieldLabel, MAPPABLE_FIELDS } from './types';
export type {
  ColumnMapping,
  CsvDelimiter,
  CsvDialect,
  CsvProblem,
  CsvProblemCode,
  CsvRow,
  ImportOptions,
  ImportResult,
  MappableField,
  ParsedCsv,
} from './types';
