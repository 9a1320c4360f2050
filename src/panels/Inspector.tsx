// The right-hand panel: edits whatever is selected, or the map itself and our team.
import { useShallow } from 'zustand/react/shallow';
import { removeItems, renameMap } from '../domain/commands';
import { useMapStore } from '../store/map-store';
import { InspectorDepartment } from './InspectorDepartment';
import { InspectorLink } from './InspectorLink';
import { InspectorStakeholder } from './InspectorStakeholder';
import { TeamEditor } from './TeamEditor';
import { TextField } from './fields';

function MapSettings() {
  const { name, readOnly, counts } = useMapStore(
    useShallow((s) => ({
      name: s.map?.name ?? '',
      readOnly: s.readOnly,
      counts: `${Object.keys(s.map?.stakeholders ?? {}).length} stakeholders · ${Object.keys(s.map?.departments ?? {}).length} departments · ${Object.keys(s.map?.links ?? {}).length} links`,
    })),
  );
  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">Account map</span>
        {name}
      </h2>
      <p className="pm-hint">{counts}</p>
      <TextField
        label="Map name"
        value={name}
        disabled={readOnly}
        requiredMessage="Give the account map a name."
        onChange={(next) => useMapStore.getState().run((map) => renameMap(map, next))}
      />
      <TeamEditor />
      <p className="pm-hint">Select a card or a link to edit it. Press ? for shortcuts.</p>
    </div>
  );
}

export function Inspector() {
  const selection = useMapStore((s) => s.selection);
  const only = selection.length === 1 ? selection[0] : null;
  const stakeholder = useMapStore((s) => (only ? s.map?.stakeholders[only] : undefined));
  const department = useMapStore((s) => (only ? s.map?.departments[only] : undefined));
  const link = useMapStore((s) => (only ? s.map?.links[only] : undefined));
  const readOnly = useMapStore((s) => s.readOnly);

  let content;
  if (stakeholder) content = <InspectorStakeholder key={stakeholder.id} stakeholder={stakeholder} />;
  else if (department) content = <InspectorDepartment key={department.id} department={department} />;
  else if (link) content = <InspectorLink key={link.id} link={link} />;
  else if (selection.length > 1)
    content = (
      <div className="pm-inspector__form">
        <h2 className="pm-inspector__heading">{selection.length} selected</h2>
        <p className="pm-hint">Drag them together, nudge with the arrow keys, or tag them with C, B and M.</p>
        <button
          type="button"
          className="pm-danger"
          disabled={readOnly}
          onClick={() => useMapStore.getState().run((map) => removeItems(map, selection))}
        >
          Delete {selection.length} items
        </button>
      </div>
    );
  else content = <MapSettings />;

  return (
    <aside className="pm-inspector" aria-label="Inspector">
      {content}
    </aside>
  );
}
