// The backup archive (`powermap-backup-YYYY-MM-DD.zip`): every map of this browser with its
// snapshots, one zip file. Inside, each map and each snapshot is an ordinary map file
// (serializeMapFile), so any of them can also be taken out and imported alone; a manifest.json
// lists what belongs together. Reading sends every map file through readMapFileText and so through
// restoreMap, the one door for outside data. One damaged entry costs only that entry: the rest is
// read, and the damage is listed in `problems`. No React, no store, no storage.
import { t } from '../i18n';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { createId } from '../domain/ids';
import type { AccountMap, Viewport } from '../domain/types';
import { MAP_FILE_EXTENSION, MAP_FILE_MAX_BYTES, fileTitle, mapFileName, readMapFileText, reasonOf, serializeMapFile } from './map-file';

export const BACKUP_FORMAT = 'powermap-backup';
/** The shape version of the manifest; this code writes and reads 1. */
export const BACKUP_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
/** The largest archive we open: ten times the largest map file leaves room for many maps and snapshots. */
export const BACKUP_MAX_BYTES = 10 * MAP_FILE_MAX_BYTES;

export interface BackupSnapshot {
  id: string;
  name: string;
  takenAt: string;
  map: AccountMap;
}

/** One stored map as it goes into a backup. */
export interface BackupMap {
  map: AccountMap;
  viewport: Viewport | null;
  snapshots: BackupSnapshot[];
}

/** One map read back from a backup, with what restoreMap repaired in it and in its snapshots. */
export interface RestoredBackupMap extends BackupMap {
  repairs: string[];
}

export type BackupReadResult =
  | { ok: true; createdAt: string | null; maps: RestoredBackupMap[]; problems: string[] }
  | { ok: false; message: string };

interface ManifestSnapshot {
  id: string;
  name: string;
  takenAt: string;
  file: string;
}

interface ManifestMap {
  id: string;
  name: string;
  file: string;
  snapshots: ManifestSnapshot[];
}

interface Manifest {
  format: typeof BACKUP_FORMAT;
  backupVersion: number;
  createdAt: string;
  maps: ManifestMap[];
}

/** The backup's file name for a local date, e.g. powermap-backup-2026-12-01.zip. */
export function backupFileName(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `powermap-backup-${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}.zip`;
}

/** `name` with -2, -3 ... before the extension until it is not taken yet (two maps may share a name). */
function unique(name: string, taken: Set<string>): string {
  const base = name.endsWith(MAP_FILE_EXTENSION) ? name.slice(0, -MAP_FILE_EXTENSION.length) : name;
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}${MAP_FILE_EXTENSION}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The zip archive of a backup: manifest.json, then per map `<name>.powermap.json` (with its
 * viewport) and its snapshots in `<name>.snapshots/<date>-<snapshot name>.powermap.json`.
 */
