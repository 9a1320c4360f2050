// The CRM export: Salesforce and HubSpot column names, formula injection, a byte-order mark for Excel,
// and a round trip: what we write, our own CSV importer reads back as the same people and managers.
import * as Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createSampleAccountMap } from '../../../src/domain/sample';
import type { AccountMap, Stakeholder } from '../../../src/domain/types';
import { crmHeaders, neutraliseCell, renderCrmCsv, splitName, type CrmFormat } from '../../../src/io/crm-export';
import { buildImport, decodeCsv, parseCsv } from '../../../src/io/csv-import';

const NOW = '2026-12-01T09:00:00.000Z';

/** The sample map with a CRM id on everyone but one person, and names in Greek, Russian and Polish. */
function mapWithIds(): { map: AccountMap; hand: Stakeholder } {
  const map = createSampleAccountMap(NOW);
  const people = Object.values(map.stakeholders).filter((person) => !person.placeholder);
  people.forEach((person, index) => {
    map.stakeholders[person.id] = {
      ...person,
      crm: { system: 'Salesforce', id: `003f4000003d${String(index).padStart(3, '0')}AAI`, file: 'Contact.csv', importedAt: NOW },
    };
  });
  const [greek, russian, polish, hand] = people.slice(-4);
  map.stakeholders[greek.id] = { ...map.stakeholders[greek.id], name: 'Γιώργος Παπαδόπουλος', phone: '+30 210 123 4567' };
  map.stakeholders[russian.id] = { ...map.stakeholders[russian.id], name: 'Мария Иванова' };
  map.stakeholders[polish.id] = { ...map.stakeholders[polish.id], name: 'Łucja Wróbel-Żak', phone: '+48 22 555 01 23' };
  map.stakeholders[hand.id] = { ...map.stakeholders[hand.id], crm: null };
  return { map, hand: map.stakeholders[hand.id] };
}

