// The backup archive: every map and snapshot that goes in comes back out field for field; each
// entry inside is an ordinary map file; and a damaged archive or entry is reported in a sentence
// while the rest of the backup is still restored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_VERSION,
  backupFileName,
  buildBackupArchive,
  readBackupArchive,
  type BackupMap,
  type BackupReadResult,
} from '../../../src/io/backup-archive';
import { readMapFileText, serializeMapFile } from '../../../src/io/map-file';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { emptyAccountMap } from '../../../src/domain/defaults';

const NOW = new Date('2026-12-01T09:30:00.000Z');
const sample = createSampleAccountMap('2026-11-22T00:00:00.000Z');

/** The sample with two snapshots (the older one from before a stakeholder changed sides), and a second, empty map of the same name. */
function backupMaps(): BackupMap[] {
  const [first] = Object.values(sample.stakeholders);
  const earlier = { ...sample, stakeholders: { ...sample.stakeholders, [first.id]: { ...first, stance: 'blocker' as const } } };
  return [
    {
      map: sample,
      viewport: { x: -120, y: 40, zoom: 0.8 },
      snapshots: [
        { id: 'snap_handover', name: 'At handover', takenAt: '2026-10-01T08:00:00.000Z', map: earlier },
        { id: 'snap_q3', name: 'Q3 review', takenAt: '2026-11-15T08:00:00.000Z', map: sample },
      ],
    },
    { map: emptyAccountMap('map_second', sample.name, '2026-11-30T12:00:00.000Z'), viewport: null, snapshots: [] },
  ];
}

function opened(result: BackupReadResult) {
  if (!result.ok) throw new Error(`expected the backup to open, got: ${result.message}`);
  return result;
}

function refused(result: BackupReadResult): string {
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.message;
}

/** The archive's entries as text, changed by `edit`, zipped again: how a damaged or hand-edited backup arrives. */
function edited(archive: Uint8Array, edit: (files: Record<string, string>) => void): Uint8Array {
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(archive))) files[name] = strFromU8(bytes);
  edit(files);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

const manifestOf = (archive: Uint8Array) => JSON.parse(strFromU8(unzipSync(archive)['manifest.json']));

describe('a backup round trip', () => {
  it('gives back every map with its viewport and every snapshot, field for field', () => {
    const maps = backupMaps();
    const result = opened(readBackupArchive(buildBackupArchive(maps, NOW), 'powermap-backup-2026-12-01.zip'));
    expect(result.problems).toEqual([]);
    expect(result.createdAt).toBe(NOW.toISOString());
    expect(result.maps.map((entry) => entry.repairs)).toEqual([[], []]);
    expect(result.maps.map(({ repairs: _repairs, ...entry }) => entry)).toEqual(maps);
  });

  it('is a manifest plus one ordinary map file per map, snapshots in a folder beside it', () => {
    const archive = buildBackupArchive(backupMaps(), NOW);
    const names = Object.keys(unzipSync(archive));
    expect(names).toEqual([
      'manifest.json',
      'nordwind-logistics-ag.powermap.json',
      'nordwind-logistics-ag.snapshots/2026-10-01-at-handover.powermap.json',
      'nordwind-logistics-ag.snapshots/2026-11-15-q3-review.powermap.json',
      // Two maps of one name get two files.
      'nordwind-logistics-ag-2.powermap.json',
    ]);
    const manifest = manifestOf(archive);
    expect(manifest).toMatchObject({ format: 'powermap-backup', backupVersion: BACKUP_VERSION, createdAt: NOW.toISOString() });
    expect(manifest.maps[0]).toMatchObject({ id: sample.id, name: sample.name, file: 'nordwind-logistics-ag.powermap.json' });
    expect(manifest.maps[0].snapshots[1]).toEqual({
      id: 'snap_q3',
      name: 'Q3 review',
      takenAt: '2026-11-15T08:00:00.000Z',
      file: 'nordwind-logistics-ag.snapshots/2026-11-15-q3-review.powermap.json',
    });
    // Any map inside can be taken out and imported on its own.
    const single = readMapFileText(strFromU8(unzipSync(archive)['nordwind-logistics-ag.powermap.json']));
    expect(single.ok && single.map).toEqual(sample);
  });

  it('reads the manifest documented in docs/file-format.md', () => {
    const root = join(__dirname, '../../..');
    const markdown = readFileSync(join(root, 'docs/file-format.md'), 'utf8');
    const documented = markdown.match(/```json manifest\n([\s\S]*?)```/)?.[1] ?? '';
    const fixture = strToU8(readFileSync(join(root, 'tests/fixtures/map-file-v1.powermap.json'), 'utf8'));
    const archive = zipSync({
      'manifest.json': strToU8(documented),
      'nordwind-logistics-ag.powermap.json': fixture,
      'nordwind-logistics-ag.snapshots/2026-10-01-at-handover.powermap.json': fixture,
    });
    const result = opened(readBackupArchive(archive));
    expect(result.problems).toEqual([]);
    expect(result.maps.map((entry) => [entry.map.name, entry.snapshots.map((snapshot) => snapshot.name)])).toEqual([['Nordwind Logistics AG', ['At handover']]]);
  });

  it('names the file after the local date', () => {
    expect(backupFileName(new Date(2026, 11, 1, 23, 59))).toBe('powermap-backup-2026-12-01.zip');
    expect(backupFileName(new Date(2027, 0, 9, 0, 1))).toBe('powermap-backup-2027-01-09.zip');
  });
});

