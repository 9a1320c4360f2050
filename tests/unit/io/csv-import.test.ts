// CSV import from CRM exports: reading (delimiters, quotes, line numbers), recognising the CRM and the
// columns, and building stakeholders, departments and reports-to links from real-looking fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDepartment, addLink, addStakeholder } from '../../../src/domain/commands';
import { emptyAccountMap, newDepartment } from '../../../src/domain/defaults';
import { departmentSchema, linkSchema, stakeholderSchema } from '../../../src/domain/schema';
import {
  buildImport,
  decodeCsvBytes,
  parseCsv,
  type ImportResult,
} from '../../../src/io/csv-import';
import { mappedHeaders } from './csv-mapping';

const FIXTURES = join(__dirname, '../../fixtures/csv');
const fixtureBytes = (name: string) => readFileSync(join(FIXTURES, name));
const fixture = (name: string) => parseCsv(decodeCsvBytes(fixtureBytes(name)));
const imported = (name: string, existing?: Parameters<typeof buildImport>[2]) => {
  const parsed = fixture(name);
  return { parsed, result: buildImport(parsed, parsed.mapping, existing) };
};

const byName = (result: ImportResult, name: string) => {
  const found = result.stakeholders.filter((stakeholder) => stakeholder.name === name);
  expect(found, `stakeholders named ${name}`).toHaveLength(1);
  return found[0];
};

/** "report → manager" for every reports-to link, by name. */
function reportsTo(result: ImportResult): string[] {
  const name = (id: string) => result.stakeholders.find((stakeholder) => stakeholder.id === id)?.name ?? id;
  return result.links.map((link) => `${name(link.sourceId)} → ${name(link.targetId)}`).sort();
}

const departmentName = (result: ImportResult, id: string | null) =>
  id === null ? null : (result.departments.find((department) => department.id === id)?.name ?? id);

describe('dialect and delimiter', () => {
  it.each([
    ['salesforce-export.csv', 'salesforce-export', ','],
    ['salesforce-report.csv', 'salesforce-report', ','],
    ['hubspot.csv', 'hubspot', ','],
    ['generic.tsv', 'generic', '\t'],
    ['german-bom-semicolon.csv', 'generic', ';'],
  ])('%s is read as %s with %j', (name, dialect, delimiter) => {
    const parsed = fixture(name);
    expect(parsed.dialect).toBe(dialect);
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.problems).toEqual([]);
  });

  it('a plain CSV with a First Name column is not mistaken for a CRM', () => {
    expect(parseCsv('First Name,Last Name,Title\nAna,Lima,CTO\n').dialect).toBe('generic');
    expect(parseCsv('FirstName,LastName,Title,Email\nAna,Lima,CTO,a@b.example\n').dialect).toBe('generic');
  });

  it('a plain CSV with Reports To, Title and Account Name columns is not called a Salesforce report', () => {
    expect(fixture('long-names.csv').dialect).toBe('generic');
    expect(parseCsv('Full Name,Title,Account Name,Reports To\nAna Lima,CTO,Acme,\n').dialect).toBe('generic');
  });
});

