// Real CRM exports (tests/fixtures/crm-exports/, provenance in SOURCES.md there): each imports with a
// sensible result and a clear report. The expected numbers were counted from the files themselves with a
// small Python csv script (csv.reader over the file, counting rows, distinct Id / AccountId / Company Name,
// filled ReportsToId and role cells), not taken from the importer; each test says where its numbers come from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyAccountMap } from '../../../src/domain/defaults';
import { addRecords } from '../../../src/domain/commands';
import {
  buildImport,
  decodeCsv,
  listAccounts,
  parseCsv,
  readAccountNames,
  type ImportOptions,
  type ImportResult,
  type ParsedCsv,
} from '../../../src/io/csv-import';
import { ALL_ACCOUNTS, csvView } from '../../../src/io/csv-import/view';

const DIR = join(__dirname, '../../fixtures/crm-exports');
const read = (file: string) => parseCsv(decodeCsv(readFileSync(join(DIR, file))).text);
const accountNames = (file: string) => readAccountNames(decodeCsv(readFileSync(join(DIR, file))).text);
const ORIGIN = { system: 'Salesforce', file: 'salesforce-api-export-contact-reportsto.csv', importedAt: '2026-12-01T09:00:00.000Z' };

function mapped(parsed: ParsedCsv): Record<string, string> {
  return Object.fromEntries(Object.entries(parsed.mapping).flatMap(([field, column]) => (column === null ? [] : [[field, parsed.headers[column]]])));
}
const codes = (parsed: ParsedCsv) => parsed.problems.map((problem) => problem.code);
const names = (result: ImportResult) => result.stakeholders.map((person) => person.name).sort();
function reportsTo(result: ImportResult): string[] {
  const name = (id: string) => result.stakeholders.find((person) => person.id === id)?.name ?? id;
  return result.links.map((link) => `${name(link.sourceId)} → ${name(link.targetId)}`).sort();
}
const importAll = (parsed: ParsedCsv, options: ImportOptions = {}) => buildImport(parsed, parsed.mapping, options);

describe('Salesforce API export of 133 contacts with ReportsToId (salesforce-api-export-contact-reportsto.csv)', () => {
  // Counted: 133 data rows, 133 distinct Id, ReportsToId filled in 30 rows (all resolve to an Id in the
  // file), 77 distinct AccountId; every Email is sfdcjdemo01@salesforce.com.
  const parsed = read('salesforce-api-export-contact-reportsto.csv');

  it('is read as a Salesforce export with ids, managers and accounts recognised', () => {
    expect(parsed.dialect).toBe('salesforce-export');
    expect(parsed.rows).toHaveLength(133);
    expect(mapped(parsed)).toMatchObject({ externalId: 'Id', reportsToId: 'ReportsToId', account: 'AccountId', firstName: 'FirstName', lastName: 'LastName' });
    expect(parsed.problems).toEqual([]);
  });

  it('keeps 133 people apart although they share one demo e-mail, with all 30 reporting lines', () => {
    const result = importAll(parsed);
    expect(result.stakeholders).toHaveLength(133);
    expect(result.links).toHaveLength(30);
    expect(result.badRows).toEqual([]);
    expect(result.notes).toContain('133 people share the e-mail sfdcjdemo01@salesforce.com; their CRM ids differ, so they were kept apart.');
  });

  it('lists its 77 accounts by name from the Account export, and imports one of them', () => {
    const companion = accountNames('salesforce-api-export-account.csv');
    expect(companion).toMatchObject({ count: 83, problem: null });
    const accounts = listAccounts(parsed, parsed.mapping, companion.names);
    expect(accounts).toHaveLength(77);
    // Counted: General Electric (001f4000003NkdeAAC) has the most contacts, 6, five of whom report to someone in it.
    expect(accounts[0]).toEqual({ key: '001f4000003NkdeAAC', name: 'General Electric', rows: 6 });
    const ge = importAll(parsed, { account: accounts[0].key, origin: ORIGIN });
    expect(names(ge)).toEqual(['Ava Anderson', 'Elizabeth Smith', 'Emma Brown', 'Ethan Willson', 'Isabella Willson', 'Jacob Williams']);
    expect(ge.links).toHaveLength(5);
    expect(ge.otherAccounts).toBe(127);
    const emma = ge.stakeholders.find((person) => person.name === 'Emma Brown')!;
    // With what the CRM said of her (her Department cell is empty), for the next re-import to compare with.
    expect(emma.crm).toEqual({
      account: '001f4000003NkdeAAC',
      file: ORIGIN.file,
      id: '003f4000003d6AhAAI',
      importedAt: ORIGIN.importedAt,
      seen: { title: 'Director of Sales', department: '', manager: '003f4000003d69wAAA' },
      system: 'Salesforce',
    });
  });

  it('a second import of the same file into the same map adds no one and says who is already there', () => {
    const first = importAll(parsed, { account: '001f4000003NkdeAAC', origin: ORIGIN });
    const map = addRecords(emptyAccountMap('map_ge', 'General Electric', ORIGIN.importedAt), first);
    const again = importAll(parsed, { account: '001f4000003NkdeAAC', origin: ORIGIN, existing: map });
    expect(again.stakeholders).toEqual([]);
    expect(again.links).toEqual([]);
    expect(again.alreadyOnMap).toBe(6);
    expect(again.notes[0]).toMatch(/^6 people are already on the map \(the same CRM id\): left as they are/);
  });
});

