// Reading a CSV file as people export it: Excel with ';' in Europe, tabs from "Unicode text", a byte-order
// mark, quoted cells with commas, doubled quotes and line breaks, blank lines, a Salesforce report's footer.
// papaparse does the quoting; this file chooses the delimiter, keeps each row's physical line number
// (for "line 14 has no name" to point at the right line in a text editor), and refuses files that are
// not CSV with a sentence instead of an exception.
import * as Papa from 'papaparse';
import { detectDialect, emptyMapping, guessMapping, hasNameColumn, isKnownHeader } from './columns';
import { formatList, t } from '../../i18n';
import { headerKey } from './text';
import { fieldLabel, MAPPABLE_FIELDS, type ColumnMapping, type CsvDelimiter, type CsvProblem, type CsvRow, type ParsedCsv } from './types';

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
  if (typeof text !== 'string') return nothing({ severity: 'error', code: 'empty', message: t('importer.problem.empty') });

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
  if (records.length === 0) return nothing({ severity: 'error', code: 'empty', message: t('importer.problem.empty') });
  const headerAt = headerRecord(records);
  if (headerAt > 0) {
    const skipped = records.slice(0, headerAt);
    problems.push({
      severity: 'warning',
      code: 'preamble',
      line: skipped[0].line,
      message: t('importer.problem.preamble', { line: records[headerAt].line, note: clip(skipped.map((row) => row.cells.filter(Boolean).join(' ')).join(' ')) }),
    });
  }
  const headers = distinctHeaders(records[headerAt].cells.map((cell, index) => cell.replace(/\s+/g, ' ') || `Column ${index + 1}`));
  const rows = dropNonTableLines(records.slice(headerAt + 1), headers.length, problems);
  clearPlaceholders(rows, problems);

  const dialect = detectDialect(headers);
  const mapping = guessMapping(headers, rows, dialect);
  const accounts = accountExportProblem(headers);
  if (accounts) problems.push(accounts);
  else if (rows.length === 0) {
    const recognised = recognisedColumns(headers, mapping);
    problems.push({
      severity: 'error',
      code: 'no-rows',
      message: recognised ? t('importer.problem.noRowsRecognised', { columns: recognised }) : t('importer.problem.noRows'),
    });
  }
  if (!hasNameColumn(mapping)) {
    problems.push({
      severity: 'error',
      code: 'no-name-column',
      message:
        headers.length === 1
          ? t('importer.problem.singleColumn', { header: clip(headers[0]) })
          : t('importer.problem.noNameColumn'),
    });
  }
  if (text.includes('\uFFFD')) {
    problems.push({
      severity: 'warning',
      code: 'encoding',
      message: t('importer.problem.encoding'),
    });
  }
  return { headers, rows, delimiter, dialect, mapping, problems };
}

/** How many records from the top to look in for the header (LinkedIn puts a three-line note above it). */
const HEADER_SEARCH = 10;

/** Which record holds the column headers: the first one, unless a later one names clearly more known columns. */
function headerRecord(records: readonly CsvRow[]): number {
  const known = (row: CsvRow) => row.cells.filter(isKnownHeader).length;
  let best = 0;
  let bestKnown = known(records[0]);
  for (let index = 1; index < Math.min(records.length, HEADER_SEARCH); index++) {
    const count = known(records[index]);
    if (count >= 2 && count > bestKnown) {
      best = index;
      bestKnown = count;
    }
  }
  return records[0].cells.length <= 1 || bestKnown > known(records[0]) + 1 ? best : 0;
}

/** A header repeated (HubSpot writes "Phone Number" for the contact and again for its company) gets "(2)". */
function distinctHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const key = header.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? header : `${header} (${count})`;
  });
}

/** Values CRMs write for "nothing": HubSpot's null and None, Salesforce's empty id. */
const PLACEHOLDER = /^(null|none|000000000000000(AAA)?)$/i;

