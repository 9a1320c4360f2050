// Files in: a map file (.powermap.json), or a PNG/SVG exported with its map embedded, becomes a
// new stored map; a CSV of stakeholders goes to the CSV import dialog. Files come from the Import button (openImportPicker) or are dropped
// anywhere on the window. Nothing is stored until the whole file has been read and checked, and
// the map that is open stays as it is: a file with the same map id asks to replace or keep both.
import './FileImport.css';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createId } from '../domain/ids';
import type { AccountMap, Viewport } from '../domain/types';
import { MAP_FILE_EXTENSION, readMapFile } from '../io/map-file';
import { attachImportPicker } from '../actions/import-picker';
import { Dialog } from '../panels/Dialog';
import { createMap, listMaps, saveViewport, type StoredMapSummary } from '../persistence/repository';
import { broadcastMapsChanged, lockName } from '../persistence/tab-lock';
import { useMapStore } from '../store/map-store';
import { t as translate } from '../i18n';

const CsvImportDialog = lazy(() => import('../panels/CsvImportDialog').then((module) => ({ default: module.CsvImportDialog })));

/** What the picker and a drop accept. */
export const IMPORT_ACCEPT = `${MAP_FILE_EXTENSION},.json,.csv,.tsv,.txt,text/csv,.png,.svg,image/png,image/svg+xml`;

/**
 * A PNG or SVG: opened for the map exported into it (io/embedded-map.ts, loaded when one comes).
 * The name decides before the type: a ".powermap.json" that is really an image is a broken map file.
 */
const isPicture = (file: File) =>
  /\.(png|svg)$/i.test(file.name) || (!/\.json$/i.test(file.name) && (file.type === 'image/png' || file.type === 'image/svg+xml'));

const isCsv = (file: File) => /\.(csv|tsv|txt)$/i.test(file.name) || file.type === 'text/csv';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'conflict'; map: AccountMap; viewport: Viewport | null; repairs: string[]; existing: StoredMapSummary; openSomewhere: boolean }
  | { kind: 'report'; map: AccountMap; repairs: string[] }
  | { kind: 'csv'; file: File };

/** True if a tab (this one included) has the map open: it holds the map's Web Lock. */
export async function isOpenSomewhere(mapId: string): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return false;
  const { held = [] } = await locks.query();
  return held.some((lock) => lock.name === lockName(mapId));
}

function counts(map: AccountMap): string {
  return translate('dialogs.import.counts', {
    stakeholders: Object.keys(map.stakeholders).length,
    departments: Object.keys(map.departments).length,
    links: Object.keys(map.links).length,
  });
}

export function FileImport({ onOpen }: { onOpen(mapId: string): void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const busy = step.kind !== 'idle';
  const notify = useMapStore((s) => s.notify);

  useEffect(() => {
    attachImportPicker(input.current);
    return () => attachImportPicker(null);
  }, []);

  const store = useCallback(
    async (map: AccountMap, viewport: Viewport | null, repairs: string[]) => {
      try {
        await createMap(map);
        if (viewport) await saveViewport(map.id, viewport).catch(() => undefined);
        broadcastMapsChanged();
        setStep({ kind: 'report', map, repairs });
      } catch (error) {
        setStep({ kind: 'idle' });
        notify(translate('dialogs.import.couldNotStore', { reason: (error as Error).message }), 'error');
      }
    },
    [notify],
  );

  const importFile = useCallback(
    async (file: File) => {
      if (isCsv(file)) {
        setStep({ kind: 'csv', file });
        return;
      }
      setStep({ kind: 'reading', fileName: file.name });
      // A PNG or SVG exported from Powermap carries its map; it opens through the same checks.
      const result = isPicture(file) ? await (await import('../io/embedded-map')).readMapFromPicture(file) : await readMapFile(file);
      if (!result.ok) {
        setStep({ kind: 'idle' });
        notify(result.message, 'error');
        return;
      }
      const existing = (await listMaps().catch(() => [])).find((summary) => summary.id === result.map.id);
      if (existing) {
        const openSomewhere = await isOpenSomewhere(existing.id);
        setStep({ kind: 'conflict', map: result.map, viewport: result.viewport, repairs: result.repairs, existing, openSomewhere });
        return;
      }
      await store(result.map, result.viewport, result.repairs);
    },
    [notify, store],
  );

  // Drop a file anywhere on the window. Only drags that carry files show the drop hint.
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => Boolean(event.dataTransfer?.types.includes('Files'));
    let depth = 0;
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // or the browser opens the file in place of the app
      if (event.dataTransfer) event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      if (busy) notify(translate('dialogs.import.finishFirst'), 'error');
      else void importFile(file);
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [busy, importFile, notify]);

  const close = () => setStep({ kind: 'idle' });

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept={IMPORT_ACCEPT}
        aria-label={t('dialogs.import.choose')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // choosing the same file again must fire again
          if (file) void importFile(file);
        }}
      />
      {dragging ? (
        <div className="pm-drop" aria-hidden="true">
          <div className="pm-drop__box">
            <strong>{t('dialogs.import.drop')}</strong>
            <span>{t('dialogs.import.dropWhat', { extension: MAP_FILE_EXTENSION })}</span>
          </div>
        </div>
      ) : null}
      {step.kind === 'reading' ? (
        <p className="pm-visually-hidden" role="status">
          {t('dialogs.import.reading', { file: step.fileName })}
        </p>
      ) : null}
      {step.kind === 'conflict' ? (
        <Dialog title={t('dialogs.import.alreadyHere', { name: step.existing.name })} onClose={close}>
          <div className="pm-dialog__body">
            <p>{t('dialogs.import.sameId', { name: step.existing.name })}</p>
            {step.openSomewhere ? (
              <p className="pm-hint" role="note">
                {t('dialogs.import.openInTab', { name: step.existing.name })}
              </p>
            ) : null}
          </div>
          <div className="pm-dialog__actions">
            <button type="button" onClick={close}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="pm-danger"
              disabled={step.openSomewhere}
              onClick={() => void store(step.map, step.viewport, step.repairs)}
            >
              {t('dialogs.import.replace')}
            </button>
            <button
              type="button"
              className="pm-primary"
              data-autofocus
              onClick={() => void store({ ...step.map, id: createId('map'), name: t('dialogs.import.importedName', { name: step.map.name }) }, step.viewport, step.repairs)}
            >
              {t('dialogs.import.keepBoth')}
            </button>
          </div>
        </Dialog>
      ) : null}
      {step.kind === 'report' ? (
        <Dialog title={t('dialogs.import.imported', { name: step.map.name })} onClose={close}>
          <div className="pm-dialog__body">
            <p>{counts(step.map)}</p>
            {step.repairs.length > 0 ? (
              <>
                <p>{t('dialogs.import.repaired')}</p>
                <ul className="pm-report">
                  {step.repairs.map((repair) => (
                    <li key={repair}>{repair}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          <div className="pm-dialog__actions">
            <button type="button" onClick={close}>
              {t('common.close')}
            </button>
            <button
              type="button"
              className="pm-primary"
              data-autofocus
              onClick={() => {
                close();
                onOpen(step.map.id);
              }}
            >
              {t('dialogs.import.openMap')}
            </button>
          </div>
        </Dialog>
      ) : null}
      {step.kind === 'csv' ? (
        <Suspense fallback={null}>
          <CsvImportDialog file={step.file} onClose={close} onOpen={onOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
