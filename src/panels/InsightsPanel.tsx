// The insights panel: what an experienced account director would point at on this map, read by
// the rules in domain/insights/. Every item selects the people (and, for a path, the links)
// involved, so the canvas shows them; a selection of one card opens it in the inspector.
import './InsightsPanel.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { championPaths, keyPeople, risks, summary, whiteSpace } from '../domain/insights';
import { BUYING_ROLES, STANCES, type AccountMap } from '../domain/types';
import { ROLE_LOOK, STANCE_LOOK } from '../drawing/appearance';
import { formatNumber } from '../i18n';
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
  const { t } = useTranslation();
  return (
    <section className="pm-insights__section" aria-label={title}>
      <h3>
        {title} <span className="pm-insights__count">{count}</span>
      </h3>
      {count === 0 ? <p className="pm-hint">{t('insights.nothingHere')}</p> : <ul>{children}</ul>}
    </section>
  );
}

export function InsightsPanel() {
  const { t, i18n } = useTranslation();
  // The whole map: insights change with any edit. They are cheap next to a render of the canvas,
  // and the panel is only mounted while it is open.
  const map = useMapStore((s) => s.map);
  const now = useMemo(() => new Date(), [map]);
  const read = useMemo(() => {
    if (!map) return null;
    return { summary: summary(map), risks: risks(map, now), paths: championPaths(map), space: whiteSpace(map), people: keyPeople(map) };
    // The language too: the risks are sentences in it.
  }, [map, now, i18n.language]);
  if (!map || !read) return null;

  const roleCounts = BUYING_ROLES.map((role) => [role, Object.values(map.stakeholders).filter((s) => !s.leftCompany && s.roles.includes(role)).length] as const);
  const { deciders } = read.summary;

  return (
    <aside className="pm-inspector pm-insights" aria-label={t('insights.title')}>
      <div className="pm-insights__head">
        <h2 className="pm-inspector__heading">{t('insights.title')}</h2>
        <button type="button" onClick={() => ui.set('insightsOpen', false)} aria-label={t('insights.close')}>
          {t('common.close')}
        </button>
      </div>

      <section className="pm-insights__section" aria-label={t('insights.coverage')}>
        <p className="pm-insights__coverage">
          <strong>{t('insights.coveredOf', { covered: deciders.covered, total: deciders.total })}</strong>{' '}
          {deciders.total
            ? t('insights.deciderCoveredShare', { total: deciders.total, share: formatNumber(deciders.covered / deciders.total, { style: 'percent' }) })
            : t('insights.deciderCovered', { total: deciders.total })}
        </p>
        <p className="pm-hint">{t('insights.coveredMeans')}</p>
        <ul className="pm-insights__chips" aria-label={t('insights.byStance')}>
          {STANCES.filter((stance) => read.summary.byStance[stance] > 0).map((stance) => (
            <li key={stance}>
              <span className="pm-insights__dot" style={{ background: STANCE_LOOK[stance].color }} aria-hidden="true" />
              {t(`insights.stanceCount.${stance}`, { count: read.summary.byStance[stance] })}
            </li>
          ))}
        </ul>
        <ul className="pm-insights__chips" aria-label={t('insights.byRole')}>
          {roleCounts
            .filter(([, n]) => n > 0)
            .map(([role, n]) => (
              <li key={role}>
                <span className="pm-badge">{ROLE_LOOK[role].badge}</span> {t(`insights.roleCount.${role}`, { count: n })}
              </li>
            ))}
        </ul>
      </section>

      <Section title={t('insights.risks')} count={read.risks.length}>
        {read.risks.map((risk, index) => (
          <Item key={`${risk.id}-${index}`} ids={risk.stakeholderIds}>
            <span className={`pm-insight__severity pm-insight__severity--${risk.severity}`}>{t(`insights.severity.${risk.severity}`)}</span>
            {risk.message}
          </Item>
        ))}
      </Section>

      <Section title={t('insights.paths')} count={read.paths.length}>
        {read.paths.map(({ decider, path }) =>
          path ? (
            <Item key={decider.id} lead={t('insights.pathTo')} ids={[...path.stakeholderIds, ...path.linkIds]}>
              <strong>{decider.name}</strong>
              <span className="pm-insight__path">
                {path.stakeholderIds.length === 1 ? t('insights.isChampion') : path.stakeholderIds.map((id) => name(map, id)).join(' → ')}
              </span>
            </Item>
          ) : (
            <Item key={decider.id} ids={[decider.id]}>
              <strong>{decider.name}</strong>
              <span className="pm-insight__path pm-insight__path--none">{t('insights.noPath')}</span>
            </Item>
          ),
        )}
      </Section>

      <Section title={t('insights.whiteSpaceTitle')} count={read.space.whiteSpace.length + read.space.competitors.length}>
        {read.space.whiteSpace.map((entry) => (
          <Item key={entry.department.id} ids={[entry.department.id]}>
            <strong>{entry.path.join(' › ')}</strong>
            <span className="pm-insight__path">{entry.potentialValue ? t('insights.whiteSpaceWorth', { value: entry.potentialValue }) : t('insights.whiteSpace')}</span>
          </Item>
        ))}
        {read.space.competitors.map((entry) => (
          <Item key={entry.department.id} ids={[entry.department.id]}>
            <strong>{entry.path.join(' › ')}</strong>
            <span className="pm-insight__path">{entry.competitor ? t('insights.heldBy', { competitor: entry.competitor }) : t('insights.heldByCompetitor')}</span>
          </Item>
        ))}
      </Section>

      <Section title={t('insights.leftCompany')} count={read.people.leftCompany.length}>
        {read.people.leftCompany.map(({ stakeholder, leftTo, successor }) => (
          <Item key={stakeholder.id} ids={successor ? [stakeholder.id, successor.id] : [stakeholder.id]}>
            <strong>{stakeholder.name}</strong>
            <span className="pm-insight__path">
              {successor
                ? t(leftTo ? 'insights.nowAtSucceeded' : 'insights.leftSucceeded', { company: leftTo, successor: successor.name })
                : t(leftTo ? 'insights.nowAtNoSuccessor' : 'insights.leftNoSuccessor', { company: leftTo })}
            </span>
          </Item>
        ))}
      </Section>

      <SnapshotsSection />
    </aside>
  );
}