export function buildBackupArchive(maps: readonly BackupMap[], createdAt: Date): Uint8Array {
  const iso = createdAt.toISOString();
  const files: Record<string, string> = {};
  const manifest: Manifest = { format: BACKUP_FORMAT, backupVersion: BACKUP_VERSION, createdAt: iso, maps: [] };
  const taken = new Set<string>([MANIFEST_NAME]);
  for (const { map, viewport, snapshots } of maps) {
    const file = unique(mapFileName(map), taken);
    files[file] = serializeMapFile(map, viewport, { exportedAt: iso });
    const folder = `${file.slice(0, -MAP_FILE_EXTENSION.length)}.snapshots/`;
    const entry: ManifestMap = { id: map.id, name: map.name, file, snapshots: [] };
    for (const snapshot of snapshots) {
      const snapshotFile = unique(`${folder}${snapshot.takenAt.slice(0, 10)}-${mapFileName({ name: snapshot.name })}`, taken);
      files[snapshotFile] = serializeMapFile(snapshot.map, null, { exportedAt: iso });
      entry.snapshots.push({ id: snapshot.id, name: snapshot.name, takenAt: snapshot.takenAt, file: snapshotFile });
    }
    manifest.maps.push(entry);
  }
  // The manifest goes first, so a person opening the zip sees the table of contents at the top.
  const zippable: Zippable = { [MANIFEST_NAME]: strToU8(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const [name, text] of Object.entries(files)) zippable[name] = strToU8(text);
  return zipSync(zippable, { level: 6, mtime: createdAt });
}

// ---------------------------------------------------------------------------------------------
// Reading

type Plain = Record<string, unknown>;
const isPlainObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/** A zip starts with a local file header, or with the end record when it is empty. */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The archive's entries and their unpacked sizes, without unpacking any. */
function listEntries(bytes: Uint8Array): Map<string, number> {
  const entries = new Map<string, number>();
  unzipSync(bytes, {
    filter: (file) => {
      entries.set(file.name, file.originalSize);
      return false;
    },
  });
  return entries;
}

/**
 * Unpacks one entry as text, or says why it cannot. Entries are unpacked one at a time, so a
 * damaged one does not take the others with it.
 */
function entryText(bytes: Uint8Array, entries: Map<string, number>, name: string): { text: string } | { problem: string } {
  const size = entries.get(name);
  if (size === undefined) return { problem: t('files.backup.missing', { name }) };
  if (size > MAP_FILE_MAX_BYTES) return { problem: t('files.backup.entryTooLarge', { name }) };
  try {
    const unpacked = unzipSync(bytes, { filter: (file) => file.name === name })[name];
    if (!unpacked) return { problem: t('files.backup.notUnpacked', { name }) };
    return { text: strFromU8(unpacked) };
  } catch (error) {
    return { problem: t('files.backup.entryDamaged', { name, reason: reasonOf(error) }) };
  }
}

/** The manifest, checked; or the sentence that says why the archive cannot be restored. */
function readManifest(bytes: Uint8Array, entries: Map<string, number>, title: string): { manifest: Plain } | { message: string } {
  if (!entries.has(MANIFEST_NAME)) {
    return { message: t('files.backup.noManifest', { title, manifest: MANIFEST_NAME }) };
  }
  const unpacked = entryText(bytes, entries, MANIFEST_NAME);
  if ('problem' in unpacked) return { message: t('files.backup.damaged', { title, problem: unpacked.problem }) };
  let manifest: unknown;
  try {
    manifest = JSON.parse(unpacked.text);
  } catch {
    return { message: t('files.backup.manifestNotJson', { title, manifest: MANIFEST_NAME }) };
  }
  if (!isPlainObject(manifest) || manifest.format !== BACKUP_FORMAT) {
    return { message: t('files.backup.notManifest', { title, manifest: MANIFEST_NAME }) };
  }
  const version = manifest.backupVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { message: t('files.backup.noVersion', { title, manifest: MANIFEST_NAME }) };
  }
  if (version > BACKUP_VERSION) {
    return { message: t('files.backup.newer', { title, version }) };
  }
  if (!Array.isArray(manifest.maps)) return { message: t('files.backup.noMaps', { title, manifest: MANIFEST_NAME }) };
  return { manifest };
}

