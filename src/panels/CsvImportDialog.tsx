// Import stakeholders from a CRM's CSV export: shows what was recognised (dialect, encoding, columns)
// with a preview of the first rows, lets the user correct the encoding and the column mapping, pick
// the account (an export holds many; a map is one customer), name the accounts from a companion
// Account export, then builds the people, departments and reports-to links, lays them out as an org
// chart and stores them. Into the open map as one undoable step, or, from the home view, as a new map
// (or one map per account). Loaded only when a CSV arrives.
import './CsvImportDialog.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CSV_ENCODINGS,
  decodeCsv,
  DIALECT_SYSTEM,
  encodingName,
  fieldLabel,
  hasNameColumn,
  MAPPABLE_FIELDS,
  readAccountNames,
  type AccountChoice,
  type ColumnMapping,
  type CsvEncoding,
  type ReimportPlan,
} from '../io/csv-import';
import { ALL_ACCOUNTS, EACH_ACCOUNT, type CsvView } from '../io/csv-import/view';
import { CSV_MAX_ROWS } from '../io/map-file';
import type { AccountMap } from '../domain/types';
import { useMapStore } from '../store/map-store';
import { Dialog } from './Dialog';
import { CsvSession, type ImportSummary, type ReadFile } from './csv-import-run';
import { ReimportReview } from './ReimportReview';
import { NoIdWarning } from './NoIdWarning';
import { CsvImportReport } from './CsvImportReport';
import { DELIMITER_WORD, DIALECT_WORD, HOW_FOUND } from './csv-import-words';

/** A CSV bigger than this is not a contact export; refusing it early keeps the tab responsive. */
const CSV_MAX_BYTES = 20 * 1024 * 1024;


type Phase =
  | { kind: 'reading' }
  | { kind: 'refused'; message: string }
  | { kind: 'mapping'; parsed: ReadFile['parsed']; decoded: ReadFile['decoded']; rowCount: number; cancelled?: boolean }
  | { kind: 'importing'; label: string; done: number; total: number; cancellable: boolean }
  | { kind: 'review'; plan: ReimportPlan; target: AccountMap }
  | { kind: 'done'; summary: ImportSummary; mapName: string; newMapId: string | null; maps: number };

/** An account's name fit for a map: not a bare CRM id (then the file's name is better). */
const namedAccount = (account: AccountChoice | undefined) =>
  account && !(account.name === account.key && /^[a-zA-Z0-9]{15,18}$/.test(account.key)) ? account.name : null;


export interface CsvImportDialogProps {
  file: File;
  onClose(): void;
  onOpen(mapId: string): void;
}

