// The page's half of a CSV import: starts the job (in a worker, see io/csv-import/run-job.ts), turns
// its messages into the dialog's progress and result, applies an import into the open map as one
// undo step, and makes Cancel leave everything as it was.
import { createId } from '../domain/ids';
import type { AccountMap, Department, Link, Stakeholder } from '../domain/types';
import type { AccountChoice, ColumnMapping, CsvEncoding, DecodedCsv, ImportOptions, ParsedCsv, ReimportPlan } from '../io/csv-import';
import type { ImportSummary, ImportTarget, JobMessage } from '../io/csv-import/job';
import { openJob, type JobChannel } from '../io/csv-import/run-job';
import type { CsvView, ViewQuery } from '../io/csv-import/view';
import { deleteMap } from '../persistence/repository';
import { broadcastMapsChanged } from '../persistence/tab-lock';
import { useMapStore, workOutEdit, type WorkedOutEdit } from '../store/map-store';
import { CommandError } from '../domain/commands';
import type { Edit } from '../domain/edits';
import { prepareCards } from '../canvas/prepare';
import { viewport } from '../actions/viewport';
import { t } from '../i18n';

export type { ImportSummary };

/** What the page knows of a read file: everything but its rows, which stay in the import's worker. */
export type ReadFile = { parsed: Omit<ParsedCsv, 'rows'>; decoded: Omit<DecodedCsv, 'text'>; rowCount: number };

/**
 * One file in the import dialog: its rows are read and kept off the page (a worker), which answers
 * what the dialog shows, compares a newer export with the open map and imports. Closing it (or
 * cancelling an import, which ends the worker) lets go of the rows.
 */
export class CsvSession {
  private job: JobChannel = openJob();
  private sentTarget: AccountMap | null | undefined = undefined;
  private viewed = 0;

  /** Reads and parses the file off the page. */
  read(bytes: ArrayBuffer, encoding: CsvEncoding | undefined, done: (outcome: ReadFile | { error: string }) => void): void {
    this.job.send({ kind: 'read', bytes, encoding }, (message) => {
      if (message.type === 'read') done({ parsed: message.parsed, decoded: message.decoded, rowCount: message.rowCount });
      else if (message.type === 'error') done({ error: message.message });
    });
  }

  /** What the dialog shows for this mapping, account and open map; only the latest answer is delivered. */
  view(query: ViewQuery, target: AccountMap | null, done: (view: CsvView) => void): void {
    // The open map crosses to the worker only when it changed: it can be large.
    const changed = target !== this.sentTarget;
    this.sentTarget = target;
    const asked = ++this.viewed;
    this.job.send({ kind: 'view', ...query, ...(changed ? { target } : {}) }, (message) => {
      if (message.type === 'view' && asked === this.viewed) done(message.view);
    });
  }

  /** A newer export of the open map's CRM: what it would change, for the review (nothing is applied). */
  review(
    mapping: ColumnMapping,
    options: Pick<ImportOptions, 'account' | 'keepEmailOnly'> & { origin: NonNullable<ImportOptions['origin']> },
    onProgress: (done: number, total: number) => void,
  ): Promise<ReimportPlan> {
    return new Promise((resolve, reject) =>
      this.job.send({ kind: 'review', mapping, account: options.account, keepEmailOnly: Boolean(options.keepEmailOnly), origin: options.origin }, (message) => {
        if (message.type === 'progress') onProgress(message.done, message.total);
        else if (message.type === 'review') resolve(message.plan);
        else if (message.type === 'error') reject(new Error(message.message));
      }),
    );
  }

  /** Runs the import; see runCsvImport. */
  run(plan: ImportPlan, progress: (p: ImportProgress) => void, finish: (outcome: ImportOutcome) => void): () => Promise<void> {
    return runCsvImport(this.job, this.sentTarget, plan, progress, finish);
  }

  close(): void {
    this.job.close();
  }
}

export type ImportProgress = { label: string; done: number; total: number; cancellable: boolean };
export type ImportOutcome =
  | { kind: 'done'; summary: ImportSummary; mapName: string; newMapId: string | null; maps: number }
  | { kind: 'failed'; message: string };

