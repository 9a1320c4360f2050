// The legend explains every colour, icon, line style and pattern that the map actually uses.
// LegendContent is also rendered into PNG/SVG exports, so it needs nothing but the map, the
// stylesheet and inline SVG.
import './Legend.css';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMap, LinkKind } from '../domain/types';
import { legendEntries } from '../drawing/legend-entries';
import { COVERAGE_LOOK, INFLUENCE_STROKE, LINK_LOOK, ROLE_LOOK, STANCE_LOOK } from '../drawing/appearance';
import { useMapStore, type MapState } from '../store/map-store';
import { useUiState } from '../actions/ui-state';
import { toggleLegend } from '../actions/walk';

function LineSample({ kind }: { kind: LinkKind }) {
  const look = LINK_LOOK[kind];
  const width = kind === 'influences' ? INFLUENCE_STROKE.medium : look.width;
  return (
    <svg className="pm-legend__line" width="48" height="16" viewBox="0 0 48 16" aria-hidden="true">
      <line
        x1="2"
        y1="8"
        x2={look.arrow ? 37 : 46}
        y2="8"
        stroke={look.color}
        strokeWidth={width}
        strokeDasharray={look.dash || undefined}
        strokeLinecap="butt"
      />
      {look.arrow ? <path d="M36 3 L46 8 L36 13 Z" fill={look.color} /> : null}
    </svg>
  );
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="pm-legend__group">
      <h3>{title}</h3>
      <ul>{children}</ul>
    </section>
  );
}

export function LegendContent({ map }: { map: AccountMap }) {
  const { t } = useTranslation();
  const used = legendEntries(map);
  const marks = used.influence || used.placeholder || used.left || used.noRelationship;
  const empty = !used.stances.length && !used.roles.length && !used.coverages.length && !used.links.length && !marks;
  return (
    <div className="pm-legend-content">
      {empty ? <p className="pm-legend__empty">{t('legend.empty')}</p> : null}
      {used.stances.length ? (
        <Group title={t('legend.stanceGroup')}>
          {used.stances.map((s) => (
            <li key={s} title={STANCE_LOOK[s].alsoKnownAs}>
              <span className="pm-legend__stance" aria-hidden="true" style={{ background: STANCE_LOOK[s].color, color: STANCE_LOOK[s].ink }}>
                {STANCE_LOOK[s].icon}
              </span>
              {STANCE_LOOK[s].label}
            </li>
          ))}
        </Group>
      ) : null}
      {used.roles.length ? (
        <Group title={t('legend.roleGroup')}>
          {used.roles.map((r) => (
            <li key={r} title={ROLE_LOOK[r].alsoKnownAs}>
              <span className="pm-badge" aria-hidden="true">
                {ROLE_LOOK[r].badge}
              </span>
              {ROLE_LOOK[r].label}
            </li>
          ))}
        </Group>
      ) : null}
      {used.coverages.length ? (
        <Group title={t('legend.coverageGroup')}>
          {used.coverages.map((c) => (
            <li key={c}>
              <span
                className="pm-legend__swatch"
                aria-hidden="true"
                style={{ background: COVERAGE_LOOK[c].background, borderColor: COVERAGE_LOOK[c].border, borderStyle: COVERAGE_LOOK[c].borderStyle }}
              />
              {COVERAGE_LOOK[c].label}
            </li>
          ))}
        </Group>
      ) : null}
      {used.links.length ? (
        <Group title={t('legend.linksGroup')}>
          {used.links.map((k) => (
            <li key={k} title={LINK_LOOK[k].description}>
              <LineSample kind={k} />
              {LINK_LOOK[k].label}
              {k === 'influences' ? <span className="pm-legend__note">{t('legend.thicker')}</span> : null}
            </li>
          ))}
        </Group>
      ) : null}
      {marks ? (
        <Group title={t('legend.marksGroup')}>
          {used.influence ? (
            <li>
              <span className="pm-legend__bars" aria-hidden="true">
                <i className="on" />
                <i className="on" />
                <i />
              </span>
              {t('legend.influenceBars')}
            </li>
          ) : null}
          {used.placeholder ? (
            <li>
              <span className="pm-legend__swatch pm-legend__swatch--placeholder" aria-hidden="true" />
              {t('legend.placeholder')}
            </li>
          ) : null}
          {used.left ? (
            <li>
              <span className="pm-legend__struck" aria-hidden="true">
                {t('legend.nameSample')}
              </span>
              {t('legend.left')}
            </li>
          ) : null}
          {used.noRelationship ? (
            <li>
              <span className="pm-legend__mark" aria-hidden="true">
                ⌀
              </span>
              {t('legend.noRelationship')}
            </li>
          ) : null}
        </Group>
      ) : null}
    </div>
  );
}

let lastSignature = '';
let lastMap: MapState['map'] = null;
/**
 * What the legend shows, as a string to compare. Not recomputed during a gesture (a drag or a
 * typing session changes positions or text, never what the legend lists), nor for a store change
 * that left the map as it was (the save status, the selection): on a large map that saves a walk
 * over every record on each drag step and on each of those changes.
 */
function legendSignature(s: MapState): string {
  if (!s.map) return '';
  if ((s.gestureStart || s.map === lastMap) && lastSignature) return lastSignature;
  lastMap = s.map;
  lastSignature = JSON.stringify(legendEntries(s.map));
  return lastSignature;
}

/** The collapsible legend on the canvas. */
export function Legend() {
  const { t } = useTranslation();
  const contentId = useId();
  const open = useUiState((s) => s.legendOpen);
  // Re-render only when what the legend shows changes, not on every step of a drag.
  const signature = useMapStore(legendSignature);
  // The memo deliberately keys on the signature: it stands for everything the legend shows.
  const map = useMemo(() => useMapStore.getState().map, [signature]);
  if (!map) return null;
  return (
    <aside className={`pm-legend${open ? ' pm-legend--open' : ''}`} aria-label={t('legend.title')}>
      <button type="button" className="pm-legend__toggle" aria-expanded={open} aria-controls={contentId} onClick={toggleLegend}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('legend.title')}
      </button>
      <div id={contentId} hidden={!open}>
        {open ? <LegendContent map={map} /> : null}
      </div>
    </aside>
  );
}
