// The right-hand panel: edits whatever is selected, or the map itself and our team.
import './Inspector.css';
import { useDeferredValue, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
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
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function MapSettings() {
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
        <span className="pm-inspector__kind">Account map</span>
        {name}
      </h2>
      <p className="pm-hint">
        {plural(stakeholders, 'stakeholder')} · {plural(departments, 'department')} · {plural(links, 'link')}
      </p>
      <TextField
        label="Map name"
        value={name}
        disabled={readOnly}
        requiredMessage="Give the account map a name."
        onChange={(name) => run({ type: 'renameMap', name })}
      />
      <TeamEditor />
      <p className="pm-hint">Select a card or a link to edit it. Press ? for keyboard shortcuts.</p>
    </div>
  );
}

function SeveralSelected({ selection }: { selection: string[] }) {
  const { readOnly, stakeholders, departments, links } = useMapStore(
    useShallow((s) => ({
      readOnly: s.readOnly,
      stakeholders: selection.filter((id) => s.map?.stakeholders[id]).length,
      departments: selection.filter((id) => s.map?.departments[id]).length,
      links: selection.filter((id) => s.map?.links[id]).length,
    })),
  );
  const parts = [
    stakeholders ? plural(stakeholders, 'stakeholder') : null,
    departments ? plural(departments, 'department') : null,
    links ? plural(links, 'link') : null,
  ].filter(Boolean);
  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">{selection.length} selected</h2>
      <p className="pm-hint">{parts.join(', ')}</p>
      <p className="pm-hint">Drag them together, nudge them with Alt+arrow keys, or tag them with C, B, M and 1 to 5.</p>
      <button type="button" className="pm-danger" disabled={readOnly} onClick={() => deleteSelection(selection)}>
        Delete {selection.length} selected
      </button>
      {departments ? (
        <p className="pm-hint">People and sub-departments inside a deleted department stay on the map, one level up.</p>
      ) : null}
    </div>
  );
}

export function Inspector() {
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
    <aside className="pm-inspector" aria-label="Inspector">
      {readOnly ? (
        <p className="pm-inspector__readonly" role="note">
          Read-only: this map is open in another tab.
        </p>
      ) : null}
      {content}
    </aside>
  );
}