describe('Salesforce data export (salesforce-data-export-contact.csv + salesforce-data-export-account.csv)', () => {
  // Counted: 20 contacts, ReportsToId empty in every row, 12 distinct AccountId; the Account export has
  // 12 accounts, ParentId 000000000000000AAA in all 12. United Oil & Gas Corp. has 4 contacts.
  const parsed = read('salesforce-data-export-contact.csv');

  it('imports 20 people with no reporting lines, in 12 accounts named by the companion file', () => {
    const result = importAll(parsed);
    expect(result.stakeholders).toHaveLength(20);
    expect(result.links).toEqual([]);
    const companion = accountNames('salesforce-data-export-account.csv');
    expect(companion.count).toBe(12);
    const accounts = listAccounts(parsed, parsed.mapping, companion.names);
    expect(accounts).toHaveLength(12);
    expect(accounts[0]).toMatchObject({ name: 'United Oil & Gas Corp.', rows: 4 });
  });

  it('the Account export alone is refused as a list of companies, its empty-id sentinel read as empty', () => {
    const accounts = read('salesforce-data-export-account.csv');
    expect(codes(accounts)).toEqual(['placeholders', 'accounts-file']);
    expect(accounts.problems[0].message).toContain('“000000000000000AAA” 12 times');
    expect(accounts.problems[1].message).toMatch(/list of accounts \(companies\), not of people/);
  });
});

describe('Salesforce Data Loader and API Account extracts', () => {
  it.each([
    // Counted: "ACCOUNTSOURCE","ID","NAME","NUMBEROFEMPLOYEES", 58 rows: headers in capitals.
    ['salesforce-dataloader-cli-extract-account.csv', 58],
    // Counted: 83 accounts in 169 physical lines (multi-line descriptions).
    ['salesforce-api-export-account.csv', 83],
  ])('%s is an account list: refused for people, usable as the Account companion (%i accounts)', (file, count) => {
    expect(codes(read(file))).toContain('accounts-file');
    expect(accountNames(file)).toMatchObject({ count, problem: null });
  });

  it('ALL-CAPS Data Loader headers of a contact extract are recognised like any other case', () => {
    const caps = parseCsv('"ID","ACCOUNTID","FIRSTNAME","LASTNAME","TITLE","REPORTSTOID"\n"003A","001A","Ana","Lima","CEO",""\n"003B","001A","Bo","Berg","CFO","003A"\n');
    expect(caps.dialect).toBe('salesforce-export');
    expect(mapped(caps)).toMatchObject({ externalId: 'ID', account: 'ACCOUNTID', reportsToId: 'REPORTSTOID' });
    expect(reportsTo(importAll(caps))).toEqual(['Bo Berg → Ana Lima']);
  });
});