describe('guessed mapping', () => {
  it('Salesforce export: API names, ReportsToId, Phone before MobilePhone', () => {
    expect(mappedHeaders(fixture('salesforce-export.csv'))).toEqual({
      firstName: 'FirstName',
      lastName: 'LastName',
      title: 'Title',
      department: 'Department',
      email: 'Email',
      phone: 'Phone',
      notes: 'Description',
      externalId: 'Id',
      reportsToId: 'ReportsToId',
      account: 'AccountId',
    });
  });

  it('Salesforce report: labels, Reports To as a name, Account Name as the account', () => {
    expect(mappedHeaders(fixture('salesforce-report.csv'))).toEqual({
      firstName: 'First Name',
      lastName: 'Last Name',
      title: 'Title',
      department: 'Department',
      email: 'Email',
      phone: 'Phone',
      notes: 'Description',
      externalId: 'Contact ID',
      reportsToName: 'Reports To',
      account: 'Account Name',
    });
  });

  it('HubSpot: Job Title, Phone Number, Record ID, Company Name as the account; Contact owner left alone', () => {
    expect(mappedHeaders(fixture('hubspot.csv'))).toEqual({
      firstName: 'First Name',
      lastName: 'Last Name',
      title: 'Job Title',
      department: 'Department',
      email: 'Email',
      phone: 'Phone Number',
      notes: 'Notes',
      externalId: 'Record ID',
      reportsToName: 'Manager',
      account: 'Company Name',
    });
  });

  it('generic English synonyms', () => {
    expect(mappedHeaders(fixture('generic.tsv'))).toEqual({
      fullName: 'Full Name',
      title: 'Position',
      department: 'Team',
      email: 'E-mail',
      phone: 'Mobile',
      linkedIn: 'LinkedIn',
      notes: 'Comments',
      externalId: 'Employee ID',
      reportsToId: 'Manager ID',
    });
  });

  it('German headers', () => {
    expect(mappedHeaders(fixture('german-bom-semicolon.csv'))).toEqual({
      firstName: 'Vorname',
      lastName: 'Nachname',
      title: 'Position',
      department: 'Abteilung',
      email: 'E-Mail',
      phone: 'Telefon',
      notes: 'Notizen',
      reportsToName: 'Vorgesetzter',
    });
  });

  it('ignores case, accents and punctuation; finds emails and LinkedIn by their values', () => {
    const parsed = parseCsv(
      'PRÉNOM;nach_name;Führungskraft;Contact: Job Title;Kontakt;Profil\n' +
        'Zoë;Brandt;Ann Roth;CTO;zoe@brandt.example;https://www.linkedin.com/in/zoe\n' +
        'Ann;Roth;;CEO;ann@brandt.example;https://linkedin.com/in/ann\n',
    );
    expect(mappedHeaders(parsed)).toEqual({
      firstName: 'PRÉNOM',
      lastName: 'nach_name',
      reportsToName: 'Führungskraft',
      title: 'Contact: Job Title',
      // "Kontakt" names a contact person in German, but a column of addresses is the email column.
      email: 'Kontakt',
      linkedIn: 'Profil',
    });
  });

  it('German "Vorname" + "Name" reads Name as the surname, but an English full Name stays a full name', () => {
    const german = parseCsv('Vorname,Name,Funktion\nAnna,Vogel,CFO\nJan,Roth,CTO\n');
    expect(mappedHeaders(german)).toMatchObject({ firstName: 'Vorname', lastName: 'Name', title: 'Funktion' });
    const english = parseCsv('First Name,Name,Title\nAnna,Anna Vogel,CFO\nJan,Jan Roth,CTO\n');
    expect(mappedHeaders(english)).toMatchObject({ firstName: 'First Name', fullName: 'Name' });
  });
});

