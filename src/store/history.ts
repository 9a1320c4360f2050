// Undo history of the open map: snapshots of the document only (never selection or viewport).
// Commands share unchanged records between snapshots, so a step costs only what it changed.
import type { AccountMap } from '../domain/types';
import type { EditLabel } from '../domain/edits';

/** More than the 100 steps users were promised, so a long workshop does not run out. */
export const HISTORY_LIMIT = 200;

/**
 * One step: the document on one side of an edit, and what the edit was called ("mark champion"),
 * kept as a key so the name follows the language shown.
 */
export interface HistoryEntry {
  map: AccountMap;
  label: EditLabel;
}

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

export const emptyHistory: History = { past: [], future: [] };

/** Remember `previous` as the state before a new change named `label`; a new change clears redo. */
export function record(history: History, previous: AccountMap, label: EditLabel): History {
  const past = [...history.past, { map: previous, label }];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [] };
}

export function undo(history: History, current: AccountMap): { history: History; map: AccountMap } | null {
  const previous = history.past.at(-1);
  if (!previous) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [{ map: current, label: previous.label }, ...history.future] },
    map: previous.map,
  };
}

export function redo(history: History, current: AccountMap): { history: History; map: AccountMap } | null {
  const next = history.future[0];
  if (!next) return null;
  return { history: { past: [...history.past, { map: current, label: next.label }], future: history.future.slice(1) }, map: next.map };
}