export function CsvImportDialog({ file, onClose, onOpen }: CsvImportDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const target = useMapStore((s) => (s.map && !s.readOnly ? s.map : null));
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const fileMapName = file.name.replace(/\.(csv|tsv|txt)$/i, '').replace(/[_-]+/g, ' ').trim();
  const [typedName, setTypedName] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<CsvEncoding | undefined>(undefined);
  const [accountFile, setAccountFile] = useState<{ name: string; names: Map<string, string>; count: number; problem: string | null } | null>(null);
  const [accountChoice, setAccountChoice] = useState<string | null>(null);
  const [keepEmailOnly, setKeepEmailOnly] = useState(false);
  const [skipNamed, setSkipNamed] = useState(true);
  /** Bumped to read the file again after a cancelled import, keeping the user's column choices. */
  const [readCount, setReadCount] = useState(0);
  const cancelled = useRef(false);
  /** The worker that holds this file's rows: the page only gets what it shows. */
  const session = useRef<CsvSession | null>(null);
  const [view, setView] = useState<CsvView | null>(null);

  useEffect(() => {
    let active = true;
    const job = new CsvSession();
    session.current = job;
    const refuse = (message: string) => active && setPhase({ kind: 'refused', message });
    (async () => {
      if (file.size > CSV_MAX_BYTES) {
        refuse(t('importer.tooLarge', { file: file.name, size: Math.round(file.size / 1024 / 1024) }));
        return;
      }
      const bytes = await file.arrayBuffer();
      if (!active) return;
      // Decoded and parsed off the page (a worker, which keeps the rows), so a 50,000-row file never freezes it.
      job.read(bytes, encoding, (outcome) => {
        if (!active) return;
        if ('error' in outcome) return refuse(t('importer.unreadable', { file: file.name, reason: outcome.error }));
        const { parsed, decoded, rowCount } = outcome;
        const fatal = parsed.problems.find((problem) => problem.severity === 'error' && problem.code !== 'no-name-column');
        if (fatal) refuse(t('importer.cannotImport', { file: file.name, reason: fatal.message }));
        else if (rowCount > CSV_MAX_ROWS) {
          refuse(t('importer.tooManyRows', { file: file.name, rows: rowCount, max: CSV_MAX_ROWS }));
        } else {
          const again = cancelled.current;
          cancelled.current = false;
          setMapping((chosen) => (again && chosen ? chosen : parsed.mapping));
          setPhase({ kind: 'mapping', parsed, decoded, rowCount, cancelled: again });
        }
      });
    })().catch((error: Error) => refuse(t('importer.unreadable', { file: file.name, reason: error.message })));
    return () => {
      active = false;
      job.close();
    };
    // Not read again when the language changes (t): a refusal shown stays in the language it was made in.
  }, [file, encoding, readCount]);

  const parsed = phase.kind === 'mapping' ? phase.parsed : null;

  // What the dialog shows of the rows comes from the worker, again whenever the mapping, the account
  // names or the choice change; until it answers, the last answer stays on screen.
  useEffect(() => {
    if (!parsed || !mapping) return;
    session.current?.view({ mapping, accountNames: accountFile?.names, choice: accountChoice }, target, setView);
  }, [parsed, mapping, accountFile, accountChoice, target]);
  const accounts = view?.accounts ?? [];
  const emailOnly = view?.emailOnly ?? 0;
  // The user's pick shows at once (the worker's answer brings its preview a moment later).
  const choice =
    accountChoice !== null && (accountChoice === ALL_ACCOUNTS || accountChoice === EACH_ACCOUNT || accounts.some((a) => a.key === accountChoice))
      ? accountChoice
      : (view?.choice ?? ALL_ACCOUNTS);
  const chosenAccount = accounts.find((account) => account.key === choice);
  const preview = view?.preview ?? [];
  const mapName = typedName ?? namedAccount(chosenAccount) ?? fileMapName;
  const rowCount = chosenAccount ? chosenAccount.rows : phase.kind === 'mapping' ? phase.rowCount : 0;
  // People on the map by CRM id are in the file: a newer export, reviewed before it updates them.
  const reimport = Boolean(target && view?.reimport);
  // Name columns chosen but empty in every row (LinkedIn's export of connections who hide their
  // names): nothing to import, said before the import rather than after it made an empty map.
  const noOneNamed = Boolean(view && mapping && hasNameColumn(mapping) && view.named === 0 && !(keepEmailOnly && emailOnly > 0));
  const canImport = Boolean(view && parsed && mapping && (hasNameColumn(mapping) || (keepEmailOnly && emailOnly > 0)) && !noOneNamed && (target || choice === EACH_ACCOUNT || mapName.trim()));

  const addAccountFile = async (companion: File) => {
    const names = readAccountNames(decodeCsv(new Uint8Array(await companion.arrayBuffer())).text);
    setAccountFile({ name: companion.name, ...names });
  };

  const cancelImport = useRef<(() => Promise<void>) | null>(null);

  const runImport = () => {
    if (!parsed || !mapping || phase.kind !== 'mapping') return;
    const each = choice === EACH_ACCOUNT;
    const origin = { system: DIALECT_SYSTEM[parsed.dialect], file: file.name, importedAt: new Date().toISOString() };
    const job = session.current;
    if (!job) return;
    if (target && reimport && !each) {
      // The worker compares its rows with the open map (it has the map from the last view).
      const label = t('importer.progress.comparing');
      setPhase({ kind: 'importing', label, done: 0, total: rowCount, cancellable: false });
      job.review(mapping, { account: chosenAccount?.key, keepEmailOnly, origin }, (done, total) =>
        setPhase({ kind: 'importing', label, done, total, cancellable: false }),
      ).then(
        (plan) => setPhase({ kind: 'review', plan, target }),
        (error: Error) => setPhase({ kind: 'refused', message: t('importer.failed', { reason: error.message }) }),
      );
      return;
    }
    cancelImport.current = job.run(
      {
        mapping,
        keepEmailOnly,
        skipNamesOnMap: skipNamed && mapping.externalId === null,
        origin,
        into: each ? null : target,
        account: chosenAccount?.key,
        each: each ? accounts : null,
        mapName: mapName.trim(),
        total: rowCount,
      },
      (progress) => setPhase({ kind: 'importing', ...progress }),
      (outcome) => {
        cancelImport.current = null;
        setPhase(outcome.kind === 'done' ? outcome : { kind: 'refused', message: outcome.message });
      },
    );
  };
  const cancel = async () => {
    const stop = cancelImport.current;
    cancelImport.current = null;
    if (!stop) return;
    setPhase({ kind: 'importing', label: t('importer.progress.cancelling'), done: 0, total: 0, cancellable: false });
    await stop();
    // Cancelling ended the worker that held the rows, so the file is read again; the columns the
    // user chose stay.
    cancelled.current = true;
    setPhase({ kind: 'reading' });
    setReadCount((count) => count + 1);
  };

  const title = target ? t('importer.titleInto', { name: target.name }) : t('importer.titleNew');

  return (
    <Dialog title={title} onClose={phase.kind === 'importing' ? () => undefined : onClose} className="pm-csv-import">
      {phase.kind === 'reading' ? (
        <p className="pm-dialog__body" role="status">
          {t('importer.reading', { file: file.name })}
        </p>
      ) : null}

      {phase.kind === 'refused' ? (
        <>
          <p className="pm-field-error" role="alert">
            {phase.message}
          </p>
          <div className="pm-dialog__actions">
            <button type="button" className="pm-primary" onClick={onClose} data-autofocus>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : null}

      {phase.kind === 'mapping' && mapping ? (
        <form
          id={formId}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (canImport) runImport();
          }}
        >
          {phase.cancelled ? (
            <p className="pm-dialog__body" role="status">
              {t('importer.cancelled')}
            </p>
          ) : null}
          <p className="pm-dialog__body">
            {t('importer.looksLike', {
              file: file.name,
              dialect: DIALECT_WORD[phase.parsed.dialect],
              count: phase.rowCount,
              delimiter: DELIMITER_WORD[phase.parsed.delimiter],
            })}
          </p>
          <div className="pm-csv-row">
            <label htmlFor={`${formId}-encoding`}>{t('importer.characters')}</label>
            <select id={`${formId}-encoding`} value={phase.decoded.encoding} onChange={(event) => setEncoding(event.target.value as CsvEncoding)}>
              {CSV_ENCODINGS.map((name) => (
                <option key={name} value={name}>
                  {encodingName(name)}
                </option>
              ))}
            </select>
            <span className="pm-hint">{t(`importer.how.${HOW_FOUND[phase.decoded.how]}`)}</span>
          </div>
          {phase.parsed.problems
            .filter((problem) => problem.code !== 'no-name-column' || !hasNameColumn(mapping))
            .map((problem) => (
              <p key={`${problem.code}-${problem.line ?? ''}`} className={problem.severity === 'error' ? 'pm-field-error' : 'pm-hint'} role={problem.severity === 'error' ? 'alert' : undefined}>
                {problem.message}
              </p>
            ))}
          {noOneNamed ? (
            <p className="pm-field-error" role="alert">
              {t('importer.noOneNamed')}
            </p>
          ) : null}
          {mapping.account !== null ? (
            <fieldset className="pm-csv-accounts">
              <legend>{t('importer.account')}</legend>
              <p className="pm-hint">
                {accountFile
                  ? t('importer.accountsHeldNamed', { count: accounts.length, file: accountFile.name })
                  : t('importer.accountsHeld', { count: accounts.length })}
              </p>
              {accounts.length > 0 ? (
                <div className="pm-csv-row">
                  <label htmlFor={`${formId}-account`}>{t('importer.accountToMap')}</label>
                  <select id={`${formId}-account`} value={choice} onChange={(event) => setAccountChoice(event.target.value)}>
                    {accounts.map((account) => (
                      <option key={account.key} value={account.key}>
                        {t('importer.accountOption', { name: account.name, count: account.rows })}
                      </option>
                    ))}
                    <option value={ALL_ACCOUNTS}>{t('importer.allAccounts', { count: phase.rowCount })}</option>
                    {target || accounts.length < 2 ? null : <option value={EACH_ACCOUNT}>{t('importer.eachAccount', { count: accounts.length })}</option>}
                  </select>
                </div>
              ) : null}
              <div className="pm-csv-row">
                <label htmlFor={`${formId}-accounts-file`}>{t('importer.accountsFileLabel')}</label>
                <input
                  id={`${formId}-accounts-file`}
                  type="file"
                  accept=".csv,.tsv,.txt,text/csv"
                  onChange={(event) => {
                    const companion = event.target.files?.[0];
                    if (companion) void addAccountFile(companion);
                  }}
                />
                <span className="pm-hint">
                  {accountFile
                    ? (accountFile.problem ?? t('importer.accountsNamed', { count: accountFile.count }))
                    : t('importer.accountsFileHint')}
                </span>
              </div>
            </fieldset>
          ) : null}
          {target || choice === EACH_ACCOUNT ? null : (
            <div className="pm-field">
              <label htmlFor={`${formId}-name`}>{t('importer.mapName')}</label>
              <input id={`${formId}-name`} value={mapName} onChange={(event) => setTypedName(event.target.value)} aria-invalid={!mapName.trim() || undefined} />
              {!mapName.trim() ? <p className="pm-field-error">{t('importer.mapNameMissing')}</p> : null}
            </div>
          )}
          {target && mapping.externalId === null && view ? <NoIdWarning named={view.namedOnMap} target={target} skip={skipNamed} onSkip={setSkipNamed} /> : null}
          {emailOnly > 0 ? (
            <label className="pm-csv-check">
              <input type="checkbox" checked={keepEmailOnly} onChange={(event) => setKeepEmailOnly(event.target.checked)} />
              {t('importer.keepEmailOnly', { count: emailOnly })}
            </label>
          ) : null}
          <fieldset className="pm-csv-mapping">
            <legend>{t('importer.columns')}</legend>
            {MAPPABLE_FIELDS.map((field) => (
              <div className="pm-csv-mapping__row" key={field}>
                <label htmlFor={`${formId}-${field}`}>{fieldLabel(field)}</label>
                <select
                  id={`${formId}-${field}`}
                  value={mapping[field] ?? ''}
                  onChange={(event) => setMapping({ ...mapping, [field]: event.target.value === '' ? null : Number(event.target.value) })}
                >
                  <option value="">{t('importer.notImported')}</option>
                  {phase.parsed.headers.map((header, index) => (
                    <option key={index} value={index}>
                      {header}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
          <table className="pm-csv-preview" aria-label={t('importer.preview')}>
            <thead>
              <tr>
                <th scope="col">{t('importer.previewLine')}</th>
                <th scope="col">{t('importer.previewName')}</th>
                <th scope="col">{t('importer.previewTitle')}</th>
                <th scope="col">{t('importer.previewDepartment')}</th>
                <th scope="col">{t('importer.previewManager')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.name || <em>{t('importer.noName')}</em>}</td>
                  <td>{row.title}</td>
                  <td>{row.department}</td>
                  <td>{row.manager}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pm-dialog__actions">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="pm-primary" disabled={!canImport}>
              {choice === EACH_ACCOUNT
                ? t('importer.makeMaps', { count: accounts.length })
                : reimport
                  ? t('importer.reviewRows', { count: rowCount })
                  : t('importer.importRows', { count: rowCount })}
            </button>
          </div>
        </form>
      ) : null}

      {phase.kind === 'importing' ? (
        <div className="pm-dialog__body">
          <label className="pm-csv-progress">
            {t('importer.progress.text', { label: phase.label, done: phase.done, total: phase.total })}
            <progress max={phase.total || 1} value={phase.done} aria-label={t('importer.progress.label')} />
          </label>
          <div className="pm-dialog__actions">
            <button type="button" onClick={() => void cancel()} disabled={!phase.cancellable}>
              {phase.cancellable ? t('importer.cancelImport') : t('importer.saving')}
            </button>
          </div>
        </div>
      ) : null}

      {phase.kind === 'review' ? <ReimportReview plan={phase.plan} target={phase.target} fileName={file.name} onClose={onClose} /> : null}

      {phase.kind === 'done' ? <CsvImportReport {...phase} onClose={onClose} onOpen={onOpen} /> : null}
    </Dialog>
  );
}
