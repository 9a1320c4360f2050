// The outline of someone on the compared snapshot who is no longer on the map, where they stood
// then. It cannot be selected, moved or linked: it is a mark, not a record.
import './StakeholderCard.css';
import './RemovedCard.css';
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

import type { RemovedNode } from '../project';

function RemovedCardComponent({ data }: NodeProps<RemovedNode>) {
  const { t } = useTranslation();
  return (
    <div className="pm-card pm-card--removed">
      {/* Lost links end here; the handles are never shown. */}
      <Handle type="target" position={Position.Top} className="pm-handle" isConnectable={false} />
      <div className="pm-change-mark pm-change-mark--lost">{t('canvas.compare.removed')}</div>
      <div className="pm-card__body">
        <div className="pm-card__name">{data.name}</div>
        <div className="pm-card__title">{data.title}</div>
      </div>
      <Handle type="source" position={Position.Bottom} className="pm-handle" isConnectable={false} />
    </div>
  );
}

export const RemovedCard = memo(RemovedCardComponent);
