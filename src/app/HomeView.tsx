// The home view: every account map stored in this browser, newest first, with create, open,
// rename, duplicate and delete. Deleting asks first and names what will be lost. Below the list,
// backups and storage; above it, a reminder when a backup is overdue.
import './HomeView.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyAccountMap } from '../domain/defaults';
import { createId } from '../domain/ids';
import { createMap, deleteMap, duplicateMap, listMaps, renameMap, type StoredMapSummary } from '../persistence/repository';
import { broadcastMapsChanged, onMapsChanged } from '../persistence/tab-lock';
import { useMapStore } from '../store/map-store';
import { ConfirmDialog } from '../panels/ConfirmDialog';
import { PromptDialog } from '../panels/PromptDialog';
import { openImportPicker } from '../actions/import-picker';
import { UpdateNotice } from './UpdateNotice';
import { BackupAndStorage, BackupReminder } from './BackupAndStorage';
import { backupReminder } from './backup-reminder';
import { useBackup } from './use-backup';
import { LanguagePicker } from '../panels/LanguagePicker';

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'rename'; map: StoredMapSummary }
  | { kind: 'delete'; map: StoredMapSummary }
  | null;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const time = (date: Date) => date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** "just now", "12 minutes ago", "today, 14:05", "yesterday, 09:30", then the date. */
