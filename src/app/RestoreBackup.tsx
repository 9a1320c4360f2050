// "Restore from backup…": reads a backup archive, shows what it holds (maps, snapshots, repairs,
// what could not be read) and, for each map already stored here, asks whether to replace it,
// keep both or skip it. Nothing is written before the user confirms, and a map is never
// replaced unless they chose that for it.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, t as translate } from '../i18n';
import { createId } from '../domain/ids';
import type { RestoredBackupMap } from '../io/backup-archive';
import { Dialog } from '../panels/Dialog';
import { listMaps, storeMapWithSnapshots, type StoredMapSummary } from '../persistence/repository';
import { broadcastMapsChanged } from '../persistence/tab-lock';
import { useMapStore } from '../store/map-store';
import { isOpenSomewhere } from './FileImport';

type Choice = 'replace' | 'copy' | 'skip';

interface Found {
  fileName: string;
  createdAt: string | null;
  maps: RestoredBackupMap[];
  problems: string[];
  /** Stored maps with the id of a map in the backup, and whether a tab has that map open. */
  existing: Map<string, { summary: StoredMapSummary; open: boolean }>;
}

const snapshotCount = (maps: RestoredBackupMap[]) => maps.reduce((sum, entry) => sum + entry.snapshots.length, 0);

/** Each choice and the key of its label. */
const CHOICES = [
  { value: 'replace', label: 'storage.restore.replace' },
  { value: 'copy', label: 'storage.restore.keepBoth' },
  { value: 'skip', label: 'storage.restore.skip' },
] as const satisfies readonly { value: Choice; label: string }[];

function ConflictChoice({ entry, open, choice, onChoose }: { entry: RestoredBackupMap; open: boolean; choice: Choice; onChoose(choice: Choice): void }) {
  const { t } = useTranslation();
  const group = `pm-restore-${entry.map.id}`;
  return (
    <li className="pm-restore__conflict">
      <span className="pm-restore__name">
        {entry.map.name}
        <span className="pm-hint">
          {' '}
          {t('storage.restore.inBackup', { stakeholders: Object.keys(entry.map.stakeholders).length, snapshots: entry.snapshots.length })}
          {open ? t('storage.restore.openInTab') : ''}
        </span>
      </span>
      <span className="pm-segmented pm-restore__choices" role="radiogroup" aria-label={entry.map.name}>
        {CHOICES.map(({ value, label }) => (
          <label key={value} className={choice === value ? 'on' : undefined}>
            <input
              type="radio"
              name={group}
              value={value}
              checked={choice === value}
              disabled={value === 'replace' && open}
              onChange={() => onChoose(value)}
            />
            {t(label)}
          </label>
        ))}
      </span>
    </li>
  );
}

