// Bytes to text for the CSV import. Excel saves "CSV" in the Windows code page of the user's language
// (Windows-1252 in Western Europe, 1250 in Poland, Czechia, Hungary and Romania, 1251 for Cyrillic, 1253
// in Greece) and "Unicode text" in UTF-16; decoding any of them as the wrong one gives mojibake
// ("£ukasz Wiœniewski"). Pure: no File or DOM access.
//
// Which code page? A byte-order mark decides; then text that is valid UTF-8 is UTF-8 (a single-byte code
// page almost never is); else each candidate decodes the bytes and the text that reads most like words of
// its languages wins. Generic detectors (jschardet, chardet) model long prose and guess wrong on a few
// short names; this scorer looks at what mojibake does to names: a symbol inside a word ("Wi³ek"), Latin
// and Cyrillic letters in one word, a capital after a small letter ("ГйюсгпЬ"), a Latin word made mostly
// of accented letters ("Àëåêñàíäð"), a final sigma mid-word, a byte the code page does not define.
// tests/unit/io/csv-encoding.test.ts measures it on short Polish, Romanian, Greek, Russian, German
// and French CSVs.

import { t } from '../../i18n';

export const CSV_ENCODINGS = ['utf-8', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'utf-16le', 'utf-16be'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** What the dialog calls each encoding, in the current language ("UTF-8" is a name everywhere). */
export const encodingName = (encoding: CsvEncoding): string => (encoding === 'utf-8' ? 'UTF-8' : t(`importer.encoding.${encoding}`));

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** How the encoding was chosen: a byte-order mark, valid UTF-8, a guess among code pages, or the user. */
  how: 'byte-order mark' | 'valid UTF-8' | 'guessed' | 'chosen';
}

/** The single-byte code pages tried when the bytes are not UTF-8, in order of preference on a tie. */
const CODE_PAGES = ['windows-1252', 'windows-1250', 'windows-1251', 'windows-1253'] as const;
type CodePage = (typeof CODE_PAGES)[number];
/** How much of the file the guess reads. */
const SAMPLE_BYTES = 64 * 1024;

/** Letters each code page's languages use often; other letters there count little. */
const COMMON: Record<CodePage, string> = {
  // English, German, French, Spanish, Italian, Portuguese, Dutch, Nordic.
  'windows-1252': 'äöüßÄÖÜéèêëàâçîïôûùœÉÈÊÀÂÇÎÔÛáíóúñÁÍÓÚÑãõåæøÅÆØìòÌÒ',
  // Polish, Czech, Slovak, Hungarian, Romanian, Croatian, Slovenian, German.
  'windows-1250': 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻäöüßÄÖÜáéíóúýčďěňřšťůžÁÉÍÓÚÝČĎĚŇŘŠŤŮŽőűŐŰăâîşţĂÂÎŞŢđĐ',
  // Russian, Ukrainian, Belarusian, Bulgarian, Serbian: all but the letters that never start a word.
  'windows-1251': 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯіїєґІЇЄҐўЎђјљњћџЂЈЉЊЋЏ',
  // Greek, but ξ, ψ and the diaeresis vowels, which are rare.
  'windows-1253': 'αβγδεζηθικλμνοπρστυφχωςάέήίόύώΑΒΓΔΕΖΗΘΙΚΛΜΝΟΠΡΣΤΥΦΧΩΆΈΉΊΌΎΏ',
};
const COMMON_SETS = Object.fromEntries(CODE_PAGES.map((page) => [page, new Set(COMMON[page])])) as Record<CodePage, Set<string>>;

/**
 * Letters that share a byte between Windows-1252 and 1250 (ñ/ń, ã/ă, œ/ś), told apart by the letter after
 * them: Spanish ñ and Portuguese ã come before a vowel, Polish ń and Romanian ă mostly before a consonant;
 * French œ is followed by u, Polish ś almost never.
 */
const TWINS: Record<string, (next: string) => number> = {
  ñ: (next) => (/[aeiou]/i.test(next) ? 2 : 0.25),
  Ñ: (next) => (/[aeiou]/i.test(next) ? 2 : 0.25),
  ń: (next) => (/[aeiou]/i.test(next) ? 0.5 : 2),
  ã: (next) => (/[oe]/i.test(next) ? 2 : LETTER.test(next) ? 0.25 : 1),
  ă: (next) => (/[oe]/i.test(next) ? 0.25 : 2),
  œ: (next) => (/u/i.test(next) ? 2 : -1),
  ś: (next) => (/u/i.test(next) ? 0.5 : 2),
  // Italian ì ends a word, Czech ě sits inside one; Portuguese õ comes before e or s, Hungarian ő not;
  // Danish ø mostly before a consonant, Czech ř mostly before a vowel.
  ì: (next) => (LETTER.test(next) ? 0.25 : 2),
  õ: (next) => (/[es]/i.test(next) ? 2 : 0.25),
  ø: (next) => (/[aeiouáéíóúý]/i.test(next) ? 0.5 : 2),
  ř: (next) => (/[aeiouáéíóúýě]/i.test(next) ? 2 : 1),
};
const TONOS = /[άέήίόύώΆΈΉΊΌΎΏΐΰ]/;
/** Vowels of the Cyrillic and Greek alphabets: a word of four letters or more without enough of them is not a word. */
const VOWELS = /[аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄαεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏ]/;

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const QUOTE_OR_DASH = /[\p{Pi}\p{Pf}\p{Pd}„‚…]/u;

