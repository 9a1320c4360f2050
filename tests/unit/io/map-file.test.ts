// The .powermap.json map file: what is written comes back field for field; the documented example
// is a real file; every repair is reported in one short line per kind; and a wrong file is refused
// with a sentence a user understands, never with an exception.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  MAP_FILE_EXTENSION,
  CSV_MAX_ROWS,
  MAP_FILE_MAX_BYTES,
  mapFileName,
  readMapFile,
  readMapFileText,
  serializeMapFile,
  tooLargeToSave,
  type MapFileReadResult,
  type MapFileSource,
} from '../../../src/io/map-file';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { SCHEMA_VERSION, type AccountMap, type Viewport } from '../../../src/domain/types';

const ROOT = join(__dirname, '../../..');
const NOW = '2026-11-22T00:00:00.000Z';
const sample = createSampleAccountMap(NOW);
const sampleViewport: Viewport = { x: -312.5, y: 48, zoom: 0.75 };
const fixtureText = readFileSync(join(ROOT, 'tests/fixtures/map-file-v1.powermap.json'), 'utf8');

/** A file as the browser's File would hand it over. */
function file(name: string, text: string): MapFileSource {
  return { name, size: new TextEncoder().encode(text).length, text: () => Promise.resolve(text) };
}

function opened(result: MapFileReadResult): { map: AccountMap; viewport: Viewport | null; repairs: string[] } {
  if (!result.ok) throw new Error(`expected the file to open, got: ${result.message}`);
  return result;
}

function refused(result: MapFileReadResult): string {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

/** The example file, as JSON, with one change applied: the way a hand-edited or damaged file arrives. */
function editedFixture(edit: (document: { map: Record<string, Record<string, Record<string, unknown>>>; [key: string]: unknown }) => void): string {
  const document = JSON.parse(fixtureText);
  edit(document);
  return JSON.stringify(document);
}

describe('writing and reading back', () => {
  it('gives back the sample map and its viewport, every record field for field', async () => {
    const text = serializeMapFile(sample, sampleViewport);
    const { map, viewport, repairs } = opened(await readMapFile(file(mapFileName(sample), text)));
    expect(repairs).toEqual([]);
    expect(viewport).toEqual(sampleViewport);
    for (const kind of ['departments', 'stakeholders', 'links', 'team'] as const) {
      expect(Object.keys(map[kind])).toEqual(Object.keys(sample[kind]));
      for (const [id, record] of Object.entries(sample[kind])) expect(map[kind][id], `${kind}.${id}`).toEqual(record);
    }
    expect({ ...map, departments: 0, stakeholders: 0, links: 0, team: 0 }).toEqual({ ...sample, departments: 0, stakeholders: 0, links: 0, team: 0 });
    expect(map).toEqual(sample);
  });

  it('reads the same from text as from a file, and writes no viewport when there is none', async () => {
    const text = serializeMapFile(sample);
    expect(JSON.parse(text)).not.toHaveProperty('viewport');
    const fromText = opened(await readMapFile(text));
    expect(fromText.viewport).toBeNull();
    expect(fromText.map).toEqual(sample);
    expect(opened(readMapFileText(text, 'x.powermap.json')).map).toEqual(sample);
  });

  it('keeps fields this version does not know, on the map and on records', () => {
    const withExtras = {
      ...sample,
      colourTheme: 'dark',
      stakeholders: { ...sample.stakeholders, stk_sample_claire: { ...sample.stakeholders.stk_sample_claire, nickname: 'Cla', zeta: { b: 1, a: 2 } } },
    } as AccountMap;
    const text = serializeMapFile(withExtras, null);
    const { map, repairs } = opened(readMapFileText(text));
    expect(repairs).toEqual([]);
    expect(map).toEqual(withExtras);
    // Extras follow the known fields, sorted, at every depth.
    expect(text).toMatch(/"position": \{[^}]*\}\s*,\s*"nickname": "Cla",\s*"zeta": \{\s*"a": 2,\s*"b": 1\s*\}/);
  });

  it('writes one versioned document, 2-space indented, keys in a fixed order', () => {
    const text = serializeMapFile(sample, sampleViewport, { exportedAt: NOW });
    expect(text.startsWith(`{\n  "format": "powermap",\n  "schemaVersion": ${SCHEMA_VERSION},\n  "exportedAt": "${NOW}",\n  "map": {\n    "id": "map_sample_nordwind",`)).toBe(true);
    expect(text.endsWith('  "viewport": {\n    "x": -312.5,\n    "y": 48,\n    "zoom": 0.75\n  }\n}\n')).toBe(true);
    const document = JSON.parse(text);
    expect(Object.keys(document)).toEqual(['format', 'schemaVersion', 'exportedAt', 'map', 'viewport']);
    expect(Object.keys(document.map)).toEqual(['id', 'name', 'createdAt', 'updatedAt', 'departments', 'stakeholders', 'links', 'team']);
    expect(Object.keys(document.map.stakeholders.stk_sample_claire).slice(0, 4)).toEqual(['id', 'name', 'title', 'departmentId']);
    expect(Object.keys(document.map.departments.dep_sample_it.size)).toEqual(['width', 'height']);
  });

  it('writes the same text whatever order the fields were set in', () => {
    const scrambled = structuredClone(sample);
    for (const kind of ['departments', 'stakeholders', 'links', 'team'] as const) {
      for (const [id, record] of Object.entries(scrambled[kind])) {
        (scrambled[kind] as Record<string, object>)[id] = Object.fromEntries(Object.entries(record).reverse());
      }
    }
    const reversedMap = Object.fromEntries(Object.entries(scrambled).reverse()) as unknown as AccountMap;
    expect(serializeMapFile(reversedMap, sampleViewport, { exportedAt: NOW })).toBe(serializeMapFile(sample, sampleViewport, { exportedAt: NOW }));
  });

  it('stamps the export time, unless told not to', () => {
    const stamped = JSON.parse(serializeMapFile(sample));
    expect(Date.parse(stamped.exportedAt)).not.toBeNaN();
    expect(JSON.parse(serializeMapFile(sample, null, { exportedAt: null }))).not.toHaveProperty('exportedAt');
  });
});

