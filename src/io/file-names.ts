// File names the app suggests when it saves something: the map file, exports, the brief. A map's
// name is whatever the user typed (or a file said), any length, any character; a file name must
// survive Windows, macOS, zip tools and mail attachments, so it is cleaned and capped here.
import type { AccountMap } from '../domain/types';

/** The first characters of `text` that fit in MAX_NAME_BYTES of UTF-8, never splitting a character. */
function capBytes(text: string): string {
  const encoder = new TextEncoder();
  let kept = '';
  let bytes = 0;
  for (const char of text) {
    bytes += encoder.encode(char).length;
    if (bytes > MAX_NAME_BYTES) break;
    kept += char;
  }
  return kept;
}

/** Ligatures and letters that Unicode decomposition does not split into a base letter and a mark. */
const TRANSLITERATION: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
};
/** Device names Windows refuses as a file name, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
/** Bytes of UTF-8 for the name before the extension: well under the 255 most file systems allow. */
const MAX_NAME_BYTES = 100;

/**
 * A file name for the map, e.g. "Nordwind Logistics AG" -> "nordwind-logistics-ag.powermap.json".
 * Latin letters with diacritics are transliterated (Müller -> muller, Wróbel -> wrobel): an ASCII
 * name survives mail attachments, zip tools, old network shares and the NFC/NFD difference between
 * macOS and other systems. Other scripts (Greek, Cyrillic, Japanese...) are kept as they are,
 * marks included, because transliterating them well needs a table per language, and dropping them
 * would leave nothing of the name. Everything that is not a letter or digit (including
 * / \ : * ? " < > | and control characters, which Windows or macOS refuse) becomes one dash.
 */
export function mapFileName(map: Pick<AccountMap, 'name'>): string {
  const slug = map.name
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħŧ]/g, (letter) => TRANSLITERATION[letter] ?? letter)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  let name = capBytes(slug).replace(/-+$/, '') || 'account-map';
  if (WINDOWS_RESERVED.test(name)) name = `${name}-map`;
  return `${name}.powermap.json`;
}

/**
 * A readable file name for an export, e.g. "Nordwind Logistics AG.png": the map's name as typed,
 * with the characters Windows or macOS refuse (/ \ : * ? " < > | and control characters) turned
 * into spaces, capped like the map file's name, never a reserved device name, never empty.
 */
export function exportFileName(map: Pick<AccountMap, 'name'>, extension: string): string {
  const cleaned = map.name
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let name = capBytes(cleaned).replace(/[\s.]+$/, '').replace(/^[\s.]+/, '') || 'account-map';
  if (WINDOWS_RESERVED.test(name.toLowerCase())) name = `${name} map`;
  return `${name}.${extension.replace(/^\.+/, '')}`;
}
