// Which stakeholders are outside the focus (FocusBar): their cards and lines dim. Computed once
// per change in Canvas and handed down through context, so cards and lines subscribe to nothing
// extra (with no focus set, nothing at all happens per drag step).
import { createContext, useContext } from 'react';
import { inFocus, type FocusFilter } from '../domain/focus';
import type { AccountMap } from '../domain/types';

const NOBODY: ReadonlySet<string> = new Set();

export const OutOfFocusContext = createContext<ReadonlySet<string>>(NOBODY);

export function useOutOfFocus(stakeholderId: string): boolean {
  return useContext(OutOfFocusContext).has(stakeholderId);
}

/** The ids outside the filters; `previous` is returned when nothing changed, to keep its identity. */
export function outOfFocus(map: AccountMap | null, filters: readonly FocusFilter[], previous: ReadonlySet<string>): ReadonlySet<string> {
  if (!map || filters.length === 0) return NOBODY;
  const next = new Set(Object.values(map.stakeholders).filter((person) => !inFocus(map, person, filters)).map((person) => person.id));
  const same = next.size === previous.size && [...next].every((id) => previous.has(id));
  return same ? previous : next;
}