function script(char: string): 'latin' | 'cyrillic' | 'greek' | 'other' {
  const code = char.codePointAt(0)!;
  if (code < 0x250) return 'latin';
  if (code >= 0x370 && code < 0x400) return 'greek';
  if (code >= 0x400 && code < 0x530) return 'cyrillic';
  return 'other';
}

/** How much a text reads like words of a code page's languages: higher is better. */
export function plausibility(text: string, page: CodePage): number {
  const common = COMMON_SETS[page];
  const chars = [...text];
  let score = 0;
  let wordStart = -1;
  const scoreWord = (from: number, to: number) => {
    const word = chars.slice(from, to);
    const nonAscii = word.filter((char) => char > '\u007f');
    if (nonAscii.length === 0) return;
    const scripts = new Set(word.map(script));
    if (scripts.size > 1) score -= 3 * nonAscii.length;
    if (scripts.has('latin') && word.length >= 3 && nonAscii.length / word.length > 0.5) score -= 2 * nonAscii.length;
    // A Greek word of two syllables or more carries a stress mark (tonos); capitals need not.
    if (scripts.has('greek') && word.length >= 4 && word.some((char) => LOWER.test(char)) && !word.some((char) => TONOS.test(char))) score -= 2;
    if ((scripts.has('greek') || scripts.has('cyrillic')) && word.length >= 4 && word.filter((char) => VOWELS.test(char)).length / word.length < 0.25) {
      score -= 3;
    }
    for (let i = 1; i < word.length; i++) {
      if (UPPER.test(word[i]) && LOWER.test(word[i - 1])) score -= 3; // a capital after a small letter
      if (word[i - 1] === 'ς') score -= 3; // a final sigma is final
      if (/[йЙ]/.test(word[i]) && script(word[i - 1]) === 'cyrillic' && !VOWELS.test(word[i - 1])) score -= 2; // й follows a vowel
    }
  };
  for (let i = 0; i <= chars.length; i++) {
    const char = chars[i] ?? ' ';
    const letter = LETTER.test(char);
    if (letter && wordStart < 0) wordStart = i;
    if (!letter && wordStart >= 0) {
      scoreWord(wordStart, i);
      wordStart = -1;
    }
    if (char <= '\u007f') continue;
    if (char === '\uFFFD' || (char >= '\u0080' && char <= '\u009f')) score -= 6; // a byte the page does not define
    else if (letter) score += TWINS[char]?.(chars[i + 1] ?? ' ') ?? (common.has(char) ? 2 : 0.25);
    else if (!QUOTE_OR_DASH.test(char)) {
      const before = LETTER.test(chars[i - 1] ?? ' ');
      const after = LETTER.test(chars[i + 1] ?? ' ');
      if (before && after) score -= 4; // "Wi³ek"
      else if (after) score -= 2; // "£ukasz"
    }
  }
  return score;
}

/**
 * Windows-1252's bytes 0x80–0x9F (€, ‚, „, …, ’, “, ”, –, Š, Ž, œ…). Node 20's TextDecoder reads
 * windows-1252 as Latin-1 and gives C1 controls there; browsers do not. Mapping them here makes both agree.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWith(bytes: Uint8Array, encoding: CsvEncoding): string {
  let text = new TextDecoder(encoding).decode(bytes);
  if (encoding === 'windows-1252') text = text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]);
  return text.replace(/^\uFEFF/, '');
}

/** The file's text and the encoding it was read in: `encoding` when given, else detected. */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array, encoding?: CsvEncoding): DecodedCsv {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (encoding) return { text: decodeWith(view, encoding), encoding, how: 'chosen' };
  if (view[0] === 0xff && view[1] === 0xfe) return { text: decodeWith(view, 'utf-16le'), encoding: 'utf-16le', how: 'byte-order mark' };
  if (view[0] === 0xfe && view[1] === 0xff) return { text: decodeWith(view, 'utf-16be'), encoding: 'utf-16be', how: 'byte-order mark' };
  if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf) return { text: decodeWith(view, 'utf-8'), encoding: 'utf-8', how: 'byte-order mark' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(view), encoding: 'utf-8', how: 'valid UTF-8' };
  } catch {
    const page = guessCodePage(view);
    return { text: decodeWith(view, page), encoding: page, how: 'guessed' };
  }
}

/** The single-byte code page under which the bytes read most like words. */
export function guessCodePage(bytes: Uint8Array): CodePage {
  // Cut the sample at a line end so no character is judged without its word.
  let end = Math.min(bytes.length, SAMPLE_BYTES);
  if (end < bytes.length) end = Math.max(bytes.lastIndexOf(0x0a, end), 1);
  const sample = bytes.subarray(0, end);
  let best: CodePage = CODE_PAGES[0];
  let bestScore = -Infinity;
  for (const page of CODE_PAGES) {
    const score = plausibility(decodeWith(sample, page), page);
    if (score > bestScore) {
      best = page;
      bestScore = score;
    }
  }
  return best;
}

/** The file's text: see decodeCsv. */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array, encoding?: CsvEncoding): string {
  return decodeCsv(bytes, encoding).text;
}
