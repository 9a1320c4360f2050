// Messages to the user: information fades after a few seconds, errors stay until dismissed.
import { useEffect } from 'react';
import { useMapStore, type Notice } from '../store/map-store';

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useMapStore((s) => s.dismissNotice);
  useEffect(() => {
    if (notice.tone !== 'info') return;
    const timer = setTimeout(() => dismiss(notice.id), 4000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className={`pm-notice pm-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
      <button type="button" aria-label="Dismiss message" onClick={() => dismiss(notice.id)}>
        ×
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