describe('Salesforce report, Contacts & Accounts (salesforce-report-contacts-accounts-DERIVED.csv)', () => {
  // Counted: 20 rows, 12 distinct Account Name, no Reports To column; United Oil & Gas Corp. has 4 rows.
  it('imports 20 people; Account Name gives 12 accounts to choose from', () => {
    const parsed = read('salesforce-report-contacts-accounts-DERIVED.csv');
    expect(parsed.dialect).toBe('salesforce-report');
    const result = importAll(parsed);
    expect(result.stakeholders).toHaveLength(20);
    expect(result.links).toEqual([]);
    const accounts = listAccounts(parsed, parsed.mapping);
    expect(accounts).toHaveLength(12);
    expect(accounts[0]).toEqual({ key: 'United Oil & Gas Corp.', name: 'United Oil & Gas Corp.', rows: 4 });
    expect(importAll(parsed, { account: 'United Oil & Gas Corp.' }).stakeholders).toHaveLength(4);
  });
});

describe('HubSpot contacts with company columns (hubspot-contacts-with-company-export.csv)', () => {
  // Counted: 21 rows; 20 hold only an e-mail address (role mailboxes), 1 has First Name "AppraisalTek"
  // and Last Name "null"; the row "None,None" has a mailbox address; null 4 times and None 2 times.
  const parsed = read('hubspot-contacts-with-company-export.csv');

  it('reads repeated headers apart and null/None as empty', () => {
    expect(parsed.dialect).toBe('hubspot');
    expect(parsed.headers.filter((header) => /^Phone Number/.test(header))).toEqual(['Phone Number', 'Phone Number (2)']);
    expect(mapped(parsed)).toMatchObject({ externalId: 'Record ID - Contact', phone: 'Phone Number', account: 'Company name (2)' });
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'placeholders', message: expect.stringContaining('“null” 4 times, “None” 2 times') })]);
  });

  it('leaves the 20 mailbox rows out and says why, or keeps them named after the address when asked', () => {
    const result = importAll(parsed);
    expect(names(result)).toEqual(['AppraisalTek']);
    expect(result.badRows).toHaveLength(20);
    expect(result.badRows[0]).toEqual({ line: 2, reason: 'Only an e-mail address (orders@appraisals2u.com): a mailbox, not a named person.' });
    expect(result.notes).toContain(
      '20 rows have only an e-mail address and no name (role mailboxes such as orders@ or info@): not imported. Choose “Keep rows with only an e-mail address” to import them named after the address.',
    );
    const kept = importAll(parsed, { keepEmailOnly: true });
    expect(kept.stakeholders).toHaveLength(21);
    expect(kept.stakeholders[0]).toMatchObject({ name: 'orders@appraisals2u.com', email: 'orders@appraisals2u.com' });
  });
});

describe('header-only exports', () => {
  it.each([
    ['google-contacts-legacy-export-header-only.csv', 'google', { fullName: 'Name', firstName: 'Given Name', lastName: 'Family Name', email: 'E-mail 1 - Value', phone: 'Phone 1 - Value', title: 'Organization 1 - Title', account: 'Organization 1 - Name' }],
    ['hubspot-contacts-all-properties-header-only.csv', 'hubspot', { externalId: 'Record ID', firstName: 'First Name', lastName: 'Last Name', email: 'Email', roles: 'Buying Role', account: 'Associated Company (Primary)' }],
  ])('%s says "no rows" and lists the columns it recognised', (file, dialect, columns) => {
    const parsed = read(file);
    expect(parsed.dialect).toBe(dialect);
    expect(parsed.rows).toEqual([]);
    expect(mapped(parsed)).toMatchObject(columns);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ severity: 'error', code: 'no-rows' });
    expect(parsed.problems[0].message).toMatch(/^No rows: the file has a header line but no people below it\. Columns recognised: .* → First name, .* → Last name/);
  });
});

