// Recognising a CRM's export by its headers, and guessing which column fills which stakeholder field.
// Exact header matches come first (in synonym order, so "Phone" beats "Mobile"), then headers that
// contain an unambiguous phrase ("Contact: Email"), then a look at the values (a column of addresses
// is the email column). The user reviews the guess, so a miss costs a click; a wrong hit costs more,
// which is why ambiguous words ("Name" of an account, "Manager" of an account) stay out of the loose pass.
import { isRoleCell } from './roles';
import { headerKey, headerWords } from './text';
import { MAPPABLE_FIELDS, type ColumnMapping, type CsvDialect, type CsvRow, type MappableField } from './types';

/**
 * Exact synonyms (compared without case, accents, spaces or punctuation), best first. English and German,
 * then Polish, Romanian, Greek and Russian, as Excel users there head their columns.
 */
const SYNONYMS: Record<MappableField, string[]> = {
  reportsToId: ['reports to id', 'manager id', 'supervisor id', 'reports to contact id', 'manager record id', 'vorgesetzter id', 'reporting to id'],
  reportsToName: [
    'reports to', 'reports to name', 'manager', 'manager name', 'line manager', 'direct manager', 'supervisor',
    'reports to full name', 'boss', 'reporting to', 'vorgesetzter', 'vorgesetzte', 'vorgesetzter name', 'fuhrungskraft', 'berichtet an',
    'przełożony', 'bezpośredni przełożony', 'kierownik', 'șef direct', 'superior', 'manager direct', 'προϊστάμενος',
    'руководитель', 'непосредственный руководитель', 'начальник',
  ],
  externalId: [
    'id', 'record id', 'record id contact', 'contact id', 'person id', 'employee id', 'external id', 'crm id', 'salesforce id', 'hubspot id',
    'uid', 'kontakt id', 'mitarbeiter id', 'personalnummer', 'datensatz id', 'do not modify contact',
  ],
  firstName: ['first name', 'first', 'given name', 'forename', 'vorname', 'prenom', 'imię', 'prenume', 'όνομα', 'имя'],
  lastName: [
    'last name', 'last', 'surname', 'family name', 'nachname', 'familienname', 'zuname', 'nazwisko', 'nume de familie',
    'επώνυμο', 'фамилия',
  ],
  fullName: [
    'full name', 'name', 'contact name', 'contact', 'person', 'person name', 'display name', 'stakeholder', 'employee',
    'employee name', 'contact full name', 'voller name', 'vollstandiger name', 'kontaktname', 'kontakt', 'ansprechpartner',
    'mitarbeiter', 'mitarbeitername', 'imię i nazwisko', 'pracownik', 'osoba kontaktowa', 'nume', 'nume complet', 'nume și prenume',
    'ονοματεπώνυμο', 'фио', 'полное имя', 'сотрудник', 'контакт',
  ],
  email: [
    'email', 'email address', 'work email', 'business email', 'primary email', 'mail', 'email adresse', 'emailadresse', 'mailadresse',
    'email 1 value', 'adres email', 'адрес электронной почты', 'электронная почта', 'эл почта', 'почта',
  ],
  phone: [
    'phone', 'phone number', 'business phone', 'work phone', 'direct phone', 'telephone', 'tel', 'mobile', 'mobile phone',
    'mobile phone number', 'cell', 'cell phone', 'telefon', 'telefonnummer', 'telefon geschaftlich', 'mobil', 'mobiltelefon',
    'mobilnummer', 'handy', 'handynummer', 'phone 1 value', 'telefon komórkowy', 'τηλέφωνο', 'κινητό', 'телефон', 'мобильный телефон',
  ],
  linkedIn: ['linkedin', 'linkedin url', 'linkedin profile', 'linkedin profile url', 'linkedin link'],
  title: [
    'title', 'job title', 'position', 'role', 'job', 'job role', 'job function', 'function', 'designation', 'business title',
    'jobtitel', 'jobbezeichnung', 'berufsbezeichnung', 'positionsbezeichnung', 'funktion', 'rolle', 'stellung', 'stelle', 'titel',
    'organization 1 title', 'stanowisko', 'funkcja', 'funcție', 'post', 'poziție', 'τίτλος', 'θέση', 'ιδιότητα', 'должность',
  ],
  department: [
    'department', 'dept', 'team', 'division', 'business unit', 'unit', 'group', 'org unit', 'organizational unit',
    'organisational unit', 'abteilung', 'bereich', 'geschaftsbereich', 'fachbereich', 'organisationseinheit',
    'organization 1 department', 'dział', 'wydział', 'departament', 'compartiment', 'serviciu', 'τμήμα', 'отдел', 'подразделение',
    'департамент',
  ],
  notes: [
    'notes', 'note', 'comments', 'comment', 'description', 'remarks', 'notizen', 'notiz', 'bemerkung', 'bemerkungen',
    'kommentar', 'kommentare', 'anmerkungen', 'beschreibung', 'uwagi', 'notatki', 'komentarz', 'observații', 'mențiuni',
    'σημειώσεις', 'σχόλια', 'примечание', 'примечания', 'комментарий',
  ],
  account: [
    'account name', 'account', 'account id', 'company name', 'company', 'associated company primary', 'associated company',
    'organization', 'organisation', 'organization name', 'organization 1 name', 'customer', 'parent customer',
    'firma', 'unternehmen', 'firmenname', 'nazwa firmy', 'companie', 'societate', 'εταιρεία', 'компания', 'организация',
  ],
  roles: [
    'buying role', 'buying roles', 'decision influence labels', 'decision influence', 'contact role', 'contact roles',
    'opportunity contact role', 'buying center role', 'kaufrolle', 'rolle im buying center',
  ],
};

