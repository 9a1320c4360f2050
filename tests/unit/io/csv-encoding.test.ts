// Which encoding a CSV is in: Excel saves CSV in the code page of the user's Windows (1250 in Poland and
// Romania, 1251 in Russia, 1253 in Greece, 1252 in Western Europe). The wrong guess turns "Łukasz
// Wiśniewski" into "£ukasz Wiœniewski", so the guess is measured here on short, generated lists and
// checked on files written in those code pages by iconv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv, decodeCsvBytes } from '../../../src/io/csv-import';
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
