// Small helpers the panels share for reading and changing the open map.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountMap } from '../domain/types';
import { useMapStore } from '../store/map-store';
import type { Option } from './fields';

/** Apply a command to the open map (see the store's `run`); false if it was refused. */
export const run = (command: (map: AccountMap) => AccountMap): boolean => useMapStore.getState().run(command);

/**
 * Select options (id and name) for some records of the open map, sorted by name. The selector
 * returns flat strings, so dragging a card (a new position, same names) re-renders nothing here.
 */
export function useNameOptions(pick: (map: AccountMap) => readonly { id: string; name: string }[]): Option<string>[] {
  const flat = useMapStore(useShallow((s) => (s.map ? pick(s.map).flatMap((record) => [record.id, record.name]) : [])));
  return useMemo(() => {
    const options: Option<string>[] = [];
    for (let i = 0; i < flat.length; i += 2) options.push({ value: flat[i], label: flat[i + 1] });
    return options.sort((a, b) => a.label.localeCompare(b.label));
  }, [flat]);
}
