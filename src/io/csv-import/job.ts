// The heavy half of a CSV import, written to run in a Web Worker (csv-import.worker.ts) or, where
// there is none (Vitest, jsdom), inline: decoding, parsing (papaparse), building the records,
// laying them out as an org chart and, for new maps, storing them. It talks only through `post`,
// with messages a worker can send (structured-clonable), so the page's main thread only ever
// receives small pieces: rows for the preview in chunks, progress, and a summary at the end.
import { addRecords } from '../../domain/commands';
import { emptyAccountMap } from '../../domain/defaults';
import { arrangementBetween, type Edit } from '../../domain/edits';
import type { AccountMap, Department, Link, Stakeholder } from '../../domain/types';
import { layoutMap } from '../../layout/org-layout';
import { createMaps } from '../../persistence/repository';
import { t } from '../../i18n';
import { buildImport } from './build';
import { decodeCsv, type CsvEncoding, type DecodedCsv } from './decode';
import { parseCsv } from './parse';
import type { ColumnMapping, CsvRow, ImportOptions, ImportResult, ParsedCsv } from './types';

/** Rows per message when the parsed rows go to the page: each message is a short task to receive. */
export const ROWS_PER_MESSAGE = 1_000;

/** What an import reports at the end: counts instead of the records, which stay where they were stored. */
export interface ImportSummary {
  stakeholders: number;
  departments: number;
  links: number;
  badRows: ImportResult['badRows'];
  notes: string[];
  alreadyOnMap: number;
  otherAccounts: number;
}

export interface ReadRequest {
  kind: 'read';
  bytes: ArrayBuffer;
  /** Undefined: detect it. */
  encoding?: CsvEncoding;
}

/** Where the people go. */
export type ImportTarget =
  /** Into the open map: the records and their arrangement come back to be applied as one undo step. */
  | { into: AccountMap; account?: string }
  /** A new map, stored here under this id. */
  | { newMap: { id: string; name: string }; account?: string }
  /** One new map per account, all stored in one transaction at the end. */
  | { each: { key: string; id: string; name: string }[] };

export interface ImportRequest {
  kind: 'import';
  bytes: ArrayBuffer;
  encoding: CsvEncoding;
  mapping: ColumnMapping;
  keepEmailOnly: boolean;
  /** Leave out rows named like someone on the open map (a file without CRM ids). */
  skipNamesOnMap?: boolean;
  origin: NonNullable<ImportOptions['origin']>;
  target: ImportTarget;
}

export type JobRequest = ReadRequest | ImportRequest;

export type JobMessage =
  | { type: 'rows'; rows: CsvRow[] }
  | { type: 'read'; parsed: Omit<ParsedCsv, 'rows'>; decoded: Omit<DecodedCsv, 'text'>; rowCount: number }
  /** `final`: past this point the import is being stored and can no longer be cancelled. */
  | { type: 'progress'; label: string; done: number; total: number; final?: boolean }
  | { type: 'into'; summary: ImportSummary; records: { departments: Department[]; stakeholders: Stakeholder[]; links: Link[] }; arrange: Edit }
  | { type: 'stored'; summary: ImportSummary; maps: number }
  | { type: 'error'; message: string };

export function summarise(result: ImportResult): ImportSummary {
  return {
    stakeholders: result.stakeholders.length,
    departments: result.departments.length,
    links: result.links.length,
    badRows: result.badRows,
    notes: result.notes,
    alreadyOnMap: result.alreadyOnMap,
    otherAccounts: result.otherAccounts,
  };
}

/**
 * Runs one request to the end, telling `post` what happens; errors become an 'error' message. In a
 * worker, cancelling terminates it (a transaction cut off is never committed); inline, `cancelled`
 * is asked before anything is stored or handed back.
 */
export async function runJob(request: JobRequest, post: (message: JobMessage) => void, cancelled: () => boolean = () => false): Promise<void> {
  try {
    if (request.kind === 'read') readJob(request, post);
    else await importJob(request, post, cancelled);
  } catch (error) {
    post({ type: 'error', message: (error as Error).message || String(error) });
  }
}

