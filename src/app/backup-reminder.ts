// When to remind the user to back up, and how long ago something was, in words.

/** A backup older than this, with maps changed since, earns a reminder. */
export const BACKUP_REMINDER_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupDates {
  /** When the last backup was made here, or null if never. */
  lastBackupAt: string | null;
  /** When Powermap was first used in this browser, or null if unknown. */
  firstUseAt: string | null;
}

/**
 * Whether to remind, and how many days the data has gone without a backup (null: never backed
 * up). A reminder needs both: no backup for BACKUP_REMINDER_DAYS, and a map changed since then
 * (a backup of unchanged maps would hold nothing new). Without any backup the days count from
 * the first use here, so a user in their first two weeks is not told "no backup for 14 days".
 */
export function backupReminder(dates: BackupDates, latestChangeAt: string | null, now: Date): { remind: boolean; days: number | null } {
  const since = dates.lastBackupAt ?? dates.firstUseAt;
  const days = dates.lastBackupAt ? Math.floor((now.getTime() - Date.parse(dates.lastBackupAt)) / DAY_MS) : null;
  if (!latestChangeAt) return { remind: false, days };
  if (!since) return { remind: true, days };
  const old = now.getTime() - Date.parse(since) >= BACKUP_REMINDER_DAYS * DAY_MS;
  return { remind: old && Date.parse(latestChangeAt) > Date.parse(since), days };
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
  ['second', 1000],
];

/** "3 days ago", "yesterday", "5 minutes ago", in the browser's language (Intl.RelativeTimeFormat). */
export function timeAgo(iso: string, now: Date, locale?: string): string {
  const elapsed = Math.max(0, now.getTime() - Date.parse(iso));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(0, 'second');
}
