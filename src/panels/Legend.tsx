// The legend explains every colour, icon, line style and pattern that the map actually uses.
// LegendContent is also rendered into PNG/SVG exports, so it needs nothing but the map, the
// stylesheet and inline SVG.
import './Legend.css';
import { useId, useMemo } from 'react';
import type { AccountMap, LinkKind } from '../domain/types';
import { legendEntries } from '../drawing/legend-entries';
import { COVERAGE_LOOK, INFLUENCE_STROKE, LINK_LOOK, ROLE_LOOK, STANCE_LOOK } from '../drawing/appearance';
import { useMapStore, type MapState } from '../store/map-store';
import { ui, useUiState } from '../actions/ui-state';

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
  const used = legendEntries(map);
  const marks = used.influence || used.placeholder || used.left || used.noRelationship;
  const empty = !used.stances.length && !used.roles.length && !used.coverages.length && !used.links.length && !marks;
  return (
    <div className="pm-legend-content">
      {empty ? <p className="pm-legend__empty">The legend fills in as you add people, departments and links.</p> : null}
      {used.stances.length ? (
        <Group title="Stance">
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
        <Group title="Buying role">
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
        <Group title="Department coverage">
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
        <Group title="Links">
          {used.links.map((k) => (
            <li key={k} title={LINK_LOOK[k].description}>
              <LineSample kind={k} />
              {LINK_LOOK[k].label}
              {k === 'influences' ? <span className="pm-legend__note">thicker = stronger</span> : null}
            </li>
          ))}
        </Group>
      ) : null}
      {marks ? (
        <Group title="Marks">
          {used.influence ? (
            <li>
              <span className="pm-legend__bars" aria-hidden="true">
                <i className="on" />
                <i className="on" />
                <i />
              </span>
              Influence: 3 bars high, 1 low
            </li>
          ) : null}
          {used.placeholder ? (
            <li>
              <span className="pm-legend__swatch pm-legend__swatch--placeholder" aria-hidden="true" />
              Placeholder: a seat we still have to find
            </li>
          ) : null}
          {used.left ? (
            <li>
              <span className="pm-legend__struck" aria-hidden="true">
                Name
              </span>
              Left the company
            </li>
          ) : null}
          {used.noRelationship ? (
            <li>
              <span className="pm-legend__mark" aria-hidden="true">
                ⌀
              </span>
              No relationship yet
            </li>
          ) : null}
        </Group>
      ) : null}
    </div>
  );
}

let lastSignature = '';
/**
 * What the legend shows, as a string to compare. Not recomputed during a gesture (a drag or a
 * typing session changes positions or text, never what the legend lists): on a large map that
 * saves a walk over every record on each drag step.
 */
function legendSignature(s: MapState): string {
  if (!s.map) return '';
  if (s.gestureStart && lastSignature) return lastSignature;
  lastSignature = JSON.stringify(legendEntries(s.map));
  return lastSignature;
}

/** The collapsible legend on the canvas. */
export function Legend() {
  const contentId = useId();
  const open = useUiState((s) => s.legendOpen);
  // Re-render only when what the legend shows changes, not on every step of a drag.
  const signature = useMapStore(legendSignature);
  // The memo deliberately keys on the signature: it stands for everything the legend shows.
  const map = useMemo(() => useMapStore.getState().map, [signature]);
  if (!map) return null;
  return (
    <aside className={`pm-legend${open ? ' pm-legend--open' : ''}`} aria-label="Legend">
      <button type="button" className="pm-legend__toggle" aria-expanded={open} aria-controls={contentId} onClick={() => ui.toggle('legendOpen')}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Legend
      </button>
      <div id={contentId} hidden={!open}>
        {open ? <LegendContent map={map} /> : null}
      </div>
    </aside>
  );
}
