// Import stakeholders from a CRM's CSV export: shows what was recognised (dialect, encoding, columns)
// with a preview of the first rows, lets the user correct the encoding and the column mapping, pick
// the account (an export holds many; a map is one customer), name the accounts from a companion
// Account export, then builds the people, departments and reports-to links, lays them out as an org
// chart and stores them. Into the open map as one undoable step, or, from the home view, as a new map
// (or one map per account). Loaded only when a CSV arrives.
import './CsvImportDialog.css';
import { useEffect, useId, useMemo, useState } from 'react';
import { addRecords } from '../domain/commands';
import { arrangementBetween } from '../domain/edits';
import { emptyAccountMap } from '../domain/defaults';
import { createId } from '../domain/ids';
import type { AccountMap } from '../domain/types';
import {
  buildImportAsync,
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
  parseCsv,
  planReimport,
  readAccountNames,
  type AccountChoice,
  type ColumnMapping,
  type CsvDialect,
  type CsvEncoding,
  type DecodedCsv,
  type ImportOptions,
  type ImportResult,
  type MappableField,
  type ParsedCsv,
  type ReimportPlan,
} from '../io/csv-import';
import { CSV_MAX_ROWS } from '../io/map-file';
import { createMap } from '../persistence/repository';
import { broadcastMapsChanged } from '../persistence/tab-lock';
import { useMapStore } from '../store/map-store';
import { viewport } from '../actions/viewport';
import { Dialog } from './Dialog';
import { laidOut } from './import-layout';
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
  | { kind: 'mapping'; parsed: ParsedCsv; decoded: DecodedCsv }
  | { kind: 'importing'; label: string; done: number; total: number }
  | { kind: 'review'; plan: ReimportPlan; target: AccountMap }
  | { kind: 'done'; result: ImportResult; mapName: string; newMapId: string | null; maps: number };

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

  useEffect(() => {
    let active = true;
    (async () => {
      if (file.size > CSV_MAX_BYTES) {
        setPhase({ kind: 'refused', message: `“${file.name}” is ${Math.round(file.size / 1024 / 1024)} MB: too large for a list of contacts (the limit is 20 MB).` });
        return;
      }
      const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()), encoding);
      const parsed = parseCsv(decoded.text);
      if (!active) return;
      const fatal = parsed.problems.find((problem) => problem.severity === 'error' && problem.code !== 'no-name-column');
      if (fatal) setPhase({ kind: 'refused', message: `“${file.name}” cannot be imported: ${fatal.message}` });
      else if (parsed.rows.length > CSV_MAX_ROWS) {
        const count = (n: number) => n.toLocaleString('en');
        setPhase({
          kind: 'refused',
          message: `“${file.name}” has ${count(parsed.rows.length)} rows: one import takes up to ${count(CSV_MAX_ROWS)} people. Split the file, for example by account.`,
        });
      }
      else {
        setMapping(parsed.mapping);
        setPhase({ kind: 'mapping', parsed, decoded });
      }
    })().catch((error: Error) => active && setPhase({ kind: 'refused', message: `“${file.name}” could not be read (${error.message}).` }));
    return () => {
      active = false;
    };
  }, [file, encoding]);

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

  /** Builds one import: the chosen account's rows (or all), with the stakeholders' CRM origin. */
  const build = (account: string | undefined, onProgress: ImportOptions['onProgress']) =>
    buildImportAsync(parsed!, mapping!, {
      existing: target ?? undefined,
      account,
      keepEmailOnly,
      skipNamesOnMap: skipNamed && mapping!.externalId === null,
      origin: { system: DIALECT_SYSTEM[parsed!.dialect], file: file.name, importedAt: new Date().toISOString() },
      onProgress,
    });

  const runEachAccount = async () => {
    const total = accounts.length;
    const sum: ImportResult = { stakeholders: [], departments: [], links: [], badRows: [], notes: [], alreadyOnMap: 0, otherAccounts: 0 };
    try {
      for (const [index, account] of accounts.entries()) {
        setPhase({ kind: 'importing', label: `Making a map for each account`, done: index, total });
        const result = await build(account.key, undefined);
        const map = addRecords(emptyAccountMap(createId('map'), account.name, new Date().toISOString()), result);
        await createMap(await laidOut(map, null));
        sum.stakeholders.push(...result.stakeholders);
        sum.departments.push(...result.departments);
        sum.links.push(...result.links);
        sum.badRows.push(...result.badRows);
      }
      broadcastMapsChanged();
      setPhase({ kind: 'done', result: sum, mapName: '', newMapId: null, maps: total });
    } catch (error) {
      setPhase({ kind: 'refused', message: `The import stopped. ${(error as Error).message}` });
    }
  };

  const runImport = async () => {
    if (!parsed || !mapping) return;
    if (choice === EACH_ACCOUNT) return runEachAccount();
    const total = rowCount;
    setPhase({ kind: 'importing', label: 'Reading rows', done: 0, total });
    const result = await build(chosenAccount?.key, (done) => setPhase({ kind: 'importing', label: 'Reading rows', done: Math.min(done, total), total }));
    setPhase({ kind: 'importing', label: 'Laying out the org chart', done: total, total });
    const records = { departments: result.departments, stakeholders: result.stakeholders, links: result.links };
    try {
      if (target && reimport) {
        const origin = { system: DIALECT_SYSTEM[parsed.dialect], file: file.name, importedAt: new Date().toISOString() };
        const plan = planReimport(parsed, mapping, target, { account: chosenAccount?.key, keepEmailOnly, origin }, result);
        setPhase({ kind: 'review', plan, target });
      } else if (target && result.stakeholders.length === 0 && result.departments.length === 0) {
        // Nothing new (everyone already on the map, or no usable rows): no empty undo step.
        setPhase({ kind: 'done', result, mapName: target.name, newMapId: null, maps: 0 });
      } else if (target) {
        const added = addRecords(target, records);
        const only = new Set([...result.departments, ...result.stakeholders].map((record) => record.id));
        const placed = await laidOut(added, only);
        // One command, so one undo takes the whole import back.
        const store = useMapStore.getState();
        if (store.map !== target) throw new Error('The map changed while the file was read. Nothing was imported; try again.');
        store.run({
          type: 'batch',
          label: `import ${result.stakeholders.length === 1 ? '1 stakeholder' : `${result.stakeholders.length} stakeholders`}`,
          edits: [{ type: 'addRecords', ...records }, arrangementBetween(added, placed)],
        });
        store.select(result.stakeholders.map((person) => person.id));
        setTimeout(() => viewport.fit({ padding: 0.1, duration: 300 }), 50);
        setPhase({ kind: 'done', result, mapName: target.name, newMapId: null, maps: 0 });
      } else {
        const name = mapName.trim();
        const created = addRecords(emptyAccountMap(createId('map'), name, new Date().toISOString()), records);
        const placed = await laidOut(created, null);
        setPhase({ kind: 'importing', label: 'Saving the map', done: total, total });
        await createMap(placed);
        broadcastMapsChanged();
        setPhase({ kind: 'done', result, mapName: name, newMapId: placed.id, maps: 1 });
      }
    } catch (error) {
      setPhase({ kind: 'refused', message: `Nothing was imported. ${(error as Error).message}` });
    }
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
            if (canImport) void runImport();
          }}
        >
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
        </div>
      ) : null}

      {phase.kind === 'review' ? <ReimportReview plan={phase.plan} target={phase.target} fileName={file.name} onClose={onClose} /> : null}

      {phase.kind === 'done' ? (
        <>
          <div className="pm-dialog__body" role="status">
            <p>
              {phase.maps > 1 ? `Made ${phase.maps} maps, one per account, with ` : 'Imported '}
              {plural(phase.result.stakeholders.length, 'stakeholder')}
              {phase.result.departments.length ? `, ${plural(phase.result.departments.length, 'new department')}` : ''} and{' '}
              {plural(phase.result.links.length, 'reports-to link')}
              {phase.maps > 1 ? '.' : ` into “${phase.mapName}”.`}
            </p>
            {phase.result.otherAccounts > 0 ? <p>{plural(phase.result.otherAccounts, 'row')} of other accounts (or of none) left out.</p> : null}
          </div>
          {phase.result.badRows.length > 0 ? (
            <>
              <p>{plural(phase.result.badRows.length, 'row')} could not be imported:</p>
              <ul className="pm-report" aria-label="Rows not imported">
                {phase.result.badRows.slice(0, 50).map((bad) => (
                  <li key={bad.line}>
                    Line {bad.line}: {bad.reason}
                  </li>
                ))}
                {phase.result.badRows.length > 50 ? <li>…and {phase.result.badRows.length - 50} more.</li> : null}
              </ul>
            </>
          ) : null}
          {phase.result.notes.length > 0 ? (
            <ul className="pm-report" aria-label="Notes on the import">
              {phase.result.notes.map((note) => (
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
