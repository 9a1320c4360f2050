// The map's people as a CSV a CRM admin can bulk-load: Salesforce (Data Loader / Data Import Wizard,
// API field names) or HubSpot (contact import, property labels as HubSpot's own export writes them).
// Each person keeps the CRM id they were imported with; people drawn by hand go out with an empty id,
// which both CRMs read as "create a new record". What the CRM has no standard field for goes into
// custom fields named the CRM's way, which the admin creates once (docs/file-format.md lists them).
//
// Cells are neutralised against formula injection as OWASP advises: a cell starting with = + - @, a
// tab or a carriage return gets a leading single quote, so a spreadsheet shows it as text instead of
// running it. A phone number ("+48 22 555 01 23", "(030) 1234-567") is left as it is, so the CRM gets
// a number it can dial: made of digits, spaces and + ( ) - . / only, it cannot call a function.
//
// Never translated, whatever the interface's language: the column names are the CRM's field names
// (Salesforce API names, HubSpot property labels) and the values are picklist values (stance,
// influence, buying roles, Yes/No), all read by the CRM's import by their exact English spelling.
// A translated header would load nothing; a translated stance would fail the picklist.
import * as Papa from 'papaparse';
import type { AccountMap, BuyingRole, Influence, Stakeholder, Stance } from '../domain/types';
import { crmPeople } from './crm-people';

export type CrmFormat = 'salesforce' | 'hubspot';

/** One output column: its header and what goes in it. */
interface Column {
  header: string;
  /** The cell for this person; `row` holds what the person's links and owner resolve to. */
  cell(person: Stakeholder, row: RowContext): string;
  /** Phone cells keep a leading + (see the file's comment). */
  phone?: boolean;
}

interface RowContext {
  managerId: string;
  managerName: string;
  ownerName: string;
  departmentName: string;
}

const STANCE_LABEL: Record<Stance, string> = {
  champion: 'Champion',
  supporter: 'Supporter',
  neutral: 'Neutral',
  skeptic: 'Skeptic',
  blocker: 'Blocker',
  unknown: 'Unknown',
};
const INFLUENCE_LABEL: Record<Influence, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Salesforce multi-select picklist values (the admin creates these options on Powermap_Buying_Roles__c). */
const SALESFORCE_ROLE: Record<BuyingRole, string> = {
  'decision-maker': 'Decision Maker',
  'economic-buyer': 'Economic Buyer',
  'technical-evaluator': 'Technical Evaluator',
  user: 'User',
  influencer: 'Influencer',
  gatekeeper: 'Gatekeeper',
};

/**
 * HubSpot's own Buying Role options where one fits; "Technical Evaluator" and "Gatekeeper" are not
 * among them, so the admin adds those options (docs/file-format.md). A gatekeeper (an assistant, a
 * category manager) is not HubSpot's "Legal & Compliance": writing that would put wrong data in the CRM. Champion and Blocker are Buying Role options in
 * HubSpot and a stance in Powermap: they go in both.
 */
const HUBSPOT_ROLE: Record<BuyingRole, string> = {
  'decision-maker': 'Decision Maker',
  'economic-buyer': 'Budget Holder',
  'technical-evaluator': 'Technical Evaluator',
  user: 'End User',
  influencer: 'Influencer',
  gatekeeper: 'Gatekeeper',
};

/** "Maria Nowak" → ["Maria", "Nowak"]; "Maria de la Cruz" → ["Maria", "de la Cruz"]; "Cher" → ["", "Cher"]. */
export function splitName(name: string): [first: string, last: string] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return ['', words[0] ?? ''];
  return [words[0], words.slice(1).join(' ')];
}

const crmId = (person: Stakeholder) => person.crm?.id ?? '';
/** Empty when nobody rated the person: the CRM keeps no value rather than an invented "Medium". */
const influenceCell = (person: Stakeholder) => (person.influence ? INFLUENCE_LABEL[person.influence] : '');
const yesNo = (value: boolean) => (value ? 'true' : 'false');