describe('mapFileName', () => {
  it.each([
    ['Nordwind Logistics AG', 'nordwind-logistics-ag'],
    ['Müller & Søhne GmbH', 'muller-sohne-gmbh'],
    ['Łódź Straße Œuvre', 'lodz-strasse-oeuvre'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j'],
    ['  ..Trailing dots.. ', 'trailing-dots'],
    ['Σταύρος Α.Ε.', 'σταύρος-α-ε'],
    ['株式会社ニコン', '株式会社ニコン'],
    ['CON', 'con-map'],
    ['<>:"/\\|?*', 'account-map'],
  ])('%s -> %s.powermap.json', (name, expected) => {
    expect(mapFileName({ name })).toBe(`${expected}${MAP_FILE_EXTENSION}`);
  });

  it('keeps a long name under the file-name limits', () => {
    const name = mapFileName({ name: 'Ω'.repeat(400) });
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(100 + MAP_FILE_EXTENSION.length);
    expect(name.endsWith(MAP_FILE_EXTENSION)).toBe(true);
  });
});

describe('the documented example', () => {
  const markdown = readFileSync(join(ROOT, 'docs/file-format.md'), 'utf8');
  const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]);

  it('is one complete file: 2 departments, 3 stakeholders, 2 links, 1 team member and a viewport', () => {
    expect(blocks).toHaveLength(1);
    const { map, viewport, repairs } = opened(readMapFileText(blocks[0], 'file-format.md'));
    expect(repairs).toEqual([]);
    expect([map.departments, map.stakeholders, map.links, map.team].map((records) => Object.keys(records).length)).toEqual([2, 3, 2, 1]);
    expect(viewport).not.toBeNull();
  });

  it('is the fixture file, and both read the same with no repairs', () => {
    const fromDocs = opened(readMapFileText(blocks[0]));
    const fromFixture = opened(readMapFileText(fixtureText));
    expect(fromFixture.repairs).toEqual([]);
    expect(fromDocs).toEqual(fromFixture);
    expect(blocks[0].trim()).toBe(fixtureText.trim());
  });

  // While the format is at version 1 the fixture is exactly what Powermap writes; after a version
  // bump it stays an old file that must still open (the tests above).
  it.runIf((SCHEMA_VERSION as number) === 1)('is byte for byte what Powermap writes for that map', () => {
    const { map, viewport } = opened(readMapFileText(fixtureText));
    expect(serializeMapFile(map, viewport, { exportedAt: JSON.parse(fixtureText).exportedAt })).toBe(fixtureText);
  });
});

