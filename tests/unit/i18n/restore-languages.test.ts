// The repairs a damaged file gets on open or import, and the refusals, read in the language
// shown: each is one sentence of the catalogue with the field and record kind in its words, and
// the "N times" that follows counts in the language's plural forms.
import { afterEach, expect, test } from 'vitest';
import { restoreMap, restoreMapFromText, type RestoreResult } from '../../../src/domain/restore';
import { toDocument } from '../../../src/domain/schema';
import { setLanguage } from '../../../src/i18n';
import { smallMap } from '../fixtures/maps';

afterEach(() => setLanguage('en'));

/** The small map with three people missing their names, one stance nobody knows, a dangling link and no map name. */
function damaged(): unknown {
  const raw = JSON.parse(JSON.stringify(toDocument(smallMap()).map)) as Record<string, unknown> & { stakeholders: Record<string, Record<string, unknown>> };
  const ids = Object.keys(raw.stakeholders);
  for (const id of ids.slice(0, 3)) raw.stakeholders[id].name = '';
  raw.stakeholders[ids[0]].stance = 'frenemy';
  raw.links = { ...(raw.links as object), lnk_gone: { id: 'lnk_gone', kind: 'ally', sourceId: ids[0], targetId: 'stk_nobody' } };
  raw.name = '';
  return raw;
}

const repairsOf = (result: RestoreResult) => (result.ok ? result.repairs.join('\n') : result.error);

test('repairs read in Russian, with the record kind, the field and "3 раза"', async () => {
  await setLanguage('ru');
  const result = restoreMap(damaged());
  const text = repairsOf(result);
  expect(text).toMatch(/^Запись без имени \(стейкхолдер\) названа «\(без имени\)», 3 раза \(/m);
  expect(text).toContain('Неизвестное значение (позиция) заменено на «unknown»');
  expect(text).toContain('Удалена связь с отсутствующим стейкхолдером или отделом (lnk_gone).');
  expect(text).toContain('Карта названа «Карта клиента без названия».');
  expect(result.ok && result.map.name).toBe('Карта клиента без названия');
  expect(text).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
});

test('repairs read in Polish and Greek, refusals too', async () => {
  await setLanguage('pl');
  expect(repairsOf(restoreMap(damaged()))).toContain('Nadano nazwę „(bez nazwy)” elementowi bez nazwy (interesariusz), 3 razy (');
  expect(repairsOf(restoreMapFromText('{'))).toBe('Ten plik nie jest mapą klienta Powermap (to nie jest poprawny JSON).');
  expect(repairsOf(restoreMap({ format: 'powermap', schemaVersion: 999, map: {} }))).toBe('Ten plik utworzyła nowsza wersja Powermap (schemat 999). Zaktualizuj Powermap, aby go otworzyć.');
  await setLanguage('el');
  expect(repairsOf(restoreMap(damaged()))).toContain('Αφαιρέθηκε σύνδεση προς εμπλεκόμενο ή τμήμα που λείπει (lnk_gone).');
  expect(repairsOf(restoreMap(null))).toBe('Αυτό δεν είναι χάρτης λογαριασμού Powermap.');
});
