// A thin grey arrow from someone who left the company to the person who took over their seat.
// Drawn from the stakeholder's successor field (not a user link), labelled so it explains itself.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer } from '@xyflow/react';
import { t } from '../../i18n';
import { useCanvasLanguage } from '../language-context';
import { straightBetween } from '../../drawing/link-geometry';
import { fittingRoute, successorKey } from '../../drawing/line-routes';
import { useRouteStore } from './route-store';
import { useLine } from './use-endpoints';
import { useClippedPath } from './line-clip';
import { SUCCESSOR_COLOR, arrowMarker } from './markers';
import { SUCCESSOR_STROKE } from '../../drawing/line-strokes';

function SuccessorLineComponent({ personId, successorId, label }: { personId: string; successorId: string; label: string }) {
  useCanvasLanguage(); // its words are in the canvas's language
  const { ends } = useLine(personId, successorId);
  const route = useRouteStore((s) => s.routes.get(successorKey(personId)));
  const line = ends ? (fittingRoute(route, ...ends) ?? straightBetween(...ends)) : null;
  const drawn = useClippedPath(line?.path ?? '');
  if (!line) return null;
  const { labelX, labelY } = line;
  return (
    <g className="pm-successor" role="img" aria-label={label}>
      <BaseEdge
        path={drawn.path}
        markerEnd={drawn.endKept ? arrowMarker(SUCCESSOR_COLOR) : undefined}
        interactionWidth={0}
        style={{ stroke: SUCCESSOR_COLOR, strokeWidth: SUCCESSOR_STROKE.width, strokeDasharray: SUCCESSOR_STROKE.dash, strokeDashoffset: drawn.dashOffset, strokeLinecap: 'round' }}
      />
      <EdgeLabelRenderer>
        <div className="pm-link-label pm-link-label--successor" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
          {t('canvas.successor')}
        </div>
      </EdgeLabelRenderer>
    </g>
  );
}

export const SuccessorLine = memo(SuccessorLineComponent);
