// What a screen reader announces for a card or a department: the record's own words (name,
// title, stance, roles) and its place among the others (reports to whom, how many links, how
// many people). The second part depends on other records, so it is not baked into the cached
// React Flow node (project.ts): each card reads it here, from indexes built once per change of
// the map's links or people, and names itself with aria-labelledby.
import { useMapStore } from '../store/map-store';
import { departmentHeadcounts, departmentSummary, relationsOf, relationsSentence, stakeholderSummary, type Relations } from '../domain/messages';
import type { AccountMap } from '../domain/types';

let relationsKey: { links: AccountMap['links']; stakeholders: AccountMap['stakeholders'] } | null = null;
let relations: Relations | null = null;
let headcountKey: AccountMap['stakeholders'] | null = null;
let headcounts = new Map<string, number>();

function relationsFor(map: AccountMap): Relations {
  if (!relations || relationsKey?.links !== map.links || relationsKey.stakeholders !== map.stakeholders) {
    relations = relationsOf(map);
    relationsKey = { links: map.links, stakeholders: map.stakeholders };
  }
  return relations;
}

function headcountsFor(map: AccountMap): Map<string, number> {
  if (headcountKey !== map.stakeholders) {
    headcounts = departmentHeadcounts(map);
    headcountKey = map.stakeholders;
  }
  return headcounts;
}

/** The element id that names a card or department (aria-labelledby), safe whatever the record id. */
export const nameElementId = (id: string) => `pm-name-${id.replace(/[^\w-]/g, '_')}`;

/** "Stakeholder: Anna Berg, CFO, champion, decision-maker, reports to Boris Ivanov, 3 links". */
export function useCardName(id: string): string {
  return useMapStore((s) => {
    const person = s.map?.stakeholders[id];
    if (!s.map || !person) return '';
    return `Stakeholder: ${person.name}, ${stakeholderSummary(person)}, ${relationsSentence(s.map, relationsFor(s.map), id)}`;
  });
}

/** "Department: Finance, white space, 4 people". */
export function useDepartmentName(id: string): string {
  return useMapStore((s) => {
    const department = s.map?.departments[id];
    if (!s.map || !department) return '';
    return `Department: ${department.name}, ${departmentSummary(department, headcountsFor(s.map).get(id) ?? 0)}`;
  });
}

/** The hidden text that names a card or department (see nameElementId). */
export function AccessibleName({ id, department = false }: { id: string; department?: boolean }) {
  return department ? <NameText id={id} text={useDepartmentName(id)} /> : <NameText id={id} text={useCardName(id)} />;
}

function NameText({ id, text }: { id: string; text: string }) {
  return (
    <span id={nameElementId(id)} hidden>
      {text}
    </span>
  );
}
