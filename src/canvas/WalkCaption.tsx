// Where a presentation's walk stands: "Finance · 2 of 6", in a strip of its own above the canvas,
// so it never covers a card (the canvas and the views the walk eases to are measured below it).
// Announced to screen readers as the view moves. The strip is there from the start of the
// presentation, so the canvas does not jump when the walk begins.
import './WalkCaption.css';
import { useTranslation } from 'react-i18next';
import { useUiState } from '../actions/ui-state';
import { walkCaption } from '../domain/walk';
import { useMapStore } from '../store/map-store';

export function WalkCaption() {
  const { t, i18n } = useTranslation();
  const walk = useUiState((s) => (s.presenting ? s.walk : null));
  // A string, so the caption re-renders only when what it says changes.
  // The language is read so that a change of language re-renders the caption in it.
  const language = i18n.language;
  const place = useMapStore((s) => (walk && s.map && language ? walkCaption(s.map, walk.kind, walk.id) : null));
  const text = place && walk && walk.part > 0 ? t('presentation.continued', { place }) : place;
  return (
    <div className="pm-walk-caption">
      {text ? (
        <p role="status" aria-label={t('presentation.whereWalkIs')}>
          {text}
        </p>
      ) : null}
    </div>
  );
}