export interface ImportPlan {
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
function runCsvImport(job: JobChannel, held: AccountMap | null | undefined, plan: ImportPlan, progress: (p: ImportProgress) => void, finish: (outcome: ImportOutcome) => void): () => Promise<void> {
  const newIds = plan.each ? plan.each.map(() => createId('map')) : plan.into ? [] : [createId('map')];
  const target: ImportTarget = plan.each
    ? { each: plan.each.map((account, index) => ({ key: account.key, name: account.name, id: newIds[index] })) }
    : plan.into
      ? // The worker has the open map from the dialog's last view: it is not sent again.
        { into: plan.into === held ? null : plan.into, account: plan.account }
      : { newMap: { id: newIds[0], name: plan.mapName }, account: plan.account };
  progress({ label: plan.each ? t('importer.progress.eachAccount') : t('importer.progress.readingRows'), done: 0, total: plan.each ? plan.each.length : plan.total, cancellable: true });
  const added: { departments: Department[]; stakeholders: Stakeholder[]; links: Link[] } = { departments: [], stakeholders: [], links: [] };
  const onMessage = (message: JobMessage) => {
    if (message.type === 'progress') progress({ label: message.label, done: message.done, total: message.total, cancellable: !message.final });
    else if (message.type === 'error') finish({ kind: 'failed', message: t('importer.failed', { reason: message.message }) });
    else if (message.type === 'stored') {
      broadcastMapsChanged();
      finish({ kind: 'done', summary: message.summary, mapName: plan.mapName, newMapId: message.maps === 1 && !plan.each ? newIds[0] : null, maps: message.maps });
    } else if (message.type === 'records') {
      // Slices of the new records, each a short message; nothing touches the map before the last.
      added.departments.push(...message.departments);
      added.stakeholders.push(...message.stakeholders);
      added.links.push(...message.links);
      progress({ label: t('common.importAdding'), done: added.departments.length + added.stakeholders.length + added.links.length, total: message.total, cancellable: true });
    } else if (message.type === 'into' && plan.into) {
      void addToOpenMap(plan.into, message.summary, message.arrange);
    }
  };
  /** One command, so one undo takes the whole import back; worked out and prepared for drawing in slices first. */
  const addToOpenMap = async (into: AccountMap, summary: ImportSummary, arrange: Edit) => {
    const stillThere = () => !cancelled && useMapStore.getState().map === into;
    // Nothing new (everyone already on the map, or no usable rows): no empty undo step.
    if (summary.stakeholders > 0 || summary.departments > 0) {
      const edit: Edit = { type: 'batch', label: { key: 'importer.undoLabel', values: { count: summary.stakeholders } }, edits: [{ type: 'addRecords', ...added }, arrange] };
      let ahead: WorkedOutEdit | undefined;
      try {
        ahead = stillThere() ? workOutEdit(into, edit) : undefined;
        // The cards of thousands of new people, laid out and projected in one render, held the page for seconds.
        if (ahead) await prepareCards(ahead.next, stillThere);
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        ahead = undefined; // run() below says why the edit was refused
      }
      if (cancelled) return;
      if (!stillThere()) {
        finish({ kind: 'failed', message: t('importer.failed', { reason: t('importer.mapChanged') }) });
        return;
      }
      // The mark shows in a performance trace (and to the tests) where reading and building ends and the map takes the records.
      performance.mark('powermap:import-apply');
      useMapStore.getState().run(edit, ahead);
      showImported(added.stakeholders.map((person) => person.id));
    }
    finish({ kind: 'done', summary, mapName: into.name, newMapId: null, maps: 0 });
  };
  let cancelled = false;
  job.send({ kind: 'import', mapping: plan.mapping, keepEmailOnly: plan.keepEmailOnly, skipNamesOnMap: plan.skipNamesOnMap, origin: plan.origin, target }, (message) => cancelled || onMessage(message));
  return async () => {
    cancelled = true;
    job.close();
    // A map whose transaction finished just before the worker was ended is taken out again.
    for (const id of newIds) await deleteMap(id);
    if (newIds.length) broadcastMapsChanged();
  };
}

/** Past this many new people, the view shows the first of them, not all: a map seen whole mounts every card. */
const SHOWN_AFTER_IMPORT = 200;
/** How many of a large import's first people the view is fitted to: one team, readable. */
const FIRST_SHOWN = 20;

/** Selects the imported people and brings them into view (the first of them, for a large import). */
function showImported(ids: string[]): void {
  const few = ids.length <= SHOWN_AFTER_IMPORT;
  if (few) useMapStore.getState().select(ids);
  setTimeout(() => viewport.fit(few ? { padding: 0.1, duration: 300 } : { ids: ids.slice(0, FIRST_SHOWN), padding: 0.1, maxZoom: 1, duration: 0 }), 50);
}
