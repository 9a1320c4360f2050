// Our team: the people on our side, with their role on the account. Stakeholders point to an owner here.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { addTeamMember, removeTeamMember, updateTeamMember, validateName } from '../domain/commands';
import { newTeamMember } from '../domain/defaults';
import { createId } from '../domain/ids';
import { TEAM_ROLES, type TeamRole } from '../domain/types';
import { useMapStore } from '../store/map-store';

export const TEAM_ROLE_LABEL: Record<TeamRole, string> = {
  'results-driver': 'Results driver',
  'relationship-leader': 'Relationship leader',
  innovator: 'Innovator',
  collaborator: 'Collaborator',
  'technical-expert': 'Technical expert',
  'project-manager': 'Project manager',
};

export function TeamEditor() {
  const team = useMapStore(useShallow((s) => Object.values(s.map?.team ?? {})));
  const readOnly = useMapStore((s) => s.readOnly);
  const run = useMapStore.getState().run;
  const [name, setName] = useState('');
  const [role, setRole] = useState<TeamRole>('relationship-leader');
  const [error, setError] = useState<string | null>(null);

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    try {
      validateName(name, 'A team member');
    } catch {
      setError('Give the team member a name.');
      return;
    }
    if (run((map) => addTeamMember(map, newTeamMember({ id: createId('tm'), name, role })))) {
      setName('');
      setError(null);
    }
  };

  return (
    <section className="pm-team" aria-label="Our team">
      <h3>Our team</h3>
      {team.length === 0 ? <p className="pm-hint">Add the people on our side, then pick an owner for each stakeholder.</p> : null}
      <ul>
        {team.map((member) => (
          <li key={member.id}>
            <span className="pm-team__name">{member.name}</span>
            <select
              aria-label={`Role of ${member.name}`}
              value={member.role}
              disabled={readOnly}
              onChange={(event) => run((map) => updateTeamMember(map, member.id, { role: event.target.value as TeamRole }))}
            >
              {TEAM_ROLES.map((r) => (
                <option key={r} value={r}>
                  {TEAM_ROLE_LABEL[r]}
                </option>
              ))}
            </select>
            <button type="button" aria-label={`Remove ${member.name} from our team`} disabled={readOnly} onClick={() => run((map) => removeTeamMember(map, member.id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="pm-inline-form" onSubmit={add} noValidate>
        <input aria-label="New team member's name" placeholder="Name" value={name} disabled={readOnly} onChange={(e) => setName(e.target.value)} />
        <select aria-label="New team member's role" value={role} disabled={readOnly} onChange={(e) => setRole(e.target.value as TeamRole)}>
          {TEAM_ROLES.map((r) => (
            <option key={r} value={r}>
              {TEAM_ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={readOnly}>
          Add to team
        </button>
      </form>
      {error ? (
        <p className="pm-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
