// What the find box (Ctrl+K) lists for what was typed: people and departments, best first.
import { t } from '../i18n';
import { foldName } from '../domain/quick-entry';
import type { AccountMap } from '../domain/types';

export const MAX_MATCHES = 8;

export interface Match {
  id: string;
  label: string;
  detail: string;
}

/**
 * People whose name, title or department holds every word typed, and departments whose name holds
 * them: "Hans Koch finance" finds the Hans Koch in Finance among a large account's namesakes, who
 * could fill the list before. Names that start with what was typed come first, then names that
 * hold it, then matches through the title or department; namesakes in the order of their detail.
 */
export function findMatches(map: AccountMap, query: string): Match[] {
  const wanted = foldName(query);
  const words = query.split(/\s+/).map(foldName).filter(Boolean);
  if (!wanted) return [];
  const holdsEvery = (...texts: string[]) => {
    const folded = texts.map(foldName).join(' ');
    return words.every((word) => folded.includes(word));
  };
  const found: (Match & { rank: number })[] = [];
  const rank = (label: string) => {
    const name = foldName(label);
    return name.startsWith(wanted) ? 0 : name.includes(wanted) ? 1 : 2;
  };
  for (const person of Object.values(map.stakeholders)) {
    const department = person.departmentId ? map.departments[person.departmentId]?.name ?? '' : '';
    if (holdsEvery(person.name, person.title, department)) {
      found.push({ id: person.id, label: person.name, detail: [person.title, department].filter(Boolean).join(' · '), rank: rank(person.name) });
    }
  }
  for (const department of Object.values(map.departments)) {
    if (holdsEvery(department.name)) found.push({ id: department.id, label: department.name, detail: t('quickEntry.department'), rank: rank(department.name) });
  }
  return found
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label) || a.detail.localeCompare(b.detail))
    .slice(0, MAX_MATCHES)
    .map(({ id, label, detail }) => ({ id, label, detail }));
}
