// Which encoding a CSV is in: Excel saves CSV in the code page of the user's Windows (1250 in Poland and
// Romania, 1251 in Russia, 1253 in Greece, 1252 in Western Europe). The wrong guess turns "Łukasz
// Wiśniewski" into "£ukasz Wiœniewski", so the guess is measured here on short, generated lists and
// checked on files written in those code pages by iconv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImport, decodeCsv, decodeCsvBytes, parseCsv } from '../../../src/io/csv-import';
import { encode, LANGUAGES, sampleCsvs } from './encoding-corpus';

const FIXTURES = join(__dirname, '../../fixtures/csv');

describe('guessing the code page of a CSV that is not UTF-8', () => {
  it.each(LANGUAGES.map((language) => [language.language, language]))(
    '%s: 200 lists of 2–5 people with a header in the language all read back exactly',
    (_, language) => {
      const wrong = sampleCsvs(language, 200, 7).filter((text) => decodeCsv(encode(text, language.codePage)).text !== text);
      expect(wrong).toEqual([]);
    },
  );

  it.each(LANGUAGES.map((language) => [language.language, language]))(
    '%s: a single person under an English header reads back exactly in at least 195 of 200 files',
    (_, language) => {
      const one = sampleCsvs(language, 200, 11).map((text) => `First Name;Last Name;Title;Department;Manager\r\n${text.split('\r\n')[1]}\r\n`);
      const right = one.filter((text) => decodeCsv(encode(text, language.codePage)).text === text);
      expect(right.length).toBeGreaterThanOrEqual(195);
    },
  );

  it('names the encoding and how it was found: a byte-order mark, valid UTF-8, or a guess', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', encoding: 'utf-8', how: 'byte-order mark' });
    expect(decodeCsv(new TextEncoder().encode('Name\nŁukasz'))).toMatchObject({ encoding: 'utf-8', how: 'valid UTF-8' });
    expect(decodeCsv(encode('Name\r\nJürgen Groß\r\n', 'windows-1252'))).toMatchObject({ text: 'Name\r\nJürgen Groß\r\n', encoding: 'windows-1252', how: 'guessed' });
    // The user can overrule the guess.
    expect(decodeCsv(encode('Name\r\nŁukasz\r\n', 'windows-1250'), 'windows-1252')).toMatchObject({ text: 'Name\r\n£ukasz\r\n', how: 'chosen' });
  });

  it('reads Windows-1252 punctuation the way browsers do, also in Node', () => {
    expect(decodeCsvBytes(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x80, 0x96]), 'windows-1252')).toBe('“A” €–');
  });
});

describe('files saved by Excel in Poland, Romania, Greece and Russia', () => {
  it.each([
    ['polish-windows-1250.csv', 'windows-1250', 'Łukasz', 'Wiśniewski', 'Przełożony'],
    ['romanian-windows-1250.csv', 'windows-1250', 'Ştefan', 'Mureşan', 'Funcţie'],
    ['greek-windows-1253.csv', 'windows-1253', 'Γιώργος', 'Παπαδόπουλος', 'Προϊστάμενος'],
    ['russian-windows-1251.csv', 'windows-1251', 'Александр', 'Иванов', 'Руководитель'],
  ])('%s is read as %s', (file, encoding, first, last, header) => {
    const decoded = decodeCsv(readFileSync(join(FIXTURES, file)));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toContain(`${first};${last}`);
    expect(decoded.text.split('\r\n')[0]).toContain(header);
    expect(decoded.text).not.toContain('\uFFFD');
  });
});

describe('column headers in Polish, Romanian, Greek and Russian', () => {
  it.each([
    ['polish-windows-1250.csv', ['Imię', 'Nazwisko', 'Stanowisko', 'Dział', 'Przełożony'], ['Józef Dąbrowski → Małgorzata Wróbel', 'Małgorzata Wróbel → Łukasz Wiśniewski', 'Żaneta Szymańska → Łukasz Wiśniewski']],
    ['romanian-windows-1250.csv', ['Prenume', 'Nume', 'Funcţie', 'Departament', 'Manager'], ['Ioana Stănescu → Ştefan Mureşan', 'Răzvan Ţurcanu → Ştefan Mureşan']],
    ['greek-windows-1253.csv', ['Όνομα', 'Επώνυμο', 'Τίτλος', 'Τμήμα', 'Προϊστάμενος'], ['Ελένη Οικονόμου → Γιώργος Παπαδόπουλος', 'Νίκος Γεωργίου → Ελένη Οικονόμου']],
    ['russian-windows-1251.csv', ['Имя', 'Фамилия', 'Должность', 'Отдел', 'Руководитель'], ['Елена Смирнова → Александр Иванов', 'Ольга Попова → Елена Смирнова', 'Сергей Кузнецов → Александр Иванов']],
  ])('%s: first name, last name, title, department and manager are recognised', (file, [first, last, title, department, manager], links) => {
    const parsed = parseCsv(decodeCsv(readFileSync(join(FIXTURES, file))).text);
    const header = (field: keyof typeof parsed.mapping) => parsed.headers[parsed.mapping[field] ?? -1];
    expect([header('firstName'), header('lastName'), header('title'), header('department'), header('reportsToName')]).toEqual([first, last, title, department, manager]);
    const result = buildImport(parsed, parsed.mapping);
    const name = (id: string) => result.stakeholders.find((person) => person.id === id)!.name;
    expect(result.links.map((link) => `${name(link.sourceId)} → ${name(link.targetId)}`).sort()).toEqual(links);
  });

  it('matches them without case or accents, and Romanian ţ/ț, ş/ș either way', () => {
    const parsed = parseCsv('NAZWISKO;imie;FUNCȚIE;dzial;PRZELOZONY\nNowak;Anna;Prezes;Zarząd;\n');
    expect(parsed.mapping).toMatchObject({ lastName: 0, firstName: 1, title: 2, department: 3, reportsToName: 4 });
    expect(parseCsv('ΌΝΟΜΑ,ΕΠΏΝΥΜΟ,ΤΊΤΛΟΣ\nΜαρία,Ιωάννου,CFO\n').mapping).toMatchObject({ firstName: 0, lastName: 1, title: 2 });
  });
});