function clearPlaceholders(rows: CsvRow[], problems: CsvProblem[]): void {
  const found = new Map<string, number>();
  for (const row of rows) {
    row.cells = row.cells.map((cell) => {
      if (!PLACEHOLDER.test(cell)) return cell;
      found.set(cell, (found.get(cell) ?? 0) + 1);
      return '';
    });
  }
  if (found.size === 0) return;
  const listed = [...found].map(([value, count]) => t('importer.problem.placeholderCount', { value, count })).join(', ');
  problems.push({
    severity: 'warning',
    code: 'placeholders',
    message: [...found.keys()].some((value) => value.startsWith('0000'))
      ? t('importer.problem.placeholdersSalesforce', { values: listed })
      : t('importer.problem.placeholders', { values: listed }),
  });
}

/** The columns of an Account (company) export: an id, a name, company facts, and nothing about a person. */
const ACCOUNT_COLUMNS = /^(type|parentid|billing.*|shipping.*|industry|numberofemployees|annualrevenue|accountnumber|accountsource|website|tickersymbol|ownership|sic|rating)$/;
const PERSON_COLUMNS = /^(firstname|lastname|email|title|reportstoid|accountid|jobtitle|emailaddress)$/;

function accountExportProblem(headers: readonly string[]): CsvProblem | null {
  const keys = headers.map(headerKey);
  if (!keys.includes('name') || !keys.includes('id') || keys.some((key) => PERSON_COLUMNS.test(key))) return null;
  if (keys.filter((key) => ACCOUNT_COLUMNS.test(key)).length < 2) return null;
  return {
    severity: 'error',
    code: 'accounts-file',
    message: t('importer.problem.accountsFile'),
  };
}

/** "Name → Full name, Title → Title", for a file without rows, so the user sees the columns were understood. */
export function recognisedColumns(headers: readonly string[], mapping: ColumnMapping): string {
  return MAPPABLE_FIELDS.filter((field) => mapping[field] !== null)
    .map((field) => `${headers[mapping[field]!]} → ${fieldLabel(field)}`)
    .join(', ');
}

/** A sentence for a file that is not CSV at all, or null. */
function notCsvProblem(body: string): CsvProblem | null {
  const start = body.slice(0, 4096);
  if (body.trim() === '') return { severity: 'error', code: 'empty', message: t('importer.problem.empty') };
  if (start.startsWith('PK\u0003\u0004') || /^(ÐÏ\u0011à|\uFFFD\uFFFD\u0011\uFFFD)/.test(start)) {
    return {
      severity: 'error',
      code: 'spreadsheet',
      message: t('importer.problem.spreadsheet'),
    };
  }
  const controls = start.match(/[\u0000-\u0008\u000B\u000E-\u001F]/g)?.length ?? 0;
  const unreadable = start.match(/\uFFFD/g)?.length ?? 0;
  if (start.startsWith('%PDF') || start.includes('\u0000') || controls > start.length * 0.02 || unreadable > start.length * 0.1) {
    return {
      severity: 'error',
      code: 'binary',
      message: t('importer.problem.binary'),
    };
  }
  const trimmed = start.trimStart();
  if (trimmed.startsWith('{') || (trimmed.startsWith('[') && isJson(body))) {
    return {
      severity: 'error',
      code: 'json',
      message: t('importer.problem.json'),
    };
  }
  if (/^<(!doctype|html|\?xml|[a-z][\w:-]*[\s/>])/i.test(trimmed)) {
    return {
      severity: 'error',
      code: 'html',
      message: t('importer.problem.html'),
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
    // The header is the first row, or a later one that names more known columns (a note above it).
    const header = rows.slice(0, HEADER_SEARCH).reduce((best, row) => (row.filter(isKnownHeader).length > best.filter(isKnownHeader).length ? row : best), rows[0] ?? []);
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
              ? t('importer.problem.missingQuotes', { line })
              : t('importer.problem.strayQuote', { line }),
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
      message: t('importer.problem.skippedLines', { count: named.length, lines: lineList(named.map((row) => row.line)) }),
    });
  }
  return kept;
}

/** "3, 7 and 9", or the first ten and "… and 4 more", in the current language. */
export function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).map(String);
  if (lines.length > 10) return t('importer.lineListMore', { lines: shown.join(', '), count: lines.length - 10 });
  return formatList(shown);
}

function clip(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
