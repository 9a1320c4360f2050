// What a snapshot comparison marks on the canvas: new people and links, changed stances, roles
// and coverage. Computed once per change in Canvas and handed down through context (like focus),
// so cards and lines subscribe to nothing extra, and nothing happens per drag step when no
// comparison is open. People removed since the snapshot are drawn as outlines (project.ts).
import { createContext, useContext } from 'react';
import type { MapComparison } from '../domain/compare';
import { COVERAGE_LOOK, ROLE_LOOK, STANCE_LOOK } from '../drawing/appearance';
import { t } from '../i18n';

export interface ChangeMark {
  kind: 'added' | 'changed';
  /** Short enough for a tag on a card: "New", "Neutral → Champion", "+DM −EB". */
  text: string;
}
export type ChangeMarks = ReadonlyMap<string, ChangeMark>;

const NONE: ChangeMarks = new Map();
export const ChangeMarksContext = createContext<ChangeMarks>(NONE);

export function useChangeMark(id: string): ChangeMark | undefined {
  return useContext(ChangeMarksContext).get(id);
}

export function stanceChangeText(change: MapComparison['stanceChanged'][number]): string {
  return `${STANCE_LOOK[change.from].label} → ${STANCE_LOOK[change.to].label}`;
}

export function coverageChangeText(change: MapComparison['coverageChanged'][number]): string {
  return `${COVERAGE_LOOK[change.from].label} → ${COVERAGE_LOOK[change.to].label}`;
}

/** The marks for a comparison; `previous` is returned when they are the same, to keep its identity. */
export function changeMarks(comparison: MapComparison | null, previous: ChangeMarks): ChangeMarks {
  if (!comparison) return NONE;
  const next = new Map<string, ChangeMark>();
  const changed = (id: string, text: string) => {
    const earlier = next.get(id);
    next.set(id, earlier ? { kind: earlier.kind, text: `${earlier.text} · ${text}` } : { kind: 'changed', text });
  };
  for (const person of comparison.added) next.set(person.id, { kind: 'added', text: t('canvas.compare.new') });
  for (const change of comparison.stanceChanged) changed(change.stakeholder.id, stanceChangeText(change));
  for (const change of comparison.rolesChanged) {
    changed(change.stakeholder.id, [...change.gained.map((role) => `+${ROLE_LOOK[role].badge}`), ...change.lost.map((role) => `−${ROLE_LOOK[role].badge}`)].join(' '));
  }
  for (const link of comparison.linksAdded) next.set(link.id, { kind: 'added', text: t('canvas.compare.newLink') });
  for (const change of comparison.coverageChanged) changed(change.department.id, coverageChangeText(change));
  const same = next.size === previous.size && [...next].every(([id, mark]) => previous.get(id)?.text === mark.text && previous.get(id)?.kind === mark.kind);
  return same ? previous : next;
}
