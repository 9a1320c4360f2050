// The home view's "Backups and storage" area: the Backup card (last backup, back up all maps,
// restore), the Storage card, and the reminder shown at the top of the home view when a backup
// is overdue.
import { RestoreBackup } from './RestoreBackup';
import { StorageSection } from './StorageSection';
import { timeAgo, type BackupDates } from './backup-reminder';
import './BackupAndStorage.css';

interface BackupProps {
  dates: BackupDates | null;
  busy: boolean;
  now: Date;
  hasMaps: boolean;
  /** True when the reminder is showing: the status here turns amber too. */
  overdue: boolean;
  onBackUp(): void;
}

function LastBackup({ dates, now, overdue }: { dates: BackupDates | null; now: Date; overdue: boolean }) {
  if (!dates) return <p className="pm-safety__status">Last backup: …</p>;
  const badge = (
    <span className="pm-segmented__icon pm-safety__badge" aria-hidden="true">
      {overdue || !dates.lastBackupAt ? '!' : '✓'}
    </span>
  );
  const tone = overdue || !dates.lastBackupAt ? 'pm-safety__status pm-safety__status--warn' : 'pm-safety__status pm-safety__status--good';
  if (!dates.lastBackupAt) {
    return (
      <p className={tone}>
        {badge}
        Last backup: never
      </p>
    );
  }
  const made = new Date(dates.lastBackupAt);
  return (
    <p className={tone}>
      {badge}
      <span>
        Last backup:{' '}
        <time dateTime={dates.lastBackupAt} title={made.toLocaleString()}>
          {timeAgo(dates.lastBackupAt, now)}
        </time>
      </span>
    </p>
  );
}

export function BackupAndStorage({ dates, busy, now, hasMaps, overdue, onBackUp }: BackupProps) {
  return (
    <section className="pm-safety" aria-labelledby="pm-safety-title">
      <h2 className="pm-home__title" id="pm-safety-title">
        Backups and storage
      </h2>
      <div className="pm-safety__grid">
        <section className="pm-safety__card" aria-labelledby="pm-backup-title">
          <h3 id="pm-backup-title">Backup</h3>
          <LastBackup dates={dates} now={now} overdue={overdue} />
          <p className="pm-hint">
            One zip file with every map and its snapshots. Keep it somewhere safe: on another disk, or where your team keeps files.
          </p>
          <div className="pm-safety__actions">
            <button type="button" className="pm-primary" onClick={onBackUp} disabled={busy || !hasMaps}>
              Back up all maps
            </button>
            <RestoreBackup />
          </div>
        </section>
        <StorageSection />
      </div>
    </section>
  );
}

/** The banner at the top of the home view when no backup was made for a while and maps changed since. */
export function BackupReminder({ days, busy, onBackUp }: { days: number | null; busy: boolean; onBackUp(): void }) {
  return (
    <div className="pm-safety__reminder" role="note" aria-label="Backup reminder">
      <p>
        <strong>{days === null ? 'No backup yet' : `No backup for ${days} days`}</strong> — your maps have changed since. Back up now to keep a copy
        outside this browser.
      </p>
      <button type="button" className="pm-primary" onClick={onBackUp} disabled={busy}>
        Back up now
      </button>
    </div>
  );
}
