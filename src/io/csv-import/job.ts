// The heavy half of a CSV import, written to run in a Web Worker (csv-import.worker.ts) or, where
// there is none (Vitest, jsdom), inline: decoding, parsing (papaparse), what the dialog shows of the
// rows, building the records, comparing a newer export with the open map, laying the people out as
// an org chart and, for new maps, storing them. A session keeps the parsed rows: the page never
// receives them, only what it shows (csvView: a few rows and counts), progress, a summary or a
// review, and the records an import adds to the open map, in slices so no message is a long task.
import { addRecords } from '../../domain/commands';
import { emptyAccountMap } from '../../domain/defaults';
import { arrangementBetween, type Edit } from '../../domain/edits';
import type { AccountMap, Department, Link, Stakeholder } from '../../domain/types';
import { layoutMap } from '../../layout/org-layout';
import { createMaps } from '../../persistence/repository';
import { buildImport, buildImportAsync } from './build';
import { decodeCsv, type CsvEncoding, type DecodedCsv } from './decode';
import { parseCsv } from './parse';
import { planReimport, type ReimportPlan } from './reimport';
import type { ColumnMapping, ImportOptions, ImportResult, ParsedCsv } from './types';
import { csvView, rowsOutside, type CsvView, type ViewQuery } from './view';
import { t } from '../../i18n';

/** Records per message when an import into the open map hands them to the page: each message is a short task. */
export const RECORDS_PER_MESSAGE = 250;

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

/** Decode and parse a file; the session keeps the rows for the requests after it. */
export interface ReadRequest {
  kind: 'read';
  bytes: ArrayBuffer;
  /** Undefined: detect it. */
  encoding?: CsvEncoding;
}

/** What the dialog shows for a mapping and account; `target` is the open map when it changed since the last request (null: none). */
export interface ViewRequest extends ViewQuery {
  kind: 'view';
  target?: AccountMap | null;
}

/** Where the people go. */
export type ImportTarget =
  /** Into the open map (the one the last view request named, when `into` is null): the records and their arrangement come back to be applied as one undo step. */
  | { into: AccountMap | null; account?: string }
  /** A new map, stored here under this id. */
  | { newMap: { id: string; name: string }; account?: string }
  /** One new map per account, all stored in one transaction at the end. */
  | { each: { key: string; id: string; name: string }[] };

export interface ImportRequest {
  kind: 'import';
  /** The file again, for a job without a session; left out, the session's rows are used. */
  bytes?: ArrayBuffer;
  encoding?: CsvEncoding;
  mapping: ColumnMapping;
  keepEmailOnly: boolean;
  /** Leave out rows named like someone on the open map (a file without CRM ids). */
  skipNamesOnMap?: boolean;
  origin: NonNullable<ImportOptions['origin']>;
  target: ImportTarget;
}

/** Compare a newer export with the open map (the session's, from the last view request): what it would change. */
export interface ReviewRequest {
  kind: 'review';
  mapping: ColumnMapping;
  account?: string;
  keepEmailOnly: boolean;
  origin: NonNullable<ImportOptions['origin']>;
}

export type JobRequest = ReadRequest | ViewRequest | ImportRequest | ReviewRequest;

export type JobMessage =
  | { type: 'read'; parsed: Omit<ParsedCsv, 'rows'>; decoded: Omit<DecodedCsv, 'text'>; rowCount: number }
  | { type: 'view'; view: CsvView }
  /** `final`: past this point the import is being stored and can no longer be cancelled. */
  | { type: 'progress'; label: string; done: number; total: number; final?: boolean }
  /** A slice of the records an import adds to the open map, placed, of `total` in all; 'into' follows the last one. */
  | { type: 'records'; departments: Department[]; stakeholders: Stakeholder[]; links: Link[]; total: number }
  /** `arrange` moves what was on the map already to make room for the new records. */
  | { type: 'into'; summary: ImportSummary; arrange: Edit }
  | { type: 'stored'; summary: ImportSummary; maps: number }
  | { type: 'review'; plan: ReimportPlan }
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

type Post = (message: JobMessage) => void;

export interface JobSession {
  /**
   * Runs one request to the end, telling `post` what happens; errors become an 'error' message. In a
   * worker, cancelling terminates it (a transaction cut off is never committed); inline, `cancelled`
   * is asked before anything is stored or handed back.
   */
  run(request: JobRequest, post: Post, cancelled?: () => boolean): Promise<void>;
}

