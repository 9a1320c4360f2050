// A link the snapshot had and the map has lost, drawn while comparing: a red dashed line between
// the two ends (a live card, or the outline of someone removed since) with a "lost" tag.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

import type { AccountMap, Link } from '../../domain/types';
import { straightBetween } from '../../drawing/link-geometry';
import { useLine } from './use-endpoints';

function LostLineComponent({ link, before }: { link: Link; before: AccountMap }) {
  const { t } = useTranslation();
  const { ends } = useLine(link.sourceId, link.targetId, { earlier: before });
  if (!ends) return null;
  const { path, labelX, labelY } = straightBetween(...ends);
  return (
    <g className="pm-link--lost" role="img" aria-label={t('a11y.lostLink', { kind: t(`a11y.linkKind.${link.kind}`) })}>
      <BaseEdge path={path} interactionWidth={0} style={{ stroke: '#b91c1c', strokeWidth: 2.5, strokeDasharray: '7 5' }} />
      <EdgeLabelRenderer>
        <div className="pm-change-mark pm-change-mark--lost pm-change-mark--on-line" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
          {t('canvas.compare.lostLink')}
        </div>
      </EdgeLabelRenderer>
    </g>
  );
}

export const LostLine = memo(LostLineComponent);