describe('a damaged backup', () => {
  it('restores the good maps when one map file inside is not a map, and says which was left out', () => {
    const archive = edited(buildBackupArchive(backupMaps(), NOW), (files) => {
      files['nordwind-logistics-ag-2.powermap.json'] = '{"format":"powermap","schemaVersion":1,"map":{"id":"map_second","name":"Cut';
    });
    const result = opened(readBackupArchive(archive, 'backup.zip'));
    expect(result.maps.map((entry) => entry.map.id)).toEqual([sample.id]);
    expect(result.maps[0].snapshots).toHaveLength(2);
    expect(result.problems).toEqual([
      'Left out “Nordwind Logistics AG”: “nordwind-logistics-ag-2.powermap.json” looks cut off: it ends before the map does. It may not have finished downloading or copying; try exporting it again.',
    ]);
  });

  it('keeps a map whose snapshot is missing, and leaves out only that snapshot', () => {
    const archive = edited(buildBackupArchive(backupMaps(), NOW), (files) => {
      delete files['nordwind-logistics-ag.snapshots/2026-10-01-at-handover.powermap.json'];
    });
    const result = opened(readBackupArchive(archive));
    expect(result.maps).toHaveLength(2);
    expect(result.maps[0].snapshots.map((snapshot) => snapshot.name)).toEqual(['Q3 review']);
    expect(result.problems).toEqual([
      'Left out the snapshot “At handover” of “Nordwind Logistics AG”: “nordwind-logistics-ag.snapshots/2026-10-01-at-handover.powermap.json” is missing from the archive.',
    ]);
  });

  it('restores the other maps when one entry’s compressed data is corrupt', () => {
    const archive = buildBackupArchive(backupMaps(), NOW);
    const name = 'nordwind-logistics-ag-2.powermap.json';
    // Find the entry's local header and overwrite its compressed data with bytes deflate cannot read.
    const header = new TextEncoder().encode(name);
    let at = -1;
    for (let i = 0; i < archive.length - header.length && at < 0; i++) {
      if (archive[i] === 0x50 && archive[i + 1] === 0x4b && archive[i + 2] === 3 && archive[i + 3] === 4) {
        const nameLength = archive[i + 26] | (archive[i + 27] << 8);
        const extraLength = archive[i + 28] | (archive[i + 29] << 8);
        if (new TextDecoder().decode(archive.subarray(i + 30, i + 30 + nameLength)) === name) at = i + 30 + nameLength + extraLength;
      }
    }
    expect(at).toBeGreaterThan(0);
    const damaged = archive.slice();
    damaged.fill(0xff, at, at + 8);
    const result = opened(readBackupArchive(damaged));
    expect(result.maps.map((entry) => entry.map.id)).toEqual([sample.id]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^Left out “Nordwind Logistics AG”: /);
  });

  it('reports repairs made on the way in, with the map they were made in', () => {
    const archive = edited(buildBackupArchive(backupMaps(), NOW), (files) => {
      const file = JSON.parse(files['nordwind-logistics-ag-2.powermap.json']);
      file.map.links = { lnk_x: { id: 'lnk_x', kind: 'ally', sourceId: 'stk_gone', targetId: 'stk_gone_too' } };
      files['nordwind-logistics-ag-2.powermap.json'] = JSON.stringify(file);
    });
    const result = opened(readBackupArchive(archive));
    expect(result.problems).toEqual([]);
    expect(result.maps[1].repairs).toEqual(['“Nordwind Logistics AG”: Dropped a link to a missing stakeholder or department (lnk_x).']);
  });

  it('refuses what is not a backup, with a sentence that says why', () => {
    expect(refused(readBackupArchive(new Uint8Array(), 'empty.zip'))).toBe('“empty.zip” is empty. It holds no backup.');
    expect(refused(readBackupArchive(strToU8('hello'), 'notes.txt'))).toBe('“notes.txt” is not a Powermap backup: it is not a zip archive.');
    expect(refused(readBackupArchive(strToU8(serializeMapFile(sample)), 'nordwind.powermap.json'))).toMatch(
      /looks like a single map file: open it with Import instead/,
    );
    const noManifest = zipSync({ 'photo.txt': strToU8('not a map') });
    expect(refused(readBackupArchive(noManifest, 'photos.zip'))).toBe('“photos.zip” is a zip archive, but not a Powermap backup: it has no manifest.json.');
    const newer = edited(buildBackupArchive(backupMaps(), NOW), (files) => {
      files['manifest.json'] = JSON.stringify({ ...JSON.parse(files['manifest.json']), backupVersion: BACKUP_VERSION + 1 });
    });
    expect(refused(readBackupArchive(newer, 'b.zip'))).toMatch(/was made by a newer version of Powermap .* Update Powermap to restore it\./);
    const brokenManifest = edited(buildBackupArchive(backupMaps(), NOW), (files) => {
      files['manifest.json'] = '{ "format": "powermap-backup", ';
    });
    expect(refused(readBackupArchive(brokenManifest, 'b.zip'))).toBe('“b.zip” is damaged: its manifest.json is not readable JSON.');
    const cut = buildBackupArchive(backupMaps(), NOW).slice(0, 200);
    expect(refused(readBackupArchive(cut, 'cut.zip'))).toMatch(/^“cut.zip” is damaged: the zip archive could not be read/);
  });

  it('leaves out a map listed twice, so one cannot silently overwrite the other', () => {
    const archive = edited(buildBackupArchive(backupMaps(), NOW), (files) => {
      const manifest = JSON.parse(files['manifest.json']);
      manifest.maps.push(manifest.maps[0]);
      files['manifest.json'] = JSON.stringify(manifest);
    });
    const result = opened(readBackupArchive(archive));
    expect(result.maps).toHaveLength(2);
    expect(result.problems).toEqual(['Left out a second copy of “Nordwind Logistics AG”: the backup lists the same map twice.']);
  });
});
