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
  id: string;
}

const origins = new WeakMap<object, Origin>();

/** Longest walk back before giving up: a longer series of edits is compared in full. */
const MAX_STEPS = 256;

/** A copy of `table` with `record` under its id, remembering where it came from. */
export function withRecord<T extends { id: string }>(table: Readonly<Record<string, T>>, record: T): Record<string, T> {
  const next = { ...table, [record.id]: record };
  origins.set(next, { from: new WeakRef(table), id: record.id });
  return next;
}

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
    ids.add(origin.id);
    table = origin.from.deref();
  }
  return ids;
}
