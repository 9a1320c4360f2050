// Our team: the people on our side, with their role on the account. Stakeholders point to an owner here.
import './TeamEditor.css';
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';

import { newTeamMember } from '../domain/defaults';
import { createId } from '../domain/ids';
import { perMapVersion } from '../domain/map-versions';
import { runAtOnce, type Steps } from '../domain/slices';
import { TEAM_ROLES, type AccountMap, type TeamMember, type TeamRole } from '../domain/types';
import { useMapStore } from '../store/map-store';
import { TextField } from './fields';
import { run } from './use-map';
import { TEAM_ROLE_LABEL } from '../drawing/appearance';


function RoleSelect({ label, value, disabled, onChange }: { label: string; value: TeamRole; disabled: boolean; onChange(role: TeamRole): void }) {
  return (
    <select aria-label={label} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as TeamRole)}>
      {TEAM_ROLES.map((role) => (
        <option key={role} value={role}>
          {TEAM_ROLE_LABEL[role]}
        </option>
      ))}
    </select>
  );
}

function MemberRow({ member, owned, readOnly }: { member: TeamMember; owned: number; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="pm-team__member">
      <TextField
        label={t('canvas.nameOf', { name: member.name })}
        hideLabel
        value={member.name}
        disabled={readOnly}
        requiredMessage={t('inspector.team.nameRequired')}
        onChange={(name) => run({ type: 'updateTeamMember', id: member.id, patch: { name } })}
      />
      <RoleSelect
        label={t('inspector.team.roleOf', { name: member.name })}
        value={member.role}
        disabled={readOnly}
        onChange={(role) => run({ type: 'updateTeamMember', id: member.id, patch: { role } })}
      />
      <button
        type="button"
        className="pm-icon-button"
        aria-label={t('inspector.team.remove', { name: member.name })}
        title={owned ? t('inspector.team.removeOwner', { count: owned }) : t('inspector.team.removeShort')}
        disabled={readOnly}
        onClick={() => run({ type: 'removeTeamMember', id: member.id })}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

const NO_COUNTS: number[] = [];

function* ownersOf(map: AccountMap): Steps<Map<string, number>> {
  const owned = new Map<string, number>();
  for (const id in map.stakeholders) {
    const owner = map.stakeholders[id].ownerId;
    if (owner) owned.set(owner, (owned.get(owner) ?? 0) + 1);
  }
  return owned;
}

/** After an edit of some people: their owners counted again. */
function patchedOwners(before: Map<string, number>, from: AccountMap, map: AccountMap, changed: ReadonlySet<string>): Map<string, number> {
  const owned = new Map(before);
  const count = (owner: string | null | undefined, by: number) => {
    if (owner) owned.set(owner, (owned.get(owner) ?? 0) + by);
  };
  for (const id of changed) {
    if (Object.hasOwn(from.stakeholders, id)) count(from.stakeholders[id].ownerId, -1);
    if (Object.hasOwn(map.stakeholders, id)) count(map.stakeholders[id].ownerId, 1);
  }
  return owned;
}

/** How many stakeholders each person owns, per map version: counted once, then patched after each edit. */
const owners = perMapVersion(ownersOf, patchedOwners);
const countsCache = new WeakMap<object, WeakMap<object, number[]>>();

/** How many stakeholders each team member owns, in the order of the team table. */
export function ownedCountsOf(map: AccountMap | null): number[] {
  if (!map) return NO_COUNTS;
  let byTeam = countsCache.get(map.stakeholders);
  if (!byTeam) countsCache.set(map.stakeholders, (byTeam = new WeakMap()));
  let counts = byTeam.get(map.team);
  if (!counts) {
    const owned = runAtOnce(owners(map));
    counts = Object.values(map.team).map((member) => owned.get(member.id) ?? 0);
    byTeam.set(map.team, counts);
  }
  return counts;
}

export function TeamEditor() {
  const { t } = useTranslation();
  const formId = useId();
  const team = useMapStore(useShallow((s) => Object.values(s.map?.team ?? {})));
  // How many stakeholders each member owns, in the same order as `team`.
  // Read from the map as it was when a gesture began (a drag changes no owner), and counted once
  // per version of the tables: this selector runs on every store change, every drag step included.
  const ownedCounts = useMapStore(useShallow((s) => ownedCountsOf(s.gestureStart ?? s.map)));
  const readOnly = useMapStore((s) => s.readOnly);
  const [name, setName] = useState('');
  const [role, setRole] = useState<TeamRole>('relationship-leader');
  const [error, setError] = useState<string | null>(null);

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('inspector.team.newNameRequired'));
      return;
    }
    if (run({ type: 'addTeamMember', member: newTeamMember({ id: createId('tm'), name: name.trim(), role }) })) {
      setName('');
      setError(null);
    }
  };

  return (
    <section className="pm-team" aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`}>{t('inspector.team.title')}</h3>
      {team.length === 0 ? (
        <p className="pm-hint">{t('inspector.team.empty')}</p>
      ) : (
        <ul>
          {team.map((member, index) => (
            <MemberRow key={member.id} member={member} owned={ownedCounts[index] ?? 0} readOnly={readOnly} />
          ))}
        </ul>
      )}
      <form className="pm-team__add" onSubmit={add} noValidate aria-label={t('inspector.team.addForm')}>
        <div className="pm-field">
          <label htmlFor={`${formId}-name`}>{t('inspector.team.newMember')}</label>
          <input
            id={`${formId}-name`}
            placeholder={t('inspector.name')}
            value={name}
            disabled={readOnly}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${formId}-error` : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
        </div>
        <RoleSelect label={t('inspector.team.newRole')} value={role} disabled={readOnly} onChange={setRole} />
        <button type="submit" disabled={readOnly}>
          {t('inspector.team.add')}
        </button>
      </form>
      {error ? (
        <p className="pm-field-error" id={`${formId}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
