// Import stakeholders from a CRM's CSV export: shows what was recognised (dialect, encoding, columns)
// with a preview of the first rows, lets the user correct the encoding and the column mapping, pick
// the account (an export holds many; a map is one customer), name the accounts from a companion
// Account export, then builds the people, departments and reports-to links, lays them out as an org
// chart and stores them. Into the open map as one undoable step, or, from the home view, as a new map
// (or one map per account). Loaded only when a CSV arrives.
import './CsvImportDialog.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  countEmailOnlyRows,
  CSV_ENCODINGS,
  decodeCsv,
  DIALECT_SYSTEM,
  ENCODING_NAMES,
  FIELD_LABELS,
  hasNameColumn,
  isReimport,
  listAccounts,
  MAPPABLE_FIELDS,
  readAccountNames,
  type AccountChoice,
  type ColumnMapping,
  type CsvDialect,
  type CsvEncoding,
  type DecodedCsv,
  type MappableField,
  type ParsedCsv,
  type ReimportPlan,
} from '../io/csv-import';
import { CSV_MAX_ROWS } from '../io/map-file';
import type { AccountMap } from '../domain/types';
import { useMapStore } from '../store/map-store';
import { Dialog } from './Dialog';
import { planReview, readCsv, runCsvImport, type ImportSummary } from './csv-import-run';
import { ReimportReview } from './ReimportReview';
import { NoIdWarning } from './NoIdWarning';

/** A CSV bigger than this is not a contact export; refusing it early keeps the tab responsive. */
const CSV_MAX_BYTES = 20 * 1024 * 1024;

const PREVIEW_ROWS = 5;

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

/** The account picker's choices besides one account. */
const ALL_ACCOUNTS = '__all__';
const EACH_ACCOUNT = '__each__';

type Phase =
  | { kind: 'reading' }
  | { kind: 'refused'; message: string }
  | { kind: 'mapping'; parsed: ParsedCsv; decoded: DecodedCsv; cancelled?: boolean }
  | { kind: 'importing'; label: string; done: number; total: number; cancellable: boolean }
  | { kind: 'review'; plan: ReimportPlan; target: AccountMap }
  | { kind: 'done'; summary: ImportSummary; mapName: string; newMapId: string | null; maps: number };

/** An account's name fit for a map: not a bare CRM id (then the file's name is better). */
const namedAccount = (account: AccountChoice | undefined) =>
  account && !(account.name === account.key && /^[a-zA-Z0-9]{15,18}$/.test(account.key)) ? account.name : null;

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
const people = (n: number) => (n === 1 ? '1 person' : `${n.toLocaleString()} people`);

function cell(row: string[], mapping: ColumnMapping, field: MappableField): string {
  const column = mapping[field];
  return column === null ? '' : (row[column] ?? '');
}

