// The focus bar, top left of the canvas (also in presentation mode): pick what the room is talking
// about (a stance, a role, an influence level, a department, an owner, people who left); cards
// outside it dim, so the map keeps its shape and the room its bearings. Each filter is a chip, and
// the bar says how many people are in focus, or that no one is (every card faded says little).
import './FocusBar.css';
import { Panel } from '@xyflow/react';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { inFocus, type FocusFilter, type FocusKind } from '../domain/focus';
import { BUYING_ROLES, INFLUENCE_LEVELS, STANCES } from '../domain/types';
import { useUiState } from '../actions/ui-state';
import { useMapStore } from '../store/map-store';
import { INFLUENCE_LOOK, ROLE_LOOK, STANCE_LOOK } from '../drawing/appearance';

const keyOf = (filter: FocusFilter) => `${filter.kind}:${filter.value}`;

/**
 * Past this many departments their options are put in the list only once someone reaches for it
 * (pointer over it, focus, a key): laying out a <select> of 2,000 options took the browser 150 ms
 * of the first draw of a 20,000-person map.
 */
const LISTED_AT_ONCE = 200;

/**
 * One collator for every sort of the list: localeCompare with options makes one per comparison,
 * which for 2,000 departments was most of the longest task while a 20,000-person map opened.
 */
let byName: Intl.Collator | null = null;

function FocusBarComponent() {
  const { t } = useTranslation();
  const kindWord = (kind: FocusKind) => t(`canvas.focus.kind.${kind}`);
  const filters = useUiState((s) => s.focus);
  // The records, not lists built in the selector (a new list every time would re-render forever).
  const departmentRecords = useMapStore((s) => s.map?.departments);
  const teamRecords = useMapStore((s) => s.map?.team);
  const map = useMapStore((s) => s.map);
  const inFocusCount = useMemo(
    () => (map && filters.length ? Object.values(map.stakeholders).reduce((count, person) => (inFocus(map, person, filters) ? count + 1 : count), 0) : 0),
    [map, filters],
  );
  // In the list by name, as a person looks for one, not in the order they were made.
  const departments = useMemo(
    () => {
      byName ??= new Intl.Collator(undefined, { numeric: true });
      return Object.values(departmentRecords ?? {}).map((d) => [d.id, d.name] as const).sort((a, b) => byName!.compare(a[1], b[1]));
    },
    [departmentRecords],
  );
  const team = useMemo(() => Object.values(teamRecords ?? {}).map((t) => [t.id, t.name] as const), [teamRecords]);
  const label = (filter: FocusFilter): string => {
    switch (filter.kind) {
      case 'stance':
        return STANCE_LOOK[filter.value as keyof typeof STANCE_LOOK]?.label ?? filter.value;
      case 'role':
        return ROLE_LOOK[filter.value as keyof typeof ROLE_LOOK]?.label ?? filter.value;
      case 'influence':
        return INFLUENCE_LOOK[filter.value as keyof typeof INFLUENCE_LOOK]?.label ?? filter.value;
      case 'department':
        return departments.find(([id]) => id === filter.value)?.[1] ?? t('canvas.focus.removed');
      case 'owner':
        return team.find(([id]) => id === filter.value)?.[1] ?? t('canvas.focus.removed');
      case 'left':
        return t('canvas.focus.yes');
    }
  };
  const [reachedFor, setReachedFor] = useState(false);
  const listDepartments = reachedFor || departments.length <= LISTED_AT_ONCE;
  const reach = () => setReachedFor(true);
  const set = (next: FocusFilter[]) => useUiState.setState({ focus: next });
  const add = (encoded: string) => {
    const [kind, ...rest] = encoded.split(':');
    const filter = { kind: kind as FocusKind, value: rest.join(':') };
    if (!filters.some((f) => keyOf(f) === keyOf(filter))) set([...filters, filter]);
  };

  return (
    <Panel position="top-left" className="pm-focus">
      <select
        aria-label={t('canvas.focus.label')}
        value=""
        onPointerEnter={reach}
        onPointerDown={reach}
        onFocus={reach}
        onKeyDown={reach}
        onChange={(event) => {
          if (event.target.value) add(event.target.value);
        }}
      >
        <option value="">{t('canvas.focus.placeholder')}</option>
        <optgroup label={kindWord('stance')}>
          {STANCES.map((stance) => (
            <option key={stance} value={`stance:${stance}`}>
              {STANCE_LOOK[stance].label}
            </option>
          ))}
        </optgroup>
        <optgroup label={kindWord('role')}>
          {BUYING_ROLES.map((role) => (
            <option key={role} value={`role:${role}`}>
              {ROLE_LOOK[role].label}
            </option>
          ))}
        </optgroup>
        <optgroup label={kindWord('influence')}>
          {INFLUENCE_LEVELS.map((level) => (
            <option key={level} value={`influence:${level}`}>
              {INFLUENCE_LOOK[level].label}
            </option>
          ))}
        </optgroup>
        {departments.length && listDepartments ? (
          <optgroup label={kindWord('department')}>
            {departments.map(([id, name]) => (
              <option key={id} value={`department:${id}`}>
                {name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {team.length ? (
          <optgroup label={kindWord('owner')}>
            {team.map(([id, name]) => (
              <option key={id} value={`owner:${id}`}>
                {name}
              </option>
            ))}
          </optgroup>
        ) : null}
        <option value="left:yes">{kindWord('left')}</option>
      </select>
      {filters.length ? (
        <ul className="pm-focus__chips" aria-label={t('canvas.focus.filters')}>
          {filters.map((filter) => (
            <li key={keyOf(filter)}>
              <button
                type="button"
                className="pm-focus__chip"
                aria-label={t('canvas.focus.remove', { kind: kindWord(filter.kind), value: label(filter) })}
                onClick={() => set(filters.filter((f) => keyOf(f) !== keyOf(filter)))}
              >
                {t('canvas.focus.chip', { kind: kindWord(filter.kind), value: label(filter) })} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="pm-focus__clear" onClick={() => set([])}>
              {t('canvas.focus.clear')}
            </button>
          </li>
        </ul>
      ) : null}
      {filters.length ? (
        <p className={`pm-focus__count${inFocusCount ? '' : ' pm-focus__count--none'}`} role="status">
          {inFocusCount ? t('canvas.focus.count', { count: inFocusCount }) : t('canvas.focus.none')}
        </p>
      ) : null}
    </Panel>
  );
}

// Memoised: the canvas renders again whenever what it mounts changes (a wheel zoom's start and end).
export const FocusBar = memo(FocusBarComponent);