describe('reading CSV', () => {
  it('handles BOM, quotes, doubled quotes, line breaks in cells, blank rows and trailing spaces', () => {
    const text = '\uFEFFName,Title,Notes  \r\n\r\n"Ng, Mai" ,"VP ""Ops""","line one\r\nline two"  \r\n  ,  ,  \r\nLee  ,CTO\t,\r\n';
    const parsed = parseCsv(text);
    expect(parsed.headers).toEqual(['Name', 'Title', 'Notes']);
    expect(parsed.rows).toEqual([
      { line: 3, cells: ['Ng, Mai', 'VP "Ops"', 'line one\nline two'] },
      { line: 6, cells: ['Lee', 'CTO', ''] },
    ]);
  });

  it('counts physical lines across multi-line cells, blank lines and a mix of line endings', () => {
    const text = 'Name;Notes\n"A";"1\n2\n3"\r\n\nB;x\rC;"y\r\nz"\nD;';
    expect(parseCsv(text).rows.map((row) => [row.cells[0], row.line])).toEqual([
      ['A', 2],
      ['B', 6],
      ['C', 7],
      ['D', 9],
    ]);
  });

  it('honours an Excel "sep=" line', () => {
    const parsed = parseCsv('sep=|\nName|Title\nAna|CEO\n');
    expect(parsed.delimiter).toBe('|');
    expect(parsed.rows).toEqual([{ line: 3, cells: ['Ana', 'CEO'] }]);
  });

  it('drops the Salesforce report footer silently and other one-cell lines with a warning', () => {
    const parsed = fixture('salesforce-report.csv');
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 3, 4, 7, 8, 9, 10, 11]);
    // A title above the header is skipped, and the header found below it.
    const titled = parseCsv('Report: Q3 contacts\nName,Title,Email\nAna,CEO,a@x.example\n');
    expect(titled.headers).toEqual(['Name', 'Title', 'Email']);
    expect(titled.problems).toEqual([expect.objectContaining({ code: 'preamble', line: 1, severity: 'warning' })]);
    const inner = parseCsv('Name,Title,Email\nAna,CEO,a@x.example\nsome stray text\nBo,CTO,b@x.example\n');
    expect(inner.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(inner.problems).toEqual([expect.objectContaining({ code: 'skipped-lines', line: 3, severity: 'warning' })]);
  });

  it('warns about a quote that is never closed, with its line', () => {
    const parsed = parseCsv('Name,Notes\nAna,ok\nBo,"never closed\nCy,x\n');
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'quotes', line: 3 })]);
  });

  it('decodes Windows-1252 and UTF-16 files', () => {
    const latin1 = new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e, 0x0a]); // Name\nJürgen\n
    expect(decodeCsvBytes(latin1)).toBe('Name\nJürgen\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Name\tTitel\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeCsvBytes(utf16)).toBe('Name\tTitel\n');
    expect(decodeCsvBytes(fixtureBytes('german-bom-semicolon.csv')).startsWith('\uFEFF')).toBe(false);
  });
});

