// "Saved" / "Saving…" / what went wrong: there is no save button, so the user must see that
// their work is stored, and be told plainly when it is not.
import './SaveStatus.css';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { useMapStore } from '../store/map-store';

export function SaveStatus() {
  const { t } = useTranslation();
  const { saveState, saveError, readOnly } = useMapStore(
    useShallow((s) => ({ saveState: s.saveState, saveError: s.saveError, readOnly: s.readOnly })),
  );
  if (readOnly) {
    return (
      <span className="pm-save pm-save--readonly" role="status">
        {t('toolbar.readOnly')}
      </span>
    );
  }
  const text =
    saveState === 'error' ? t('toolbar.notSaved') : saveState === 'saved' ? t('toolbar.saved') : t('toolbar.saving');
  return (
    // The short form is drawn by CSS from data-short, so the status's text stays one sentence.
    <span
      className={`pm-save pm-save--${saveState}`}
      role="status"
      title={saveError ?? text}
      data-short={saveState === 'saved' ? t('toolbar.savedShort') : undefined}
    >
      <span className="pm-save__text">{text}</span>
    </span>
  );
}