/** Phrases that identify a field when a header merely contains them ("Contact: Email", "Mobile (work)"). */
const CONTAINED: Partial<Record<MappableField, string[]>> = {
  reportsToId: ['manager id', 'reports to id', 'supervisor id'],
  reportsToName: ['reports to', 'manager', 'supervisor', 'vorgesetzter', 'vorgesetzte', 'fuhrungskraft', 'berichtet an'],
  firstName: ['first name', 'given name', 'vorname', 'prenom', 'forename'],
  lastName: ['last name', 'surname', 'family name', 'nachname', 'familienname'],
  fullName: ['full name', 'contact name', 'person name', 'display name', 'employee name', 'kontaktname'],
  email: ['email'],
  phone: ['phone', 'telephone', 'telefon', 'mobile', 'mobil', 'handy'],
  linkedIn: ['linkedin'],
  title: ['job title', 'position', 'jobtitel', 'jobbezeichnung', 'berufsbezeichnung', 'title'],
  department: ['department', 'abteilung', 'division'],
  roles: ['buying role', 'contact role'],
  notes: ['notes', 'note', 'comment', 'comments', 'notizen', 'notiz', 'bemerkung', 'bemerkungen', 'kommentar'],
};

/** Headers with these words describe the account, our side or metadata, not the person: no loose match. */
const NOT_THE_PERSON = /\b(account|company|firma|unternehmen|organi[sz]ation|owner|opt|opted|bounced?|date|datum|status|count|stage|source|type|typ|created|modified|city|street|country)\b/;

/** Claiming order: specific fields first, so "Reports To Id" is not taken as a manager's name. */
const CLAIM_ORDER: MappableField[] = [
  'reportsToId', 'reportsToName', 'externalId', 'firstName', 'lastName', 'fullName',
  'email', 'phone', 'linkedIn', 'roles', 'title', 'department', 'notes', 'account',
];

/** Per dialect, headers whose meaning the CRM fixes (checked before the synonyms). */
const DIALECT_COLUMNS: Record<CsvDialect, [string, MappableField][]> = {
  'salesforce-export': [
    ['Id', 'externalId'], ['ReportsToId', 'reportsToId'], ['Description', 'notes'], ['AccountId', 'account'],
    // Powermap's own CRM export (src/io/crm-export.ts), read back.
    ['Powermap_Reports_To__c', 'reportsToName'], ['Powermap_Buying_Roles__c', 'roles'],
  ],
  'salesforce-report': [['Contact ID', 'externalId'], ['Reports To', 'reportsToName'], ['Description', 'notes'], ['Account Name', 'account']],
  hubspot: [
    ['Record ID', 'externalId'], ['Record ID - Contact', 'externalId'], ['Job Title', 'title'], ['Phone Number', 'phone'],
    ['Associated Company (Primary)', 'account'], ['Company Name', 'account'], ['Buying Role', 'roles'],
    ['Powermap Department', 'department'], ['Powermap Reports To Record ID', 'reportsToId'], ['Powermap Reports To', 'reportsToName'],
  ],
  dynamics: [['(Do Not Modify) Contact', 'externalId'], ['Company Name', 'account'], ['Decision influence labels', 'roles']],
  linkedin: [['Company', 'account'], ['Position', 'title'], ['URL', 'linkedIn']],
  google: [['Organization 1 - Name', 'account'], ['Organization 1 - Title', 'title'], ['E-mail 1 - Value', 'email']],
  generic: [],
};

