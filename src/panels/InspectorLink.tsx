// Edits one link: its kind, label, strength, direction.
import './InspectorLink.css';
import { INFLUENCE_LEVELS, LINK_KINDS, type Link } from '../domain/types';
import { LINK_LOOK } from '../drawing/appearance';
import { rememberLinkKind } from '../actions/links';
import { useMapStore } from '../store/map-store';
import { SelectField, TextField } from './fields';
import { run } from './use-map';
import { linkSentence } from '../domain/messages';

const STRENGTH_LABEL = { high: 'Strong', medium: 'Medium', low: 'Weak' } as const;

export function InspectorLink({ link }: { link: Link }) {
  const readOnly = useMapStore((s) => s.readOnly);
  const sourceName = useMapStore((s) => s.map?.stakeholders[link.sourceId]?.name ?? s.map?.departments[link.sourceId]?.name ?? '(missing)');
  const targetName = useMapStore((s) => s.map?.stakeholders[link.targetId]?.name ?? s.map?.departments[link.targetId]?.name ?? '(missing)');
  const update = (patch: Partial<Omit<Link, 'id'>>) => run({ type: 'updateLink', id: link.id, patch });
  const directed = link.kind !== 'ally' && link.kind !== 'conflict';

  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">Link</span>
        {linkSentence(link.kind, sourceName, targetName)}
      </h2>
      <dl className="pm-ends">
        <dt>{directed ? 'From' : 'Between'}</dt>
        <dd>{sourceName}</dd>
        <dt>{directed ? 'To' : 'And'}</dt>
        <dd>{targetName}</dd>
      </dl>
      <SelectField
        label="Kind of link"
        value={link.kind}
        disabled={readOnly}
        options={LINK_KINDS.map((k) => ({ value: k, label: LINK_LOOK[k].label, title: LINK_LOOK[k].description }))}
        hint={LINK_LOOK[link.kind].description}
        onChange={(kind) => {
          rememberLinkKind(kind);
          update({ kind });
        }}
      />
      <TextField label="Label" placeholder="Optional, e.g. budget case" value={link.label} disabled={readOnly} onChange={(label) => update({ label })} />
      {link.kind === 'influences' ? (
        <SelectField
          label="Strength of influence"
          value={link.strength}
          disabled={readOnly}
          options={INFLUENCE_LEVELS.map((v) => ({ value: v, label: STRENGTH_LABEL[v] }))}
          hint="Stronger influence is drawn as a thicker line."
          onChange={(strength) => update({ strength })}
        />
      ) : null}
      <button type="button" disabled={readOnly} onClick={() => update({ sourceId: link.targetId, targetId: link.sourceId })}>
        <span aria-hidden="true">⇄</span> Reverse direction
      </button>
    </div>
  );
}