describe('repairs, each reported in one line', () => {
  it('drops a link to a stakeholder that is not in the file', () => {
    const text = editedFixture((d) => {
      d.map.links.lnk_2.targetId = 'stk_gone';
    });
    const { map, repairs } = opened(readMapFileText(text));
    expect(Object.keys(map.links)).toEqual(['lnk_1']);
    expect(repairs).toEqual(['Dropped a link to a missing stakeholder or department (lnk_2).']);
  });

  it('groups 300 of the same repair into one counted line', () => {
    const text = editedFixture((d) => {
      for (let i = 0; i < 300; i++) d.map.links[`lnk_x${i}`] = { id: `lnk_x${i}`, kind: 'ally', sourceId: 'stk_cio', targetId: `stk_gone${i}` };
    });
    const { map, repairs } = opened(readMapFileText(text));
    expect(Object.keys(map.links)).toHaveLength(2);
    expect(repairs).toEqual(['Dropped a link to a missing stakeholder or department, 300 times (lnk_x0, lnk_x1, lnk_x2 and 297 more).']);
  });

  it('sets an unknown stance to “unknown”, and other unknown values to their defaults', () => {
    const text = editedFixture((d) => {
      d.map.stakeholders.stk_cio.stance = 'friendly';
      d.map.departments.dep_it.coverage = 'partly';
      d.map.links.lnk_2.kind = 'frenemy';
      d.map.team.tm_sam.role = 'boss';
    });
    const { map, repairs } = opened(readMapFileText(text));
    expect(map.stakeholders.stk_cio.stance).toBe('unknown');
    expect(map.departments.dep_it.coverage).toBe('unknown');
    expect(map.links.lnk_2.kind).toBe('influences');
    expect(map.team.tm_sam.role).toBe('relationship-leader');
    expect(repairs).toEqual([
      'Set an unknown coverage status to “unknown” (dep_it).',
      'Set an unknown team role to “relationship-leader” (tm_sam).',
      'Set an unknown stance to “unknown” (stk_cio).',
      'Set an unknown link kind to “influences” (lnk_2).',
    ]);
  });

  // A copied record whose id was not changed by hand: its key differs, its id is a duplicate.
  it.each([
    ['department', 'departments', 'dep_it', 'dep_'],
    ['stakeholder', 'stakeholders', 'stk_cio', 'stk_'],
    ['link', 'links', 'lnk_1', 'lnk_'],
    ['team member', 'team', 'tm_sam', 'tm_'],
  ] as const)('gives a duplicate %s id a new id, and references stay with the first', (kind, collection, id, prefix) => {
    const text = editedFixture((d) => {
      const copy = { ...d.map[collection][id], name: 'The copy' };
      // A link that is an exact copy would be dropped as a duplicate; this one runs the other way.
      if (collection === 'links') Object.assign(copy, { sourceId: 'stk_cfo', targetId: 'stk_data', kind: 'ally' });
      d.map[collection][`${id}_copy`] = copy;
    });
    const { map, repairs } = opened(readMapFileText(text));
    const records = Object.values(map[collection]) as { id: string }[];
    const renamed = records.filter((record) => record.id !== id && !JSON.parse(fixtureText).map[collection][record.id]);
    expect(renamed).toHaveLength(1);
    expect(renamed[0].id.startsWith(prefix)).toBe(true);
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
    expect(repairs).toEqual([`Gave a new id to a ${kind} whose id was used twice (${id} → ${renamed[0].id}).`]);
    // Everything that pointed at the id still points at the original record.
    expect(map.stakeholders.stk_cio).toMatchObject({ departmentId: 'dep_it', ownerId: 'tm_sam' });
    expect(map.departments.dep_data.parentId).toBe('dep_it');
    expect(map.links.lnk_1).toMatchObject({ sourceId: 'stk_data', targetId: 'stk_cio' });
  });

  it('ignores an unusable viewport and says so', () => {
    const text = editedFixture((d) => {
      d.viewport = { x: 0, y: 0, zoom: 0 };
    });
    const { viewport, repairs } = opened(readMapFileText(text));
    expect(viewport).toBeNull();
    expect(repairs).toEqual(['Ignored an unreadable viewport; the map opens fitted to the screen.']);
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(opened(readMapFileText(`\uFEFF${fixtureText}`)).repairs).toEqual([]);
  });
});

