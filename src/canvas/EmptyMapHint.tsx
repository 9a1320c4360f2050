// What an empty map says: what to do first.
import './EmptyMapHint.css';
import { memo } from 'react';
import { Panel } from '@xyflow/react';
import { Trans, useTranslation } from 'react-i18next';
import { useMapStore } from '../store/map-store';
import { hasRecords } from '../domain/table-changes';
import { addDepartmentAt, addStakeholderAt } from '../actions/placement';

function EmptyMapHintComponent() {
  const { t } = useTranslation();
  // Runs on every store change: counted once per version of a table, not on every change.
  const empty = useMapStore((s) => !!s.map && !hasRecords(s.map.stakeholders) && !hasRecords(s.map.departments));
  if (!empty) return null;
  return (
    <Panel position="top-center" className="pm-empty-hint">
      <h2>{t('canvas.empty.title')}</h2>
      <p>
        <Trans i18nKey="canvas.empty.text" components={{ b: <strong /> }} />
      </p>
      <div className="pm-empty-hint__actions">
        <button type="button" onClick={() => addDepartmentAt()}>
          {t('canvas.empty.addDepartment')}
        </button>
        <button type="button" onClick={() => addStakeholderAt()}>
          {t('canvas.empty.addStakeholder')}
        </button>
      </div>
    </Panel>
  );
}

// Memoised: the canvas renders again whenever what it mounts changes (a wheel zoom's start and end).
export const EmptyMapHint = memo(EmptyMapHintComponent);
