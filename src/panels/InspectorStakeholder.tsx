// Edits every attribute of one stakeholder (DESIGN.md, "Stakeholder").
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  fillPlaceholder,
  markLeftCompany,
  reparent,
  setStance,
  toggleRole,
  updateStakeholder,
} from '../domain/commands';
import { BUYING_ROLES, INFLUENCE_LEVELS, RELATIONSHIP_STRENGTHS, STANCES, type Stakeholder } from '../domain/types';
import { INFLUENCE_LOOK, RELATIONSHIP_LOOK, ROLE_LOOK, STANCE_LOOK } from '../canvas/appearance';
import { useMapStore } from '../store/map-store';
import { CheckboxField, Section, SelectField, TextField } from './fields';

const run = (command: Parameters<ReturnType<typeof useMapStore.getState>['run']>[0]) => useMapStore.getState().run(command);

export function InspectorStakeholder({ stakeholder }: { stakeholder: Stakeholder }) {
  const id = stakeholder.id;
  const readOnly = useMapStore((s) => s.readOnly);
  const departments = useMapStore(
    useShallow((s) => Object.values(s.map?.departments ?? {}).map((d) => ({ value: d.id, label: d.name }))),
  );
  const team = useMapStore(useShallow((s) => Object.values(s.map?.team ?? {}).map((t) => ({ value: t.id, label: t.name }))));
  const others = useMapStore(
    useShallow((s) =>
      Object.values(s.map?.stakeholders ?? {})
        .filter((p) => p.id !== id)
        .map((p) => ({ value: p.id, label: p.name })),
    ),
  );
  const update = (patch: Partial<Stakeholder>) => run((map) => updateStakeholder(map, id, patch));
  const [fillName, setFillName] = useState('');

  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">{stakeholder.placeholder ? 'Placeholder seat' : 'Stakeholder'}</span>
        {stakeholder.name}
      </h2>
      <TextField label="Name" value={stakeholder.name} disabled={readOnly} requiredMessage="A stakeholder needs a name." onChange={(name) => update({ name })} />
      <TextField label="Title" value={stakeholder.title} disabled={readOnly} onChange={(title) => update({ title })} />
      <SelectField
        label="Department"
        value={stakeholder.departmentId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: 'No department' }, ...departments]}
        onChange={(departmentId) => run((map) => reparent(map, id, departmentId || null, { x: 24, y: 60 }))}
      />

      <fieldset className="pm-section" disabled={readOnly}>
        <legend>Stance</legend>
        <div className="pm-segmented" role="radiogroup" aria-label="Stance">
          {STANCES.map((stance) => (
            <label key={stance} title={STANCE_LOOK[stance].alsoKnownAs} className={stakeholder.stance === stance ? 'on' : ''}>
              <input
                type="radio"
                name={`stance-${id}`}
                checked={stakeholder.stance === stance}
                onChange={() => run((map) => setStance(map, id, stance))}
              />
              <span aria-hidden="true" className="pm-segmented__icon" style={{ background: STANCE_LOOK[stance].color, color: STANCE_LOOK[stance].ink }}>
                {STANCE_LOOK[stance].icon}
              </span>
              {STANCE_LOOK[stance].label.replace(' stance', '')}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="pm-section" disabled={readOnly}>
        <legend>Buying roles</legend>
        <div className="pm-checks">
          {BUYING_ROLES.map((role) => (
            <CheckboxField
              key={role}
              title={ROLE_LOOK[role].alsoKnownAs}
              label={ROLE_LOOK[role].label}
              checked={stakeholder.roles.includes(role)}
              onChange={() => run((map) => toggleRole(map, id, role))}
            />
          ))}
        </div>
      </fieldset>

      <div className="pm-row">
        <SelectField
          label="Influence"
          value={stakeholder.influence}
          disabled={readOnly}
          options={INFLUENCE_LEVELS.map((v) => ({ value: v, label: INFLUENCE_LOOK[v].label.replace(' influence', '') }))}
          onChange={(influence) => update({ influence })}
        />
        <SelectField
          label="Relationship"
          value={stakeholder.relationship}
          disabled={readOnly}
          options={RELATIONSHIP_STRENGTHS.map((v) => ({ value: v, label: RELATIONSHIP_LOOK[v].label.replace(' relationship', '') }))}
          onChange={(relationship) => update({ relationship })}
        />
      </div>
      <SelectField
        label="Owner on our team"
        value={stakeholder.ownerId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: team.length ? 'No owner' : 'No owner (add our team first)' }, ...team]}
        onChange={(ownerId) => update({ ownerId: ownerId || null })}
      />
      <TextField label="Last contact" type="date" value={stakeholder.lastContact ?? ''} disabled={readOnly} onChange={(v) => update({ lastContact: v || null })} />

      <Section title="How we know">
        <TextField label="Source" placeholder="e.g. QBR with Ana, 3 March" value={stakeholder.source} disabled={readOnly} onChange={(source) => update({ source })} />
        <TextField label="Last verified" type="date" value={stakeholder.verifiedOn ?? ''} disabled={readOnly} onChange={(v) => update({ verifiedOn: v || null })} />
      </Section>

      <TextField label="Notes" multiline value={stakeholder.notes} disabled={readOnly} onChange={(notes) => update({ notes })} />
      <TextField
        label="Personal context"
        multiline
        placeholder="What they care about, interests"
        value={stakeholder.personalContext}
        disabled={readOnly}
        onChange={(personalContext) => update({ personalContext })}
      />

      <Section title="Contact">
        <TextField label="Email" type="email" value={stakeholder.email} disabled={readOnly} onChange={(email) => update({ email })} />
        <TextField label="Phone" type="tel" value={stakeholder.phone} disabled={readOnly} onChange={(phone) => update({ phone })} />
        <TextField label="LinkedIn" type="url" value={stakeholder.linkedIn} disabled={readOnly} onChange={(linkedIn) => update({ linkedIn })} />
      </Section>

      <Section title="Seat and status">
        <CheckboxField
          label="Placeholder: a seat we know exists, holder unknown"
          checked={stakeholder.placeholder}
          disabled={readOnly}
          onChange={(placeholder) => update({ placeholder })}
        />
        {stakeholder.placeholder ? (
          <form
            className="pm-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (run((map) => fillPlaceholder(map, id, { name: fillName }))) setFillName('');
            }}
          >
            <label className="pm-field">
              <span>Who holds this seat?</span>
              <input value={fillName} disabled={readOnly} onChange={(event) => setFillName(event.target.value)} placeholder="Their name" />
            </label>
            <button type="submit" disabled={readOnly}>
              Fill in the person
            </button>
          </form>
        ) : null}
        <CheckboxField
          label="Left the company"
          checked={stakeholder.leftCompany}
          disabled={readOnly}
          onChange={(left) => run((map) => markLeftCompany(map, id, left ? { leftTo: '', successorId: null } : null))}
        />
        {stakeholder.leftCompany ? (
          <>
            <TextField label="Where they went" value={stakeholder.leftTo} disabled={readOnly} onChange={(leftTo) => update({ leftTo })} />
            <SelectField
              label="Successor"
              value={stakeholder.successorId ?? ''}
              disabled={readOnly}
              options={[{ value: '', label: 'No successor yet' }, ...others]}
              onChange={(successorId) => update({ successorId: successorId || null })}
            />
          </>
        ) : null}
      </Section>
    </div>
  );
}