function formatEdited(iso: string, now: Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'at an unknown time';
  const minutes = Math.round((now.getTime() - date.getTime()) / 60000);
  if (minutes >= 0 && minutes < 1) return 'just now';
  if (minutes >= 1 && minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const day = 24 * 60 * 60 * 1000;
  if (date.getTime() >= startOfToday && date.getTime() < startOfToday + day) return `today, ${time(date)}`;
  if (date.getTime() >= startOfToday - day && date.getTime() < startOfToday) return `yesterday, ${time(date)}`;
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

function MapCard({ map, now, onOpen, onAsk, onDuplicate }: {
  map: StoredMapSummary;
  now: Date;
  onOpen(): void;
  onAsk(kind: 'rename' | 'delete'): void;
  onDuplicate(): void;
}) {
  const metaId = `pm-map-meta-${map.id}`;
  const absolute = new Date(map.updatedAt);
  return (
    <li className="pm-home__item">
      {/* The button holds only the name, so what it says is what it shows; the line under it
          describes it and opens the map too when clicked. */}
      <div className="pm-home__main" onClick={onOpen}>
        <button type="button" className="pm-home__open" aria-label={`Open ${map.name}`} aria-describedby={metaId}>
          <span className="pm-home__name">{map.name}</span>
        </button>
        <span className="pm-home__meta" id={metaId}>
          Last edited{' '}
          <time dateTime={map.updatedAt} title={Number.isNaN(absolute.getTime()) ? undefined : absolute.toLocaleString()}>
            {formatEdited(map.updatedAt, now)}
          </time>{' '}
          · {plural(map.stakeholderCount, 'stakeholder')} · {plural(map.whiteSpaceCount, 'white-space department')}
        </span>
      </div>
      <div className="pm-home__actions">
        <button type="button" aria-label={`Rename ${map.name}`} onClick={() => onAsk('rename')}>
          Rename
        </button>
        <button type="button" aria-label={`Duplicate ${map.name}`} onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="pm-danger-text" aria-label={`Delete ${map.name}`} onClick={() => onAsk('delete')}>
          Delete
        </button>
      </div>
    </li>
  );
}

export interface HomeViewProps {
  /** Called with the id of the map to open (an existing one, or one just created). */
  onOpen(mapId: string): void;
}

export function HomeView({ onOpen }: HomeViewProps) {
  const [maps, setMaps] = useState<StoredMapSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [now, setNow] = useState(() => new Date());
  const notify = useMapStore((s) => s.notify);
  const mounted = useRef(true);
  const backup = useBackup();
  // The list is newest first, so its first map holds the latest change.
  const reminder = backup.dates && maps ? backupReminder(backup.dates, maps[0]?.updatedAt ?? null, now) : null;

  const refresh = useCallback(() => {
    listMaps()
      .then((list) => {
        if (!mounted.current) return;
        setMaps(list);
        setLoadError(null);
        setNow(new Date());
      })
      .catch((error: Error) => mounted.current && setLoadError(error.message));
  }, []);

  useEffect(() => {
    mounted.current = true;
    refresh();
    const stop = onMapsChanged(refresh);
    // Keep "5 minutes ago" honest while the list stays open.
    const clock = setInterval(() => setNow(new Date()), 60_000);
    return () => {
      mounted.current = false;
      stop();
      clearInterval(clock);
    };
  }, [refresh]);

  /** Runs a storage change; true if it worked. Failures are told to the user, never thrown. */
  const change = async (work: () => Promise<unknown>): Promise<boolean> => {
    let ok = true;
    try {
      await work();
      broadcastMapsChanged();
    } catch (error) {
      ok = false;
      notify(error instanceof Error ? error.message : String(error), 'error');
    }
    refresh();
    return ok;
  };

  const create = async (name: string) => {
    setDialog(null);
    const map = emptyAccountMap(createId('map'), name, new Date().toISOString());
    if (await change(() => createMap(map))) onOpen(map.id);
  };

  return (
    <main className="pm-home">
      <header className="pm-home__header">
        <div>
          <h1>Powermap</h1>
          <p>Map who decides, who is for you, who is against you, and where the white space is.</p>
        </div>
        <div className="pm-home__buttons">
          <LanguagePicker />
          <button type="button" onClick={openImportPicker} title="A Powermap map file (.powermap.json) or a CSV of stakeholders from your CRM. You can also drop a file here.">
            Import map or CSV…
          </button>
          <button type="button" className="pm-primary pm-home__new" onClick={() => setDialog({ kind: 'create' })}>
            New account map
          </button>
        </div>
      </header>

      <UpdateNotice className="pm-update--page" />
      {reminder?.remind ? <BackupReminder days={reminder.days} busy={backup.busy} onBackUp={() => void backup.backUp()} /> : null}

      <h2 className="pm-home__title">Your account maps</h2>
      {loadError ? (
        <p className="pm-field-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {maps === null && !loadError ? (
        <p className="pm-hint" aria-busy="true">
          Loading your maps…
        </p>
      ) : null}
      {maps?.length === 0 ? (
        <div className="pm-home__empty">
          <p>
            <strong>No account maps yet.</strong>
          </p>
          <p>
            Choose <em>New account map</em> and name it after the customer. Add its departments first, then the people in
            them, then tag who decides and who is for or against you. Everything stays in this browser.
          </p>
        </div>
      ) : null}
      {maps && maps.length > 0 ? (
        <ul className="pm-home__list" aria-label="Account maps">
          {maps.map((map) => (
            <MapCard
              key={map.id}
              map={map}
              now={now}
              onOpen={() => onOpen(map.id)}
              onAsk={(kind) => setDialog({ kind, map })}
              onDuplicate={() =>
                void change(() => duplicateMap(map.id, `${map.name} (copy)`)).then(
                  (ok) => ok && notify(`Duplicated as “${map.name} (copy)”.`),
                )
              }
            />
          ))}
        </ul>
      ) : null}

      <BackupAndStorage dates={backup.dates} busy={backup.busy} now={now} hasMaps={Boolean(maps?.length)} overdue={Boolean(reminder?.remind)} onBackUp={() => void backup.backUp()} />

      {dialog?.kind === 'create' ? (
        <PromptDialog
          title="New account map"
          label="Customer or account name"
          placeholder="e.g. Nordwind Logistics"
          submitLabel="Create map"
          emptyMessage="Give the account map a name."
          onCancel={() => setDialog(null)}
          onSubmit={(name) => void create(name)}
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
            if (name !== dialog.map.name) void change(() => renameMap(id, name));
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
            void change(() => deleteMap(id));
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
