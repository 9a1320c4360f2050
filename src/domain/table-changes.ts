// Which records a new version of a record table changed, without comparing every record.
//
// Why: the write-ahead journal (persistence/journal.ts) stores the records an edit changed, and it
// runs synchronously on every edit. Finding them by comparing the two versions of a table visits
// every record: at 5,000 people that was most of the time before one edit was durable. A table
// made by `withRecord` remembers the table it came from and the one id it set, so the journal can
// walk from the new version back to the old one and look only at the ids set on the way.
//
// The link to the older table is weak: a version that nothing else holds (an intermediate step of a
// drag) can be collected, and then `changedIds` answers null and the caller compares the tables in
// full, as before. Holding it strongly would keep every version of the table alive.

interface Origin {
  from: WeakRef<object>;
  ids: readonly string[];
}

const origins = new WeakMap<object, Origin>();

/** Longest walk back before giving up: a longer series of edits is compared in full. */
const MAX_STEPS = 256;

/**
 * A shallow copy of a record table. A key-by-key loop: V8 copies a large table (past about a
 * thousand keys it is kept as a dictionary) with the spread operator three to four times slower
 * (5,000 records in Node 20: about 5 ms spread, 1.2 ms here), and every edit makes one such copy.
 */
function copyOf<T>(table: Readonly<Record<string, T>>): Record<string, T> {
  const next: Record<string, T> = {};
  for (const id in table) next[id] = table[id];
  return next;
}

// A copy made ahead, while the page is idle (store/spare-copies.ts), for the next edit of that
// table to take. Why: the copy grows with the map (20,000 records: 3.5 to 7 ms in Chromium), and
// it came before the edit's journal entry, so the time until an edit was durable grew with the
// map. A spare is never handed out but to one edit: taking it removes it.
const spares = new WeakMap<object, Record<string, unknown>>();

/** Makes a spare copy of `table` for the next withRecord(s) on it to take instead of copying then. */
export function prepareCopy(table: Readonly<Record<string, unknown>>): void {
  if (!spares.has(table)) spares.set(table, copyOf(table));
}

/** Lets go of `table`'s spare copy, if it has one. */
export function dropCopy(table: object): void {
  spares.delete(table);
}

/** Whether `table` has a spare copy waiting. */
export const hasSpareCopy = (table: object): boolean => spares.has(table);

/** A copy of `table` to change: its spare if one was made, otherwise one made now. */
function copyToChange<T>(table: Readonly<Record<string, T>>): Record<string, T> {
  const spare = spares.get(table) as Record<string, T> | undefined;
  if (!spare) return copyOf(table);
  spares.delete(table);
  return spare;
}

/** A copy of `table` with `record` under its id, remembering where it came from. */
export function withRecord<T extends { id: string }>(table: Readonly<Record<string, T>>, record: T): Record<string, T> {
  const next = copyToChange(table);
  next[record.id] = record;
  origins.set(next, { from: new WeakRef(table), ids: [record.id] });
  return next;
}

/** A copy of `table` with each of `records` under its id (one copy for all), remembering where it came from. */
export function withRecords<T extends { id: string }>(table: Readonly<Record<string, T>>, records: Iterable<T>): Record<string, T> {
  const next = copyToChange(table);
  const ids: string[] = [];
  for (const record of records) {
    next[record.id] = record;
    ids.push(record.id);
  }
  origins.set(next, { from: new WeakRef(table), ids });
  return next;
}

const counts = new WeakMap<object, number>();

/**
 * How many records `table` holds. Cached per table, and for a table made by withRecord(s) from one
 * whose count is known, taken from it: the panels that show counts then cost nothing per edit.
 */
export function recordCount(table: object): number {
  let count = counts.get(table);
  if (count !== undefined) return count;
  const origin = origins.get(table);
  const from = origin?.from.deref();
  const before = from ? counts.get(from) : undefined;
  count = origin && from && before !== undefined ? before + origin.ids.filter((id) => !Object.hasOwn(from, id)).length : Object.keys(table).length;
  counts.set(table, count);
  return count;
}

/** True when `table` holds at least one record (recordCount: for-in, too, lists every key of a large table). */
export const hasRecords = (table: object): boolean => recordCount(table) > 0;

/**
 * The ids that may differ between `before` and `after`, two versions of one record table, when
 * `after` was made from `before` by `withRecord` steps that are all still known; null otherwise (the
 * caller then compares every record). The same table gives an empty set.
 */
export function changedIds(before: object, after: object): Set<string> | null {
  const ids = new Set<string>();
  let table: object | undefined = after;
  for (let steps = 0; table !== before; steps++) {
    const origin: Origin | undefined = table && steps < MAX_STEPS ? origins.get(table) : undefined;
    if (!origin) return null;
    for (const id of origin.ids) ids.add(id);
    table = origin.from.deref();
  }
  return ids;
}
