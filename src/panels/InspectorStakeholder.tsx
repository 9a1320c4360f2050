// Edits every attribute of one stakeholder (see the Stakeholder type in domain/types.ts).
import './InspectorStakeholder.css';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatList } from '../i18n';
import { sameExceptPosition } from '../domain/commands';
import { BUYING_ROLES, INFLUENCE_LEVELS, RELATIONSHIP_STRENGTHS, STANCES, type Stakeholder } from '../domain/types';
import { ROLE_LOOK, STANCE_LOOK } from '../drawing/appearance';
import { useMapStore } from '../store/map-store';
import { CheckboxField, Section, SelectField, TextField } from './fields';
import { actionById } from '../actions/registry';
import { displayShortcut } from '../actions/shortcuts';
import { attachNextAfterName } from '../actions/inspector-focus';

/** The keys that set a stance, for its tooltip: "C or 1". */
const stanceKeys = (stance: string) => formatList(actionById[`tag-${stance}`].shortcuts.map(displayShortcut), 'disjunction');
import { run, useNameOptions } from './use-map';

/** The form that turns a placeholder seat into the person who holds it, keeping its links. */
function FillPlaceholder({ stakeholder, disabled }: { stakeholder: Stakeholder; disabled: boolean }) {
  const { t } = useTranslation();
  const formId = useId();
  const [name, setName] = useState('');
  const [title, setTitle] = useState(stakeholder.title);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('inspector.stakeholder.fillNameRequired'));
      return;
    }
    if (run({ type: 'fillPlaceholder', id: stakeholder.id, name, title: title.trim() })) {
      setName('');
      setError(null);
    }
  };
  return (
    <form className="pm-fill" aria-label={t('inspector.stakeholder.fill')} onSubmit={submit} noValidate>
      <div className="pm-field">
        <label htmlFor={`${formId}-name`}>{t('inspector.stakeholder.whoHolds')}</label>
        <input
          id={`${formId}-name`}
          value={name}
          disabled={disabled}
          placeholder={t('inspector.stakeholder.theirName')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${formId}-error` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
      </div>
      <div className="pm-field">
        <label htmlFor={`${formId}-title`}>{t('inspector.stakeholder.theirTitle')}</label>
        <input id={`${formId}-title`} value={title} disabled={disabled} onChange={(event) => setTitle(event.target.value)} />
      </div>
      {error ? (
        <p className="pm-field-error" id={`${formId}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="pm-primary" disabled={disabled}>
        {t('inspector.stakeholder.fill')}
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
  const update = (patch: Partial<Omit<Stakeholder, 'id'>>) => run({ type: 'updateStakeholder', id, patch });
  const stance = STANCE_LOOK[stakeholder.stance];
  // Tab in the person's name field on their card comes on to their title here.
  const titleField = useRef<HTMLInputElement>(null);
  useEffect(
    () =>
      attachNextAfterName((target) => {
        const field = titleField.current;
        if (target !== id || !field || field.disabled) return false;
        field.focus();
        field.select();
        return true;
      }),
    [id],
  );

  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">
          {t(stakeholder.placeholder ? 'inspector.stakeholder.kindPlaceholder' : stakeholder.leftCompany ? 'inspector.stakeholder.kindLeft' : 'inspector.stakeholder.kind')}
        </span>
        {stakeholder.name}
      </h2>
      <TextField
        label={t('inspector.name')}
        value={stakeholder.name}
        disabled={readOnly}
        requiredMessage={t('inspector.stakeholder.nameRequired')}
        onChange={(name) => update({ name })}
      />
      <TextField label={t('inspector.stakeholder.title')} placeholder={t('inspector.stakeholder.titlePlaceholder')} value={stakeholder.title} disabled={readOnly} onChange={(title) => update({ title })} inputRef={titleField} />
      <SelectField
        label={t('inspector.department.kind')}
        value={stakeholder.departmentId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: t('inspector.stakeholder.noDepartment') }, ...departments]}
        onChange={(departmentId) => run({ type: 'moveInto', id, parentId: departmentId || null })}
      />

      <fieldset className="pm-section" disabled={readOnly}>
        <legend>{t('inspector.stakeholder.stance')}</legend>
        <div className="pm-segmented" role="radiogroup" aria-label={t('inspector.stakeholder.stance')}>
          {STANCES.map((value) => {
            const look = STANCE_LOOK[value];
            const on = stakeholder.stance === value;
            return (
              <label key={value} title={t('inspector.stakeholder.stanceTitle', { label: look.label, also: look.alsoKnownAs, keys: stanceKeys(value) })} className={on ? 'on' : undefined}>
                <input type="radio" name={`stance-${id}`} value={value} checked={on} onChange={() => run({ type: 'setStance', ids: [id], stance: value })} />
                <span aria-hidden="true" className="pm-segmented__icon" style={{ background: look.color, color: look.ink }}>
                  {look.icon}
                </span>
                {value === 'unknown' ? t('inspector.stakeholder.unknownStance') : look.label}
              </label>
            );
          })}
        </div>
        <p className="pm-hint">{stakeholder.stance === 'unknown' ? t('inspector.stakeholder.notAssessed') : t('inspector.stakeholder.alsoCalled', { names: stance.alsoKnownAs })}</p>
      </fieldset>

      <fieldset className="pm-section" disabled={readOnly}>
        <legend>{t('inspector.stakeholder.roles')}</legend>
        <div className="pm-checks">
          {BUYING_ROLES.map((role) => (
            <CheckboxField
              key={role}
              title={t('inspector.stakeholder.roleTitle', { label: ROLE_LOOK[role].label, badge: ROLE_LOOK[role].badge, also: ROLE_LOOK[role].alsoKnownAs })}
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
          label={t('inspector.stakeholder.influence')}
          value={stakeholder.influence ?? ''}
          disabled={readOnly}
          options={[
            { value: '', label: t('common.influence.notRated') },
            ...INFLUENCE_LEVELS.map((v) => ({ value: v, label: t(`inspector.stakeholder.influenceLevel.${v}`) })),
          ]}
          onChange={(influence) => update({ influence: influence || null })}
        />
        <SelectField
          label={t('inspector.stakeholder.relationship')}
          value={stakeholder.relationship}
          disabled={readOnly}
          options={RELATIONSHIP_STRENGTHS.map((v) => ({ value: v, label: t(`inspector.stakeholder.relationshipLevel.${v}`) }))}
          onChange={(relationship) => update({ relationship })}
        />
      </div>
      <SelectField
        label={t('inspector.stakeholder.owner')}
        value={stakeholder.ownerId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: t('inspector.stakeholder.noOwner') }, ...team]}
        hint={team.length ? undefined : t('inspector.stakeholder.ownerHint')}
        onChange={(ownerId) => update({ ownerId: ownerId || null })}
      />
      <TextField
        label={t('inspector.stakeholder.lastContact')}
        type="date"
        value={stakeholder.lastContact ?? ''}
        disabled={readOnly}
        onChange={(v) => update({ lastContact: v || null })}
      />

      <Section title={t('inspector.stakeholder.stanceSource')} disabled={readOnly}>
        <TextField label={t('inspector.stakeholder.source')} placeholder={t('inspector.stakeholder.sourcePlaceholder')} value={stakeholder.source} disabled={readOnly} onChange={(source) => update({ source })} />
        <TextField label={t('inspector.stakeholder.verifiedOn')} type="date" value={stakeholder.verifiedOn ?? ''} disabled={readOnly} onChange={(v) => update({ verifiedOn: v || null })} />
      </Section>

      <TextField label={t('inspector.notes')} multiline value={stakeholder.notes} disabled={readOnly} onChange={(notes) => update({ notes })} />
      <TextField
        label={t('inspector.stakeholder.personalContext')}
        multiline
        placeholder={t('inspector.stakeholder.personalPlaceholder')}
        value={stakeholder.personalContext}
        disabled={readOnly}
        onChange={(personalContext) => update({ personalContext })}
      />

      <Section title={t('inspector.stakeholder.contact')} disabled={readOnly}>
        <TextField label={t('inspector.stakeholder.email')} type="email" value={stakeholder.email} disabled={readOnly} onChange={(email) => update({ email })} />
        <TextField label={t('inspector.stakeholder.phone')} type="tel" value={stakeholder.phone} disabled={readOnly} onChange={(phone) => update({ phone })} />
        <TextField label={t('inspector.stakeholder.linkedIn')} type="url" placeholder={t('inspector.stakeholder.linkedInPlaceholder')} value={stakeholder.linkedIn} disabled={readOnly} onChange={(linkedIn) => update({ linkedIn })} />
      </Section>

      <Section title={t('inspector.stakeholder.seatAndStatus')} disabled={readOnly}>
        <CheckboxField
          label={t('inspector.stakeholder.placeholder')}
          checked={stakeholder.placeholder}
          disabled={readOnly}
          onChange={(placeholder) => update({ placeholder })}
        />
        {stakeholder.placeholder ? <FillPlaceholder key={id} stakeholder={stakeholder} disabled={readOnly} /> : null}
        <CheckboxField
          label={t('inspector.stakeholder.left')}
          checked={stakeholder.leftCompany}
          disabled={readOnly}
          onChange={(left) => run({ type: 'markLeftCompany', id, departure: left ? { leftTo: '', successorId: null } : null })}
        />
        {stakeholder.leftCompany ? (
          <>
            <TextField
              label={t('inspector.stakeholder.leftTo')}
              placeholder={t('inspector.stakeholder.leftToPlaceholder')}
              value={stakeholder.leftTo}
              disabled={readOnly}
              onChange={(leftTo) => update({ leftTo })}
            />
            <SuccessorField stakeholder={stakeholder} disabled={readOnly} />
          </>
        ) : null}
      </Section>
    </div>
  );
}

/**
 * Who took over from someone who left: a choice among everyone else on the map. Its own component,
 * so the list of every name (20,000 on a large map, sorted) is built only for people who left,
 * not on every click on a card.
 */
function SuccessorField({ stakeholder, disabled }: { stakeholder: Stakeholder; disabled: boolean }) {
  const { t } = useTranslation();
  const id = stakeholder.id;
  const others = useNameOptions((map) => Object.values(map.stakeholders).filter((p) => p.id !== id));
  return (
    <SelectField
      label={t('inspector.stakeholder.successor')}
      value={stakeholder.successorId ?? ''}
      disabled={disabled}
      options={[{ value: '', label: t('inspector.stakeholder.noSuccessor') }, ...others]}
      onChange={(successorId) => run({ type: 'updateStakeholder', id, patch: { successorId: successorId || null } })}
    />
  );
}

/** Dragging a card changes only its position, which this form does not show: skip those renders. */
export const InspectorStakeholder = memo(InspectorStakeholderForm, (before, after) => sameExceptPosition(before.stakeholder, after.stakeholder));