/** A session: the parsed rows of the last read file and the open map, kept between requests. */
export function createSession(): JobSession {
  let parsed: ParsedCsv | null = null;
  let target: AccountMap | null = null;
  const rows = () => {
    if (!parsed) throw new Error('the file was not read');
    return parsed;
  };
  return {
    async run(request, post, cancelled = () => false) {
      try {
        if (request.kind === 'read') {
          const { text, ...decoded } = decodeCsv(new Uint8Array(request.bytes), request.encoding);
          parsed = parseCsv(text);
          const { rows: all, ...rest } = parsed;
          post({ type: 'read', parsed: rest, decoded, rowCount: all.length });
        } else if (request.kind === 'view') {
          if (request.target !== undefined) target = request.target;
          post({ type: 'view', view: csvView(rows(), request, target) });
        } else if (request.kind === 'review') {
          if (!target) throw new Error('no map is open');
          post({ type: 'review', plan: await review(rows(), target, request, post) });
        } else {
          const file = request.bytes ? parseCsv(decodeCsv(new Uint8Array(request.bytes), request.encoding).text) : rows();
          const into = 'into' in request.target ? (request.target.into ?? target) : null;
          if ('into' in request.target && !into) throw new Error('no map is open');
          await importJob(file, request, into, post, cancelled);
        }
      } catch (error) {
        post({ type: 'error', message: (error as Error).message || String(error) });
      }
    },
  };
}

/** One request without a session (a read, or an import that brings its bytes). */
export function runJob(request: JobRequest, post: Post, cancelled?: () => boolean): Promise<void> {
  return createSession().run(request, post, cancelled);
}

/** Progress reports at most every 1%: enough for a progress bar, and the page handles a hundred messages, not thousands. */
function throttled(post: Post, label: string, total: number): (done: number) => void {
  let reported = -1;
  return (done) => {
    if (done !== total && done - reported < Math.max(200, total / 100)) return;
    reported = done;
    post({ type: 'progress', label, done: Math.min(done, total), total });
  };
}

const rowsOf = (parsed: ParsedCsv, mapping: ColumnMapping, account: string | undefined) =>
  account !== undefined ? parsed.rows.filter((row) => row.cells[mapping.account ?? -1] === account).length : parsed.rows.length;

async function review(parsed: ParsedCsv, map: AccountMap, request: ReviewRequest, post: Post): Promise<ReimportPlan> {
  const options = { account: request.account, keepEmailOnly: request.keepEmailOnly, origin: request.origin };
  const progress = throttled(post, t('importer.progress.comparing'), rowsOf(parsed, request.mapping, request.account));
  const added = await buildImportAsync(parsed, request.mapping, { ...options, existing: map, onProgress: progress });
  return planReimport(parsed, request.mapping, map, options, added);
}

async function importJob(parsed: ParsedCsv, request: ImportRequest, into: AccountMap | null, post: Post, cancelled: () => boolean): Promise<void> {
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
      const result = build(account.key, undefined);
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
    const outside = rowsOutside(parsed, request.mapping, new Set(target.each.map((account) => account.key)));
    post({ type: 'stored', summary: { ...sum, notes: [], alreadyOnMap: 0, otherAccounts: outside }, maps: total });
    return;
  }

  const total = rowsOf(parsed, request.mapping, target.account);
  const result = build(target.account, into ?? undefined, throttled(post, t('importer.progress.readingRows'), total));
  const records = { departments: result.departments, stakeholders: result.stakeholders, links: result.links };
  post({ type: 'progress', label: t('importer.progress.layingOut'), done: total, total });

  if (cancelled()) return;
  if ('into' in target) {
    if (!into) throw new Error('no map is open');
    if (result.stakeholders.length === 0 && result.departments.length === 0) {
      post({ type: 'into', summary: summarise(result), arrange: { type: 'batch', label: { key: 'edits.tidyUp' }, edits: [] } });
      return;
    }
    const added = addRecords(into, records);
    const only = new Set([...result.departments, ...result.stakeholders].map((record) => record.id));
    const placed = layoutMap(added, { only });
    // The new records go to the page already placed, in slices; the arrangement keeps only what
    // moved of the map's own records (a department grown, a card moved to make room).
    const arrange = arrangementBetween(into, placed);
    sendRecords(post, {
      departments: result.departments.map((d) => placed.departments[d.id]),
      stakeholders: result.stakeholders.map((s) => placed.stakeholders[s.id]),
      links: records.links,
    });
    post({ type: 'into', summary: summarise(result), arrange });
    return;
  }
  const placed = layoutMap(addRecords(emptyAccountMap(target.newMap.id, target.newMap.name, now), records));
  post({ type: 'progress', label: t('importer.progress.savingMap'), done: total, total, final: true });
  await createMaps([placed]);
  post({ type: 'stored', summary: summarise(result), maps: 1 });
}

function sendRecords(post: Post, records: { departments: Department[]; stakeholders: Stakeholder[]; links: Link[] }): void {
  const all = [
    ...records.departments.map((record) => ['departments', record] as const),
    ...records.stakeholders.map((record) => ['stakeholders', record] as const),
    ...records.links.map((record) => ['links', record] as const),
  ];
  for (let start = 0; start < all.length; start += RECORDS_PER_MESSAGE) {
    const slice: { departments: Department[]; stakeholders: Stakeholder[]; links: Link[] } = { departments: [], stakeholders: [], links: [] };
    for (const [kind, record] of all.slice(start, start + RECORDS_PER_MESSAGE)) (slice[kind] as unknown[]).push(record);
    post({ type: 'records', ...slice, total: all.length });
  }
}
