// The "Back up all maps" action and the dates the home view shows about backups.
import { useCallback, useEffect, useState } from 'react';
import { downloadBlob } from '../io/download';
import { loadBackupDates, loadEverything, rememberBackup } from '../persistence/repository';
import { useMapStore } from '../store/map-store';
import type { BackupDates } from './backup-reminder';
import { t } from '../i18n';

export function useBackup(): { dates: BackupDates | null; busy: boolean; backUp(): Promise<void> } {
  const [dates, setDates] = useState<BackupDates | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useMapStore((s) => s.notify);

  useEffect(() => {
    let live = true;
    loadBackupDates()
      .then((loaded) => live && setDates(loaded))
      .catch(() => live && setDates({ lastBackupAt: null, firstUseAt: null }));
    return () => {
      live = false;
    };
  }, []);

  const backUp = useCallback(async () => {
    setBusy(true);
    try {
      // The zip code loads on first use, so the home view stays small.
      const [{ backupFileName, buildBackupArchive }, { maps, unreadable }] = await Promise.all([import('../io/backup-archive'), loadEverything()]);
      const now = new Date();
      const fileName = backupFileName(now);
      const archive = buildBackupArchive(maps, now);
      downloadBlob(new Blob([archive as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
      await rememberBackup(now.toISOString());
      setDates((previous) => ({ firstUseAt: previous?.firstUseAt ?? null, lastBackupAt: now.toISOString() }));
      const snapshots = maps.reduce((sum, entry) => sum + entry.snapshots.length, 0);
      notify(t('storage.saved', { maps: maps.length, snapshots, file: fileName }));
      if (unreadable.length > 0) notify(t('storage.leftOut', { names: unreadable.join('; ') }), 'error');
    } catch (error) {
      notify(t('storage.backupFailed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  }, [notify]);

  return { dates, busy, backUp };
}