describe('Dynamics 365 contacts (dynamics365-contacts.csv)', () => {
  // Counted: 199 rows, 3 "Decision influence labels" (Alex Baker and Clara Barbosa: Decision maker,
  // Avery Howard: Influencer, all Trey Research); 6 rows (lines 195–200) are shifted one field to the left
  // (first name under Email), so they have no name; the other 193 name 34 companies; Contoso Ltd. has 28.
  const parsed = read('dynamics365-contacts.csv');

  it('maps Decision influence labels to buying roles and Company Name to the account', () => {
    expect(parsed.dialect).toBe('dynamics');
    expect(mapped(parsed)).toMatchObject({ roles: 'Decision influence labels', account: 'Company Name', title: 'Job Title' });
    const result = importAll(parsed);
    expect(result.stakeholders).toHaveLength(193);
    const roles = Object.fromEntries(result.stakeholders.filter((person) => person.roles.length).map((person) => [person.name, person.roles]));
    expect(roles).toEqual({ 'Alex Baker': ['decision-maker'], 'Avery Howard': ['influencer'], 'Clara Barbosa': ['decision-maker'] });
    expect(result.badRows.map((row) => row.line)).toEqual([195, 196, 197, 198, 199, 200]);
    expect(result.badRows[0].reason).toMatch(/^No name/);
    const accounts = listAccounts(parsed, parsed.mapping);
    expect(accounts).toHaveLength(34);
    expect(accounts[0]).toMatchObject({ name: 'Contoso Ltd.', rows: 28 });
    expect(importAll(parsed, { account: 'Trey Research' }).stakeholders.filter((person) => person.roles.length)).toHaveLength(3);
  });
});

describe('Dynamics 365 users with Manager by name (dynamics365-users-with-manager.csv)', () => {
  // Counted: 13 users, Manager filled in 11 rows, all 11 name a user in the file.
  it('imports 13 people with 11 reporting lines by name', () => {
    const result = importAll(read('dynamics365-users-with-manager.csv'));
    expect(result.stakeholders).toHaveLength(13);
    expect(result.links).toHaveLength(11);
    expect(reportsTo(result)).toContain('Alan Ross → Jeff Comstock');
    expect(result.notes).toEqual([]);
  });
});

describe('LinkedIn connections (linkedin-connections.csv)', () => {
  // Counted: 3 lines of "Notes:" before the header on line 4; 47 rows, every person field empty.
  it('finds the header below the note, and explains that the 47 rows hold no one', () => {
    const parsed = read('linkedin-connections.csv');
    expect(parsed.dialect).toBe('linkedin');
    expect(parsed.headers).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'preamble', severity: 'warning', message: expect.stringMatching(/^The column headers are on line 4; the note above them was skipped \(“Notes:/) })]);
    expect(mapped(parsed)).toMatchObject({ firstName: 'First Name', lastName: 'Last Name', linkedIn: 'URL', title: 'Position', account: 'Company' });
    const result = importAll(parsed);
    expect(result.stakeholders).toEqual([]);
    expect(result.badRows).toHaveLength(47);
    expect(result.badRows[0]).toEqual({ line: 5, reason: 'No name: the row has neither a full name nor a first or last name.' });
  });
  it('tells the import dialog that no row names anyone, so it offers no import that would make an empty map', () => {
    const parsed = read('linkedin-connections.csv');
    expect(csvView(parsed, { mapping: parsed.mapping, choice: null }, null)).toMatchObject({ named: 0, emailOnly: 0 });
    const salesforce = read('salesforce-data-export-contact.csv');
    expect(csvView(salesforce, { mapping: salesforce.mapping, choice: ALL_ACCOUNTS }, null).named).toBe(importAll(salesforce).stakeholders.length);
  });
});
