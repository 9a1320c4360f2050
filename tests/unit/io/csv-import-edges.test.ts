// CSV import at its edges: thousands of rows (in one go and in slices), files that are not CSV at
// all, and buying roles read from the CRMs' role columns.
import { describe, expect, it } from 'vitest';
import { buildImport, buildImportAsync, decodeCsvBytes, parseCsv } from '../../../src/io/csv-import';
import { mappedHeaders } from './csv-mapping';

describe('many rows', () => {
  /** n people, every third reporting to the one before it, every tenth with a two-line note. */
  function generated(n: number): string {
    const lines = ['Id,First Name,Last Name,Title,Department,Email,Manager Id,Notes'];
    for (let i = 1; i <= n; i++) {
      const note = i % 10 === 0 ? '"first line\nsecond line"' : '';
      lines.push(`${i},Person,${i},Engineer ${i % 7},Dept ${i % 20},p${i}@big.example,${i % 3 === 0 ? i - 1 : ''},${note}`);
    }
    return lines.join('\n');
  }

  it('2,000 rows build completely and report progress at least every 200 rows', () => {
    const parsed = parseCsv(generated(2000));
    expect(parsed.rows).toHaveLength(2000);
    expect(parsed.rows[1999].line).toBe(2001 + 199); // 199 notes above it span a second line
    const progress: number[] = [];
    const result = buildImport(parsed, parsed.mapping, {
      onProgress: (done, total) => progress.push(total === 2000 ? done : NaN),
    });
    expect(result.stakeholders).toHaveLength(2000);
    expect(result.departments).toHaveLength(20);
    expect(result.links).toHaveLength(666);
    expect(result.badRows).toEqual([]);
    expect(progress.at(-1)).toBe(2000);
    const gaps = progress.map((done, index) => done - (progress[index - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(200);
  });

  it('the async variant reports progress and gives the event loop a turn between chunks', async () => {
    const parsed = parseCsv(generated(1000));
    const progress: number[] = [];
    let progressWhenTimerRan = -1;
    setTimeout(() => (progressWhenTimerRan = progress.at(-1) ?? 0));
    const result = await buildImportAsync(parsed, parsed.mapping, { onProgress: (done) => progress.push(done) });
    expect(result.stakeholders).toHaveLength(1000);
    expect(progress.at(-1)).toBe(1000);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progressWhenTimerRan).toBeGreaterThan(0);
    expect(progressWhenTimerRan).toBeLessThan(1000);
  });
});

describe('files that are not CSV', () => {
  const problemCodes = (text: string) => parseCsv(text).problems.map((problem) => [problem.severity, problem.code]);

  it.each([
    ['empty', ''],
    ['blank', ' \n\n \r\n'],
    ['only a byte-order mark', '\uFEFF'],
  ])('%s file', (_, text) => {
    expect(problemCodes(text)).toEqual([['error', 'empty']]);
  });

  it('binary, a workbook, JSON and HTML each get their own sentence, without throwing', () => {
    expect(problemCodes('\u0000\u0001\u0002garbage\u0000\u0007')).toEqual([['error', 'binary']]);
    expect(problemCodes('%PDF-1.7\n%âãÏÓ')).toEqual([['error', 'binary']]);
    expect(problemCodes('PK\u0003\u0004\u0014\u0000\u0006\u0000')).toEqual([['error', 'spreadsheet']]);
    expect(problemCodes('{"schemaVersion":1,"map":{}}')).toEqual([['error', 'json']]);
    expect(problemCodes('[{"name":"Ana"}]')).toEqual([['error', 'json']]);
    expect(problemCodes('<!DOCTYPE html><html><body>hi</body></html>')).toEqual([['error', 'html']]);
    const json = parseCsv('{"a":1}');
    expect(json.problems[0].message).toMatch(/JSON/);
    expect(json.rows).toEqual([]);
  });

  it('one column of garbage without a name-like header', () => {
    const parsed = parseCsv('qwpoeiru\nasdkfj\n12930\nzzz\n');
    expect(parsed.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'no-name-column' })]);
    expect(parsed.problems[0].message).toMatch(/does not look like a list of people/);
    expect(buildImport(parsed, parsed.mapping).stakeholders).toEqual([]);
  });

  it('headers without rows, and unreadable characters', () => {
    expect(problemCodes('Name,Title\n')).toEqual([['error', 'no-rows']]);
    expect(problemCodes('Name,Title\nJ\uFFFDrgen,CEO\n')).toEqual([['warning', 'encoding']]);
  });

  it('decodes an xlsx workbook into a clear refusal rather than a thrown error', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x80, 0x81]);
    expect(parseCsv(decodeCsvBytes(zip)).problems.map((problem) => problem.code)).toEqual(['spreadsheet']);
  });
});

describe('buying roles from CRM role columns', () => {
  it('Salesforce contact roles under "Role", HubSpot Buying Role with several values, Champion and Blocker as a stance', () => {
    const salesforce = parseCsv('Name,Title,Role\nAna Lima,CFO,Economic Buyer\nBo Berg,IT Architect,Technical Buyer\nCy Dorn,Buyer,Business User\n');
    expect(mappedHeaders(salesforce)).toMatchObject({ title: 'Title', roles: 'Role' });
    expect(buildImport(salesforce, salesforce.mapping).stakeholders.map((person) => person.roles)).toEqual([['economic-buyer'], ['technical-evaluator'], ['user']]);
    const hubspot = parseCsv('First Name,Last Name,Buying Role\nAna,Lima,Decision maker;Budget holder\nBo,Berg,Champion;Influencer\nCy,Dorn,Blocker\nDi,Eck,Other\n');
    const people = buildImport(hubspot, hubspot.mapping).stakeholders.map((person) => [person.name, person.roles, person.stance]);
    expect(people).toEqual([
      ['Ana Lima', ['decision-maker', 'economic-buyer'], 'unknown'],
      ['Bo Berg', ['influencer'], 'champion'],
      ['Cy Dorn', [], 'blocker'],
      ['Di Eck', [], 'unknown'],
    ]);
  });

  it('a Role column of job titles stays the title', () => {
    const parsed = parseCsv('Name,Role\nAna Lima,Chief Financial Officer\nBo Berg,Head of IT\n');
    expect(mappedHeaders(parsed)).toEqual({ fullName: 'Name', title: 'Role' });
  });
});