/** The file's rows as objects keyed by header (papaparse, as a CRM's loader would read it). */
function rowsOf(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Reads the file back through the app's own CSV import, as a user dropping it would. */
function reimport(csv: string) {
  const bytes = new TextEncoder().encode(csv);
  const decoded = decodeCsv(bytes);
  const parsed = parseCsv(decoded.text);
  return { decoded, parsed, result: buildImport(parsed, parsed.mapping, { origin: { system: 'x', file: 'x.csv', importedAt: NOW } }) };
}

/** "name → manager's name" for every reports-to line. */
function managers(people: readonly Stakeholder[], links: readonly { kind: string; sourceId: string; targetId: string }[]) {
  const byId = new Map(people.map((person) => [person.id, person.name]));
  return links
    .filter((link) => link.kind === 'reports-to' && byId.has(link.sourceId) && byId.has(link.targetId))
    .map((link) => `${byId.get(link.sourceId)} → ${byId.get(link.targetId)}`)
    .sort();
}

describe('CRM export columns', () => {
  it('writes Salesforce API field names, with custom fields for what Salesforce has no standard field for', () => {
    const { map } = mapWithIds();
    const { csv } = renderCrmCsv(map, 'salesforce');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFId,FirstName,LastName,Title,Department,Email,Phone,ReportsToId,Powermap_Reports_To__c,Powermap_Buying_Roles__c,' +
        'Powermap_Stance__c,Powermap_Influence__c,Powermap_Owner__c,Powermap_Left_Company__c',
    );
    const henrik = rowsOf(csv).find((row) => row.LastName === 'Larsen')!;
    const person = Object.values(map.stakeholders).find((p) => p.name === 'Henrik Larsen')!;
    expect(henrik).toMatchObject({ Id: person.crm!.id, FirstName: 'Henrik', Title: person.title, Email: person.email });
    expect(henrik.Department).toBe(map.departments[person.departmentId!].name);
    expect(henrik.Powermap_Owner__c).toBe(map.team[person.ownerId!].name);
    expect(henrik.Powermap_Stance__c).toBe(person.stance[0].toUpperCase() + person.stance.slice(1));
  });

  it.each<[CrmFormat, string]>([
    ['salesforce', 'Powermap_Influence__c'],
    ['hubspot', 'Powermap Influence'],
  ])('%s: influence nobody rated goes out as an empty cell, not "Medium"', (format, column) => {
    const map = createSampleAccountMap(NOW);
    const { result } = reimport('Full Name,Title\r\nAna Lima,CTO\r\n');
    const [imported] = result.stakeholders;
    map.stakeholders[imported.id] = imported;
    const rows = rowsOf(renderCrmCsv(map, format).csv);
    expect(imported.influence).toBeNull();
    expect(rows.find((row) => row[column] === '' && Object.values(row).includes('Lima'))).toBeDefined();
    const henrik = Object.values(map.stakeholders).find((p) => p.name === 'Henrik Larsen')!;
    expect(henrik.influence).toBe('high');
    expect(rows.find((row) => Object.values(row).includes('Larsen'))![column]).toBe('High');
  });

  it.each<[CrmFormat, string, string, string]>([
    ['salesforce', 'Id', 'ReportsToId', 'Powermap_Reports_To__c'],
    ['hubspot', 'Record ID', 'Powermap Reports To Record ID', 'Powermap Reports To'],
  ])("%s: a person's manager goes in by CRM id, and by name", (format, id, managerId, managerName) => {
    const { map } = mapWithIds();
    const rows = rowsOf(renderCrmCsv(map, format).csv);
    const reportsTo = Object.values(map.links).filter((link) => link.kind === 'reports-to');
    expect(reportsTo.length).toBeGreaterThan(5);
    for (const link of reportsTo) {
      const [person, manager] = [map.stakeholders[link.sourceId], map.stakeholders[link.targetId]];
      if (person.placeholder || !person.crm) continue;
      const row = rows.find((r) => r[id] === person.crm!.id)!;
      expect(row[managerId], person.name).toBe(manager.crm?.id ?? '');
      expect(row[managerName], person.name).toBe(manager.name);
    }
  });

  it("uses HubSpot's own property labels, as in a real HubSpot export", () => {
    const headers = crmHeaders('hubspot');
    // The labels HubSpot writes in its "all properties" contacts export (tests/fixtures/crm-exports).
    for (const label of ['Record ID', 'First Name', 'Last Name', 'Job Title', 'Email', 'Phone Number', 'Buying Role', 'Contact owner']) {
      expect(headers).toContain(label);
    }
    expect(headers.filter((header) => header.startsWith('Powermap '))).toEqual([
      'Powermap Department', 'Powermap Reports To Record ID', 'Powermap Reports To', 'Powermap Stance', 'Powermap Influence', 'Powermap Left Company',
    ]);
  });

  it("puts HubSpot's Buying Role options in the Buying Role cell, champion and blocker included", () => {
    const { map } = mapWithIds();
    const rows = rowsOf(renderCrmCsv(map, 'hubspot').csv);
    const champion = Object.values(map.stakeholders).find((p) => p.stance === 'champion' && p.roles.includes('economic-buyer'));
    if (champion) expect(rows.find((row) => row['Record ID'] === champion.crm?.id)!['Buying Role'].split(';')).toEqual(expect.arrayContaining(['Champion', 'Budget Holder']));
    const blocker = Object.values(map.stakeholders).find((p) => p.stance === 'blocker' && !p.placeholder)!;
    expect(rows.find((row) => row['Record ID'] === blocker.crm?.id)!['Buying Role'].split(';')).toContain('Blocker');
    // A gatekeeper (the CEO's assistant in the sample) is not HubSpot's "Legal & Compliance".
    const gatekeeper = Object.values(map.stakeholders).find((p) => p.roles.includes('gatekeeper') && !p.placeholder)!;
    const roles = rows.find((row) => row['Record ID'] === gatekeeper.crm?.id)!['Buying Role'].split(';');
    expect(roles).toContain('Gatekeeper');
    expect(roles).not.toContain('Legal & Compliance');
  });

  it('leaves the id empty for people drawn by hand, leaves placeholder seats out and says how many', () => {
    const { map, hand } = mapWithIds();
    const result = renderCrmCsv(map, 'salesforce');
    const placeholders = Object.values(map.stakeholders).filter((p) => p.placeholder).length;
    expect(placeholders).toBeGreaterThan(0);
    expect(result).toMatchObject({ withoutId: 1, placeholders, people: Object.keys(map.stakeholders).length - placeholders });
    const rows = rowsOf(result.csv);
    expect(rows).toHaveLength(result.people);
    expect(rows.find((row) => `${row.FirstName} ${row.LastName}` === hand.name)!.Id).toBe('');
  });

  it('exports only the selection: a selected department brings its members', () => {
    const { map } = mapWithIds();
    const department = Object.values(map.departments).find((d) => Object.values(map.stakeholders).some((p) => p.departmentId === d.id && !p.placeholder))!;
    const members = Object.values(map.stakeholders).filter((p) => p.departmentId === department.id && !p.placeholder);
    const result = renderCrmCsv(map, 'salesforce', [department.id]);
    expect(result.people).toBe(members.length);
    expect(result.people).toBeLessThan(Object.keys(map.stakeholders).length);
  });

  it('splits a name into first and last name the way a CRM wants it', () => {
    expect(splitName('Maria Nowak')).toEqual(['Maria', 'Nowak']);
    expect(splitName('Maria de la Cruz')).toEqual(['Maria', 'de la Cruz']);
    expect(splitName('Cher')).toEqual(['', 'Cher']);
    expect(splitName('  ')).toEqual(['', '']);
  });
});

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+SUM(1,2)'],
    ['-2+3+cmd|\' /C calc\'!A0'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['  =1+1'],
  ])('neutralises %j with a leading single quote', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
    expect(neutraliseCell(value, true)).toBe(`'${value}`);
  });

  it('keeps a phone number usable, and neutralises the same text outside the phone column', () => {
    for (const phone of ['+48 22 555 01 23', '+1 (555) 010-0199', '+49/30/1234567', '+44.20.7946.0958']) {
      expect(neutraliseCell(phone, true)).toBe(phone);
      expect(neutraliseCell(phone)).toBe(`'${phone}`);
    }
    // A "phone" with anything a formula needs is not a plain number.
    expect(neutraliseCell('+48 22 555=cmd', true)).toBe("'+48 22 555=cmd");
    expect(neutraliseCell('+A1', true)).toBe("'+A1");
    expect(neutraliseCell('-(1)', true)).toBe("'-(1)");
    expect(neutraliseCell('+', true)).toBe("'+");
  });

  it('leaves ordinary text alone', () => {
    for (const value of ['Head of IT', 'a=b', 'ops@example.com', '0049 30 1234', '']) expect(neutraliseCell(value)).toBe(value);
  });

  it('neutralises injected names and titles in the file, keeps a + phone, and quotes what needs quoting', () => {
    const { map } = mapWithIds();
    const person = Object.values(map.stakeholders).find((p) => p.phone.startsWith('+48'))!;
    map.stakeholders[person.id] = { ...person, title: '=HYPERLINK("http://evil.example";"x")', email: '@evil', name: 'Eve "the, quoter" Doe' };
    const row = rowsOf(renderCrmCsv(map, 'salesforce').csv).find((r) => r.Id === person.crm!.id)!;
    expect(row).toMatchObject({
      Title: `'=HYPERLINK("http://evil.example";"x")`,
      Email: "'@evil",
      Phone: '+48 22 555 01 23',
      FirstName: 'Eve',
      LastName: '"the, quoter" Doe',
    });
  });
});