/** API names only a Salesforce data export uses (a generic "FirstName,LastName,Title" is not one). */
/** Lower case: Data Loader wrote REPORTSTOID before v61 and as typed in the query after. */
const SALESFORCE_API_NAMES = new Set([
  'id', 'reportstoid', 'accountid', 'ownerid', 'mobilephone', 'mailingcity', 'mailingcountry', 'isdeleted',
  'createddate', 'lastmodifieddate', 'systemmodstamp', 'masterrecordid', 'leadsource', 'hasoptedoutofemail',
]);
/**
 * Headers a Salesforce report writes. "Reports To", "Title" and "Account Name" are what anyone's
 * spreadsheet calls those columns, so they only add weight once a header only Salesforce writes is there.
 */
const SALESFORCE_REPORT_MARKERS: Record<string, number> = {
  contactid: 3, reportsto: 1, accountname: 1, mailingcity: 2, mailingstreet: 2, mailingcountry: 2,
  mailingstateprovince: 2, mailingzippostalcode: 2, accountowner: 2, leadsource: 1, salutation: 1, title: 1,
  mobile: 1, fax: 1, emailoptout: 2, lastactivity: 1, createddate: 1,
};
const SALESFORCE_ONLY = new Set(['contactid', 'mailingstreet', 'mailingcity', 'mailingcountry', 'mailingstateprovince',
  'mailingzippostalcode', 'accountowner', 'emailoptout']);
const HUBSPOT_MARKERS: Record<string, number> = {
  recordid: 3, jobtitle: 1, phonenumber: 2, companyname: 1, lifecyclestage: 3, leadstatus: 2, createdate: 2,
  lastactivitydate: 2, associatedcompany: 3, marketingcontactstatus: 3, mobilephonenumber: 2, originalsource: 2,
  hubspotscore: 3,
};

/** Which CRM wrote these headers. */
export function detectDialect(headers: readonly string[]): CsvDialect {
  const raw = new Set(headers);
  const lower = new Set(headers.map((header) => header.toLowerCase()));
  const apiHits = headers.filter((header) => SALESFORCE_API_NAMES.has(header.toLowerCase())).length;
  if ((lower.has('lastname') || lower.has('firstname')) && apiHits >= 2) return 'salesforce-export';

  const keys = new Set(headers.map(headerKey));
  if (keys.has('connectedon') && keys.has('url')) return 'linkedin';
  if (keys.has('givenname') && keys.has('familyname') && keys.has('email1value')) return 'google';
  if (keys.has('decisioninfluencelabels') || keys.has('donotmodifycontact') || (keys.has('businessphone') && keys.has('address1city'))) {
    return 'dynamics';
  }
  if (!(keys.has('firstname') || keys.has('lastname') || keys.has('fullname') || keys.has('name'))) return 'generic';
  const score = (markers: Record<string, number>) =>
    [...keys].reduce((sum, key) => sum + (markers[key] ?? 0), 0);
  // HubSpot writes "Contact owner", Salesforce "Contact Owner": the one place case tells them apart.
  const hubspot = score(HUBSPOT_MARKERS) + (raw.has('Contact owner') ? 2 : 0);
  const salesforce = score(SALESFORCE_REPORT_MARKERS) + (raw.has('Contact Owner') ? 1 : 0);
  const salesforceOnly = [...keys].some((key) => SALESFORCE_ONLY.has(key)) || raw.has('Contact Owner');
  if (hubspot >= 3 && hubspot > salesforce) return 'hubspot';
  if (salesforceOnly && salesforce >= 3 && salesforce > hubspot) return 'salesforce-report';
  return 'generic';
}

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(MAPPABLE_FIELDS.map((field) => [field, null])) as ColumnMapping;
}

/** True when the mapping names a column for the full name or for a first or last name. */
export function hasNameColumn(mapping: ColumnMapping): boolean {
  return mapping.fullName != null || mapping.firstName != null || mapping.lastName != null;
}

const SYNONYM_KEYS = Object.fromEntries(
  MAPPABLE_FIELDS.map((field) => [field, SYNONYMS[field].map(headerKey)]),
) as Record<MappableField, string[]>;
const ALL_KEYS = new Set(Object.values(SYNONYM_KEYS).flat());

