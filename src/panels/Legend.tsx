// The legend explains every colour, icon, line style and pattern that the map actually uses.
// LegendContent is also rendered into PNG exports, so it uses only this stylesheet and inline SVG.
import { useShallow } from 'zustand/react/shallow';
import { BUYING_ROLES, COVERAGE_STATUSES, LINK_KINDS, STANCES, type AccountMap } from '../domain/types';
import { COVERAGE_LOOK, LINK_LOOK, ROLE_LOOK, STANCE_LOOK } from '../canvas/appearance';
import { useMapStore } from '../store/map-store';
import { ui, useUiState } from '../actions/ui-state';

interface InUse {
  stances: (typeof STANCES)[number][];
  roles: (typeof BUYING_ROLES)[number][];
  coverages: (typeof COVERAGE_STATUSES)[number][];
  links: (typeof LINK_KINDS)[number][];
  placeholder: boolean;
  left: boolean;
  noRelationship: boolean;
}

export function legendEntries(map: AccountMap): InUse {
  const people = Object.values(map.stakeholders);
  const departments = Object.values(map.departments);
  const links = Object.values(map.links);
  return {
    stances: STANCES.filter((s) => people.some((p) => p.stance === s)),
    roles: BUYING_ROLES.filter((r) => people.some((p) => p.roles.includes(r))),
    coverages: COVERAGE_STATUSES.filter((c) => departments.some((d) => d.coverage === c)),
    links: LINK_KINDS.filter((k) => links.some((l) => l.kind === k)),
    placeholder: people.some((p) => p.placeholder),
    left: people.some((p) => p.leftCompany),
    noRelationship: people.some((p) => p.relationship === 'none' && !p.placeholder && !p.leftCompany),
  };
}

function LineSample({ kind }: { kind: (typeof LINK_KINDS)[number] }) {
  const look = LINK_LOOK[kind];
  return (
    <svg width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">
      <line x1="2" y1="7" x2={look.arrow ? 34 : 42} y2="7" stroke={look.color} strokeWidth={look.width} strokeDasharray={look.dash || undefined} />
      {look.arrow ? <path d="M34 2 L43 7 L34 12 Z" fill={look.color} /> : null}
    </svg>
  );
}

export function LegendContent({ map }: { map: AccountMap }) {
  const used = legendEntries(map);
  const empty = !used.stances.length && !used.coverages.length && !used.links.length;
  return (
    <div className="pm-legend-content">
      {empty ? <p className="pm-legend__empty">The legend fills in as you add people, departments and links.</p> : null}
      {used.stances.length ? (
        <section>
          <h3>Stance</h3>
          <ul>
            {used.stances.map((s) => (
              <li key={s} title={STANCE_LOOK[s].alsoKnownAs}>
                <span className="pm-legend__stance" style={{ background: STANCE_LOOK[s].color, color: STANCE_LOOK[s].ink }}>
                  {STANCE_LOOK[s].icon}
                </span>
                {STANCE_LOOK[s].label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {used.roles.length ? (
        <section>
          <h3>Buying role</h3>
          <ul>
            {used.roles.map((r) => (
              <li key={r} title={ROLE_LOOK[r].alsoKnownAs}>
                <span className="pm-badge">{ROLE_LOOK[r].badge}</span>
                {ROLE_LOOK[r].label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {used.coverages.length ? (
        <section>
          <h3>Department coverage</h3>
          <ul>
            {used.coverages.map((c) => (
              <li key={c}>
                <span
                  className="pm-legend__swatch"
                  style={{ background: COVERAGE_LOOK[c].background, borderColor: COVERAGE_LOOK[c].border, borderStyle: COVERAGE_LOOK[c].borderStyle }}
                />
                {COVERAGE_LOOK[c].label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {used.links.length ? (
        <section>
          <h3>Links</h3>
          <ul>
            {used.links.map((k) => (
              <li key={k} title={LINK_LOOK[k].description}>
                <LineSample kind={k} />
                {LINK_LOOK[k].label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {used.placeholder || used.left || used.noRelationship ? (
        <section>
          <h3>Marks</h3>
          <ul>
            <li>
              <span className="pm-legend__bars" aria-hidden="true">
                <i className="on" />
                <i className="on" />
                <i />
              </span>
              Influence (high, medium, low)
            </li>
            {used.placeholder ? (
              <li>
                <span className="pm-legend__swatch pm-legend__swatch--placeholder" />
                Placeholder: a seat we still have to find
              </li>
            ) : null}
            {used.left ? (
              <li>
                <span className="pm-legend__struck">Name</span>
                Left the company
              </li>
            ) : null}
            {used.noRelationship ? (
              <li>
                <span className="pm-legend__mark">⌀</span>
                No relationship yet
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** The collapsible legend on the canvas. */
export function Legend() {
  const open = useUiState((s) => s.legendOpen);
  const map = useMapStore(useShallow((s) => s.map));
  if (!map) return null;
  return (
    <aside className={`pm-legend ${open ? 'pm-legend--open' : ''}`} aria-label="Legend">
      <button type="button" className="pm-legend__toggle" aria-expanded={open} onClick={() => ui.toggle('legendOpen')}>
        {open ? '▾' : '▸'} Legend
      </button>
      {open ? <LegendContent map={map} /> : null}
    </aside>
  );
}
