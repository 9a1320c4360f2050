// One link on the canvas. Each kind has its own line style (see appearance.ts) so the kinds stay
// apart without colour; a label, if any, sits at the middle of the line.
import { memo } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  Position,
  getBezierPath,
  getSmoothStepPath,
  type EdgeProps,
} from '@xyflow/react';
import { useMapStore } from '../../store/map-store';
import { INFLUENCE_STROKE, LINK_LOOK } from '../appearance';
import type { LinkEdge } from '../project';
import { borderPoint, isAbove } from './geometry';
import { useEndpointRects } from './use-endpoints';
import { useOutOfFocus } from '../use-focus';
import { useChangeMark } from '../changes';

function LinkLineComponent({ id, source, target, selected, markerEnd }: EdgeProps<LinkEdge>) {
  const link = useMapStore((s) => s.map?.links[id]);
  const ends = useEndpointRects(source, target);
  const sourceDim = useOutOfFocus(source);
  const targetDim = useOutOfFocus(target);
  const dim = sourceDim || targetDim;
  const added = useChangeMark(id)?.kind === 'added';
  if (!link || !ends) return null;

  const look = LINK_LOOK[link.kind];
  const [from, to] = ends;
  const formal = link.kind === 'reports-to' || link.kind === 'dotted-line';

  let path: string;
  let labelX: number;
  let labelY: number;
  if (formal && isAbove(to, from)) {
    // Draw from the manager (target) down to the report (source).
    [path, labelX, labelY] = getSmoothStepPath({
      sourceX: to.x + to.width / 2,
      sourceY: to.y + to.height,
      sourcePosition: Position.Bottom,
      targetX: from.x + from.width / 2,
      targetY: from.y,
      targetPosition: Position.Top,
      borderRadius: 8,
    });
  } else {
    const start = borderPoint(from, to);
    const end = borderPoint(to, from);
    [path, labelX, labelY] = getBezierPath({
      sourceX: start.x,
      sourceY: start.y,
      sourcePosition: start.position,
      targetX: end.x,
      targetY: end.y,
      targetPosition: end.position,
    });
  }

  const width = link.kind === 'influences' ? INFLUENCE_STROKE[link.strength] : look.width;
  return (
    <>
      {/* New since the compared snapshot: a green band under the line. */}
      {added ? <path d={path} className="pm-link-added" /> : null}
      <BaseEdge
        id={id}
        path={path}
        markerEnd={look.arrow ? markerEnd : undefined}
        interactionWidth={16}
        style={{
          stroke: look.color,
          strokeWidth: selected ? width + 1.5 : width,
          strokeDasharray: look.dash || undefined,
          filter: selected ? 'drop-shadow(0 0 3px rgba(37, 99, 235, 0.8))' : undefined,
          opacity: dim ? 0.15 : undefined,
        }}
      />
      {link.label ? (
        <EdgeLabelRenderer>
          <div
            className="pm-link-label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: look.color, opacity: dim ? 0.2 : undefined }}
          >
            {link.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const LinkLine = memo(LinkLineComponent);
