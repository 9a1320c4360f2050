// The home view's "Backups and storage" area: the Backup card (last backup, back up all maps,
// restore), the Storage card, and the reminder shown at the top of the home view when a backup
// is overdue.
import { RestoreBackup } from './RestoreBackup';
import { StorageSection } from './StorageSection';
import { timeAgo, type BackupDates } from './backup-reminder';
import './BackupAndStorage.css';
import { useTranslation } from 'react-i18next';
import { currentLanguage, formatDate } from '../i18n';

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
  const { t } = useTranslation();
  if (!dates) return <p className="pm-safety__status">{t('storage.lastBackupUnknown')}</p>;
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
        {t('storage.lastBackupNever')}
      </p>
    );
  }
  const made = new Date(dates.lastBackupAt);
  return (
    <p className={tone}>
      {badge}
      <span>
        {t('storage.lastBackup')}{' '}
        <time dateTime={dates.lastBackupAt} title={formatDate(made, { dateStyle: 'medium', timeStyle: 'short' })}>
          {timeAgo(dates.lastBackupAt, now, currentLanguage())}
        </time>
      </span>
    </p>
  );
}

export function BackupAndStorage({ dates, busy, now, hasMaps, overdue, onBackUp }: BackupProps) {
  const { t } = useTranslation();
  return (
    <section className="pm-safety" aria-labelledby="pm-safety-title">
      <h2 className="pm-home__title" id="pm-safety-title">
        {t('storage.title')}
      </h2>
      <div className="pm-safety__grid">
        <section className="pm-safety__card" aria-labelledby="pm-backup-title">
          <h3 id="pm-backup-title">{t('storage.backup')}</h3>
          <LastBackup dates={dates} now={now} overdue={overdue} />
          <p className="pm-hint">
            {t('storage.backupHint')}
          </p>
          <div className="pm-safety__actions">
            <button type="button" className="pm-primary" onClick={onBackUp} disabled={busy || !hasMaps}>
              {t('storage.backUpAll')}
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
  const { t } = useTranslation();
  return (
    <div className="pm-safety__reminder" role="note" aria-label={t('storage.reminderLabel')}>
      <p>
        <strong>{days === null ? t('storage.noBackupYet') : t('storage.noBackupFor', { days })}</strong> {t('storage.reminderText')}
      </p>
      <button type="button" className="pm-primary" onClick={onBackUp} disabled={busy}>
        {t('storage.backUpNow')}
      </button>
    </div>
  );
}
