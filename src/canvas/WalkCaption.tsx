// Where a presentation's walk stands, at the top of the screen, in the margin presentation mode leaves there: "Finance · 2 of 6". Announced to
// screen readers as the view moves.
import './WalkCaption.css';
import { Panel } from '@xyflow/react';
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
  if (!text) return null;
  return (
    <Panel position="top-center" className="pm-walk-caption">
      <p role="status" aria-label={t('presentation.whereWalkIs')}>
        {text}
      </p>
    </Panel>
  );
}