/** True when a header is one the synonyms know, for any field (used to choose the delimiter). */
export function isKnownHeader(header: string): boolean {
  const key = headerKey(header);
  return key !== '' && ALL_KEYS.has(key);
}

const EMAIL_VALUE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LINKEDIN_VALUE = /linkedin\.com\//i;

/** The guessed mapping for these headers, looking at the first rows where the headers do not decide. */
export function guessMapping(headers: readonly string[], rows: readonly CsvRow[], dialect: CsvDialect): ColumnMapping {
  const mapping = emptyMapping();
  const claimed = new Set<number>();
  const claim = (field: MappableField, column: number) => {
    mapping[field] = column;
    claimed.add(column);
  };
  const keys = headers.map(headerKey);
  const words = headers.map(headerWords);

  for (const [header, field] of DIALECT_COLUMNS[dialect]) {
    const column = headers.findIndex((name) => name.toLowerCase() === header.toLowerCase());
    if (column >= 0 && mapping[field] === null && !claimed.has(column)) claim(field, column);
  }
  for (const field of CLAIM_ORDER) {
    if (mapping[field] !== null) continue;
    for (const synonym of SYNONYM_KEYS[field]) {
      const column = keys.findIndex((key, index) => key === synonym && !claimed.has(index));
      if (column >= 0) {
        claim(field, column);
        break;
      }
    }
  }
  // Loose pass: a header containing a phrase of exactly one field.
  const contains = (text: string, phrase: string) => ` ${text} `.includes(` ${phrase} `);
  for (let column = 0; column < headers.length; column++) {
    if (claimed.has(column) || NOT_THE_PERSON.test(words[column])) continue;
    const fields = CLAIM_ORDER.filter((field) => (CONTAINED[field] ?? []).some((phrase) => contains(words[column], phrase)));
    if (fields.length === 1 && mapping[fields[0]] === null) claim(fields[0], column);
  }

  const sample = rows.slice(0, 50);
  const share = (column: number, test: (value: string) => boolean) => {
    const values = sample.map((row) => row.cells[column] ?? '').filter((value) => value !== '');
    return values.length >= 2 ? values.filter(test).length / values.length : 0;
  };
  // A "Kontakt" or "Contact" column full of addresses is the email column, not the name.
  if (mapping.email === null && mapping.fullName !== null && share(mapping.fullName, (value) => EMAIL_VALUE.test(value)) >= 0.8) {
    claim('email', mapping.fullName);
    mapping.fullName = null;
  }
  // A column of buying roles ("Decision Maker", "Economic Buyer") under a vague header such as "Role".
  if (mapping.roles === null) {
    const roleColumn = headers.findIndex((_, index) => (!claimed.has(index) || index === mapping.title) && share(index, isRoleCell) >= 0.8);
    if (roleColumn >= 0) {
      if (mapping.title === roleColumn) mapping.title = null;
      claim('roles', roleColumn);
    }
  }
  for (const [field, pattern] of [['email', EMAIL_VALUE], ['linkedIn', LINKEDIN_VALUE]] as const) {
    if (mapping[field] !== null) continue;
    const column = headers.findIndex((_, index) => !claimed.has(index) && share(index, (value) => pattern.test(value)) >= 0.8);
    if (column >= 0) claim(field, column);
  }

  // HubSpot repeats a company column for the associated company ("Company Name", "Company name (2)"):
  // the account is the one of them with the most values.
  if (mapping.account !== null) {
    const base = (header: string) => headerKey(header.replace(/ \(\d+\)$/, ''));
    const same = headers.map((_, index) => index).filter((index) => base(headers[index]) === base(headers[mapping.account!]));
    const filled = (index: number) => sample.filter((row) => row.cells[index]).length;
    const best = same.reduce((a, b) => (filled(b) > filled(a) ? b : a), mapping.account);
    if (best !== mapping.account) mapping.account = best;
  }

  // German exports often say "Vorname" and "Name", where "Name" is the surname. Tell by the values:
  // a full name contains the first name; a surname does not.
  if (mapping.fullName !== null && mapping.firstName !== null && mapping.lastName === null) {
    const full = mapping.fullName;
    const first = mapping.firstName;
    const pairs = sample.filter((row) => row.cells[full] && row.cells[first]);
    const containsFirst = pairs.filter((row) => row.cells[full].toLowerCase().includes(row.cells[first].toLowerCase()));
    if (pairs.length > 0 && containsFirst.length / pairs.length < 0.5) {
      mapping.lastName = full;
      mapping.fullName = null;
    }
  }
  return mapping;
}
