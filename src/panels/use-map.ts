// Small helpers the panels share for reading and changing the open map.
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountMap } from '../domain/types';
import type { Edit } from '../domain/edits';
import { useMapStore } from '../store/map-store';
import { viewport } from '../actions/viewport';
import type { Option } from './fields';

/**
 * Selects records (people, departments, links) and brings the cards and departments among them
 * into view: how the insights, snapshot comparison and find box point at something on the map.
 */
export function showOnMap(ids: string[], view: { padding: number; maxZoom: number } = { padding: 0.3, maxZoom: 1 }): void {
  useMapStore.getState().select(ids);
  const map = useMapStore.getState().map;
  const nodes = ids.filter((id) => map?.stakeholders[id] || map?.departments[id]);
  if (nodes.length) viewport.fit({ ids: nodes, ...view, duration: 300 });
}

/** Apply an edit to the open map (see the store's `run`); false if it was refused. */
export const run = (edit: Edit): boolean => useMapStore.getState().run(edit);

/**
 * Select options (id and name) for some records of the open map, sorted by name. The selector
 * returns flat strings, so dragging a card (a new position, same names) re-renders nothing here.
 */
/** One collator for the page: making one costs more than sorting a hundred names with it. */
let collator: Intl.Collator | null = null;

export function useNameOptions(pick: (map: AccountMap) => readonly { id: string; name: string }[]): Option<string>[] {
  // Worked out again only when the map changes, not on every store update (a selection, the save
  // status): with 2,000 departments that walk ran on each of them.
  const last = useRef<{ map: AccountMap | null; flat: string[] }>({ map: null, flat: [] });
  const flat = useMapStore(
    useShallow((s) => {
      if (s.map !== last.current.map) last.current = { map: s.map, flat: s.map ? pick(s.map).flatMap((record) => [record.id, record.name]) : [] };
      return last.current.flat;
    }),
  );
  return useMemo(() => {
    const options: Option<string>[] = [];
    for (let i = 0; i < flat.length; i += 2) options.push({ value: flat[i], label: flat[i + 1] });
    // One collator for the whole sort: localeCompare makes one per comparison (seconds for 20,000 names).
    collator ??= new Intl.Collator();
    return options.sort((a, b) => collator!.compare(a.label, b.label));
  }, [flat]);
}
