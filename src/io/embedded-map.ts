// The map travels inside the pictures exported from it, as Excalidraw does with its scenes: a PNG
// carries the map file in a compressed iTXt chunk, an SVG in a <metadata> element. Opening such a
// picture in Powermap reads that text and hands it to readMapFileText, so it goes through the
// same checks and the same domain/restore door as a .powermap.json file.
//
// The PNG chunk code is written here rather than taken from png-chunks-extract/encode: those
// write and read whole chunk lists through Node's Buffer (a polyfill in the browser) and know
// only tEXt (Latin-1, uncompressed) through png-chunk-text; an iTXt chunk with UTF-8 names and
// zlib compression is a CRC-32 and one fflate call, about sixty lines with their tests.
import { Unzlib, zlibSync } from 'fflate';
import { t } from '../i18n';
import { MAP_FILE_MAX_BYTES, fileTitle, readMapFileText, reasonOf, type MapFileReadResult } from './map-file';
import { escapeMarkup } from './markup-text';

/** The iTXt keyword and the SVG metadata type: the media type of a Powermap map file. */
export const EMBEDDED_MAP_KEYWORD = 'application/vnd.powermap+json';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const encoder = new TextEncoder();

// ------------------------------------------------------------------ CRC-32 (the PNG chunk checksum)

let crcTable: Uint32Array | undefined;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ------------------------------------------------------------------ PNG

const isPng = (bytes: Uint8Array) => bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
const typeOf = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);

/** The chunks of a PNG as [type, start of the chunk, start of its data, data length]; stops at a damaged length. */
function chunks(bytes: Uint8Array): { type: string; start: number; data: number; length: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = [];
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    if (at + 12 + length > bytes.length) break;
    found.push({ type: typeOf(bytes, at), start: at, data: at + 8, length });
    at += 12 + length;
  }
  return found;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(encoder.encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The PNG with `mapText` in a compressed iTXt chunk just before IEND (any earlier map chunk dropped). */
export function embedMapInPng(png: Uint8Array, mapText: string): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG image');
  const all = chunks(png);
  const end = all.find((c) => c.type === 'IEND');
  if (!end) throw new Error('the PNG image has no end');
  const header = encoder.encode(`${EMBEDDED_MAP_KEYWORD}\0`);
  // keyword NUL, compression flag 1, method 0 (zlib), empty language tag NUL, empty translated keyword NUL, text.
  const compressed = zlibSync(encoder.encode(mapText), { level: 9 });
  const data = new Uint8Array(header.length + 4 + compressed.length);
  data.set(header, 0);
  data.set([1, 0, 0, 0], header.length);
  data.set(compressed, header.length + 4);
  const kept = all.filter((c) => c.type !== 'IEND' && !(c.type === 'iTXt' && isMapChunk(png, c)));
  const parts = [png.subarray(0, 8), ...kept.map((c) => png.subarray(c.start, c.data + c.length + 4)), chunk('iTXt', data), png.subarray(end.start, end.data + end.length + 4)];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Inflates zlib data, refusing output past MAP_FILE_MAX_BYTES (a small chunk may inflate to gigabytes). */
function inflateCapped(data: Uint8Array): Uint8Array {
  const pieces: Uint8Array[] = [];
  let total = 0;
  const inflater = new Unzlib((piece) => {
    total += piece.length;
    if (total > MAP_FILE_MAX_BYTES) throw new Error(t('files.picture.mapTooLarge'));
    pieces.push(piece);
  });
  inflater.push(data, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

const KEYWORD_BYTES = encoder.encode(EMBEDDED_MAP_KEYWORD);

/** Whether an iTXt chunk's keyword is the map's. */
function isMapChunk(png: Uint8Array, c: { data: number; length: number }): boolean {
  return c.length > KEYWORD_BYTES.length && png[c.data + KEYWORD_BYTES.length] === 0 && KEYWORD_BYTES.every((b, i) => png[c.data + i] === b);
}

/** The map text of one iTXt chunk, or null when the chunk holds something else. */
function mapTextOfChunk(png: Uint8Array, c: { data: number; length: number }): string | null {
  if (!isMapChunk(png, c)) return null;
  const data = png.subarray(c.data, c.data + c.length);
  const keywordEnd = KEYWORD_BYTES.length;
  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return null;
  const body = data.subarray(translatedEnd + 1);
  return new TextDecoder().decode(compressed ? inflateCapped(body) : body);
}

/** The map file text a PNG carries, or null when it carries none. Throws on a damaged map chunk. */
export function mapTextFromPng(png: Uint8Array): string | null {
  if (!isPng(png)) return null;
  for (const c of chunks(png)) {
    if (c.type !== 'iTXt') continue;
    const text = mapTextOfChunk(png, c);
    if (text !== null) return text;
  }
  return null;
}

// ------------------------------------------------------------------ SVG

/**
 * JSON text for XML: a character XML 1.0 forbids can only stand inside a JSON string, where the
 * \u escape means the same, so the map comes back exactly; then markup is escaped.
 */
function xmlJson(text: string): string {
  const escaped = text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escapeMarkup(escaped);
}

const METADATA = /<metadata\b[^>]*\bdata-type="application\/vnd\.powermap\+json"[^>]*>([\s\S]*?)<\/metadata>/;

/** The SVG with `mapText` in a <metadata> element right after the opening tag. */
export function embedMapInSvg(svg: string, mapText: string): string {
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  if (open < 0) throw new Error('not an SVG document');
  const metadata = `<metadata data-type="${EMBEDDED_MAP_KEYWORD}">${xmlJson(mapText)}</metadata>`;
  return `${svg.slice(0, open + 1)}${metadata}${svg.slice(open + 1)}`;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The map file text an SVG carries, or null when it carries none. */
export function mapTextFromSvg(svg: string): string | null {
  const match = METADATA.exec(svg);
  if (!match) return null;
  return match[1].replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITY[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

// ------------------------------------------------------------------ opening a picture

/** What `readMapFromPicture` needs of a file: a browser `File` fits. */
export interface PictureSource {
  name: string;
  size: number;
  type?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Opens the map a PNG or SVG exported from Powermap carries, through the same checks as a map
 * file. Never rejects: a picture without a map, or a damaged one, comes back with a sentence.
 */
export async function readMapFromPicture(file: PictureSource): Promise<MapFileReadResult> {
  const title = fileTitle(file.name);
  // The picture itself may be large; the map inside it is capped when it is inflated.
  if (file.size > MAP_FILE_MAX_BYTES * 2) return { ok: false, message: t('files.picture.tooLarge', { title }) };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const text = isPng(bytes) ? mapTextFromPng(bytes) : mapTextFromSvg(new TextDecoder().decode(bytes));
    if (text === null) {
      return { ok: false, message: t('files.picture.noMap', { title }) };
    }
    return readMapFileText(text, file.name);
  } catch (error) {
    return { ok: false, message: t('files.picture.couldNotRead', { title, reason: reasonOf(error) }) };
  }
}
