// While the map is compared with a snapshot, a bar at the top of the canvas says so, explains the
// marks, and ends the comparison. Shown in presentation mode too: a review walks through it.
import './ComparisonBar.css';
import { memo } from 'react';
import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

import { useUiState } from '../actions/ui-state';

export function stopComparing(): void {
  useUiState.setState({ comparing: null });
}

/** `changes` is null when no comparison applies to the map on the canvas. */
function ComparisonBarComponent({ changes }: { changes: number | null }) {
  const { t } = useTranslation();
  const name = useUiState((s) => s.comparing?.name);
  if (name === undefined || changes === null) return null;
  return (
    <Panel position="top-right" className="pm-comparison-bar" role="status" aria-label={t('canvas.compare.title')}>
      <strong>{t('canvas.compare.changesSince', { count: changes, name })}</strong>
      <span className="pm-comparison-bar__key" aria-hidden="true">
        <span className="pm-change-mark pm-change-mark--added">{t('canvas.compare.new')}</span>
        <span className="pm-change-mark pm-change-mark--changed">{t('canvas.compare.changed')}</span>
        <span className="pm-change-mark pm-change-mark--lost">{t('canvas.compare.removed')}</span>
      </span>
      <button type="button" onClick={stopComparing}>
        {t('canvas.compare.stop')}
      </button>
    </Panel>
  );
}

// Memoised: the canvas renders again whenever what it mounts changes (a wheel zoom's start and end).
export const ComparisonBar = memo(ComparisonBarComponent);
