// The home view: every account map stored in this browser, newest first, with create, open,
// rename, duplicate and delete. Deleting asks first and names what will be lost.
import { useCallback, useEffect, useState } from 'react';
import { emptyAccountMap } from '../domain/defaults';
import { createId } from '../domain/ids';
import {
  createMap,
  deleteMap,
  duplicateMap,
  listMaps,
  renameMap,
  type StoredMapSummary,
} from '../persistence/repository';
import { broadcastMapsChanged, onMapsChanged } from '../persistence/tab-lock';
import { useMapStore } from '../store/map-store';
import { ConfirmDialog } from '../panels/ConfirmDialog';
import { PromptDialog } from '../panels/PromptDialog';

type Dialog =
  | { kind: 'create' }
  | { kind: 'rename'; map: StoredMapSummary }
  | { kind: 'delete'; map: StoredMapSummary }
  | null;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatEdited(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function HomeView({ onOpen }: { onOpen(mapId: string): void }) {
  const [maps, setMaps] = useState<StoredMapSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const notify = useMapStore((s) => s.notify);

  const refresh = useCallback(() => {
    listMaps()
      .then((list) => {
        setMaps(list);
        setLoadError(null);
      })
      .catch((error: Error) => setLoadError(error.message));
  }, []);

  useEffect(() => {
    refresh();
    return onMapsChanged(refresh);
  }, [refresh]);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      broadcastMapsChanged();
    } catch (error) {
      notify((error as Error).message, 'error');
    }
    refresh();
  };

  return (
    <main className="pm-home">
      <header className="pm-home__header">
        <div>
          <h1>Powermap</h1>
          <p>Map who decides, who is for you, who is against you, and where the white space is.</p>
        </div>
        <button type="button" className="pm-primary pm-home__new" onClick={() => setDialog({ kind: 'create' })}>
          New account map
        </button>
      </header>

      <h2 className="pm-home__title">Your account maps</h2>
      {loadError ? (
        <p className="pm-field-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {maps === null && !loadError ? <p className="pm-hint">Loading…</p> : null}
      {maps?.length === 0 ? (
        <div className="pm-home__empty">
          <p>No account maps yet. Create one for the customer you are working on: add its departments, then its people.</p>
        </div>
      ) : null}
      {maps && maps.length > 0 ? (
        <ul className="pm-home__list" aria-label="Account maps">
          {maps.map((map) => (
            <li key={map.id} className="pm-home__item">
              <button type="button" className="pm-home__open" onClick={() => onOpen(map.id)} aria-label={`Open ${map.name}`}>
                <span className="pm-home__name">{map.name}</span>
                <span className="pm-home__meta">
                  Last edited {formatEdited(map.updatedAt)} · {plural(map.stakeholderCount, 'stakeholder')} ·{' '}
                  {plural(map.whiteSpaceCount, 'white-space department')}
                </span>
              </button>
              <div className="pm-home__actions">
                <button type="button" aria-label={`Rename ${map.name}`} onClick={() => setDialog({ kind: 'rename', map })}>
                  Rename
                </button>
                <button
                  type="button"
                  aria-label={`Duplicate ${map.name}`}
                  onClick={() => act(() => duplicateMap(map.id, `${map.name} (copy)`))}
                >
                  Duplicate
                </button>
                <button type="button" className="pm-danger-text" aria-label={`Delete ${map.name}`} onClick={() => setDialog({ kind: 'delete', map })}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}

      {dialog?.kind === 'create' ? (
        <PromptDialog
          title="New account map"
          label="Customer or account name"
          submitLabel="Create map"
          emptyMessage="Give the account map a name."
          onCancel={() => setDialog(null)}
          onSubmit={(name) => {
            const map = emptyAccountMap(createId('map'), name, new Date().toISOString());
            setDialog(null);
            void act(() => createMap(map)).then(() => onOpen(map.id));
          }}
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <PromptDialog
          title={`Rename “${dialog.map.name}”`}
          label="New name"
          initial={dialog.map.name}
          submitLabel="Rename"
          emptyMessage="Give the account map a name."
          onCancel={() => setDialog(null)}
          onSubmit={(name) => {
            const id = dialog.map.id;
            setDialog(null);
            void act(() => renameMap(id, name));
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          title={`Delete “${dialog.map.name}”?`}
          confirmLabel="Delete map"
          danger
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            const id = dialog.map.id;
            setDialog(null);
            void act(() => deleteMap(id));
          }}
        >
          <p>
            Its {plural(dialog.map.stakeholderCount, 'stakeholder')}, {plural(dialog.map.departmentCount, 'department')} and{' '}
            {plural(dialog.map.linkCount, 'link')} will be removed from this browser. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </main>
  );
}
