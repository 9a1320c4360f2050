// The `.powermap.json` map file: one account map (and, optionally, its viewport) in the versioned
// document envelope of domain/schema.ts. Writing is plain JSON with a fixed key order, so two
// exports of the same map are byte for byte the same and diff well. Reading checks what only a
// file can get wrong (size, emptiness, binary data, broken or cut-off JSON) and then hands the
// parsed document to restoreMap, the domain's one door for outside data, which migrates, repairs
// and refuses. No React, no store, no storage: the UI decides what to do with the result.
// Names and notes stay plain strings throughout; nothing here treats them as markup.
import { formatNumber, t } from '../i18n';
import { restoreMap } from '../domain/restore';
import { accountMapSchema, departmentSchema, linkSchema, stakeholderSchema, teamMemberSchema, toDocument, type MapDocument } from '../domain/schema';
import type { AccountMap, Viewport } from '../domain/types';
import { usableViewport } from '../domain/bounds';
import { mapFileName } from './file-names';

export { mapFileName };

export const MAP_FILE_EXTENSION = '.powermap.json';
/**
 * The largest file we read, and so the largest the app lets itself write: what it writes, it must
 * read back. A stakeholder takes about 1 KB of JSON, so a map made from the largest CSV import
 * (CSV_MAX_ROWS, 100,000 rows) stays near 110 MB; 256 MB leaves room for long notes while staying
 * well under the longest string a browser will parse, and a wrong 2 GB file is refused before it
 * is read into memory.
 */
export const MAP_FILE_MAX_BYTES = 256 * 1024 * 1024;

/** The most rows one CSV import takes, so that the map it makes can be saved and read back as a file. */
export const CSV_MAX_ROWS = 100_000;

/** Why `text` (a serialised map) cannot be saved as a file the app can read back, or null if it can. */
export function tooLargeToSave(text: string): string | null {
  const bytes = new Blob([text]).size;
  return bytes > MAP_FILE_MAX_BYTES
    ? t('files.map.tooLargeToSave', { size: megabytes(bytes), limit: megabytes(MAP_FILE_MAX_BYTES) })
    : null;
}

/** What `readMapFile` needs of a file: a browser `File` fits, and so does a test double. */
export interface MapFileSource {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** A map file on disk: the domain's document envelope plus when it was written and where the view was. */
export interface MapFile extends MapDocument {
  exportedAt?: string;
  viewport?: Viewport;
}

export type MapFileReadResult =
  | { ok: true; map: AccountMap; viewport: Viewport | null; repairs: string[] }
  | { ok: false; message: string };

// ---------------------------------------------------------------------------------------------
// Writing

/** Field order in the file: the order of the schema (the order of types.ts); extra fields follow, sorted. */
const FIELD_ORDER = {
  envelope: ['format', 'schemaVersion', 'exportedAt', 'map', 'viewport'],
  map: Object.keys(accountMapSchema.shape),
  department: Object.keys(departmentSchema.shape),
  stakeholder: Object.keys(stakeholderSchema.shape),
  link: Object.keys(linkSchema.shape),
  team: Object.keys(teamMemberSchema.shape),
  position: ['x', 'y'],
  size: ['width', 'height'],
  viewport: ['x', 'y', 'zoom'],
} as const;

type Plain = Record<string, unknown>;
const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** How to write the value of one field; a field without one is written with its keys sorted. */
type Writers = Record<string, (value: unknown) => unknown>;

/** A copy of `value` with `order`'s keys first, then any other keys sorted. */
function ordered(value: Plain, order: readonly string[], writers: Writers = {}): Plain {
  const keys = [...order.filter((key) => Object.hasOwn(value, key)), ...Object.keys(value).filter((key) => !order.includes(key)).sort()];
  const result: Plain = {};
  for (const key of keys) {
    const write = Object.hasOwn(writers, key) ? writers[key] : sortedKeys;
    // defineProperty, not assignment: a kept extra field named "__proto__" stays a plain field.
    Object.defineProperty(result, key, { value: write(value[key]), enumerable: true, writable: true, configurable: true });
  }
  return result;
}

/** Arrays keep their order; objects, at any depth, get sorted keys (for extra fields this version does not know). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  return isPlainObject(value) ? ordered(value, []) : value;
}

const inOrder = (order: readonly string[], writers?: Writers) => (value: unknown) =>
  isPlainObject(value) ? ordered(value, order, writers) : value;

/** An id-keyed collection: records keep the map's order (the order they were made in), fields get `order`. */
const collection = (order: readonly string[]) => (value: unknown) => {
  if (!isPlainObject(value)) return value;
  const record = inOrder(order, { position: inOrder(FIELD_ORDER.position), size: inOrder(FIELD_ORDER.size) });
  const result: Plain = {};
  for (const [id, fields] of Object.entries(value)) {
    Object.defineProperty(result, id, { value: record(fields), enumerable: true, writable: true, configurable: true });
  }
  return result;
};

const writeMap = inOrder(FIELD_ORDER.map, {
  departments: collection(FIELD_ORDER.department),
  stakeholders: collection(FIELD_ORDER.stakeholder),
  links: collection(FIELD_ORDER.link),
  team: collection(FIELD_ORDER.team),
});

/**
 * The map as the text of a `.powermap.json` file: every field of every record (extra fields a
 * newer version added included), 2-space indented, keys in a fixed order, ending with a newline.
 * The viewport is written when given; `exportedAt` defaults to now (`null` leaves it out, for a
 * file that must come out the same every time).
 */
export function serializeMapFile(
  map: AccountMap,
  viewport?: Viewport | null,
  options: { exportedAt?: string | null } = {},
): string {
  const exportedAt = options.exportedAt === undefined ? new Date().toISOString() : options.exportedAt;
  const file: MapFile = { ...toDocument(map) };
  if (exportedAt) file.exportedAt = exportedAt;
  if (viewport) file.viewport = { x: viewport.x, y: viewport.y, zoom: viewport.zoom };
  const envelope = ordered(file as unknown as Plain, FIELD_ORDER.envelope, { map: writeMap, viewport: inOrder(FIELD_ORDER.viewport) });
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A size in megabytes as the language writes numbers: whole from 10 MB, one decimal below; the unit is in the message. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return formatNumber(mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10);
}

/** How a message names the file: its name in the language's quotes, or "This file" when it has none. */
export const fileTitle = (name?: string): string => (name ? t('files.title.named', { name }) : t('files.title.unnamed'));

/** What went wrong, as the browser or the library said it. */
export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const tooLarge = (title: string, bytes: number) =>
  t('files.map.tooLarge', { title, size: megabytes(bytes), limit: megabytes(MAP_FILE_MAX_BYTES) });

/**
 * Whether text that failed to parse reads like the start of a JSON document that stops early
 * (a download or copy cut short) rather than text that was never JSON. It opens with { or [,
 * uses only JSON's characters outside strings, and ends with a string or a bracket still open.
 */
function looksCutOff(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      // The outermost value closed, so the error is somewhere else.
      if (depth <= 0) return false;
    } else if (!/[\s:,0-9+\-.eEtrufalsn]/.test(char)) return false;
  }
  return depth > 0 || inString;
}

