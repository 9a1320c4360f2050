// The page's half of a CSV import: starts the job (in a worker, see io/csv-import/run-job.ts), turns
// its messages into the dialog's progress and result, applies an import into the open map as one
// undo step, and makes Cancel leave everything as it was.
import { createId } from '../domain/ids';
import type { AccountMap } from '../domain/types';
import {
  buildImportAsync,
  planReimport,
  type AccountChoice,
  type ColumnMapping,
  type CsvEncoding,
  type CsvRow,
  type DecodedCsv,
  type ImportOptions,
  type ParsedCsv,
  type ReimportPlan,
} from '../io/csv-import';
import type { ImportSummary, ImportTarget, JobMessage } from '../io/csv-import/job';
import { startJob, type RunningJob } from '../io/csv-import/run-job';
import { deleteMap } from '../persistence/repository';
import { broadcastMapsChanged } from '../persistence/tab-lock';
import { useMapStore } from '../store/map-store';
import { viewport } from '../actions/viewport';
import { t } from '../i18n';

export type { ImportSummary };

/** Reads and parses the file off the page; the rows arrive in chunks. Returns a cancel function. */
export function readCsv(
  bytes: ArrayBuffer,
  encoding: CsvEncoding | undefined,
  done: (outcome: { parsed: ParsedCsv; decoded: DecodedCsv } | { error: string }) => void,
): () => void {
  const rows: CsvRow[] = [];
  const job = startJob({ kind: 'read', bytes, encoding }, (message) => {
    if (message.type === 'rows') for (const row of message.rows) rows.push(row);
    else if (message.type === 'read') done({ parsed: { ...message.parsed, rows }, decoded: { ...message.decoded, text: '' } });
    else if (message.type === 'error') done({ error: message.message });
  });
  return job.cancel;
}

export type ImportProgress = { label: string; done: number; total: number; cancellable: boolean };
export type ImportOutcome =
  | { kind: 'done'; summary: ImportSummary; mapName: string; newMapId: string | null; maps: number }
  | { kind: 'failed'; message: string };

export interface ImportPlan {
  file: File;
  encoding: CsvEncoding;
  mapping: ColumnMapping;
  keepEmailOnly: boolean;
  skipNamesOnMap: boolean;
  origin: { system: string; file: string; importedAt: string };
  /** The open map to import into, or null for a new map. */
  into: AccountMap | null;
  /** The chosen account's key, undefined for every row. */
  account: string | undefined;
  /** One map per account (from the home view). */
  each: AccountChoice[] | null;
  /** The new map's name. */
  mapName: string;
  total: number;
}

/**
 * Runs the import; `progress` and `finish` report it. The returned cancel ends the job and removes
 * any map it might have stored a moment before, so a cancelled import leaves nothing behind.
 */
export function runCsvImport(plan: ImportPlan, progress: (p: ImportProgress) => void, finish: (outcome: ImportOutcome) => void): () => Promise<void> {
  const newIds = plan.each ? plan.each.map(() => createId('map')) : plan.into ? [] : [createId('map')];
  const target: ImportTarget = plan.each
    ? { each: plan.each.map((account, index) => ({ key: account.key, name: account.name, id: newIds[index] })) }
    : plan.into
      ? { into: plan.into, account: plan.account }
      : { newMap: { id: newIds[0], name: plan.mapName }, account: plan.account };
  progress({ label: plan.each ? t('importer.progress.eachAccount') : t('importer.progress.readingRows'), done: 0, total: plan.each ? plan.each.length : plan.total, cancellable: true });
  const onMessage = (message: JobMessage) => {
    if (message.type === 'progress') progress({ label: message.label, done: message.done, total: message.total, cancellable: !message.final });
    else if (message.type === 'error') finish({ kind: 'failed', message: t('importer.failed', { reason: message.message }) });
    else if (message.type === 'stored') {
      broadcastMapsChanged();
      finish({ kind: 'done', summary: message.summary, mapName: plan.mapName, newMapId: message.maps === 1 && !plan.each ? newIds[0] : null, maps: message.maps });
    } else if (message.type === 'into' && plan.into) {
      const { summary, records, arrange } = message;
      const store = useMapStore.getState();
      if (summary.stakeholders === 0 && summary.departments === 0) {
        // Nothing new (everyone already on the map, or no usable rows): no empty undo step.
      } else if (store.map !== plan.into) {
        finish({ kind: 'failed', message: t('importer.failed', { reason: t('importer.mapChanged') }) });
        return;
      } else {
        // One command, so one undo takes the whole import back.
        store.run({
          type: 'batch',
          label: t('importer.undoLabel', { count: summary.stakeholders }),
          edits: [{ type: 'addRecords', ...records }, arrange],
        });
        store.select(records.stakeholders.map((person) => person.id));
        setTimeout(() => viewport.fit({ padding: 0.1, duration: 300 }), 50);
      }
      finish({ kind: 'done', summary, mapName: plan.into.name, newMapId: null, maps: 0 });
    }
  };
  let job: RunningJob | null = null;
  let cancelled = false;
  plan.file.arrayBuffer().then(
    (bytes) => {
      if (cancelled) return;
      job = startJob({ kind: 'import', bytes, encoding: plan.encoding, mapping: plan.mapping, keepEmailOnly: plan.keepEmailOnly, skipNamesOnMap: plan.skipNamesOnMap, origin: plan.origin, target }, onMessage);
    },
    (error: Error) => finish({ kind: 'failed', message: t('importer.readAgainFailed', { reason: error.message }) }),
  );
  return async () => {
    cancelled = true;
    job?.cancel();
    // A map whose transaction finished just before the worker was ended is taken out again.
    for (const id of newIds) await deleteMap(id);
    if (newIds.length) broadcastMapsChanged();
  };
}

/** A newer export of the open map's CRM: what it would change, for the review (nothing is applied). */
export async function planReview(
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  map: AccountMap,
  options: Pick<ImportOptions, 'account' | 'keepEmailOnly'> & { origin: NonNullable<ImportOptions['origin']> },
  onProgress: (done: number) => void,
): Promise<ReimportPlan> {
  const added = await buildImportAsync(parsed, mapping, { ...options, existing: map, onProgress });
  return planReimport(parsed, mapping, map, options, added);
}
