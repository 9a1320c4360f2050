// Reading a CSV file as people export it: Excel with ';' in Europe, tabs from "Unicode text", a byte-order
// mark, quoted cells with commas, doubled quotes and line breaks, blank lines, a Salesforce report's footer.
// papaparse does the quoting; this file chooses the delimiter, keeps each row's physical line number
// (for "line 14 has no name" to point at the right line in a text editor), and refuses files that are
// not CSV with a sentence instead of an exception.
import * as Papa from 'papaparse';
import { detectDialect, emptyMapping, guessMapping, hasNameColumn, isKnownHeader } from './columns';
import type { CsvDelimiter, CsvProblem, CsvRow, ParsedCsv } from './types';

const DELIMITERS: CsvDelimiter[] = [',', ';', '\t', '|'];
/** How much of the file the delimiter guess looks at. */
const SNIFF_CHARS = 64 * 1024;

export function parseCsv(text: string): ParsedCsv {
  const problems: CsvProblem[] = [];
  const nothing = (problem: CsvProblem): ParsedCsv => ({
    headers: [],
    rows: [],
    delimiter: ',',
    dialect: 'generic',
    mapping: emptyMapping(),
    problems: [problem],
  });
  if (typeof text !== 'string') return nothing({ severity: 'error', code: 'empty', message: 'The file is empty.' });

  // One line-break convention from here on, so papaparse never meets a mix and a cell's line breaks are '\n'.
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const notCsv = notCsvProblem(body);
  if (notCsv) return nothing(notCsv);

  // Excel honours a first line "sep=;"; it is not a header.
  let firstLine = 1;
  let delimiter: CsvDelimiter | null = null;
  const hint = /^sep=(.)\n/i.exec(body);
  if (hint && (DELIMITERS as string[]).includes(hint[1])) {
    delimiter = hint[1] as CsvDelimiter;
    body = body.slice(hint[0].length);
    firstLine = 2;
  }
  delimiter ??= chooseDelimiter(body);

  const records = readRecords(body, delimiter, firstLine, problems);
  if (records.length === 0) return nothing({ severity: 'error', code: 'empty', message: 'The file is empty.' });
  const headers = records[0].cells.map((cell, index) => cell.replace(/\s+/g, ' ') || `Column ${index + 1}`);
  const rows = dropNonTableLines(records.slice(1), headers.length, problems);

  const dialect = detectDialect(headers);
  const mapping = guessMapping(headers, rows, dialect);
  if (rows.length === 0) {
    problems.push({
      severity: 'error',
      code: 'no-rows',
      message: 'The file has a header line but no rows of people below it.',
    });
  }
  if (!hasNameColumn(mapping)) {
    problems.push({
      severity: 'error',
      code: 'no-name-column',
      message:
        headers.length === 1
          ? `This does not look like a list of people: the file has a single column, and its header “${clip(headers[0])}” is not a name. Export the contacts from your CRM or spreadsheet as CSV and try again.`
          : 'No column looks like a person’s name (such as Name, First Name and Last Name, or Vorname and Nachname). Choose the column that holds the name.',
    });
  }
  if (text.includes('\uFFFD')) {
    problems.push({
      severity: 'warning',
      code: 'encoding',
      message: 'Some characters could not be read and show as �. Save the file as “CSV UTF-8” and import it again.',
    });
  }
  return { headers, rows, delimiter, dialect, mapping, problems };
}

