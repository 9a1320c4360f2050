// The backup reminder: overdue means no backup for 14 days AND a map changed since; and the
// "Last backup: 3 days ago" wording.
import { describe, expect, it } from 'vitest';
import { backupReminder, timeAgo } from '../../../src/app/backup-reminder';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000).toISOString();

describe('backupReminder', () => {
  const firstUseAt = daysAgo(90);

  it('reminds when the last backup is 14 days old or more and a map changed since', () => {
    expect(backupReminder({ lastBackupAt: daysAgo(14), firstUseAt }, daysAgo(2), NOW)).toEqual({ remind: true, days: 14 });
    expect(backupReminder({ lastBackupAt: daysAgo(40), firstUseAt }, daysAgo(39), NOW)).toEqual({ remind: true, days: 40 });
  });

  it('does not remind for a recent backup, however much changed', () => {
    expect(backupReminder({ lastBackupAt: daysAgo(13), firstUseAt }, NOW.toISOString(), NOW)).toEqual({ remind: false, days: 13 });
  });

  it('does not remind for an old backup when nothing changed since it was made', () => {
    expect(backupReminder({ lastBackupAt: daysAgo(30), firstUseAt }, daysAgo(31), NOW).remind).toBe(false);
    expect(backupReminder({ lastBackupAt: daysAgo(30), firstUseAt }, null, NOW).remind).toBe(false);
  });

  it('without any backup, reminds once Powermap has been used here for 14 days and a map changed', () => {
    expect(backupReminder({ lastBackupAt: null, firstUseAt: daysAgo(20) }, daysAgo(1), NOW)).toEqual({ remind: true, days: null });
    // The first two weeks: "no backup for 14 days" would not be true yet.
    expect(backupReminder({ lastBackupAt: null, firstUseAt: daysAgo(3) }, daysAgo(1), NOW).remind).toBe(false);
    // Only the untouched sample, stored at first use: nothing of the user's to lose.
    expect(backupReminder({ lastBackupAt: null, firstUseAt: daysAgo(20) }, daysAgo(20), NOW).remind).toBe(false);
    // First use unknown (storage from before it was recorded): any map counts as changed.
    expect(backupReminder({ lastBackupAt: null, firstUseAt: null }, daysAgo(1), NOW).remind).toBe(true);
    expect(backupReminder({ lastBackupAt: null, firstUseAt: null }, null, NOW).remind).toBe(false);
  });
});

describe('timeAgo', () => {
  it('says how long ago in words', () => {
    expect(timeAgo(daysAgo(3), NOW, 'en')).toBe('3 days ago');
    expect(timeAgo(daysAgo(1), NOW, 'en')).toBe('yesterday');
    expect(timeAgo(daysAgo(20), NOW, 'en')).toBe('20 days ago');
    expect(timeAgo(daysAgo(65), NOW, 'en')).toBe('2 months ago');
    expect(timeAgo(daysAgo(400), NOW, 'en')).toBe('last year');
    expect(timeAgo(new Date(NOW.getTime() - 5 * 60 * 1000).toISOString(), NOW, 'en')).toBe('5 minutes ago');
    expect(timeAgo(NOW.toISOString(), NOW, 'en')).toBe('now');
    expect(timeAgo(daysAgo(3), NOW, 'de')).toBe('vor 3 Tagen');
  });

  it('says "now" for a time a moment ahead (a clock that moved back), never "in 2 seconds"', () => {
    expect(timeAgo(new Date(NOW.getTime() + 2000).toISOString(), NOW, 'en')).toBe('now');
  });
});
