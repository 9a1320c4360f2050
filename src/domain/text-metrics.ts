// How wide a piece of text is in the app's bundled font (Noto Sans), and where it wraps, computed
// from a table of advance widths instead of the DOM. The editor, the automatic layout and every
// export size cards from these figures, so a name that fits on screen fits in the SVG, the PNG and
// the slide too, in a browser, in Node and in a worker alike.
import { ADVANCES, RANGES } from './text-metrics-table';

export type FontWeight = 400 | 600 | 700;

export interface TextStyle {
  /** Font size in CSS pixels. */
  size: number;
  weight: FontWeight;
}

/** Thousandths of an em, per weight, indexed by code point (0 where the font has no glyph). */
const tables = new Map<FontWeight, Map<number, number>>();

function advancesFor(weight: FontWeight): Map<number, number> {
  let table = tables.get(weight);
  if (table) return table;
  table = new Map();
  const packed = ADVANCES[weight];
  let index = 0;
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++, index++) {
      const width = parseInt(packed.slice(index * 2, index * 2 + 2), 36);
      if (width > 0) table.set(cp, width);
    }
  }
  tables.set(weight, table);
  return table;
}

/** A character the bundled font lacks is drawn by a system font: assume a generous width. */
function fallbackAdvance(cp: number): number {
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0xa4cf) || // CJK, Kana, Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000; // emoji and pictographs
  if (wide) return 1000;
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0; // combining marks, joiners
  return 700;
}

/** Width of `text` in CSS pixels when set in `style` on one line. */
export function textWidth(text: string, style: TextStyle): number {
  const table = advancesFor(style.weight);
  let total = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    total += table.get(cp) ?? fallbackAdvance(cp);
  }
  // Kerning only ever brings glyphs closer in Noto Sans: the sum of advances is an upper bound.
  return (total * style.size) / 1000;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces first, and inside a word only when
 * the word alone is wider than a line (a long compound name, an e-mail address). Every character
 * of the text is in the result: nothing is ever cut or replaced by an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [''];
  const space = textWidth(' ', style);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    const wordWidth = textWidth(word, style);
    if (line && lineWidth + space + wordWidth <= maxWidth) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= maxWidth) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    // A word wider than the line: break it between characters.
    line = '';
    lineWidth = 0;
    for (const ch of word) {
      const chWidth = textWidth(ch, style);
      if (line && lineWidth + chWidth > maxWidth) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += ch;
      lineWidth += chWidth;
    }
  }
  lines.push(line);
  return lines;
}

/** Width of the widest line. */
export function linesWidth(lines: readonly string[], style: TextStyle): number {
  return Math.max(0, ...lines.map((line) => textWidth(line, style)));
}

/**
 * The lines of `text` as wrapText broke them, each with the space it was broken at put back, so
 * that the lines joined make the original text again (for the DOM's text content and for search).
 */
export function linesWithBreaks(text: string, lines: readonly string[]): string[] {
  const flat = text.trim().split(/\s+/).join(' ');
  let at = 0;
  return lines.map((line) => {
    at += line.length;
    if (flat[at] === ' ') {
      at += 1;
      return `${line} `;
    }
    return line;
  });
}