describe('refusing a file that is not a map, with a clear message and without throwing', () => {
  it('refuses text that is not JSON', async () => {
    const message = refused(await readMapFile(file('meeting notes.txt', 'CFO call went well, follow up in May.')));
    expect(message).toBe('“meeting notes.txt” is not a Powermap map file: it is not JSON.');
  });

  it('says a file cut in half looks cut off', async () => {
    const text = serializeMapFile(sample, sampleViewport);
    const message = refused(await readMapFile(file('nordwind.powermap.json', text.slice(0, Math.floor(text.length / 2)))));
    expect(message).toMatch(/^“nordwind\.powermap\.json” looks cut off/);
  });

  it('refuses JSON that is not a Powermap document', async () => {
    const packageJson = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const message = refused(await readMapFile(file('package.json', packageJson)));
    expect(message).toBe('“package.json” is not a Powermap map file: it holds JSON, but not a Powermap account map.');
    expect(refused(readMapFileText('[1, 2, 3]', 'list.json'))).toMatch(/not a Powermap map file: it holds JSON/);
    expect(refused(readMapFileText(JSON.stringify({ format: 'excalidraw', schemaVersion: 1, map: {} }), 'x.json'))).toMatch(/it holds JSON/);
  });

  it('refuses a 300 MB file by its size, without reading it', async () => {
    const text = vi.fn(() => Promise.resolve('a'.repeat(10)));
    const message = refused(await readMapFile({ name: 'huge.powermap.json', size: 300 * 1024 * 1024, text }));
    expect(message).toBe('“huge.powermap.json” is too large to be a Powermap map file (300 MB; the limit is 256 MB).');
    expect(text).not.toHaveBeenCalled();
  });

  it('reads back what the largest CSV import can make, and will not write a file it could not read', () => {
    // A stakeholder as a 100,000-row import writes it, with a long note: the whole file stays under the limit.
    const person = { ...Object.values(createSampleAccountMap(NOW).stakeholders)[0], notes: 'n'.repeat(600) };
    const perPerson = new Blob([JSON.stringify(person, null, 2)]).size;
    expect(perPerson * CSV_MAX_ROWS).toBeLessThan(MAP_FILE_MAX_BYTES);
    expect(tooLargeToSave('x'.repeat(1000))).toBeNull();
    expect(tooLargeToSave('x'.repeat(MAP_FILE_MAX_BYTES + 1))).toMatch(/too large to save as one file \(256 MB/);
  });

  it('refuses an empty file', async () => {
    expect(refused(await readMapFile(file('empty.powermap.json', '')))).toBe('“empty.powermap.json” is empty. It holds no account map.');
    expect(refused(await readMapFile(file('blank.powermap.json', ' \n\t\n')))).toBe('“blank.powermap.json” is empty. It holds no account map.');
  });

  it('refuses binary data', async () => {
    // A PNG header and some bytes, decoded the way File.text() does (invalid UTF-8 becomes U+FFFD).
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x7b]);
    const message = refused(await readMapFile(file('slide.png', new TextDecoder().decode(bytes))));
    expect(message).toBe('“slide.png” is not a Powermap map file: it holds binary data, not text (is it an image or an archive?).');
  });

  it('refuses a file from a newer version of Powermap', async () => {
    const text = editedFixture((d) => {
      d.schemaVersion = SCHEMA_VERSION + 1;
    });
    const message = refused(await readMapFile(file('future.powermap.json', text)));
    expect(message).toBe(
      `“future.powermap.json” could not be opened. This file was made by a newer version of Powermap (schema ${SCHEMA_VERSION + 1}). Update Powermap to open it.`,
    );
  });

  it('turns a failed read into a message', async () => {
    const broken: MapFileSource = { name: 'gone.powermap.json', size: 10, text: () => Promise.reject(new Error('NotReadableError')) };
    expect(refused(await readMapFile(broken))).toBe('“gone.powermap.json” could not be read (NotReadableError).');
  });

  it('never throws or rejects, whatever it is given', async () => {
    const inputs = ['', '{', '}', 'null', '0', '"text"', '{"format":"powermap"}', '{"format":"powermap","schemaVersion":1,"map":null}',
      '{"stakeholders":{"__proto__":{"id":"__proto__"}}}', '\u0000\u0001\u0002', '[[[[[[[[[[', '{"a":"\\'];
    for (const text of inputs) {
      let result: MapFileReadResult | undefined;
      expect(() => (result = readMapFileText(text, 'x'))).not.toThrow();
      if (!result!.ok) expect(result!.message).toMatch(/^“x” /);
      await expect(readMapFile(file('x', text))).resolves.toBeDefined();
    }
  });
});

describe('names that look like markup', () => {
  it('keeps them as the exact same plain text', () => {
    const xss = '<img src=x onerror=alert(1)>';
    const map = structuredClone(sample);
    map.name = xss;
    map.stakeholders.stk_sample_claire.name = xss;
    map.stakeholders.stk_sample_claire.notes = `${xss} & <script>alert("x")</script>`;
    map.departments.dep_sample_it.name = xss;
    map.team.tm_sam_sample = { id: 'tm_sam_sample', name: xss, role: 'innovator' };
    const text = serializeMapFile(map);
    expect(text).toContain(`"name": "${xss}"`);
    const { map: back, repairs } = opened(readMapFileText(text));
    expect(repairs).toEqual([]);
    expect(back.name).toBe(xss);
    expect(back.stakeholders.stk_sample_claire.name).toBe(xss);
    expect(back.stakeholders.stk_sample_claire.notes).toBe(`${xss} & <script>alert("x")</script>`);
    expect(back.departments.dep_sample_it.name).toBe(xss);
    expect(back.team.tm_sam_sample.name).toBe(xss);
    expect(mapFileName(map)).toBe('img-src-x-onerror-alert-1.powermap.json');
  });
});
