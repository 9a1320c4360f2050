// Messages to the user, bottom centre: information fades after a few seconds, errors stay until
// dismissed (a projector audience may need longer to read them, and they usually ask for action).
import './Notices.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapStore, type Notice } from '../store/map-store';

/** How long an information message stays, in milliseconds. */
const INFO_NOTICE_MS = 4000;

function NoticeItem({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const dismiss = useMapStore((s) => s.dismissNotice);
  useEffect(() => {
    if (notice.tone !== 'info') return;
    const timer = setTimeout(() => dismiss(notice.id), INFO_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  const error = notice.tone === 'error';
  return (
    <div className={`pm-notice pm-notice--${notice.tone}`} role={error ? 'alert' : 'status'}>
      <span className="pm-notice__icon" aria-hidden="true">
        {error ? '!' : 'i'}
      </span>
      <span className="pm-notice__text">{notice.message}</span>
      <button type="button" aria-label={t('dialogs.notice.dismiss')} title={t('dialogs.notice.dismissTitle')} onClick={() => dismiss(notice.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useMapStore((s) => s.notices);
  return (
    <div className="pm-notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </div>
  );
}