describe('round trip through our own importer', () => {
  it.each<CrmFormat>(['salesforce', 'hubspot'])('%s: the same people, ids, titles, departments and managers come back', (format) => {
    const { map } = mapWithIds();
    const { csv } = renderCrmCsv(map, format);
    const { decoded, parsed, result } = reimport(csv);
    expect(decoded.encoding).toBe('utf-8');
    expect(parsed.dialect).toBe(format === 'salesforce' ? 'salesforce-export' : 'hubspot');
    expect(result.badRows).toEqual([]);

    const original = Object.values(map.stakeholders).filter((p) => !p.placeholder);
    const describe = (p: Stakeholder, departmentName: (id: string | null) => string) =>
      [p.name, p.crm?.id ?? '', p.title, departmentName(p.departmentId), p.email, p.phone, [...p.roles].sort().join(',')].join(' | ');
    const before = original.map((p) => describe(p, (id) => (id ? map.departments[id].name : ''))).sort();
    const names = new Map(result.departments.map((d) => [d.id, d.name]));
    const after = result.stakeholders.map((p) => describe(p, (id) => (id ? names.get(id)! : ''))).sort();
    expect(after).toEqual(before);
    expect(after.join('\n')).toContain('Γιώργος Παπαδόπουλος');
    expect(after.join('\n')).toContain('Мария Иванова');
    expect(after.join('\n')).toContain('Łucja Wróbel-Żak | ');

    expect(managers(result.stakeholders, result.links)).toEqual(managers(original, Object.values(map.links)));
    expect(managers(original, Object.values(map.links)).length).toBeGreaterThan(5);
  });

  it('a manager without a CRM id still comes back, by name', () => {
    const { map } = mapWithIds();
    const link = Object.values(map.links).find((l) => l.kind === 'reports-to')!;
    const manager = map.stakeholders[link.targetId];
    map.stakeholders[manager.id] = { ...manager, crm: null };
    const exported = renderCrmCsv(map, 'salesforce');
    expect(exported.managersWithoutId).toBeGreaterThan(0);
    const { result } = reimport(exported.csv);
    expect(managers(result.stakeholders, result.links)).toContain(`${map.stakeholders[link.sourceId].name} → ${manager.name}`);
  });
});
