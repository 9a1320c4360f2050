// Spare copies of the open map's large record tables, made while the page is idle.
//
// Why: an edit copies the table it changes (domain/table-changes.ts) before the store takes the
// new map and the journal makes it durable (persistence/journal.ts). At 20,000 people that copy
// was 3.5 to 7 ms of the 8 ms until one edit was durable, and it grows with the map. With a copy
// made ahead, the edit takes it and sets its one record: an edit is durable as soon on a large map
// as on a small one. Within a gesture (a drag) no spare is made: the steps come faster than idle
// time, and the gesture's first step has taken the one made before it.
import type { StoreApi } from 'zustand';
import type { AccountMap } from '../domain/types';
import { dropCopy, prepareCopy, recordCount } from '../domain/table-changes';
import { whenIdle } from './when-idle';

/** Tables smaller than this copy in well under a millisecond: a spare is not worth its memory. */
export const SPARE_FROM = 2_000;

/** The latest a spare is made after a change when the page is never idle. */
const IDLE_TIMEOUT_MS = 2_000;

const TABLES = ['stakeholders', 'links', 'departments', 'team'] as const;

interface Watched {
  map: AccountMap | null;
  gestureStart: AccountMap | null;
}

const largeTables = (map: AccountMap) => TABLES.map((kind) => map[kind]).filter((table) => recordCount(table) >= SPARE_FROM);

/**
 * Keeps a spare copy of each large table of the store's map, made when the page is idle after each
 * change; returns what stops it. Only the current map's tables keep one: a version left for undo
 * would otherwise hold its spare, a second copy of every record list, for as long as it is kept.
 */
export function keepSpareCopies(store: StoreApi<Watched>): () => void {
  let cancel: (() => void) | null = null;
  let holding: ReturnType<typeof largeTables> = [];
  const plan = ({ map, gestureStart }: Watched) => {
    cancel?.();
    cancel = null;
    const current = map ? largeTables(map) : [];
    for (const table of holding) if (!current.includes(table)) dropCopy(table);
    holding = holding.filter((table) => current.includes(table));
    if (gestureStart || current.length === 0) return;
    cancel = whenIdle(() => {
      cancel = null;
      for (const table of current) prepareCopy(table);
      holding = current;
    }, IDLE_TIMEOUT_MS);
  };
  plan(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.map !== previous.map || state.gestureStart !== previous.gestureStart) plan(state);
  });
  return () => {
    cancel?.();
    unsubscribe();
  };
}
