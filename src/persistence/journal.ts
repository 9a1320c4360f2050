// Write-ahead journal: every committed edit is durable before the page can go.
//
// Why: autosave writes to IndexedDB 300 ms after an edit, and a page that closes, navigates away
// or crashes before an IndexedDB transaction commits loses it. Measured in Chromium 150 (a
// persistent profile; the page left 0, 50 or 150 ms after the write): a put issued synchronously
// in its own transaction survived when nothing else was running, but only 2 of 54 exits when it
// was queued behind a larger write, as autosave's writes and map loads often are.
// localStorage.setItem survived 54 of 54 in every case, renderer crashes included: it is
// synchronous, and once it returns the browser holds the value.
//
// How:
//  - Each change of the open map gets a revision number, increasing per map: the larger of the
//    last one + 1 and the clock in milliseconds, so a new session continues above what is stored.
//  - On every change the records that changed since the last entry go into one small
//    localStorage entry, `powermap:journal:<mapId>:<revision>`: puts and deletes per table, the
//    map's name and updatedAt, and the revision it builds on. Never the whole map. Within a
//    gesture (a drag, a typing session in the inspector) each change writes one entry with all
//    the gesture's changes so far and removes the one before, so a drag leaves one entry.
//  - Autosave then stores the map in IndexedDB as before, writes the revision it covers into the
//    maps row (journalSeq) in the same transaction, and removes the entries up to it.
//  - Opening a map for editing replays its entries into IndexedDB before the map is read
//    (repository's replayJournal). Only the tab holding the map's Web Lock edits or opens it
//    editable, so no tab replays a map another live tab holds, and a read-only tab never replays.
//    Entries at or below the stored journalSeq are skipped (stored already, or superseded), the
//    rest go in revision order while each builds on what storage holds: a missing entry stops the
//    replay rather than apply later changes to a state they were not made on.
//  - Creating (or importing over) and deleting a map discards its entries.
//  - When setItem fails (storage full, or refused) the journal stops for that map: autosave tells
//    the user and writes at once instead of after the debounce, and the journal starts again
//    once IndexedDB holds every revision, so the next entry builds on a stored one.
import type { AccountMap } from '../domain/types';
import { changedIds } from '../domain/table-changes';
import { RECORD_TABLES, type RecordTable } from './db';

const PREFIX = 'powermap:journal:';
const keyOf = (mapId: string, seq: number) => `${PREFIX}${mapId}:${seq}`;

/** One unsaved change of one map: the changed records only. */
export interface JournalEntry {
  mapId: string;
  /** This change's revision. */
  seq: number;
  /** The revision this change was made on (0: not known, e.g. a map opened without a replay). */
  base: number;
  name: string;
  updatedAt: string;
  put: Partial<Record<RecordTable, object[]>>;
  remove: Partial<Record<RecordTable, string[]>>;
}

/** Where one map's journal stands in this tab. */
interface Revision {
  /** The newest revision given out (or known to be stored). */
  seq: number;
  /** True after a failed setItem, until storage holds every revision. */
  paused: boolean;
}

const revisions = new Map<string, Revision>();

const revisionOf = (mapId: string): Revision => {
  let revision = revisions.get(mapId);
  if (!revision) revisions.set(mapId, (revision = { seq: 0, paused: false }));
  return revision;
};

/** The newest revision of the map in this tab: what a write of the latest version covers. */
export const currentRevision = (mapId: string): number => revisions.get(mapId)?.seq ?? 0;

/**
 * The records that differ between two versions of a map (by identity), or null if none do. Where
 * the newer table was made from the older one by single-record steps (domain/table-changes.ts),
 * only the ids set on the way are looked at, so one edit costs the same at any map size; otherwise
 * every record is compared.
 */