/** A sentence for a file that is not CSV at all, or null. */
function notCsvProblem(body: string): CsvProblem | null {
  const start = body.slice(0, 4096);
  if (body.trim() === '') return { severity: 'error', code: 'empty', message: 'The file is empty.' };
  if (start.startsWith('PK\u0003\u0004') || /^(ÐÏ\u0011à|\uFFFD\uFFFD\u0011\uFFFD)/.test(start)) {
    return {
      severity: 'error',
      code: 'spreadsheet',
      message: 'This is an Excel workbook, not a CSV file. In Excel choose File › Save As › “CSV UTF-8”, then import that file.',
    };
  }
  const controls = start.match(/[\u0000-\u0008\u000B\u000E-\u001F]/g)?.length ?? 0;
  const unreadable = start.match(/\uFFFD/g)?.length ?? 0;
  if (start.startsWith('%PDF') || start.includes('\u0000') || controls > start.length * 0.02 || unreadable > start.length * 0.1) {
    return {
      severity: 'error',
      code: 'binary',
      message: 'This file is not text (it may be a spreadsheet, a PDF or an image). Export the contacts as a CSV file and import that.',
    };
  }
  const trimmed = start.trimStart();
  if (trimmed.startsWith('{') || (trimmed.startsWith('[') && isJson(body))) {
    return {
      severity: 'error',
      code: 'json',
      message: 'This is a JSON file, not CSV. To open a saved Powermap map, use Open map instead; to import people, export them from your CRM as CSV.',
    };
  }
  if (/^<(!doctype|html|\?xml|[a-z][\w:-]*[\s/>])/i.test(trimmed)) {
    return {
      severity: 'error',
      code: 'html',
      message: 'This looks like a web page or an XML file, not CSV. Export the contacts as a CSV file and import that.',
    };
  }
  return null;
}

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** The delimiter under which the header names the most known columns, then splits rows most evenly. */
function chooseDelimiter(body: string): CsvDelimiter {
  const sample = body.slice(0, SNIFF_CHARS);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, newline: '\n', preview: 30, skipEmptyLines: 'greedy' }).data;
    const header = rows[0] ?? [];
    if (header.length < 2) continue;
    const known = header.filter(isKnownHeader).length;
    const even = rows.filter((row) => row.length === header.length).length / rows.length;
    const score = known * 1000 + even * 100 + Math.min(header.length, 99);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Every non-blank record, cells trimmed, with the physical line it starts on. */
function readRecords(body: string, delimiter: CsvDelimiter, firstLine: number, problems: CsvProblem[]): CsvRow[] {
  const records: CsvRow[] = [];
  let line = firstLine;
  let counted = 0; // newlines before this offset are in `line`
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step(result) {
      for (let at = body.indexOf('\n', counted); at !== -1 && at < rowStart; at = body.indexOf('\n', at + 1)) line++;
      counted = rowStart;
      const cells = result.data.map((cell) => cell.trim());
      if (cells.some((cell) => cell !== '')) records.push({ line, cells });
      for (const error of result.errors) {
        if (error.type !== 'Quotes') continue;
        problems.push({
          severity: 'warning',
          code: 'quotes',
          line,
          message:
            error.code === 'MissingQuotes'
              ? `Line ${line}: a quoted value is never closed, so the rest of the file may have been read into one cell.`
              : `Line ${line}: a quote is out of place; check that row in the preview.`,
        });
      }
      rowStart = result.meta.cursor;
    },
  });
  return records;
}

/**
 * Rows with a single cell under a header of three or more columns are not table rows: a report's title or
 * footer ("Copyright (c) 2000-2024 salesforce.com, inc."). Salesforce's footer goes silently; others are named.
 */
function dropNonTableLines(rows: CsvRow[], columns: number, problems: CsvProblem[]): CsvRow[] {
  if (columns < 3) return rows;
  const kept = rows.filter((row) => row.cells.length > 1);
  if (kept.length === rows.length) return rows;
  const lastTableLine = kept.length ? kept[kept.length - 1].line : 0;
  const dropped = rows.filter((row) => row.cells.length === 1);
  const footer = dropped.filter((row) => row.line > lastTableLine);
  const salesforceFooter = footer.some((row) => /salesforce\.com|Confidential Information - Do Not Distribute/i.test(row.cells[0]));
  const named = salesforceFooter ? dropped.filter((row) => row.line < lastTableLine) : dropped;
  if (named.length > 0) {
    problems.push({
      severity: 'warning',
      code: 'skipped-lines',
      line: named[0].line,
      message: `Skipped ${named.length === 1 ? 'line' : 'lines'} ${lineList(named.map((row) => row.line))}: ${named.length === 1 ? 'it is' : 'they are'} not rows of the table (a title or a footer?).`,
    });
  }
  return kept;
}

/** "3, 7 and 9", or the first ten and "… and 4 more". */
export function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).map(String);
  if (lines.length > 10) return `${shown.join(', ')} and ${lines.length - 10} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown.join('');
}

function clip(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
