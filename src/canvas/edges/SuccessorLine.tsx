// A thin grey arrow from someone who left the company to the person who took over their seat.
// Drawn from the stakeholder's successor field (not a user link), labelled so it explains itself.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { straightBetween } from './geometry';
import { useEndpointRects } from './use-endpoints';

function SuccessorLineComponent({ id, source, target, markerEnd }: EdgeProps) {
  const ends = useEndpointRects(source, target);
  if (!ends) return null;
  const [path, labelX, labelY] = straightBetween(...ends);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ stroke: '#64748b', strokeWidth: 1.5, strokeDasharray: '1 4', strokeLinecap: 'round' }} />
      <EdgeLabelRenderer>
        <div className="pm-link-label pm-link-label--successor" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
          successor
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const SuccessorLine = memo(SuccessorLineComponent);