export function changedRecords(before: AccountMap, after: AccountMap): Pick<JournalEntry, 'put' | 'remove'> | null {
  const put: JournalEntry['put'] = {};
  const remove: JournalEntry['remove'] = {};
  let any = before.name !== after.name;
  for (const kind of RECORD_TABLES) {
    const was = before[kind] as Record<string, object>;
    const now = after[kind] as Record<string, object>;
    if (was === now) continue;
    const changed: object[] = [];
    const gone: string[] = [];
    const ids = changedIds(was, now);
    if (ids) {
      for (const id of ids) {
        if (!Object.hasOwn(now, id)) {
          if (Object.hasOwn(was, id)) gone.push(id);
        } else if (was[id] !== now[id]) changed.push(now[id]);
      }
    } else {
      for (const id in now) if (was[id] !== now[id]) changed.push(now[id]);
      for (const id in was) if (!Object.hasOwn(now, id)) gone.push(id);
    }
    if (changed.length) put[kind] = changed;
    if (gone.length) remove[kind] = gone;
    any ||= changed.length > 0 || gone.length > 0;
  }
  return any ? { put, remove } : null;
}

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: reading the property throws a SecurityError
  }
};

/**
 * Journals the change from `before` to `after` of the map, synchronously, as a new revision.
 * `base` overrides the revision it builds on and `replaces` names an entry it supersedes (both for
 * a gesture, whose entry is rewritten as one growing change). Returns the new revision and whether
 * the change is durable here (false: storage full or refused, or the journal stopped after such a
 * failure; the caller should store the map in IndexedDB at once), or null if nothing changed.
 */
export function journalChange(
  before: AccountMap,
  after: AccountMap,
  options: { base?: number; replaces?: number } = {},
): { seq: number; durable: boolean } | null {
  // A gesture that went back to where it began still replaces its entry, with an empty one.
  const records = changedRecords(before, after) ?? (options.replaces !== undefined ? { put: {}, remove: {} } : null);
  if (!records) return null;
  const revision = revisionOf(after.id);
  const base = options.base ?? revision.seq;
  revision.seq = Math.max(revision.seq + 1, Date.now());
  if (revision.paused) return { seq: revision.seq, durable: false };
  const entry: JournalEntry = { mapId: after.id, seq: revision.seq, base, name: after.name, updatedAt: after.updatedAt, ...records };
  try {
    const store = storage();
    if (!store) throw new Error('localStorage is not available');
    store.setItem(keyOf(after.id, entry.seq), JSON.stringify(entry));
    if (options.replaces !== undefined) store.removeItem(keyOf(after.id, options.replaces));
    return { seq: entry.seq, durable: true };
  } catch {
    revision.paused = true;
    return { seq: revision.seq, durable: false };
  }
}

/** Storage now holds the map up to `seq`: its entries up to there go, and a stopped journal may start again. */
export function journalStored(mapId: string, seq: number): void {
  const revision = revisionOf(mapId);
  revision.seq = Math.max(revision.seq, seq);
  if (revision.paused && seq >= revision.seq) revision.paused = false;
  removeEntries(mapId, seq);
}

function keysOf(mapId: string): { key: string; seq: number }[] {
  const store = storage();
  if (!store) return [];
  const prefix = `${PREFIX}${mapId}:`;
  const keys: { key: string; seq: number }[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) keys.push({ key, seq: Number(key.slice(prefix.length)) });
  }
  return keys;
}

const isEntry = (value: unknown, mapId: string): value is JournalEntry => {
  const entry = value as JournalEntry | null;
  return (
    typeof entry === 'object' && entry !== null && entry.mapId === mapId && Number.isFinite(entry.seq) &&
    Number.isFinite(entry.base) && typeof entry.put === 'object' && typeof entry.remove === 'object'
  );
};

/** The map's journal entries in revision order; unreadable ones are left out. */
export function journalEntries(mapId: string): JournalEntry[] {
  const store = storage();
  const entries: JournalEntry[] = [];
  for (const { key } of keysOf(mapId)) {
    try {
      const entry: unknown = JSON.parse(store?.getItem(key) ?? 'null');
      if (isEntry(entry, mapId)) entries.push(entry);
    } catch {
      // A damaged entry cannot be replayed; the replay stops at the gap it leaves.
    }
  }
  return entries.sort((a, b) => a.seq - b.seq);
}

/** Removes the map's entries up to revision `throughSeq` (all of them by default). */
export function removeEntries(mapId: string, throughSeq = Number.POSITIVE_INFINITY): void {
  const store = storage();
  for (const { key, seq } of keysOf(mapId)) if (!(seq > throughSeq)) store?.removeItem(key);
}

/** The map was replaced or deleted: its unsaved changes no longer apply. */
export function discardJournal(mapId: string): void {
  removeEntries(mapId);
  revisions.delete(mapId);
}
