// What a screen reader announces for a card or a department: the record's own words (name,
// title, stance, roles) and its place among the others (reports to whom, how many links, how
// many people). The second part depends on other records, so it is not baked into the cached
// React Flow node (project.ts): each card reads it here, from indexes built once per change of
// the map's links or people, and writes it into its node's aria-label after React has (React
// Flow sets the short label from the node; this runs after it in the same commit).
import { useLayoutEffect, useRef } from 'react';
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

/**
 * "Stakeholder: Anna Berg, CFO, champion, decision-maker, reports to Boris Ivanov, 3 links". The
 * relationships are read from the map as it was when a drag began, so a drag step (positions
 * only) rebuilds no index.
 */
export function useCardName(id: string): string {
  return useMapStore((s) => {
    const person = s.map?.stakeholders[id];
    const settled = s.gestureStart ?? s.map;
    if (!settled || !person) return '';
    return `Stakeholder: ${person.name}, ${stakeholderSummary(person)}, ${relationsSentence(settled, relationsFor(settled), id)}`;
  });
}

/** "Department: Finance, white space, 4 people". */
export function useDepartmentName(id: string): string {
  return useMapStore((s) => {
    const department = s.map?.departments[id];
    const settled = s.gestureStart ?? s.map;
    if (!settled || !department) return '';
    return `Department: ${department.name}, ${departmentSummary(department, headcountsFor(settled).get(id) ?? 0)}`;
  });
}

/** Names the card or department it sits in (an empty element: it only finds its node). */
export function AccessibleName({ id, department = false }: { id: string; department?: boolean }) {
  return department ? <NameOnNode text={useDepartmentName(id)} /> : <NameOnNode text={useCardName(id)} />;
}

function NameOnNode({ text }: { text: string }) {
  const marker = useRef<HTMLSpanElement>(null);
  // No dependency list: React Flow may write its own label back whenever the node changes.
  useLayoutEffect(() => {
    const node = marker.current?.closest('.react-flow__node');
    if (text && node && node.getAttribute('aria-label') !== text) node.setAttribute('aria-label', text);
  });
  return <span ref={marker} hidden />;
}
