// The refusals a user meets when a file will not open, read in the language shown: an empty map
// file, text that is not JSON, a picture without a map in it, a backup whose map file is missing.
// Each names the file the way the language does and keeps the file's own name untouched.
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage, type Language } from '../../../src/i18n';
import { buildBackupArchive, readBackupArchive } from '../../../src/io/backup-archive';
import { readMapFromPicture } from '../../../src/io/embedded-map';
import { MAP_FILE_MAX_BYTES, readMapFile, readMapFileText, tooLargeToSave } from '../../../src/io/map-file';
import { createSampleAccountMap } from '../../../src/domain/sample';

afterEach(() => setLanguage('en'));

const sample = createSampleAccountMap('2026-11-22T00:00:00.000Z');

/** A PNG with nothing but its signature and end chunk: a picture, but not one Powermap wrote. */
const PLAIN_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

const message = (result: { ok: boolean; message?: string }) => (result.ok ? 'opened' : result.message);

/** The backup of the sample with its map file taken out of the archive. */
function backupWithoutItsMap(): Uint8Array {
  const files = unzipSync(buildBackupArchive([{ map: sample, viewport: null, snapshots: [] }], new Date('2026-12-01T09:30:00Z')));
  const mapFile = Object.keys(files).find((name) => name.endsWith('.powermap.json'))!;
  delete files[mapFile];
  return zipSync(files);
}

async function refusals(language: Language) {
  await setLanguage(language);
  return {
    empty: message(await readMapFile({ name: 'plan.powermap.json', size: 0, text: () => Promise.resolve('') })),
    notJson: message(readMapFileText('hello, world', 'notes.txt')),
    unnamed: message(readMapFileText('   ')),
    picture: message(await readMapFromPicture({ name: 'holiday.png', size: PLAIN_PNG.length, arrayBuffer: () => Promise.resolve(PLAIN_PNG.slice().buffer) })),
    backup: (() => {
      const result = readBackupArchive(backupWithoutItsMap(), 'backup.zip');
      return result.ok ? result.problems.join('\n') : result.message;
    })(),
    tooLarge: tooLargeToSave('x'.repeat(MAP_FILE_MAX_BYTES + 1)),
  };
}

describe('file refusals', () => {
  it('read in English exactly as before', async () => {
    const said = await refusals('en');
    expect(said.empty).toBe('“plan.powermap.json” is empty. It holds no account map.');
    expect(said.notJson).toBe('“notes.txt” is not a Powermap map file: it is not JSON.');
    expect(said.unnamed).toBe('This file is empty. It holds no account map.');
    expect(said.picture).toBe(
      "“holiday.png” is a picture without a Powermap map in it. Only PNG and SVG images exported from Powermap with “Embed the map” carry one; open the map's .powermap.json file instead.",
    );
    expect(said.backup).toBe('Left out “Nordwind Logistics AG”: “nordwind-logistics-ag.powermap.json” is missing from the archive.');
    expect(said.tooLarge).toMatch(/^This map is too large to save as one file \(256 MB; the app reads files up to 256 MB\)/);
  });

  it('read in Russian, with the file named in «» and sizes in МБ', async () => {
    const said = await refusals('ru');
    expect(said.empty).toBe('Файл «plan.powermap.json» пуст. В нём нет карты клиента.');
    expect(said.notJson).toBe('Файл «notes.txt» — не файл карты Powermap: это не JSON.');
    expect(said.unnamed).toBe('Этот файл пуст. В нём нет карты клиента.');
    expect(said.picture).toMatch(/^Файл «holiday\.png» — изображение без карты Powermap\. /);
    expect(said.backup).toBe('Пропущено — «Nordwind Logistics AG»: «nordwind-logistics-ag.powermap.json» отсутствует в архиве.');
    expect(said.tooLarge).toMatch(/^Эта карта слишком велика, чтобы сохранить её одним файлом \(256 МБ; /);
  });

  it('read in Polish, with the file named in „”', async () => {
    const said = await refusals('pl');
    expect(said.empty).toBe('Plik „plan.powermap.json” jest pusty. Nie zawiera mapy klienta.');
    expect(said.notJson).toBe('Plik „notes.txt” nie jest plikiem mapy Powermap: to nie jest JSON.');
    expect(said.unnamed).toBe('Ten plik jest pusty. Nie zawiera mapy klienta.');
    expect(said.picture).toMatch(/^Plik „holiday\.png” to obraz bez mapy Powermap\. /);
    expect(said.backup).toBe('Pominięto „Nordwind Logistics AG”: brak „nordwind-logistics-ag.powermap.json” w archiwum.');
    for (const sentence of Object.values(said)) expect(sentence).not.toMatch(/\b(is|the|not|file|holds|Left out)\b/);
  });

  it('a size of a thousand megabytes or more is written as the language writes numbers', async () => {
    await setLanguage('pl');
    const huge = await readMapFile({ name: 'huge.json', size: 2048 * 1024 * 1024, text: () => Promise.reject(new Error('never read')) });
    // Polish groups thousands with a (no-break) space: "2048" stays whole only below 10 000.
    expect(message(huge)).toBe('Plik „huge.json” jest za duży na plik mapy Powermap (2048 MB; limit to 256 MB).');
    await setLanguage('en');
    expect(message(await readMapFile({ name: 'huge.json', size: 2048 * 1024 * 1024, text: () => Promise.reject(new Error('never read')) }))).toBe(
      '“huge.json” is too large to be a Powermap map file (2,048 MB; the limit is 256 MB).',
    );
  });
});