function previewName(row: string[], mapping: ColumnMapping): string {
  return cell(row, mapping, 'fullName') || [cell(row, mapping, 'firstName'), cell(row, mapping, 'lastName')].filter(Boolean).join(' ');
}

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

  useEffect(() => {
    let active = true;
    let stop = () => undefined as void;
    const refuse = (message: string) => active && setPhase({ kind: 'refused', message });
    (async () => {
      if (file.size > CSV_MAX_BYTES) {
        refuse(`“${file.name}” is ${Math.round(file.size / 1024 / 1024)} MB: too large for a list of contacts (the limit is 20 MB).`);
        return;
      }
      const bytes = await file.arrayBuffer();
      if (!active) return;
      // Decoded and parsed off the page (a worker), so a 50,000-row file never freezes it.
      stop = readCsv(bytes, encoding, (outcome) => {
        if (!active) return;
        if ('error' in outcome) return refuse(`“${file.name}” could not be read (${outcome.error}).`);
        const { parsed, decoded } = outcome;
        const fatal = parsed.problems.find((problem) => problem.severity === 'error' && problem.code !== 'no-name-column');
        if (fatal) refuse(`“${file.name}” cannot be imported: ${fatal.message}`);
        else if (parsed.rows.length > CSV_MAX_ROWS) {
          const count = (n: number) => n.toLocaleString('en');
          refuse(`“${file.name}” has ${count(parsed.rows.length)} rows: one import takes up to ${count(CSV_MAX_ROWS)} people. Split the file, for example by account.`);
        } else {
          const again = cancelled.current;
          cancelled.current = false;
          setMapping((chosen) => (again && chosen ? chosen : parsed.mapping));
          setPhase({ kind: 'mapping', parsed, decoded, cancelled: again });
        }
      });
    })().catch((error: Error) => refuse(`“${file.name}” could not be read (${error.message}).`));
    return () => {
      active = false;
      stop();
    };
  }, [file, encoding, readCount]);

  const parsed = phase.kind === 'mapping' ? phase.parsed : null;

  const accounts = useMemo(() => (parsed && mapping ? listAccounts(parsed, mapping, accountFile?.names) : []), [parsed, mapping, accountFile]);
  const emailOnly = useMemo(() => (parsed && mapping ? countEmailOnlyRows(parsed, mapping) : 0), [parsed, mapping]);
  // One account is picked by default: an account map is one customer. Into an open map, the account whose
  // people are on it already (by CRM id) or whose name it has; else the one with the most people.
  const openMapAccount = useMemo(() => {
    if (!target || !parsed || !mapping || mapping.account === null || mapping.externalId === null) return undefined;
    const onMap = new Set(Object.values(target.stakeholders).flatMap((person) => (person.crm?.id ? [person.crm.id] : [])));
    const hits = new Map<string, number>();
    for (const row of parsed.rows) {
      if (onMap.has(row.cells[mapping.externalId] ?? '')) hits.set(row.cells[mapping.account] ?? '', (hits.get(row.cells[mapping.account] ?? '') ?? 0) + 1);
    }
    const best = [...hits].sort((a, b) => b[1] - a[1])[0]?.[0];
    return accounts.find((account) => account.key === best) ?? accounts.find((account) => account.name.trim().toLowerCase() === target.name.trim().toLowerCase());
  }, [target, parsed, mapping, accounts]);
  const choice = accountChoice !== null && (accountChoice === ALL_ACCOUNTS || accountChoice === EACH_ACCOUNT || accounts.some((a) => a.key === accountChoice))
    ? accountChoice
    : (openMapAccount?.key ?? accounts[0]?.key ?? ALL_ACCOUNTS);
  const chosenAccount = accounts.find((account) => account.key === choice);
  // The preview shows the chosen account's first rows, with a manager given by id shown by name.
  const preview = useMemo(() => {
    if (!parsed || !mapping) return [];
    const column = mapping.account;
    const rows = chosenAccount && column !== null ? parsed.rows.filter((row) => row.cells[column] === chosenAccount.key) : parsed.rows;
    return rows.slice(0, PREVIEW_ROWS);
  }, [parsed, mapping, chosenAccount]);
  const nameById = useMemo(() => {
    const names = new Map<string, string>();
    if (parsed && mapping && mapping.externalId !== null) {
      for (const row of parsed.rows) names.set(row.cells[mapping.externalId] ?? '', previewName(row.cells, mapping));
    }
    return names;
  }, [parsed, mapping]);
  const mapName = typedName ?? namedAccount(chosenAccount) ?? fileMapName;
  const rowCount = chosenAccount ? chosenAccount.rows : (parsed?.rows.length ?? 0);
  // People on the map by CRM id are in the file: a newer export, reviewed before it updates them.
  const reimport = useMemo(() => Boolean(target && parsed && mapping && isReimport(target, parsed, mapping)), [target, parsed, mapping]);
  const canImport = Boolean(parsed && mapping && (hasNameColumn(mapping) || (keepEmailOnly && emailOnly > 0)) && (target || choice === EACH_ACCOUNT || mapName.trim()));

  const addAccountFile = async (companion: File) => {
    const names = readAccountNames(decodeCsv(new Uint8Array(await companion.arrayBuffer())).text);
    setAccountFile({ name: companion.name, ...names });
  };

  const cancelImport = useRef<(() => Promise<void>) | null>(null);

  const runImport = () => {
    if (!parsed || !mapping || phase.kind !== 'mapping') return;
    const each = choice === EACH_ACCOUNT;
    const origin = { system: DIALECT_SYSTEM[parsed.dialect], file: file.name, importedAt: new Date().toISOString() };
    if (target && reimport && !each) {
      // A review compares the rows with the open map on the page: the map is there already, and the
      // rows of one account's newer export are few.
      setPhase({ kind: 'importing', label: 'Comparing with the map', done: 0, total: rowCount, cancellable: false });
      planReview(parsed, mapping, target, { account: chosenAccount?.key, keepEmailOnly, origin }, (done) =>
        setPhase({ kind: 'importing', label: 'Comparing with the map', done: Math.min(done, rowCount), total: rowCount, cancellable: false }),
      ).then(
        (plan) => setPhase({ kind: 'review', plan, target }),
        (error: Error) => setPhase({ kind: 'refused', message: `Nothing was imported. ${error.message}` }),
      );
      return;
    }
    cancelImport.current = runCsvImport(
      {
        file,
        encoding: phase.decoded.encoding,
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
    // The rows were let go during the import (a small page heap keeps garbage collection short), so
    // the file is read again; the columns the user chose stay.
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
            “{file.name}” looks like {DIALECT_NAMES[phase.parsed.dialect]}: {plural(phase.parsed.rows.length, 'row')}, separated by{' '}
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
                    <option value={ALL_ACCOUNTS}>All accounts in one map ({plural(parsed!.rows.length, 'row')})</option>
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
          {target && mapping.externalId === null ? <NoIdWarning parsed={phase.parsed} mapping={mapping} target={target} account={chosenAccount?.key} skip={skipNamed} onSkip={setSkipNamed} /> : null}
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
                  <td>{previewName(row.cells, mapping) || <em>no name</em>}</td>
                  <td>{cell(row.cells, mapping, 'title')}</td>
                  <td>{cell(row.cells, mapping, 'department')}</td>
                  <td>{cell(row.cells, mapping, 'reportsToName') || nameById.get(cell(row.cells, mapping, 'reportsToId')) || cell(row.cells, mapping, 'reportsToId')}</td>
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