const COLUMNS: Record<CrmFormat, Column[]> = {
  salesforce: [
    { header: 'Id', cell: crmId },
    { header: 'FirstName', cell: (person) => splitName(person.name)[0] },
    { header: 'LastName', cell: (person) => splitName(person.name)[1] },
    { header: 'Title', cell: (person) => person.title },
    { header: 'Department', cell: (_, row) => row.departmentName },
    { header: 'Email', cell: (person) => person.email },
    { header: 'Phone', cell: (person) => person.phone, phone: true },
    { header: 'ReportsToId', cell: (_, row) => row.managerId },
    { header: 'Powermap_Reports_To__c', cell: (_, row) => row.managerName },
    { header: 'Powermap_Buying_Roles__c', cell: (person) => person.roles.map((role) => SALESFORCE_ROLE[role]).join(';') },
    { header: 'Powermap_Stance__c', cell: (person) => STANCE_LABEL[person.stance] },
    { header: 'Powermap_Influence__c', cell: influenceCell },
    { header: 'Powermap_Owner__c', cell: (_, row) => row.ownerName },
    { header: 'Powermap_Left_Company__c', cell: (person) => yesNo(person.leftCompany) },
  ],
  hubspot: [
    { header: 'Record ID', cell: crmId },
    { header: 'First Name', cell: (person) => splitName(person.name)[0] },
    { header: 'Last Name', cell: (person) => splitName(person.name)[1] },
    { header: 'Job Title', cell: (person) => person.title },
    { header: 'Powermap Department', cell: (_, row) => row.departmentName },
    { header: 'Email', cell: (person) => person.email },
    { header: 'Phone Number', cell: (person) => person.phone, phone: true },
    { header: 'Powermap Reports To Record ID', cell: (_, row) => row.managerId },
    { header: 'Powermap Reports To', cell: (_, row) => row.managerName },
    {
      header: 'Buying Role',
      cell: (person) => {
        const stance = person.stance === 'champion' || person.stance === 'blocker' ? [STANCE_LABEL[person.stance]] : [];
        return [...stance, ...person.roles.map((role) => HUBSPOT_ROLE[role])].join(';');
      },
    },
    { header: 'Powermap Stance', cell: (person) => STANCE_LABEL[person.stance] },
    { header: 'Powermap Influence', cell: influenceCell },
    { header: 'Contact owner', cell: (_, row) => row.ownerName },
    { header: 'Powermap Left Company', cell: (person) => yesNo(person.leftCompany) },
  ],
};

/** The header row of a format, in order (tests and docs use it). */
export function crmHeaders(format: CrmFormat): string[] {
  return COLUMNS[format].map((column) => column.header);
}

/** Digits, spaces and + ( ) - . / only, starting with +, ( or a digit, holding at least one digit. */
const PLAIN_PHONE = /^[+(\d][\d ()+\-./]*$/;
/** What a spreadsheet reads as the start of a formula (after any leading spaces). */
const FORMULA_START = /^[ ]*[=+\-@\t\r]/;

/** The cell as written to the file: with a leading ' when a spreadsheet would take it as a formula. */
export function neutraliseCell(value: string, phone = false): string {
  if (!FORMULA_START.test(value)) return value;
  if (phone && PLAIN_PHONE.test(value) && /\d/.test(value)) return value;
  return `'${value}`;
}

export interface CrmExportResult {
  /** The file: UTF-8 with a byte-order mark (so Excel reads Greek, Cyrillic and Polish names right), CRLF. */
  csv: string;
  /** People written. */
  people: number;
  /** Of them, people without a CRM id (new records in the CRM). */
  withoutId: number;
  /** Placeholder seats left out: they hold no person. */
  placeholders: number;
  /** People whose manager has no CRM id: ReportsToId stays empty, the manager's name is in the custom column. */
  managersWithoutId: number;
}

/** The people of the map, or of the selection (see crmPeople), as a CRM import file. */
export function renderCrmCsv(map: AccountMap, format: CrmFormat, selection: readonly string[] | null = null): CrmExportResult {
  const { people, placeholders, withoutId } = crmPeople(map, selection);

  const managerOf = new Map<string, Stakeholder>();
  for (const link of Object.values(map.links)) {
    const manager = map.stakeholders[link.targetId];
    if (link.kind === 'reports-to' && manager && !managerOf.has(link.sourceId)) managerOf.set(link.sourceId, manager);
  }
  let managersWithoutId = 0;
  const columns = COLUMNS[format];
  const rows = people.map((person) => {
    const manager = managerOf.get(person.id);
    if (manager && !crmId(manager)) managersWithoutId++;
    const context: RowContext = {
      managerId: manager ? crmId(manager) : '',
      managerName: manager?.name ?? '',
      ownerName: person.ownerId ? (map.team[person.ownerId]?.name ?? '') : '',
      departmentName: person.departmentId ? (map.departments[person.departmentId]?.name ?? '') : '',
    };
    return columns.map((column) => neutraliseCell(column.cell(person, context), column.phone));
  });
  const csv = Papa.unparse({ fields: crmHeaders(format), data: rows }, { newline: '\r\n', escapeFormulae: false });
  return {
    csv: `\uFEFF${csv}\r\n`,
    people: people.length,
    withoutId,
    placeholders,
    managersWithoutId,
  };
}
