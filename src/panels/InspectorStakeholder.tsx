// Edits every attribute of one stakeholder (see the Stakeholder type in domain/types.ts).
import './InspectorStakeholder.css';
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sameExceptPosition } from '../domain/commands';
import { BUYING_ROLES, INFLUENCE_LEVELS, RELATIONSHIP_STRENGTHS, STANCES, type Stakeholder } from '../domain/types';
import { INFLUENCE_LOOK, RELATIONSHIP_LOOK, ROLE_LOOK, STANCE_LOOK } from '../drawing/appearance';
import { useMapStore } from '../store/map-store';
import { CheckboxField, Section, SelectField, TextField } from './fields';
import { actionById } from '../actions/registry';
import { displayShortcut } from '../actions/shortcuts';

/** The keys that set a stance, for its tooltip: "C or 1". */
const stanceKeys = (stance: string) => actionById[`tag-${stance}`].shortcuts.map(displayShortcut).join(' or ');
import { run, useNameOptions } from './use-map';

/** The form that turns a placeholder seat into the person who holds it, keeping its links. */
function FillPlaceholder({ stakeholder, disabled }: { stakeholder: Stakeholder; disabled: boolean }) {
  const formId = useId();
  const [name, setName] = useState('');
  const [title, setTitle] = useState(stakeholder.title);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the person a name.');
      return;
    }
    if (run({ type: 'fillPlaceholder', id: stakeholder.id, name, title: title.trim() })) {
      setName('');
      setError(null);
    }
  };
  return (
    <form className="pm-fill" aria-label="Fill in the person" onSubmit={submit} noValidate>
      <div className="pm-field">
        <label htmlFor={`${formId}-name`}>Who holds this seat?</label>
        <input
          id={`${formId}-name`}
          value={name}
          disabled={disabled}
          placeholder="Their name"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${formId}-error` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
      </div>
      <div className="pm-field">
        <label htmlFor={`${formId}-title`}>Their title</label>
        <input id={`${formId}-title`} value={title} disabled={disabled} onChange={(event) => setTitle(event.target.value)} />
      </div>
      {error ? (
        <p className="pm-field-error" id={`${formId}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="pm-primary" disabled={disabled}>
        Fill in the person
      </button>
    </form>
  );
}

