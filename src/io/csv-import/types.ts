// Shapes shared by the CSV import steps: parseCsv reads and guesses, the UI shows the guess and lets
// the user change the mapping, buildImport turns rows into domain records.
import type { AccountMap, Department, Link, Stakeholder } from '../../domain/types';
import { t } from '../../i18n';

/** The stakeholder fields a CSV column can fill, in the order the UI should list them. */
export const MAPPABLE_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'title',
  'department',
  'email',
  'phone',
  'linkedIn',
  'notes',
  'externalId',
  'reportsToId',
  'reportsToName',
  'account',
  'roles',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** The mapping dialog's word for a field, in the current language. */
export const fieldLabel = (field: MappableField): string => t(`importer.field.${field}`);

/** Which column (0-based index into `headers`) fills each field; null when none does. */
export type ColumnMapping = Record<MappableField, number | null>;

export type CsvDialect = 'salesforce-export' | 'salesforce-report' | 'hubspot' | 'dynamics' | 'linkedin' | 'google' | 'generic';

/** The CRM's name as a stakeholder's origin records it (domain CrmOrigin.system). */
export const DIALECT_SYSTEM: Record<CsvDialect, string> = {
  'salesforce-export': 'Salesforce',
  'salesforce-report': 'Salesforce',
  hubspot: 'HubSpot',
  dynamics: 'Dynamics 365',
  linkedin: 'LinkedIn',
  google: 'Google Contacts',
  generic: 'CSV',
};
export type CsvDelimiter = ',' | ';' | '\t' | '|';

/** One data row: its cells (trimmed) and the physical line of the file it starts on (1-based). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export type CsvProblemCode =
  | 'empty'
  | 'spreadsheet'
  | 'binary'
  | 'json'
  | 'html'
  | 'no-rows'
  | 'no-name-column'
  | 'quotes'
  | 'skipped-lines'
  | 'encoding'
  | 'preamble'
  | 'placeholders'
  | 'accounts-file';

/**
 * Something the user should know about the file. `error`: nothing can be imported as it stands
 * (`no-name-column` is cleared by choosing a name column in the mapping); `warning`: the import
 * works but may not be what the user expects.
 */
export interface CsvProblem {
  severity: 'error' | 'warning';
  code: CsvProblemCode;
  message: string;
  line?: number;
}

export interface ParsedCsv {
  /** Header cells, trimmed; an empty header becomes "Column N". */
  headers: string[];
  /** Data rows without blank lines; a row may have fewer or more cells than there are headers. */
  rows: CsvRow[];
  delimiter: CsvDelimiter;
  dialect: CsvDialect;
  /** The guessed mapping; the UI shows it and lets the user change it. */
  mapping: ColumnMapping;
  problems: CsvProblem[];
}

export interface ImportOptions {
  /**
   * The open map: its departments are reused by name instead of created again, and a row whose CRM id
   * is already on it is left out ("already on the map"); a new person may report to someone on it.
   */
  existing?: AccountMap;
  /** Only rows of this account (the value of the account column); undefined imports every row. */
  account?: string;
  /** Keep rows that hold an e-mail address but no name, named after the address (role mailboxes). */
  keepEmailOnly?: boolean;
  /**
   * Leave out rows without a CRM id whose name is someone's on the open map (`existing`): without an
   * id the name is all that tells they are already there. A new person may still report to them.
   */
  skipNamesOnMap?: boolean;
  /** Where the rows come from, stored on each stakeholder as its CRM origin; without it, crm stays null. */
  origin?: { system: string; file: string; importedAt: string };
  /** Called at least every 200 rows and once at the end with (total, total). */
  onProgress?(done: number, total: number): void;
}

export interface ImportResult {
  /** New stakeholders at {x: 0, y: 0}; a layout step places them. */
  stakeholders: Stakeholder[];
  /** New departments only; existing ones reused by name are not repeated here. */
  departments: Department[];
  /** `reports-to` links: source = the report, target = the manager. */
  links: Link[];
  /** Rows that could not become a stakeholder, by physical line of the file. */
  badRows: { line: number; reason: string }[];
  /** Sentences for the user: merged duplicates, managers not in the file, shortened fields. */
  notes: string[];
  /** Rows whose CRM id is already on the open map: left as they are. */
  alreadyOnMap: number;
  /** The note (one of `notes`) saying so: a re-import review, which lists them itself, leaves it out. */
  alreadyOnMapNote?: string;
  /** Rows of other accounts (or of none) left out because one account was chosen. */
  otherAccounts: number;
}
