// Edits one link: its kind, label, strength, direction.
import { updateLink } from '../domain/commands';
import { INFLUENCE_LEVELS, LINK_KINDS, type Link } from '../domain/types';
import { LINK_LOOK } from '../canvas/appearance';
import { rememberLinkKind } from '../canvas/Canvas';
import { useMapStore } from '../store/map-store';
import { SelectField, TextField } from './fields';

export function InspectorLink({ link }: { link: Link }) {
  const readOnly = useMapStore((s) => s.readOnly);
  const sourceName = useMapStore((s) => s.map?.stakeholders[link.sourceId]?.name ?? s.map?.departments[link.sourceId]?.name ?? '');
  const targetName = useMapStore((s) => s.map?.stakeholders[link.targetId]?.name ?? s.map?.departments[link.targetId]?.name ?? '');
  const run = useMapStore.getState().run;
  const update = (patch: Partial<Link>) => run((map) => updateLink(map, link.id, patch));
  const direction =
    link.kind === 'reports-to' || link.kind === 'dotted-line'
      ? `${sourceName} reports to ${targetName}`
      : link.kind === 'influences'
        ? `${sourceName} influences ${targetName}`
        : `${sourceName} and ${targetName}`;

  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">Link</span>
        {direction}
      </h2>
      <SelectField
        label="Kind of link"
        value={link.kind}
        disabled={readOnly}
        options={LINK_KINDS.map((k) => ({ value: k, label: LINK_LOOK[k].label, title: LINK_LOOK[k].description }))}
        onChange={(kind) => {
          rememberLinkKind(kind);
          update({ kind });
        }}
      />
      <p className="pm-hint">{LINK_LOOK[link.kind].description}</p>
      <TextField label="Label" placeholder="Optional, e.g. budget case" value={link.label} disabled={readOnly} onChange={(label) => update({ label })} />
      {link.kind === 'influences' ? (
        <SelectField
          label="Strength"
          value={link.strength}
          disabled={readOnly}
          options={INFLUENCE_LEVELS.map((v) => ({ value: v, label: v[0].toUpperCase() + v.slice(1) }))}
          onChange={(strength) => update({ strength })}
        />
      ) : null}
      <button type="button" disabled={readOnly} onClick={() => update({ sourceId: link.targetId, targetId: link.sourceId })}>
        Reverse direction
      </button>
    </div>
  );
}