function InspectorStakeholderForm({ stakeholder }: { stakeholder: Stakeholder }) {
  const { t } = useTranslation();
  const id = stakeholder.id;
  const readOnly = useMapStore((s) => s.readOnly);
  const departments = useNameOptions((map) => Object.values(map.departments));
  const team = useNameOptions((map) => Object.values(map.team));
  const others = useNameOptions((map) => Object.values(map.stakeholders).filter((p) => p.id !== id));
  const update = (patch: Partial<Omit<Stakeholder, 'id'>>) => run({ type: 'updateStakeholder', id, patch });
  const stance = STANCE_LOOK[stakeholder.stance];

  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">
          {stakeholder.placeholder ? 'Placeholder seat' : stakeholder.leftCompany ? 'Stakeholder · left the company' : 'Stakeholder'}
        </span>
        {stakeholder.name}
      </h2>
      <TextField
        label="Name"
        value={stakeholder.name}
        disabled={readOnly}
        requiredMessage="A stakeholder needs a name."
        onChange={(name) => update({ name })}
      />
      <TextField label="Title" placeholder="e.g. CFO" value={stakeholder.title} disabled={readOnly} onChange={(title) => update({ title })} />
      <SelectField
        label="Department"
        value={stakeholder.departmentId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: 'No department' }, ...departments]}
        onChange={(departmentId) => run({ type: 'moveInto', id, parentId: departmentId || null })}
      />

      <fieldset className="pm-section" disabled={readOnly}>
        <legend>Stance</legend>
        <div className="pm-segmented" role="radiogroup" aria-label="Stance">
          {STANCES.map((value) => {
            const look = STANCE_LOOK[value];
            const on = stakeholder.stance === value;
            return (
              <label key={value} title={`${look.label}: ${look.alsoKnownAs} (${stanceKeys(value)})`} className={on ? 'on' : undefined}>
                <input type="radio" name={`stance-${id}`} value={value} checked={on} onChange={() => run({ type: 'setStance', ids: [id], stance: value })} />
                <span aria-hidden="true" className="pm-segmented__icon" style={{ background: look.color, color: look.ink }}>
                  {look.icon}
                </span>
                {look.label.replace(' stance', '')}
              </label>
            );
          })}
        </div>
        <p className="pm-hint">{stakeholder.stance === 'unknown' ? 'Not yet assessed.' : `Also called ${stance.alsoKnownAs}.`}</p>
      </fieldset>

      <fieldset className="pm-section" disabled={readOnly}>
        <legend>Buying roles</legend>
        <div className="pm-checks">
          {BUYING_ROLES.map((role) => (
            <CheckboxField
              key={role}
              title={`${ROLE_LOOK[role].label} (${ROLE_LOOK[role].badge}): ${ROLE_LOOK[role].alsoKnownAs}`}
              label={
                <>
                  <span className="pm-badge" aria-hidden="true">
                    {ROLE_LOOK[role].badge}
                  </span>{' '}
                  {ROLE_LOOK[role].label}
                </>
              }
              checked={stakeholder.roles.includes(role)}
              onChange={() => run({ type: 'setRole', ids: [id], role, on: !stakeholder.roles.includes(role) })}
            />
          ))}
        </div>
      </fieldset>

      <div className="pm-row">
        <SelectField
          label="Influence"
          value={stakeholder.influence ?? ''}
          disabled={readOnly}
          options={[
            { value: '', label: t('common.influence.notRated') },
            ...INFLUENCE_LEVELS.map((v) => ({ value: v, label: INFLUENCE_LOOK[v].label.replace(' influence', '') })),
          ]}
          onChange={(influence) => update({ influence: influence || null })}
        />
        <SelectField
          label="Relationship"
          value={stakeholder.relationship}
          disabled={readOnly}
          options={RELATIONSHIP_STRENGTHS.map((v) => ({ value: v, label: v === 'none' ? 'None yet' : RELATIONSHIP_LOOK[v].label.replace(' relationship', '') }))}
          onChange={(relationship) => update({ relationship })}
        />
      </div>
      <SelectField
        label="Owner on our team"
        value={stakeholder.ownerId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: 'No owner' }, ...team]}
        hint={team.length ? undefined : 'Add our team (select nothing on the map) to pick an owner.'}
        onChange={(ownerId) => update({ ownerId: ownerId || null })}
      />
      <TextField
        label="Last contact"
        type="date"
        value={stakeholder.lastContact ?? ''}
        disabled={readOnly}
        onChange={(v) => update({ lastContact: v || null })}
      />

      <Section title="How we know their stance" disabled={readOnly}>
        <TextField label="Source" placeholder="e.g. QBR with Ana, 3 March" value={stakeholder.source} disabled={readOnly} onChange={(source) => update({ source })} />
        <TextField label="Verified on" type="date" value={stakeholder.verifiedOn ?? ''} disabled={readOnly} onChange={(v) => update({ verifiedOn: v || null })} />
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

      <Section title="Contact" disabled={readOnly}>
        <TextField label="Email" type="email" value={stakeholder.email} disabled={readOnly} onChange={(email) => update({ email })} />
        <TextField label="Phone" type="tel" value={stakeholder.phone} disabled={readOnly} onChange={(phone) => update({ phone })} />
        <TextField label="LinkedIn" type="url" placeholder="https://www.linkedin.com/in/…" value={stakeholder.linkedIn} disabled={readOnly} onChange={(linkedIn) => update({ linkedIn })} />
      </Section>

      <Section title="Seat and status" disabled={readOnly}>
        <CheckboxField
          label="Placeholder: a seat we know exists, holder unknown"
          checked={stakeholder.placeholder}
          disabled={readOnly}
          onChange={(placeholder) => update({ placeholder })}
        />
        {stakeholder.placeholder ? <FillPlaceholder key={id} stakeholder={stakeholder} disabled={readOnly} /> : null}
        <CheckboxField
          label="Left the company"
          checked={stakeholder.leftCompany}
          disabled={readOnly}
          onChange={(left) => run({ type: 'markLeftCompany', id, departure: left ? { leftTo: '', successorId: null } : null })}
        />
        {stakeholder.leftCompany ? (
          <>
            <TextField
              label="Where they went"
              placeholder="New company and role: a lead"
              value={stakeholder.leftTo}
              disabled={readOnly}
              onChange={(leftTo) => update({ leftTo })}
            />
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

/** Dragging a card changes only its position, which this form does not show: skip those renders. */
export const InspectorStakeholder = memo(InspectorStakeholderForm, (before, after) => sameExceptPosition(before.stakeholder, after.stakeholder));
