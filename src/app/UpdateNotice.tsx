// "Update available — reload": a new release is waiting (see updates.ts). Not modal: the user
// finishes what they are doing, then reloads, or dismisses it. Each view places it where it covers
// none of its controls.
import '../panels/Notices.css';
import './UpdateNotice.css';
import { useShallow } from 'zustand/react/shallow';
import { useUpdateStore } from './updates';

export function UpdateNotice({ className }: { className: string }) {
  const { waiting, reloading, reload, dismiss } = useUpdateStore(
    useShallow((s) => ({ waiting: s.waiting, reloading: s.reloading, reload: s.reload, dismiss: s.dismiss })),
  );
  if (!waiting) return null;
  return (
    <div className={`pm-update ${className}`} role="status" aria-label="New version">
      <button type="button" className="pm-update__reload" onClick={() => void reload()} disabled={reloading}>
        <span aria-hidden="true">↻</span> {reloading ? 'Reloading…' : 'Update available — reload'}
      </button>
      <button type="button" className="pm-update__dismiss" aria-label="Dismiss update notice" title="Not now" onClick={dismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
