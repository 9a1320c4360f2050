// The right-hand panel: edits whatever is selected, or the map itself and our team.
import './Inspector.css';
import { useDeferredValue, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';

import { useMapStore } from '../store/map-store';
import { recordCount } from '../domain/table-changes';
import { useUiState } from '../actions/ui-state';
import { InspectorDepartment } from './InspectorDepartment';
import { InspectorLink } from './InspectorLink';
import { InspectorStakeholder } from './InspectorStakeholder';
import { TeamEditor } from './TeamEditor';
import { TextField } from './fields';
import { run } from './use-map';
import { deleteSelection } from '../actions/registry';

const NONE = {};

function MapSettings() {
  const { t } = useTranslation();
  const { name, readOnly, stakeholders, departments, links } = useMapStore(
    useShallow((s) => ({
      name: s.map?.name ?? '',
      readOnly: s.readOnly,
      // Counted once per version of a table (recordCount), not on every store change.
      stakeholders: recordCount(s.map?.stakeholders ?? NONE),
      departments: recordCount(s.map?.departments ?? NONE),
      links: recordCount(s.map?.links ?? NONE),
    })),
  );
  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">{t('inspector.accountMap')}</span>
        {name}
      </h2>
      <p className="pm-hint">
        {t('inspector.mapCounts', { stakeholders, departments, links })}
      </p>
      <TextField
        label={t('inspector.mapName')}
        value={name}
        disabled={readOnly}
        requiredMessage={t('inspector.mapNameRequired')}
        onChange={(name) => run({ type: 'renameMap', name })}
      />
      <TeamEditor />
      <p className="pm-hint">{t('inspector.selectHint')}</p>
    </div>
  );
}

function SeveralSelected({ selection }: { selection: string[] }) {
  const { t } = useTranslation();
  const { readOnly, stakeholders, departments, links } = useMapStore(
    useShallow((s) => ({
      readOnly: s.readOnly,
      stakeholders: selection.filter((id) => s.map?.stakeholders[id]).length,
      departments: selection.filter((id) => s.map?.departments[id]).length,
      links: selection.filter((id) => s.map?.links[id]).length,
    })),
  );
  const parts = [
    stakeholders ? t('common.stakeholders', { count: stakeholders }) : null,
    departments ? t('common.departments', { count: departments }) : null,
    links ? t('common.links', { count: links }) : null,
  ].filter((part) => part !== null);
  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">{t('inspector.selected', { count: selection.length })}</h2>
      <p className="pm-hint">{parts.join(t('a11y.separator'))}</p>
      <p className="pm-hint">{t('inspector.severalHint')}</p>
      <button type="button" className="pm-danger" disabled={readOnly} onClick={() => deleteSelection(selection)}>
        {t('inspector.deleteSelected', { count: selection.length })}
      </button>
      {departments ? (
        <p className="pm-hint">{t('inspector.deleteDepartmentHint')}</p>
      ) : null}
    </div>
  );
}

export function Inspector() {
  const { t } = useTranslation();
  // The panel follows the selection except during a drag on the canvas: a drag that selects a
  // card shows its form when the card is dropped, so building the form (a large render and
  // layout) does not hold up the drag's first frames. Deferred, too, so a click's selection
  // paints before the form.
  const liveSelection = useMapStore((s) => s.selection);
  const dragging = useUiState((s) => s.dragging);
  const shown = useRef(liveSelection);
  if (!dragging) shown.current = liveSelection;
  const selection = useDeferredValue(shown.current);
  const only = selection.length === 1 ? selection[0] : null;
  const stakeholder = useMapStore((s) => (only ? s.map?.stakeholders[only] : undefined));
  const department = useMapStore((s) => (only ? s.map?.departments[only] : undefined));
  const link = useMapStore((s) => (only ? s.map?.links[only] : undefined));
  const readOnly = useMapStore((s) => s.readOnly);

  let content;
  if (stakeholder) content = <InspectorStakeholder key={stakeholder.id} stakeholder={stakeholder} />;
  else if (department) content = <InspectorDepartment key={department.id} department={department} />;
  else if (link) content = <InspectorLink key={link.id} link={link} />;
  else if (selection.length > 1) content = <SeveralSelected selection={selection} />;
  else content = <MapSettings />;

  return (
    <aside className="pm-inspector" aria-label={t('inspector.title')}>
      {readOnly ? (
        <p className="pm-inspector__readonly" role="note">
          {t('inspector.readOnly')}
        </p>
      ) : null}
      {content}
    </aside>
  );
}
