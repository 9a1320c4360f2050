// The insights panel: what an experienced account director would point at on this map, read by
// the rules in domain/insights/. Every item selects the people (and, for a path, the links)
// involved, so the canvas shows them; a selection of one card opens it in the inspector.
import './InsightsPanel.css';
import { useMemo } from 'react';
import { championPaths, keyPeople, risks, summary, whiteSpace, type Risk } from '../domain/insights';
import { BUYING_ROLES, STANCES, type AccountMap } from '../domain/types';
import { ROLE_LOOK, STANCE_LOOK } from '../drawing/appearance';
import { ui } from '../actions/ui-state';
import { useMapStore } from '../store/map-store';
import { showOnMap } from './use-map';
import { SnapshotsSection } from './SnapshotsSection';

const name = (map: AccountMap, id: string) => map.stakeholders[id]?.name ?? '?';

/**
 * One finding; its name is what it shows (so speech and sight agree), after `lead`, words for a
 * screen reader only ("Path to").
 */
function Item({ lead, ids, children }: { lead?: string; ids: string[]; children: React.ReactNode }) {
  return (
    <li>
      <button type="button" className="pm-insight" onClick={() => showOnMap(ids)}>
        {lead ? <span className="pm-visually-hidden">{lead} </span> : null}
        {children}
      </button>
    </li>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <section className="pm-insights__section" aria-label={title}>
      <h3>
        {title} <span className="pm-insights__count">{count}</span>
      </h3>
      {count === 0 ? <p className="pm-hint">Nothing here.</p> : <ul>{children}</ul>}
    </section>
  );
}

const SEVERITY_WORD: Record<Risk['severity'], string> = { high: 'High', medium: 'Medium', low: 'Low' };

export function InsightsPanel() {
  // The whole map: insights change with any edit. They are cheap next to a render of the canvas,
  // and the panel is only mounted while it is open.
  const map = useMapStore((s) => s.map);
  const now = useMemo(() => new Date(), [map]);
  const read = useMemo(() => {
    if (!map) return null;
    return { summary: summary(map), risks: risks(map, now), paths: championPaths(map), space: whiteSpace(map), people: keyPeople(map) };
  }, [map, now]);
  if (!map || !read) return null;

  const roleCounts = BUYING_ROLES.map((role) => [role, Object.values(map.stakeholders).filter((s) => !s.leftCompany && s.roles.includes(role)).length] as const);
  const { deciders } = read.summary;

  return (
    <aside className="pm-inspector pm-insights" aria-label="Insights">
      <div className="pm-insights__head">
        <h2 className="pm-inspector__heading">Insights</h2>
        <button type="button" onClick={() => ui.set('insightsOpen', false)} aria-label="Close insights">
          Close
        </button>
      </div>

      <section className="pm-insights__section" aria-label="Coverage">
        <p className="pm-insights__coverage">
          <strong>
            {deciders.covered} of {deciders.total}
          </strong>{' '}
          decision-makers and economic buyers covered
          {deciders.total ? ` (${Math.round((deciders.covered / deciders.total) * 100)}%)` : ''}
        </p>
        <p className="pm-hint">Covered: an owner on our team and a good or strong relationship.</p>
        <ul className="pm-insights__chips" aria-label="People by stance">
          {STANCES.filter((stance) => read.summary.byStance[stance] > 0).map((stance) => (
            <li key={stance}>
              <span className="pm-insights__dot" style={{ background: STANCE_LOOK[stance].color }} aria-hidden="true" />
              {read.summary.byStance[stance]} {STANCE_LOOK[stance].label.toLowerCase()}
            </li>
          ))}
        </ul>
        <ul className="pm-insights__chips" aria-label="People by role">
          {roleCounts
            .filter(([, n]) => n > 0)
            .map(([role, n]) => (
              <li key={role}>
                <span className="pm-badge">{ROLE_LOOK[role].badge}</span> {n} {ROLE_LOOK[role].label.toLowerCase()}
              </li>
            ))}
        </ul>
      </section>

      <Section title="Risks" count={read.risks.length}>
        {read.risks.map((risk, index) => (
          <Item key={`${risk.id}-${index}`} ids={risk.stakeholderIds}>
            <span className={`pm-insight__severity pm-insight__severity--${risk.severity}`}>{SEVERITY_WORD[risk.severity]}</span>
            {risk.message}
          </Item>
        ))}
      </Section>

      <Section title="From a champion to each decider" count={read.paths.length}>
        {read.paths.map(({ decider, path }) =>
          path ? (
            <Item key={decider.id} lead="Path to" ids={[...path.stakeholderIds, ...path.linkIds]}>
              <strong>{decider.name}</strong>
              <span className="pm-insight__path">
                {path.stakeholderIds.length === 1 ? 'is a champion' : path.stakeholderIds.map((id) => name(map, id)).join(' → ')}
              </span>
            </Item>
          ) : (
            <Item key={decider.id} ids={[decider.id]}>
              <strong>{decider.name}</strong>
              <span className="pm-insight__path pm-insight__path--none">No champion reaches them</span>
            </Item>
          ),
        )}
      </Section>

      <Section title="White space and competitors" count={read.space.whiteSpace.length + read.space.competitors.length}>
        {read.space.whiteSpace.map((entry) => (
          <Item key={entry.department.id} ids={[entry.department.id]}>
            <strong>{entry.path.join(' › ')}</strong>
            <span className="pm-insight__path">White space{entry.potentialValue ? `, potential ${entry.potentialValue}` : ''}</span>
          </Item>
        ))}
        {read.space.competitors.map((entry) => (
          <Item key={entry.department.id} ids={[entry.department.id]}>
            <strong>{entry.path.join(' › ')}</strong>
            <span className="pm-insight__path">Held by {entry.competitor || 'a competitor'}</span>
          </Item>
        ))}
      </Section>

      <Section title="Left the company" count={read.people.leftCompany.length}>
        {read.people.leftCompany.map(({ stakeholder, leftTo, successor }) => (
          <Item key={stakeholder.id} ids={successor ? [stakeholder.id, successor.id] : [stakeholder.id]}>
            <strong>{stakeholder.name}</strong>
            <span className="pm-insight__path">
              {leftTo ? `Now at ${leftTo}` : 'Left'}
              {successor ? `; succeeded by ${successor.name}` : '; no successor identified'}
            </span>
          </Item>
        ))}
      </Section>

      <SnapshotsSection />
    </aside>
  );
}
