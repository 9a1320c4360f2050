// "Update available — reload": a new release is waiting (see updates.ts). Not modal: the user
// finishes what they are doing, then reloads, or dismisses it. Each view places it where it covers
// none of its controls.
import '../panels/Notices.css';
import './UpdateNotice.css';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { useUpdateStore } from './updates';

export function UpdateNotice({ className }: { className: string }) {
  const { t } = useTranslation();
  const { waiting, reloading, reload, dismiss } = useUpdateStore(
    useShallow((s) => ({ waiting: s.waiting, reloading: s.reloading, reload: s.reload, dismiss: s.dismiss })),
  );
  if (!waiting) return null;
  return (
    <div className={`pm-update ${className}`} role="status" aria-label={t('dialogs.update.label')}>
      <button type="button" className="pm-update__reload" onClick={() => void reload()} disabled={reloading}>
        <span aria-hidden="true">↻</span> {reloading ? t('dialogs.update.reloading') : t('dialogs.update.reload')}
      </button>
      <button type="button" className="pm-update__dismiss" aria-label={t('dialogs.update.dismiss')} title={t('dialogs.update.notNow')} onClick={dismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
