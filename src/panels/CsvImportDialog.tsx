// Import stakeholders from a CRM's CSV export: shows what was recognised (dialect, encoding, columns)
// with a preview of the first rows, lets the user correct the encoding and the column mapping, pick
// the account (an export holds many; a map is one customer), name the accounts from a companion
// Account export, then builds the people, departments and reports-to links, lays them out as an org
// chart and stores them. Into the open map as one undoable step, or, from the home view, as a new map
// (or one map per account). Loaded only when a CSV arrives.
import './CsvImportDialog.css';
import { useEffect, useId, useRef, useState } from 'react';
import {
  CSV_ENCODINGS,
  decodeCsv,
  DIALECT_SYSTEM,
  ENCODING_NAMES,
  FIELD_LABELS,
  hasNameColumn,
  MAPPABLE_FIELDS,
  readAccountNames,
  type AccountChoice,
  type ColumnMapping,
  type CsvDialect,
  type CsvEncoding,
  type DecodedCsv,
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

/** A CSV bigger than this is not a contact export; refusing it early keeps the tab responsive. */
const CSV_MAX_BYTES = 20 * 1024 * 1024;

const DIALECT_NAMES: Record<CsvDialect, string> = {
  'salesforce-export': 'a Salesforce data export',
  'salesforce-report': 'a Salesforce report',
  hubspot: 'a HubSpot contacts export',
  dynamics: 'a Dynamics 365 contacts export',
  linkedin: 'a LinkedIn connections export',
  google: 'a Google Contacts export',
  generic: 'a CSV file',
};
const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars' };

const HOW_FOUND: Record<DecodedCsv['how'], string> = {
  'byte-order mark': 'detected from the byte-order mark',
  'valid UTF-8': 'detected',
  guessed: 'detected from the letters; change it if names look wrong',
  chosen: 'as you chose',
};

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

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
const people = (n: number) => (n === 1 ? '1 person' : `${n.toLocaleString()} people`);

export interface CsvImportDialogProps {
  file: File;
  onClose(): void;
  onOpen(mapId: string): void;
}

export function CsvImportDialog({ file, onClose, onOpen }: CsvImportDialogProps) {
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
        refuse(`“${file.name}” is ${Math.round(file.size / 1024 / 1024)} MB: too large for a list of contacts (the limit is 20 MB).`);
        return;
      }
      const bytes = await file.arrayBuffer();
      if (!active) return;
      // Decoded and parsed off the page (a worker, which keeps the rows), so a 50,000-row file never freezes it.
      job.read(bytes, encoding, (outcome) => {
        if (!active) return;
        if ('error' in outcome) return refuse(`“${file.name}” could not be read (${outcome.error}).`);
        const { parsed, decoded, rowCount } = outcome;
        const fatal = parsed.problems.find((problem) => problem.severity === 'error' && problem.code !== 'no-name-column');
        if (fatal) refuse(`“${file.name}” cannot be imported: ${fatal.message}`);
        else if (rowCount > CSV_MAX_ROWS) {
          const count = (n: number) => n.toLocaleString('en');
          refuse(`“${file.name}” has ${count(rowCount)} rows: one import takes up to ${count(CSV_MAX_ROWS)} people. Split the file, for example by account.`);
        } else {
          const again = cancelled.current;
          cancelled.current = false;
          setMapping((chosen) => (again && chosen ? chosen : parsed.mapping));
          setPhase({ kind: 'mapping', parsed, decoded, rowCount, cancelled: again });
        }
      });
    })().catch((error: Error) => refuse(`“${file.name}” could not be read (${error.message}).`));
    return () => {
      active = false;
      job.close();
    };
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
  const canImport = Boolean(view && parsed && mapping && (hasNameColumn(mapping) || (keepEmailOnly && emailOnly > 0)) && (target || choice === EACH_ACCOUNT || mapName.trim()));

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
      setPhase({ kind: 'importing', label: 'Comparing with the map', done: 0, total: rowCount, cancellable: false });
      job.review(mapping, { account: chosenAccount?.key, keepEmailOnly, origin }, (done, total) =>
        setPhase({ kind: 'importing', label: 'Comparing with the map', done, total, cancellable: false }),
      ).then(
        (plan) => setPhase({ kind: 'review', plan, target }),
        (error: Error) => setPhase({ kind: 'refused', message: `Nothing was imported. ${error.message}` }),
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
    setPhase({ kind: 'importing', label: 'Cancelling', done: 0, total: 0, cancellable: false });
    await stop();
    // Cancelling ended the worker that held the rows, so the file is read again; the columns the
    // user chose stay.
    cancelled.current = true;
    setPhase({ kind: 'reading' });
    setReadCount((count) => count + 1);
  };

  const title = target ? `Import stakeholders into “${target.name}”` : 'Import stakeholders as a new map';

  return (
    <Dialog title={title} onClose={phase.kind === 'importing' ? () => undefined : onClose} className="pm-csv-import">
      {phase.kind === 'reading' ? (
        <p className="pm-dialog__body" role="status">
          Reading “{file.name}”…
        </p>
      ) : null}

      {phase.kind === 'refused' ? (
        <>
          <p className="pm-field-error" role="alert">
            {phase.message}
          </p>
          <div className="pm-dialog__actions">
            <button type="button" className="pm-primary" onClick={onClose} data-autofocus>
              Close
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
              Import cancelled: nothing was imported.
            </p>
          ) : null}
          <p className="pm-dialog__body">
            “{file.name}” looks like {DIALECT_NAMES[phase.parsed.dialect]}: {plural(phase.rowCount, 'row')}, separated by{' '}
            {DELIMITER_NAMES[phase.parsed.delimiter] ?? phase.parsed.delimiter}. Check the columns below.
          </p>
          <div className="pm-csv-row">
            <label htmlFor={`${formId}-encoding`}>Characters</label>
            <select id={`${formId}-encoding`} value={phase.decoded.encoding} onChange={(event) => setEncoding(event.target.value as CsvEncoding)}>
              {CSV_ENCODINGS.map((name) => (
                <option key={name} value={name}>
                  {ENCODING_NAMES[name]}
                </option>
              ))}
            </select>
            <span className="pm-hint">{HOW_FOUND[phase.decoded.how]}</span>
          </div>
          {phase.parsed.problems
            .filter((problem) => problem.code !== 'no-name-column' || !hasNameColumn(mapping))
            .map((problem) => (
              <p key={`${problem.code}-${problem.line ?? ''}`} className={problem.severity === 'error' ? 'pm-field-error' : 'pm-hint'} role={problem.severity === 'error' ? 'alert' : undefined}>
                {problem.message}
              </p>
            ))}
          {mapping.account !== null ? (
            <fieldset className="pm-csv-accounts">
              <legend>Account</legend>
              <p className="pm-hint">
                An account map is one customer. This file holds {plural(accounts.length, 'account')}
                {accountFile ? `, named from “${accountFile.name}”` : ''}.
              </p>
              {accounts.length > 0 ? (
                <div className="pm-csv-row">
                  <label htmlFor={`${formId}-account`}>Account to map</label>
                  <select id={`${formId}-account`} value={choice} onChange={(event) => setAccountChoice(event.target.value)}>
                    {accounts.map((account) => (
                      <option key={account.key} value={account.key}>
                        {account.name} ({people(account.rows)})
                      </option>
                    ))}
                    <option value={ALL_ACCOUNTS}>All accounts in one map ({plural(phase.rowCount, 'row')})</option>
                    {target || accounts.length < 2 ? null : <option value={EACH_ACCOUNT}>Each account as its own map ({accounts.length} maps)</option>}
                  </select>
                </div>
              ) : null}
              <div className="pm-csv-row">
                <label htmlFor={`${formId}-accounts-file`}>Account export (CSV)</label>
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
                    ? (accountFile.problem ?? `${plural(accountFile.count, 'account')} named.`)
                    : 'Optional: the accounts’ names, when the contacts give only an account id (Salesforce’s AccountId).'}
                </span>
              </div>
            </fieldset>
          ) : null}
          {target || choice === EACH_ACCOUNT ? null : (
            <div className="pm-field">
              <label htmlFor={`${formId}-name`}>Name of the new account map</label>
              <input id={`${formId}-name`} value={mapName} onChange={(event) => setTypedName(event.target.value)} aria-invalid={!mapName.trim() || undefined} />
              {!mapName.trim() ? <p className="pm-field-error">Give the account map a name.</p> : null}
            </div>
          )}
          {target && mapping.externalId === null && view ? <NoIdWarning named={view.namedOnMap} target={target} skip={skipNamed} onSkip={setSkipNamed} /> : null}
          {emailOnly > 0 ? (
            <label className="pm-csv-check">
              <input type="checkbox" checked={keepEmailOnly} onChange={(event) => setKeepEmailOnly(event.target.checked)} />
              Keep rows with only an e-mail address ({emailOnly}), named after the address. Otherwise they are left out: a
              mailbox such as orders@ or info@ is not a person.
            </label>
          ) : null}
          <fieldset className="pm-csv-mapping">
            <legend>Columns</legend>
            {MAPPABLE_FIELDS.map((field) => (
              <div className="pm-csv-mapping__row" key={field}>
                <label htmlFor={`${formId}-${field}`}>{FIELD_LABELS[field]}</label>
                <select
                  id={`${formId}-${field}`}
                  value={mapping[field] ?? ''}
                  onChange={(event) => setMapping({ ...mapping, [field]: event.target.value === '' ? null : Number(event.target.value) })}
                >
                  <option value="">Not imported</option>
                  {phase.parsed.headers.map((header, index) => (
                    <option key={index} value={index}>
                      {header}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
          <table className="pm-csv-preview" aria-label="Preview of the first rows">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Department</th>
                <th scope="col">Manager</th>
              </tr>
            </thead>
            <tbody>
              {preview.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.name || <em>no name</em>}</td>
                  <td>{row.title}</td>
                  <td>{row.department}</td>
                  <td>{row.manager}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pm-dialog__actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="pm-primary" disabled={!canImport}>
              {choice === EACH_ACCOUNT ? `Make ${accounts.length} maps` : reimport ? `Review changes from ${plural(rowCount, 'row')}` : `Import ${plural(rowCount, 'row')}`}
            </button>
          </div>
        </form>
      ) : null}

      {phase.kind === 'importing' ? (
        <div className="pm-dialog__body">
          <label className="pm-csv-progress">
            {phase.label}… {phase.done.toLocaleString()} of {phase.total.toLocaleString()}
            <progress max={phase.total || 1} value={phase.done} aria-label="Import progress" />
          </label>
          <div className="pm-dialog__actions">
            <button type="button" onClick={() => void cancel()} disabled={!phase.cancellable}>
              {phase.cancellable ? 'Cancel import' : 'Saving…'}
            </button>
          </div>
        </div>
      ) : null}

      {phase.kind === 'review' ? <ReimportReview plan={phase.plan} target={phase.target} fileName={file.name} onClose={onClose} /> : null}

      {phase.kind === 'done' ? (
        <>
          <div className="pm-dialog__body" role="status">
            <p>
              {phase.maps > 1 ? `Made ${phase.maps} maps, one per account, with ` : 'Imported '}
              {plural(phase.summary.stakeholders, 'stakeholder')}
              {phase.summary.departments ? `, ${plural(phase.summary.departments, 'new department')}` : ''} and{' '}
              {plural(phase.summary.links, 'reports-to link')}
              {phase.maps > 1 ? '.' : ` into “${phase.mapName}”.`}
            </p>
            {phase.summary.otherAccounts > 0 ? (
              <p>
                {plural(phase.summary.otherAccounts, 'row')}{' '}
                {phase.maps > 1 ? 'in no account’s map (no account, or no one named in it) left out.' : 'of other accounts (or of none) left out.'}
              </p>
            ) : null}
          </div>
          {phase.summary.badRows.length > 0 ? (
            <>
              <p>{plural(phase.summary.badRows.length, 'row')} could not be imported:</p>
              <ul className="pm-report" aria-label="Rows not imported">
                {phase.summary.badRows.slice(0, 50).map((bad) => (
                  <li key={bad.line}>
                    Line {bad.line}: {bad.reason}
                  </li>
                ))}
                {phase.summary.badRows.length > 50 ? <li>…and {phase.summary.badRows.length - 50} more.</li> : null}
              </ul>
            </>
          ) : null}
          {phase.summary.notes.length > 0 ? (
            <ul className="pm-report" aria-label="Notes on the import">
              {phase.summary.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          <div className="pm-dialog__actions">
            {phase.newMapId ? (
              <button
                type="button"
                className="pm-primary"
                data-autofocus
                onClick={() => {
                  onClose();
                  onOpen(phase.newMapId!);
                }}
              >
                Open map
              </button>
            ) : (
              <button type="button" className="pm-primary" data-autofocus onClick={onClose}>
                Done
              </button>
            )}
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
