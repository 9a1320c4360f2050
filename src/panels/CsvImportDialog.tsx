// Import stakeholders from a CRM's CSV export: shows what was recognised (dialect, columns) with a
// preview of the first rows, lets the user correct the column mapping, then builds the people,
// departments and reports-to links, lays them out as an org chart and stores them. Into the open
// map as one undoable step, or, from the home view, as a new map. Loaded only when a CSV arrives.
import './CsvImportDialog.css';
import { useEffect, useId, useMemo, useState } from 'react';
import { addRecords } from '../domain/commands';
import { arrangementBetween } from '../domain/edits';
import { emptyAccountMap } from '../domain/defaults';
import { createId } from '../domain/ids';
import type { AccountMap } from '../domain/types';
import {
  buildImportAsync,
  decodeCsvBytes,
  FIELD_LABELS,
  hasNameColumn,
  MAPPABLE_FIELDS,
  parseCsv,
  type ColumnMapping,
  type CsvDialect,
  type ImportResult,
  type MappableField,
  type ParsedCsv,
} from '../io/csv-import';
import { CSV_MAX_ROWS } from '../io/map-file';
import { createMap } from '../persistence/repository';
import { broadcastMapsChanged } from '../persistence/tab-lock';
import { useMapStore } from '../store/map-store';
import { viewport } from '../actions/viewport';
import { Dialog } from './Dialog';

/** A CSV bigger than this is not a contact export; refusing it early keeps the tab responsive. */
const CSV_MAX_BYTES = 20 * 1024 * 1024;

const PREVIEW_ROWS = 5;

const DIALECT_NAMES: Record<CsvDialect, string> = {
  'salesforce-export': 'a Salesforce data export',
  'salesforce-report': 'a Salesforce report',
  hubspot: 'a HubSpot contacts export',
  generic: 'a CSV file',
};
const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars' };

type Phase =
  | { kind: 'reading' }
  | { kind: 'refused'; message: string }
  | { kind: 'mapping'; parsed: ParsedCsv }
  | { kind: 'importing'; label: string; done: number; total: number }
  | { kind: 'done'; result: ImportResult; mapName: string; newMapId: string | null };

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

function cell(row: string[], mapping: ColumnMapping, field: MappableField): string {
  const column = mapping[field];
  return column === null ? '' : (row[column] ?? '');
}

function previewName(row: string[], mapping: ColumnMapping): string {
  return cell(row, mapping, 'fullName') || [cell(row, mapping, 'firstName'), cell(row, mapping, 'lastName')].filter(Boolean).join(' ');
}

/** Places the imported people: the whole new map, or only the new records inside the open one. */
async function laidOut(map: AccountMap, only: Set<string> | null): Promise<AccountMap> {
  const { layoutMap } = await import('../layout/org-layout');
  return only ? layoutMap(map, { only }) : layoutMap(map);
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
  const [mapName, setMapName] = useState(() => file.name.replace(/\.(csv|tsv|txt)$/i, '').replace(/[_-]+/g, ' ').trim());

  useEffect(() => {
    let active = true;
    (async () => {
      if (file.size > CSV_MAX_BYTES) {
        setPhase({ kind: 'refused', message: `“${file.name}” is ${Math.round(file.size / 1024 / 1024)} MB: too large for a list of contacts (the limit is 20 MB).` });
        return;
      }
      const parsed = parseCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())));
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
        setPhase({ kind: 'mapping', parsed });
      }
    })().catch((error: Error) => active && setPhase({ kind: 'refused', message: `“${file.name}” could not be read (${error.message}).` }));
    return () => {
      active = false;
    };
  }, [file]);

  const parsed = phase.kind === 'mapping' ? phase.parsed : null;
  const preview = useMemo(() => (parsed ? parsed.rows.slice(0, PREVIEW_ROWS) : []), [parsed]);
  const canImport = Boolean(parsed && mapping && hasNameColumn(mapping) && (target || mapName.trim()));

  const runImport = async () => {
    if (!parsed || !mapping) return;
    const total = parsed.rows.length;
    setPhase({ kind: 'importing', label: 'Reading rows', done: 0, total });
    const result = await buildImportAsync(parsed, mapping, {
      existing: target ?? undefined,
      onProgress: (done) => setPhase({ kind: 'importing', label: 'Reading rows', done, total }),
    });
    setPhase({ kind: 'importing', label: 'Laying out the org chart', done: total, total });
    const records = { departments: result.departments, stakeholders: result.stakeholders, links: result.links };
    try {
      if (target) {
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
        setPhase({ kind: 'done', result, mapName: target.name, newMapId: null });
      } else {
        const name = mapName.trim();
        const created = addRecords(emptyAccountMap(createId('map'), name, new Date().toISOString()), records);
        const placed = await laidOut(created, null);
        setPhase({ kind: 'importing', label: 'Saving the map', done: total, total });
        await createMap(placed);
        broadcastMapsChanged();
        setPhase({ kind: 'done', result, mapName: name, newMapId: placed.id });
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
          {phase.parsed.problems
            .filter((problem) => problem.code !== 'no-name-column' || !hasNameColumn(mapping))
            .map((problem) => (
              <p key={`${problem.code}-${problem.line ?? ''}`} className={problem.severity === 'error' ? 'pm-field-error' : 'pm-hint'} role={problem.severity === 'error' ? 'alert' : undefined}>
                {problem.message}
              </p>
            ))}
          {target ? null : (
            <div className="pm-field">
              <label htmlFor={`${formId}-name`}>Name of the new account map</label>
              <input id={`${formId}-name`} value={mapName} onChange={(event) => setMapName(event.target.value)} aria-invalid={!mapName.trim() || undefined} />
              {!mapName.trim() ? <p className="pm-field-error">Give the account map a name.</p> : null}
            </div>
          )}
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
                  <td>{cell(row.cells, mapping, 'reportsToName') || cell(row.cells, mapping, 'reportsToId')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pm-dialog__actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="pm-primary" disabled={!canImport}>
              Import {plural(phase.parsed.rows.length, 'row')}
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

      {phase.kind === 'done' ? (
        <>
          <div className="pm-dialog__body" role="status">
            <p>
              Imported {plural(phase.result.stakeholders.length, 'stakeholder')}
              {phase.result.departments.length ? `, ${plural(phase.result.departments.length, 'new department')}` : ''} and{' '}
              {plural(phase.result.links.length, 'reports-to link')} into “{phase.mapName}”.
            </p>
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