describe('building records', () => {
  it('Salesforce export: reports-to by id, from the report to the manager', () => {
    const { result } = imported('salesforce-export.csv');
    expect(result.stakeholders.map((stakeholder) => stakeholder.name)).toEqual([
      'Margaret Chen',
      'Daniel Okafor',
      'Priya Raman',
      'Thomas Becker',
      'Sofia Alvarez',
      'Daniel Okafor', // line 9: the same e-mail, but another CRM id: a duplicate in Salesforce, kept apart
      'Hannah Weiss',
      'Lukas Meyer',
      'Emma Lindqvist',
    ]);
    expect(reportsTo(result)).toEqual([
      'Daniel Okafor → Margaret Chen',
      'Daniel Okafor → Margaret Chen',
      'Emma Lindqvist → Margaret Chen',
      'Lukas Meyer → Hannah Weiss',
      'Priya Raman → Daniel Okafor',
      'Sofia Alvarez → Thomas Becker',
      'Thomas Becker → Margaret Chen',
    ]);
    const link = result.links.find((candidate) => candidate.sourceId === byName(result, 'Priya Raman').id)!;
    expect(link).toMatchObject({ kind: 'reports-to', targetId: result.stakeholders[1].id });
    expect(byName(result, 'Priya Raman')).toMatchObject({
      title: 'Finance Controller',
      email: 'priya.raman@nordwerk.example',
      phone: '',
      notes: 'Prefers email.\nBudget owner for FY25 renewals, "hard" negotiator.',
    });
  });

  it('reports-to by name: Salesforce report, HubSpot, and German with accents and case ignored', () => {
    expect(reportsTo(imported('salesforce-report.csv').result)).toEqual([
      'Anna Schmidt → Margaret Chen',
      'Clara Novak → Margaret Chen',
      'Jonas Berg → Anna Schmidt',
      'Jonas Berg → Anna Schmidt', // two Salesforce records of one plant manager: both kept
      'Mehmet Yilmaz → Jonas Berg', // to the first of the two
    ]);
    expect(reportsTo(imported('hubspot.csv').result)).toEqual([
      'Ines Duarte → Ben Carter',
      'Marcus Webb → Olivia Grant',
      'Marcus Webb → Olivia Grant',
      'Raj Patel → Olivia Grant',
      'Yuki Tanaka → Marcus Webb',
    ]);
    expect(reportsTo(imported('german-bom-semicolon.csv').result)).toEqual([
      'Petra Schön → Frank Weiß',
      'Sabine Größ → Jürgen Müller',
      'Ömer Kaya → Sabine Größ',
    ]);
  });

  it('generic: by id, to the right one of two people with one e-mail; a self-reference is ignored with a note', () => {
    const { result } = imported('generic.tsv');
    expect(reportsTo(result)).toEqual([
      'Paul Meyer → Tom Fischer',
      'Sarah O\'Neil → Robert King',
      'Tom Fischer → Sarah O\'Neil',
      'Tom Fischer → Sarah O\'Neil',
    ]);
    expect(result.notes).toContain('Line 10: a person cannot report to themselves; ignored.');
    // E03 and E06 share an e-mail but not an employee id: two stakeholders, and Paul reports to E06.
    const toms = result.stakeholders.filter((person) => person.name === 'Tom Fischer');
    expect(toms.map((tom) => tom.linkedIn)).toEqual(['', 'https://www.linkedin.com/in/tomfischer']);
    const paul = byName(result, 'Paul Meyer');
    expect(result.links.find((link) => link.sourceId === paul.id)?.targetId).toBe(toms[1].id);
  });

  it('one department per distinct name, first spelling kept; people without one stay top-level', () => {
    const { result } = imported('salesforce-export.csv');
    expect(result.departments.map((department) => department.name)).toEqual(['Executive', 'Finance', 'IT', 'Procurement']);
    expect(departmentName(result, byName(result, 'Priya Raman').departmentId)).toBe('Finance'); // file says "finance"
    expect(byName(result, 'Emma Lindqvist').departmentId).toBeNull();
    expect(imported('salesforce-report.csv').result.departments.map((department) => department.name)).toEqual([
      'Executive',
      'Operations',
      'Quality',
      'Finance',
    ]);
    const german = imported('german-bom-semicolon.csv').result;
    expect(german.departments.map((department) => department.name)).toEqual(['Geschäftsleitung', 'Einkauf', 'IT']);
    expect(departmentName(german, byName(german, 'Ömer Kaya').departmentId)).toBe('Einkauf'); // "einkauf "
  });

  it('reuses the open map’s departments by name', () => {
    const existing = {
      ...emptyAccountMap('map_1', 'Nordwerk', '2024-01-01T00:00:00.000Z'),
      departments: { dep_fin: newDepartment({ id: 'dep_fin', name: ' FINANCE ' }) },
    };
    const { result } = imported('salesforce-export.csv', { existing });
    expect(result.departments.map((department) => department.name)).toEqual(['Executive', 'IT', 'Procurement']);
    expect(result.stakeholders.filter((person) => person.name === 'Daniel Okafor').map((person) => person.departmentId)).toEqual(['dep_fin', 'dep_fin']);
    expect(byName(result, 'Priya Raman').departmentId).toBe('dep_fin');
    expect(result.notes).toContain('Added people to departments already on the map: FINANCE.');
  });

  it('rows without a name are bad rows at their physical line; the others still import', () => {
    expect(imported('salesforce-export.csv').result.badRows).toEqual([
      { line: 7, reason: 'Only an e-mail address (info@nordwerk.example): a mailbox, not a named person.' },
    ]);
    expect(imported('salesforce-report.csv').result.badRows.map((row) => row.line)).toEqual([8]);
    expect(imported('hubspot.csv').result.badRows.map((row) => row.line)).toEqual([8]);
    expect(imported('generic.tsv').result.badRows.map((row) => row.line)).toEqual([6]);
    expect(imported('german-bom-semicolon.csv').result.badRows.map((row) => row.line)).toEqual([6]);
  });

  it('merges duplicates by CRM id, by email without ids, or by name and title without email, and says so with lines', () => {
    // Different CRM ids are different people, whatever e-mail they share: the note points at the CRM duplicate.
    const export_ = imported('salesforce-export.csv').result;
    expect(export_.stakeholders.filter((person) => person.name === 'Daniel Okafor').map((person) => person.title)).toEqual([
      'Chief Financial Officer',
      'CFO',
    ]);
    expect(export_.notes).toContain(
      '“Daniel Okafor” is on lines 3 and 9 with the same e-mail but different CRM ids: kept as 2 stakeholders (a duplicate in the CRM?).',
    );
    const sameId = parseCsv('Id,Name,Title,Email\nC1,Ana Lima,CTO,ana@x.example\nC1,Ana Lima,,\nC2,Bo Berg,CFO,ana@x.example\n');
    const merged = buildImport(sameId, sameId.mapping);
    expect(merged.stakeholders.map((person) => person.name)).toEqual(['Ana Lima', 'Bo Berg']);
    expect(merged.notes).toContain('“Ana Lima” is on lines 2 and 3 (same CRM id C1): merged into one stakeholder.');
    expect(merged.notes).toContain('2 people share the e-mail ana@x.example; their CRM ids differ, so they were kept apart.');
    const withoutIds = parseCsv('Name,Title,Email\nAna Lima,CTO,ana@x.example\nAna Lima,CTO,ANA@x.example\n');
    expect(buildImport(withoutIds, withoutIds.mapping).notes).toContain(
      '“Ana Lima” is on lines 2 and 3 (same email ANA@x.example): merged into one stakeholder.',
    );
    const report = imported('salesforce-report.csv').result;
    expect(report.stakeholders.filter((person) => person.name === 'Jonas Berg').map((person) => person.phone)).toEqual(['+49 40 555 0210', '+49 171 555 0211']);
    expect(report.notes).toContain('“Jonas Berg” is on lines 4 and 9 with the same name and title but different CRM ids: kept as 2 stakeholders (a duplicate in the CRM?).');
    const noIds = parseCsv('Name,Title,Phone\nJonas Berg,Plant Manager,1\nJonas Berg,Plant Manager,2\n');
    expect(buildImport(noIds, noIds.mapping).notes).toContain('“Jonas Berg” is on lines 2 and 3 (same name and title): merged into one stakeholder.');
    expect(imported('hubspot.csv').result.notes).toContain(
      '“Marcus Webb” is on lines 3 and 9 with the same e-mail but different CRM ids: kept as 2 stakeholders (a duplicate in the CRM?).',
    );
    expect(imported('german-bom-semicolon.csv').result.stakeholders).toHaveLength(5);
  });

  it('same name with a different email stays two people', () => {
    const parsed = parseCsv('Name,Email\nAna Lima,ana@one.example\nAna Lima,ana@two.example\n');
    expect(buildImport(parsed, parsed.mapping).stakeholders).toHaveLength(2);
  });

  it('a merged duplicate keeps the first department and leaves no empty one behind', () => {
    const parsed = parseCsv('Name,Email,Department\nAna Lima,ana@x.example,Sales\nAna Lima,ANA@x.example,Marketing\n');
    const result = buildImport(parsed, parsed.mapping);
    expect(result.departments.map((department) => department.name)).toEqual(['Sales']);
    expect(result.stakeholders[0].departmentId).toBe(result.departments[0].id);
  });

  it('a manager who is not in the file gets no link and a note naming them', () => {
    const notes = (name: string) => imported(name).result.notes;
    expect(notes('salesforce-export.csv')).toContain(
      'Manager with id 0035g00000ZZ9zzAAA is not in the file (line 10): no reports-to link.',
    );
    expect(notes('salesforce-report.csv')).toContain('Manager “Rolf Hansen” is not in the file (line 7): no reports-to link.');
    expect(notes('hubspot.csv')).toContain('Manager “Diane Foster” is not in the file (line 7): no reports-to link.');
    expect(notes('generic.tsv')).toContain('Manager with id E09 is not in the file (line 7): no reports-to link.');
    expect(notes('german-bom-semicolon.csv')).toContain('Manager “Dr. Anna Vogel” is not in the file (line 7): no reports-to link.');
  });

  it('matches 15- and 18-character Salesforce ids, and "Last, First" names', () => {
    const byId = parseCsv('Contact ID,Name,Manager ID\n0035g00000Xk1aBAAR,Ana Lima,\n0035g00000Xk1aC,Bo Chu,0035g00000Xk1aB\n');
    expect(reportsTo(buildImport(byId, byId.mapping))).toEqual(['Bo Chu → Ana Lima']);
    const sorted = parseCsv('Name,Manager\nAna Lima,\nBo Chu,"Lima, Ana"\n');
    expect(reportsTo(buildImport(sorted, sorted.mapping))).toEqual(['Bo Chu → Ana Lima']);
  });

  it('a reports-to cycle is just links and finishes', () => {
    const parsed = parseCsv('Id,Name,Manager ID\n1,A,2\n2,B,3\n3,C,1\n');
    expect(reportsTo(buildImport(parsed, parsed.mapping))).toEqual(['A → B', 'B → C', 'C → A']);
  });

  it('an ambiguous manager name gets no link and a note', () => {
    const parsed = parseCsv('Name,Title,Manager\nAna Lima,CEO,\nAna Lima,CFO,\nBo Chu,CTO,Ana Lima\n');
    const result = buildImport(parsed, parsed.mapping);
    expect(result.links).toEqual([]);
    expect(result.notes).toContain('More than one person is called “Ana Lima”, so the manager on line 4 is unclear: no reports-to link.');
  });

  it('records are complete domain records that the commands accept', () => {
    const { result } = imported('hubspot.csv');
    for (const stakeholder of result.stakeholders) {
      expect(stakeholderSchema.safeParse(stakeholder).success).toBe(true);
      expect(stakeholder.position).toEqual({ x: 0, y: 0 });
      expect(stakeholder.id).toMatch(/^stk_/);
    }
    for (const department of result.departments) expect(departmentSchema.safeParse(department).success).toBe(true);
    for (const link of result.links) expect(linkSchema.safeParse(link).success).toBe(true);
    let map = emptyAccountMap('map_1', 'Brightline', '2024-01-01T00:00:00.000Z');
    for (const department of result.departments) map = addDepartment(map, department);
    for (const stakeholder of result.stakeholders) map = addStakeholder(map, stakeholder);
    for (const link of result.links) map = addLink(map, link);
    expect(Object.keys(map.stakeholders)).toHaveLength(7); // Marcus Webb twice: two HubSpot records
    expect(Object.keys(map.links)).toHaveLength(5); // both Marcus Webb records report to Olivia Grant
  });

  it('keeps names as text, never HTML, and cuts absurdly long values with a note', () => {
    const long = 'x'.repeat(800);
    const parsed = parseCsv(`Name,Title\n<img src=x onerror=alert(1)> &amp;,${long}\n`);
    const result = buildImport(parsed, parsed.mapping);
    expect(result.stakeholders[0].name).toBe('<img src=x onerror=alert(1)> &amp;');
    expect(result.stakeholders[0].title).toHaveLength(500);
    expect(result.notes).toContain('Title longer than 500 characters was shortened on line 2.');
  });

  it('follows a mapping the user changed', () => {
    const parsed = fixture('hubspot.csv');
    const mapping = { ...parsed.mapping, title: parsed.headers.indexOf('Company Name'), reportsToName: null };
    const result = buildImport(parsed, mapping);
    expect(byName(result, 'Olivia Grant').title).toBe('Brightline Health');
    expect(result.links).toEqual([]);
  });
});
