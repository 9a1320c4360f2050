// "Restore from backup…": reads a backup archive, shows what it holds (maps, snapshots, repairs,
// what could not be read) and, for each map already stored here, asks whether to replace it,
// keep both or skip it. Nothing is written before the user confirms, and a map is never
// replaced unless they chose that for it.
import { useRef, useState } from 'react';
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const snapshotCount = (maps: RestoredBackupMap[]) => maps.reduce((sum, entry) => sum + entry.snapshots.length, 0);

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'replace', label: 'Replace' },
  { value: 'copy', label: 'Keep both' },
  { value: 'skip', label: 'Skip' },
];

function ConflictChoice({ entry, open, choice, onChoose }: { entry: RestoredBackupMap; open: boolean; choice: Choice; onChoose(choice: Choice): void }) {
  const group = `pm-restore-${entry.map.id}`;
  return (
    <li className="pm-restore__conflict">
      <span className="pm-restore__name">
        {entry.map.name}
        <span className="pm-hint">
          {' '}
          · in the backup: {plural(Object.keys(entry.map.stakeholders).length, 'stakeholder')}, {plural(entry.snapshots.length, 'snapshot')}
          {open ? ' · open in a tab, so it cannot be replaced now' : ''}
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
            {label}
          </label>
        ))}
      </span>
    </li>
  );
}

function RestoreDialog({ found, onClose, onRestore }: { found: Found; onClose(): void; onRestore(choices: Map<string, Choice>): void }) {
  // Skip until the user says otherwise: a stored map is never replaced without being asked.
  const [choices, setChoices] = useState(() => new Map([...found.existing.keys()].map((id) => [id, 'skip' as Choice])));
  const conflicts = found.maps.filter((entry) => found.existing.has(entry.map.id));
  const fresh = found.maps.filter((entry) => !found.existing.has(entry.map.id));
  const restoring = found.maps.filter((entry) => (choices.get(entry.map.id) ?? 'add') !== 'skip').length;
  const repairs = found.maps.flatMap((entry) => entry.repairs);
  const made = found.createdAt ? new Date(found.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : null;

  return (
    <Dialog title="Restore from backup" onClose={onClose} className="pm-restore">
      <div className="pm-dialog__body">
        <p>
          “{found.fileName}”{made ? `, made ${made},` : ''} holds {plural(found.maps.length, 'map')} and {plural(snapshotCount(found.maps), 'snapshot')}
          {found.problems.length ? ' that can be restored' : ''}.
        </p>
        {found.problems.length > 0 ? (
          <>
            <p>Some of it could not be read and is left out:</p>
            <ul className="pm-report" aria-label="Left out">
              {found.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </>
        ) : null}
        {repairs.length > 0 ? (
          <>
            <p>Problems that will be repaired on the way in:</p>
            <ul className="pm-report" aria-label="Repairs">
              {repairs.map((repair) => (
                <li key={repair}>{repair}</li>
              ))}
            </ul>
          </>
        ) : null}
        {conflicts.length > 0 ? (
          <>
            <p>
              <strong>Already in this browser.</strong> Replace overwrites the stored map with the backup’s (its other snapshots stay); keep
              both adds the backup’s as a new map.
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
          <p>
            {fresh.length === 1 ? 'New here: ' : `${fresh.length} new here: `}
            {fresh.map((entry) => `“${entry.map.name}”`).join(', ')}.
          </p>
        ) : null}
      </div>
      <div className="pm-dialog__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="pm-primary" data-autofocus disabled={restoring === 0} onClick={() => onRestore(choices)}>
          {restoring === found.maps.length ? `Restore ${plural(restoring, 'map')}` : `Restore ${restoring} of ${plural(found.maps.length, 'map')}`}
        </button>
      </div>
    </Dialog>
  );
}

/** The restore button, its file chooser and its dialog. */
export function RestoreBackup() {
  const input = useRef<HTMLInputElement>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useMapStore((s) => s.notify);

  const read = async (file: File) => {
    setBusy(true);
    try {
      const { BACKUP_MAX_BYTES, readBackupArchive } = await import('../io/backup-archive');
      if (file.size > BACKUP_MAX_BYTES) {
        notify(`“${file.name}” is too large to be a Powermap backup.`, 'error');
        return;
      }
      const result = readBackupArchive(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!result.ok) {
        notify(`${result.message} Nothing was changed.`, 'error');
        return;
      }
      if (result.maps.length === 0) {
        notify(`Nothing in “${file.name}” could be restored, and nothing was changed. ${result.problems.join(' ')}`, 'error');
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
      notify(`“${file.name}” could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`, 'error');
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
      const copy = choice === 'copy' ? { ...entry, map: { ...entry.map, id: createId('map'), name: `${entry.map.name} (from backup)` } } : entry;
      try {
        await storeMapWithSnapshots(copy);
        maps += 1;
        snapshots += entry.snapshots.length;
      } catch (error) {
        failed.push(`“${entry.map.name}” (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    if (maps > 0) broadcastMapsChanged();
    const skipped = current.maps.length - maps - failed.length;
    notify(`Restored ${plural(maps, 'map')} and ${plural(snapshots, 'snapshot')}${skipped ? `; skipped ${skipped}` : ''}.`);
    if (failed.length) notify(`Could not store ${failed.join(', ')}. The maps already stored are unchanged.`, 'error');
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept=".zip,application/zip"
        aria-label="Choose a Powermap backup to restore"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // the same file can be chosen again
          if (file) void read(file);
        }}
      />
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        Restore from backup…
      </button>
      {found ? <RestoreDialog found={found} onClose={() => setFound(null)} onRestore={(choices) => void restore(found, choices)} /> : null}
    </>
  );
}