/** Control characters JSON never holds unescaped, or the replacement character a decoder writes for invalid bytes. */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

/** A viewport the canvas can use, or null; a present but unusable one is reported. */
function viewportOf(document: unknown, repairs: string[]): Viewport | null {
  if (!isPlainObject(document) || document.viewport === undefined || document.viewport === null) return null;
  const usable = isPlainObject(document.viewport) ? usableViewport(document.viewport) : null;
  if (usable) return usable;
  repairs.push(t('restore.repair.viewport'));
  return null;
}

/**
 * Reads the text of a map file. `name` is the file's name, used in messages. Never throws: a
 * file that cannot be opened comes back as { ok: false, message } with a sentence for the user.
 */
export function readMapFileText(text: string, name?: string): MapFileReadResult {
  const title = fileTitle(name);
  try {
    // A string's length counts UTF-16 units; each is at least one byte in the file, so this never refuses a file under the cap.
    if (text.length > MAP_FILE_MAX_BYTES) return { ok: false, message: tooLarge(title, text.length) };
    const content = text.replace(/^\uFEFF/, '');
    if (!content.trim()) return { ok: false, message: t('files.map.empty', { title }) };
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      if (BINARY.test(content)) {
        return { ok: false, message: t('files.map.binary', { title }) };
      }
      if (looksCutOff(content)) {
        return { ok: false, message: t('files.map.cutOff', { title }) };
      }
      return { ok: false, message: t('files.map.notJson', { title }) };
    }
    const restored = restoreMap(parsed);
    if (!restored.ok) {
      if (restored.notAMap) {
        return { ok: false, message: t('files.map.notAMap', { title }) };
      }
      return { ok: false, message: t('files.map.couldNotOpen', { title, error: restored.error }) };
    }
    const repairs = [...restored.repairs];
    const viewport = viewportOf(parsed, repairs);
    return { ok: true, map: restored.map, viewport, repairs };
  } catch (error) {
    // restoreMap never throws; this guards the checks above against the unforeseen.
    return { ok: false, message: t('files.map.couldNotRead', { title, reason: reasonOf(error) }) };
  }
}

/**
 * Reads a map file (a browser `File`, or anything with name, size and text()) or its text.
 * The size is checked before the file is read, so a wrong 500 MB file is refused at once.
 * Never rejects.
 */
export async function readMapFile(input: MapFileSource | string): Promise<MapFileReadResult> {
  if (typeof input === 'string') return readMapFileText(input);
  const title = fileTitle(input.name);
  if (input.size > MAP_FILE_MAX_BYTES) return { ok: false, message: tooLarge(title, input.size) };
  if (input.size === 0) return { ok: false, message: t('files.map.empty', { title }) };
  let text: string;
  try {
    text = await input.text();
  } catch (error) {
    return { ok: false, message: t('files.map.couldNotRead', { title, reason: reasonOf(error) }) };
  }
  return readMapFileText(text, input.name);
}