/** Reads one map of the manifest and its snapshots; what cannot be read is added to `problems`. */
function readOneMap(bytes: Uint8Array, entries: Map<string, number>, listed: unknown, problems: string[]): RestoredBackupMap | null {
  const entry = isPlainObject(listed) ? listed : {};
  const file = text(entry.file);
  const label = text(entry.name) ?? file;
  if (!file) {
    const what = label ? t('files.backup.namedMap', { name: label }) : t('files.backup.aMap');
    problems.push(t('files.backup.leftOut', { what, problem: t('files.backup.noFile') }));
    return null;
  }
  const what = t('files.backup.namedMap', { name: label ?? file });
  const unpacked = entryText(bytes, entries, file);
  if ('problem' in unpacked) {
    problems.push(t('files.backup.leftOut', { what, problem: unpacked.problem }));
    return null;
  }
  const read = readMapFileText(unpacked.text, file);
  if (!read.ok) {
    problems.push(t('files.backup.leftOutFile', { what, message: read.message }));
    return null;
  }
  const repairs = read.repairs.map((repair) => t('restore.inMap', { map: read.map.name, repair }));
  const snapshots: BackupSnapshot[] = [];
  const snapshotIds = new Set<string>();
  for (const listedSnapshot of Array.isArray(entry.snapshots) ? entry.snapshots : []) {
    const snapshot = isPlainObject(listedSnapshot) ? listedSnapshot : {};
    const name = text(snapshot.name) ?? t('files.backup.snapshot');
    const snapshotFile = text(snapshot.file);
    const what = t('files.backup.snapshotOf', { snapshot: name, map: read.map.name });
    if (!snapshotFile) {
      problems.push(t('files.backup.leftOut', { what, problem: t('files.backup.noFile') }));
      continue;
    }
    const snapshotText = entryText(bytes, entries, snapshotFile);
    if ('problem' in snapshotText) {
      problems.push(t('files.backup.leftOut', { what, problem: snapshotText.problem }));
      continue;
    }
    const snapshotRead = readMapFileText(snapshotText.text, snapshotFile);
    if (!snapshotRead.ok) {
      problems.push(t('files.backup.leftOutFile', { what, message: snapshotRead.message }));
      continue;
    }
    repairs.push(...snapshotRead.repairs.map((repair) => t('restore.inSnapshot', { map: read.map.name, snapshot: name, repair })));
    // An id given twice would make one snapshot overwrite the other when stored.
    let id = text(snapshot.id) ?? createId('snap');
    if (snapshotIds.has(id)) id = createId('snap');
    snapshotIds.add(id);
    const takenAt = text(snapshot.takenAt);
    snapshots.push({
      id,
      name,
      takenAt: takenAt && !Number.isNaN(Date.parse(takenAt)) ? takenAt : read.map.updatedAt,
      map: { ...snapshotRead.map, id: read.map.id },
    });
  }
  return { map: read.map, viewport: read.viewport, snapshots, repairs };
}

/**
 * Reads a backup archive. `name` is the file's name, used in messages. Never throws: an archive
 * that cannot be restored at all comes back as { ok: false, message }; one whose maps are partly
 * damaged comes back with the good maps and a `problems` line for each entry left out.
 */
export function readBackupArchive(bytes: Uint8Array, name?: string): BackupReadResult {
  const title = fileTitle(name);
  if (bytes.length === 0) return { ok: false, message: t('files.backup.empty', { title }) };
  if (bytes.length > BACKUP_MAX_BYTES) return { ok: false, message: t('files.backup.tooLarge', { title }) };
  if (!looksLikeZip(bytes)) {
    const single = /^\s*\{/.test(strFromU8(bytes.subarray(0, 64)));
    return {
      ok: false,
      message: single
        ? t('files.backup.singleMap', { title })
        : t('files.backup.notZip', { title }),
    };
  }
  let entries: Map<string, number>;
  try {
    entries = listEntries(bytes);
  } catch (error) {
    return { ok: false, message: t('files.backup.zipUnreadable', { title, reason: reasonOf(error) }) };
  }
  const checked = readManifest(bytes, entries, title);
  if ('message' in checked) return { ok: false, message: checked.message };
  const { manifest } = checked;

  const problems: string[] = [];
  const maps: RestoredBackupMap[] = [];
  const mapIds = new Set<string>();
  for (const listed of manifest.maps as unknown[]) {
    const map = readOneMap(bytes, entries, listed, problems);
    if (!map) continue;
    if (mapIds.has(map.map.id)) {
      problems.push(t('files.backup.twice', { map: map.map.name }));
      continue;
    }
    mapIds.add(map.map.id);
    maps.push(map);
  }
  const createdAt = text(manifest.createdAt);
  return { ok: true, createdAt: createdAt && !Number.isNaN(Date.parse(createdAt)) ? createdAt : null, maps, problems };
}
