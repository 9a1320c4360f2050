// A link the snapshot had and the map has lost, drawn while comparing: a red dashed line between
// the two ends (a live card, or the outline of someone removed since) with a "lost" tag.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { useUiState } from '../../actions/ui-state';
import type { LostEdge } from '../project';
import { straightBetween } from './geometry';
import { useEndpointRects } from './use-endpoints';

function LostLineComponent({ id, data }: EdgeProps<LostEdge>) {
  const before = useUiState((s) => s.comparing?.before);
  const ends = useEndpointRects(data!.sourceId, data!.targetId, before);
  if (!ends) return null;
  const [path, labelX, labelY] = straightBetween(...ends);
  return (
    <>
      <BaseEdge id={id} path={path} interactionWidth={0} style={{ stroke: '#b91c1c', strokeWidth: 2.5, strokeDasharray: '7 5' }} />
      <EdgeLabelRenderer>
        <div className="pm-change-mark pm-change-mark--lost pm-change-mark--on-line" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
          Lost link
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const LostLine = memo(LostLineComponent);