function RestoreDialog({ found, onClose, onRestore }: { found: Found; onClose(): void; onRestore(choices: Map<string, Choice>): void }) {
  const { t } = useTranslation();
  // Skip until the user says otherwise: a stored map is never replaced without being asked.
  const [choices, setChoices] = useState(() => new Map([...found.existing.keys()].map((id) => [id, 'skip' as Choice])));
  const conflicts = found.maps.filter((entry) => found.existing.has(entry.map.id));
  const fresh = found.maps.filter((entry) => !found.existing.has(entry.map.id));
  const restoring = found.maps.filter((entry) => (choices.get(entry.map.id) ?? 'add') !== 'skip').length;
  const repairs = found.maps.flatMap((entry) => entry.repairs);
  const made = found.createdAt ? formatDate(found.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) : null;
  const holds = { file: found.fileName, date: made ?? '', maps: found.maps.length, snapshots: snapshotCount(found.maps) };

  return (
    <Dialog title={t('storage.restore.title')} onClose={onClose} className="pm-restore">
      <div className="pm-dialog__body">
        <p>
          {found.problems.length
            ? t(made ? 'storage.restore.holdsMadeRestorable' : 'storage.restore.holdsRestorable', holds)
            : t(made ? 'storage.restore.holdsMade' : 'storage.restore.holds', holds)}
        </p>
        {found.problems.length > 0 ? (
          <>
            <p>{t('storage.restore.unreadable')}</p>
            <ul className="pm-report" aria-label={t('storage.restore.leftOut')}>
              {found.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </>
        ) : null}
        {repairs.length > 0 ? (
          <>
            <p>{t('storage.restore.willRepair')}</p>
            <ul className="pm-report" aria-label={t('storage.restore.repairs')}>
              {repairs.map((repair) => (
                <li key={repair}>{repair}</li>
              ))}
            </ul>
          </>
        ) : null}
        {conflicts.length > 0 ? (
          <>
            <p>
              <strong>{t('storage.restore.alreadyHere')}</strong> {t('storage.restore.alreadyHereText')}
            </p>
            <ul className="pm-restore__conflicts">
              {conflicts.map((entry) => (
                <ConflictChoice
                  key={entry.map.id}
                  entry={entry}
                  open={found.existing.get(entry.map.id)?.open ?? false}
                  choice={choices.get(entry.map.id) ?? 'skip'}
                  onChoose={(choice) => setChoices((previous) => new Map(previous).set(entry.map.id, choice))}
                />
              ))}
            </ul>
          </>
        ) : null}
        {fresh.length > 0 ? (
          <p>{t('storage.restore.newHere', { count: fresh.length, names: fresh.map((entry) => `“${entry.map.name}”`).join(', ') })}</p>
        ) : null}
      </div>
      <div className="pm-dialog__actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="pm-primary" data-autofocus disabled={restoring === 0} onClick={() => onRestore(choices)}>
          {restoring === found.maps.length ? t('storage.restore.restoreAll', { count: restoring }) : t('storage.restore.restoreSome', { count: restoring, total: found.maps.length })}
        </button>
      </div>
    </Dialog>
  );
}

/** The restore button, its file chooser and its dialog. */
export function RestoreBackup() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useMapStore((s) => s.notify);

  const read = async (file: File) => {
    setBusy(true);
    try {
      const { BACKUP_MAX_BYTES, readBackupArchive } = await import('../io/backup-archive');
      if (file.size > BACKUP_MAX_BYTES) {
        notify(translate('storage.restore.tooLarge', { file: file.name }), 'error');
        return;
      }
      const result = readBackupArchive(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!result.ok) {
        notify(translate('storage.restore.unchanged', { message: result.message }), 'error');
        return;
      }
      if (result.maps.length === 0) {
        notify(translate('storage.restore.nothing', { file: file.name, problems: result.problems.join(' ') }), 'error');
        return;
      }
      const stored = new Map((await listMaps()).map((summary) => [summary.id, summary]));
      const existing: Found['existing'] = new Map();
      for (const entry of result.maps) {
        const summary = stored.get(entry.map.id);
        if (summary) existing.set(summary.id, { summary, open: await isOpenSomewhere(summary.id) });
      }
      setFound({ fileName: file.name, createdAt: result.createdAt, maps: result.maps, problems: result.problems, existing });
    } catch (error) {
      notify(translate('storage.restore.unreadableFile', { file: file.name, reason: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  const restore = async (current: Found, choices: Map<string, Choice>) => {
    setFound(null);
    let maps = 0;
    let snapshots = 0;
    const failed: string[] = [];
    for (const entry of current.maps) {
      const choice = choices.get(entry.map.id);
      if (choice === 'skip') continue;
      const copy = choice === 'copy' ? { ...entry, map: { ...entry.map, id: createId('map'), name: translate('storage.restore.fromBackup', { name: entry.map.name }) } } : entry;
      try {
        await storeMapWithSnapshots(copy);
        maps += 1;
        snapshots += entry.snapshots.length;
      } catch (error) {
        failed.push(translate('storage.restore.failedOne', { name: entry.map.name, reason: error instanceof Error ? error.message : String(error) }));
      }
    }
    if (maps > 0) broadcastMapsChanged();
    const skipped = current.maps.length - maps - failed.length;
    notify(skipped ? translate('storage.restore.restoredSkipped', { maps, snapshots, skipped }) : translate('storage.restore.restored', { maps, snapshots }));
    if (failed.length) notify(translate('storage.restore.failed', { names: failed.join(', ') }), 'error');
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept=".zip,application/zip"
        aria-label={t('storage.restore.choose')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // the same file can be chosen again
          if (file) void read(file);
        }}
      />
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        {t('storage.restore.button')}
      </button>
      {found ? <RestoreDialog found={found} onClose={() => setFound(null)} onRestore={(choices) => void restore(found, choices)} /> : null}
    </>
  );
}
