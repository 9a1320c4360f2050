// "Saved" / "Saving…" / what went wrong: there is no save button, so the user must see that
// their work is stored, and be told plainly when it is not.
import './SaveStatus.css';
import { useShallow } from 'zustand/react/shallow';
import { useMapStore } from '../store/map-store';

export function SaveStatus() {
  const { saveState, saveError, readOnly } = useMapStore(
    useShallow((s) => ({ saveState: s.saveState, saveError: s.saveError, readOnly: s.readOnly })),
  );
  if (readOnly) {
    return (
      <span className="pm-save pm-save--readonly" role="status">
        Read-only: open in another tab
      </span>
    );
  }
  const text =
    saveState === 'error' ? 'Not saved' : saveState === 'saved' ? 'All changes saved' : 'Saving…';
  return (
    <span className={`pm-save pm-save--${saveState}`} role="status" title={saveError ?? text}>
      {text}
    </span>
  );
}
