// What an empty map says: what to do first.
import './EmptyMapHint.css';
import { Panel } from '@xyflow/react';
import { useMapStore } from '../store/map-store';
import { hasRecords } from '../domain/table-changes';
import { addDepartmentAt, addStakeholderAt } from '../actions/placement';

export function EmptyMapHint() {
  // Runs on every store change: counted once per version of a table, not on every change.
  const empty = useMapStore((s) => !!s.map && !hasRecords(s.map.stakeholders) && !hasRecords(s.map.departments));
  if (!empty) return null;
  return (
    <Panel position="top-center" className="pm-empty-hint">
      <h2>Start your account map</h2>
      <p>
        Add a <strong>department</strong> for each part of the customer you know, then add the{' '}
        <strong>stakeholders</strong> who work there. Double-click anywhere on the canvas to add a person.
      </p>
      <div className="pm-empty-hint__actions">
        <button type="button" onClick={() => addDepartmentAt()}>
          Add department
        </button>
        <button type="button" onClick={() => addStakeholderAt()}>
          Add stakeholder
        </button>
      </div>
    </Panel>
  );
}