function readJob(request: ReadRequest, post: (message: JobMessage) => void): void {
  const { text, ...decoded } = decodeCsv(new Uint8Array(request.bytes), request.encoding);
  const { rows, ...parsed } = parseCsv(text);
  for (let start = 0; start < rows.length; start += ROWS_PER_MESSAGE) post({ type: 'rows', rows: rows.slice(start, start + ROWS_PER_MESSAGE) });
  post({ type: 'read', parsed, decoded, rowCount: rows.length });
}

async function importJob(request: ImportRequest, post: (message: JobMessage) => void, cancelled: () => boolean): Promise<void> {
  const parsed = parseCsv(decodeCsv(new Uint8Array(request.bytes), request.encoding).text);
  const target = request.target;
  const now = new Date().toISOString();
  const build = (account: string | undefined, existing: AccountMap | undefined, onProgress?: ImportOptions['onProgress']) =>
    buildImport(parsed, request.mapping, { existing, account, keepEmailOnly: request.keepEmailOnly, skipNamesOnMap: request.skipNamesOnMap, origin: request.origin, onProgress });

  if ('each' in target) {
    const total = target.each.length;
    const maps: AccountMap[] = [];
    const results: ImportResult[] = [];
    for (const [index, account] of target.each.entries()) {
      post({ type: 'progress', label: t('importer.progress.eachAccount'), done: index, total });
      const result = await build(account.key, undefined);
      maps.push(layoutMap(addRecords(emptyAccountMap(account.id, account.name, now), result)));
      results.push(result);
    }
    if (cancelled()) return;
    post({ type: 'progress', label: t('importer.progress.savingMaps'), done: total, total, final: true });
    await createMaps(maps);
    const sum = results.map(summarise).reduce((a, b) => ({
      ...a,
      stakeholders: a.stakeholders + b.stakeholders,
      departments: a.departments + b.departments,
      links: a.links + b.links,
      badRows: [...a.badRows, ...b.badRows],
    }));
    // Rows in no map (no account, or no person to count in one) are said, not silently dropped.
    const keys = new Set(target.each.map((account) => account.key));
    const column = request.mapping.account ?? -1;
    const outside = parsed.rows.filter((row) => !keys.has((row.cells[column] ?? '').trim())).length;
    post({ type: 'stored', summary: { ...sum, notes: [], alreadyOnMap: 0, otherAccounts: outside }, maps: total });
    return;
  }

  const total = target.account !== undefined ? parsed.rows.filter((row) => row.cells[request.mapping.account ?? -1] === target.account).length : parsed.rows.length;
  let reported = -1;
  const progress = (done: number) => {
    // Every 1% is enough for a progress bar, and keeps the page from handling 250 messages a second.
    if (done !== total && done - reported < Math.max(200, total / 100)) return;
    reported = done;
    post({ type: 'progress', label: t('importer.progress.readingRows'), done: Math.min(done, total), total });
  };
  const existing = 'into' in target ? target.into : undefined;
  const result = await build(target.account, existing, progress);
  const records = { departments: result.departments, stakeholders: result.stakeholders, links: result.links };
  post({ type: 'progress', label: t('importer.progress.layingOut'), done: total, total });

  if (cancelled()) return;
  if ('into' in target) {
    if (result.stakeholders.length === 0 && result.departments.length === 0) {
      post({ type: 'into', summary: summarise(result), records, arrange: { type: 'batch', label: 'nothing', edits: [] } });
      return;
    }
    const added = addRecords(target.into, records);
    const only = new Set([...result.departments, ...result.stakeholders].map((record) => record.id));
    const placed = layoutMap(added, { only });
    post({ type: 'into', summary: summarise(result), records, arrange: arrangementBetween(added, placed) });
    return;
  }
  const placed = layoutMap(addRecords(emptyAccountMap(target.newMap.id, target.newMap.name, now), records));
  post({ type: 'progress', label: t('importer.progress.savingMap'), done: total, total, final: true });
  await createMaps([placed]);
  post({ type: 'stored', summary: summarise(result), maps: 1 });
}
