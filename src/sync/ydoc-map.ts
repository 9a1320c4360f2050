// An account map in a Yjs document, and the two ways between them.
//
// Layout of the Y.Doc: a root Y.Map `map` with the map's name, createdAt and updatedAt; one root
// Y.Map per record table (`departments`, `stakeholders`, `links`, `team`) from record id to a
// Y.Map of that record's fields, each field a plain JSON value. A field is the unit of a merge:
// two people changing different fields of one stakeholder both keep their change; two changing
// the same field (a stance) end with one of the two values on every client (Yjs orders concurrent
// writes of one key the same way everywhere). A record deleted on one side while edited on the
// other stays deleted: the edit was made inside the record's Y.Map, which the delete removed.
//
// Local edits: `writeChanges(doc, before, after)` puts what differs between two versions of the
// map (compared by identity, as the journal does, then field by field) into one transaction. It
// writes what the edit changed, not what differs from the document: remote transactions reach the
// open map a frame later (remote-batch.ts), and a local edit in between must not undo them.
// Remote edits: `patchOf(transaction)` reads what a transaction changed, as a `MapPatch`, and
// `applyPatch(map, patch)` applies it to a map (the open one and every undo step).
//
// Every field's value goes through a `FieldCipher` (field-cipher.ts): sealed with the map's key on
// the way in, opened on the way out, so the relay holds the structure and ciphertext only. A value
// that does not open is left out of what is read. PLAIN (no key) keeps values in clear.
import * as Y from 'yjs';
type Transaction = Y.Transaction;
import type { AccountMap } from '../domain/types';
import { PLAIN, UNREADABLE, type FieldCipher } from './field-cipher';

export const RECORD_KINDS = ['departments', 'stakeholders', 'links', 'team'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
const META_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;

type AnyRecord = { id: string } & Record<string, unknown>;
type Records = Record<string, AnyRecord>;

/** What a set of remote transactions changed: whole records (added), fields of records, removals. */
export interface MapPatch {
  meta: Partial<Pick<AccountMap, 'name' | 'createdAt' | 'updatedAt'>>;
  /** Records put whole (new, or replaced). */
  put: Partial<Record<RecordKind, Records>>;
  /** Fields of existing records; `undefined` removes the field. */
  fields: Partial<Record<RecordKind, Record<string, Record<string, unknown>>>>;
  remove: Partial<Record<RecordKind, string[]>>;
}

const recordsOf = (map: AccountMap, kind: RecordKind) => map[kind] as unknown as Records;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

const metaPlace = (field: string) => `map/${field}`;
const fieldPlace = (kind: RecordKind, id: string, field: string) => `${kind}/${id}/${field}`;

/** A meta field holding a sealed known text: how a joining client tells a wrong key from a right one. */
const KEY_CHECK = 'keyCheck';
const KEY_CHECK_TEXT = 'powermap';

function toYRecord(kind: RecordKind, record: AnyRecord, cipher: FieldCipher): Y.Map<unknown> {
  const fields = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) if (value !== undefined) fields.set(key, cipher.seal(value, fieldPlace(kind, record.id, key)));
  return fields;
}

/** A record's fields as a plain record, each value opened; fields that do not open are left out. */
function fromYRecord(kind: RecordKind, id: string, fields: Y.Map<unknown>, cipher: FieldCipher): AnyRecord {
  const record: AnyRecord = { id };
  fields.forEach((stored, key) => {
    if (key === 'id') return;
    const value = cipher.open(stored, fieldPlace(kind, id, key));
    if (value !== UNREADABLE) record[key] = value;
  });
  return record;
}

/**
 * Whether this key opens the document: null when it does (or the map is in clear and there is no
 * key), `no-key` for an encrypted map opened without one, `wrong-key` for a key that does not open
 * it (or a key with a map in clear, which a relay must not be able to pass off as the team's).
 */
export function keyProblem(doc: Y.Doc, cipher: FieldCipher): 'no-key' | 'wrong-key' | null {
  const check = doc.getMap<unknown>('map').get(KEY_CHECK);
  if (check === undefined) return cipher.encrypted ? 'wrong-key' : null;
  if (!cipher.encrypted) return 'no-key';
  return cipher.open(check, metaPlace(KEY_CHECK)) === KEY_CHECK_TEXT ? null : 'wrong-key';
}

/** True when the document holds no map yet (nothing shared into it, nothing received). */
export const isEmptyDoc = (doc: Y.Doc): boolean => !doc.getMap('map').has('name');

/** Puts the change from `before` to `after` into the document as one transaction with `origin`. */
export function writeChanges(doc: Y.Doc, before: AccountMap | null, after: AccountMap, origin: unknown, cipher: FieldCipher = PLAIN): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>('map');
    if (cipher.encrypted && !meta.has(KEY_CHECK)) meta.set(KEY_CHECK, cipher.seal(KEY_CHECK_TEXT, metaPlace(KEY_CHECK)));
    for (const field of META_FIELDS) {
      const changed = before ? before[field] !== after[field] || !meta.has(field) : cipher.open(meta.get(field), metaPlace(field)) !== after[field];
      if (changed) meta.set(field, cipher.seal(after[field], metaPlace(field)));
    }
    for (const kind of RECORD_KINDS) {
      const was = before ? recordsOf(before, kind) : {};
      const now = recordsOf(after, kind);
      if (was === now) continue;
      const table = doc.getMap<Y.Map<unknown>>(kind);
      for (const id in now) {
        if (was[id] === now[id] && table.has(id)) continue;
        const existing = table.get(id);
        const earlier = was[id];
        if (!existing) {
          // Edited here while someone else deleted it (their delete not yet applied here): it stays deleted.
          if (earlier) continue;
          table.set(id, toYRecord(kind, now[id], cipher));
          continue;
        }
        const record = now[id];
        if (earlier) {
          // Only the fields this edit changed: a field changed by someone else and not yet
          // applied to this map keeps their value (and nothing has to be decrypted to compare).
          for (const [key, value] of Object.entries(record)) {
            if (same(earlier[key], value)) continue;
            if (value === undefined) existing.delete(key);
            else existing.set(key, cipher.seal(value, fieldPlace(kind, id, key)));
          }
          for (const key in earlier) if (!(key in record) && existing.has(key)) existing.delete(key);
          continue;
        }
        for (const [key, value] of Object.entries(record)) {
          const place = fieldPlace(kind, id, key);
          if (value === undefined) existing.delete(key);
          else if (!same(cipher.open(existing.get(key), place), value)) existing.set(key, cipher.seal(value, place));
        }
        for (const key of existing.keys()) if (!(key in record)) existing.delete(key);
      }
      for (const id in was) if (!Object.hasOwn(now, id)) table.delete(id);
      // The document may hold records the version `before` did not know (a first share of a map).
      if (!before) for (const id of [...table.keys()]) if (!Object.hasOwn(now, id)) table.delete(id);
    }
  }, origin);
}

/** The map the document holds, or null when it holds none. */
export function readMap(doc: Y.Doc, id: string, cipher: FieldCipher = PLAIN): AccountMap | null {
  if (isEmptyDoc(doc)) return null;
  const meta = doc.getMap<unknown>('map');
  const metaText = (field: string) => {
    const value = cipher.open(meta.get(field), metaPlace(field));
    return value === UNREADABLE ? '' : String(value ?? '');
  };
  const map = {
    id,
    name: metaText('name'),
    createdAt: metaText('createdAt'),
    updatedAt: metaText('updatedAt'),
    departments: {},
    stakeholders: {},
    links: {},
    team: {},
  } as AccountMap;
  for (const kind of RECORD_KINDS) {
    const records: Records = {};
    doc.getMap<Y.Map<unknown>>(kind).forEach((fields, recordId) => {
      records[recordId] = fromYRecord(kind, recordId, fields, cipher);
    });
    (map as unknown as Record<RecordKind, Records>)[kind] = records;
  }
  return tidyReferences(map);
}

/** Adds what one transaction changed to what earlier ones did, to read them as one patch later. */
export function mergeChanged(into: Transaction['changed'], changed: Transaction['changed']): void {
  for (const [type, keys] of changed) {
    const known = into.get(type);
    if (known) for (const key of keys) known.add(key);
    else into.set(type, new Set(keys));
  }
}

/** What one transaction (or several, merged with `mergeChanged`) changed in the document, as a patch for a map. */
export function patchOf(doc: Y.Doc, changed: Transaction['changed'], cipher: FieldCipher = PLAIN): MapPatch {
  const patch: MapPatch = { meta: {}, put: {}, fields: {}, remove: {} };
  const meta = doc.getMap<unknown>('map');
  for (const [changedType, keys] of changed) {
    const type = changedType as unknown as Y.Map<unknown>;
    if (type === meta) {
      for (const key of keys) {
        if (!key || !(META_FIELDS as readonly string[]).includes(key)) continue;
        const value = cipher.open(meta.get(key), metaPlace(key));
        if (value !== UNREADABLE) Object.assign(patch.meta, { [key]: value });
      }
      continue;
    }
    const kind = RECORD_KINDS.find((k) => doc.getMap<unknown>(k) === type);
    if (kind) {
      const table = type as unknown as Y.Map<Y.Map<unknown>>;
      for (const id of keys) {
        if (!id) continue;
        const fields = table.get(id);
        if (fields) (patch.put[kind] ??= {})[id] = fromYRecord(kind, id, fields, cipher);
        else (patch.remove[kind] ??= []).push(id);
      }
      continue;
    }
    // A field of a record: its parent is a record table, its key there the record id.
    const parent = type.parent;
    const parentKind = RECORD_KINDS.find((k) => (doc.getMap<unknown>(k) as unknown) === parent);
    const id = type._item?.parentSub;
    if (!parentKind || !id || type._item?.deleted) continue;
    const fieldMap = type;
    const fields = ((patch.fields[parentKind] ??= {})[id] ??= {});
    for (const key of keys) {
      if (!key) continue;
      const stored = fieldMap.get(key);
      const value = stored === undefined ? undefined : cipher.open(stored, fieldPlace(parentKind, id, key));
      if (value !== UNREADABLE) fields[key] = value;
    }
  }
  return patch;
}

/** Applies a patch to a version of the map: only the records it names change (others keep their identity). */
export function applyPatch(map: AccountMap, patch: MapPatch): AccountMap {
  let next: AccountMap = Object.keys(patch.meta).length ? { ...map, ...patch.meta } : map;
  for (const kind of RECORD_KINDS) {
    const put = patch.put[kind];
    const fields = patch.fields[kind];
    const remove = patch.remove[kind];
    if (!put && !fields && !remove) continue;
    const records: Records = { ...recordsOf(next, kind) };
    for (const id in fields) {
      const record = records[id];
      if (!record || put?.[id]) continue;
      const changed: AnyRecord = { ...record };
      for (const [key, value] of Object.entries(fields[id])) {
        if (value === undefined) delete changed[key];
        else changed[key] = value;
      }
      records[id] = changed;
    }
    for (const id in put) records[id] = put[id];
    for (const id of remove ?? []) delete records[id];
    next = { ...next, [kind]: records };
  }
  if (next === map) return map;
  // Only a removal, a new record or a changed reference can leave a reference to nothing.
  const touchesReferences =
    RECORD_KINDS.some((kind) => patch.remove[kind]?.length || Object.keys(patch.put[kind] ?? {}).length) ||
    RECORD_KINDS.some((kind) => Object.values(patch.fields[kind] ?? {}).some((fields) => REFERENCE_FIELDS.some((field) => field in fields)));
  return touchesReferences ? tidyReferences(next) : next;
}

/** The fields that name another record. */
const REFERENCE_FIELDS = ['sourceId', 'targetId', 'departmentId', 'parentId', 'ownerId', 'successorId'];

/**
 * Two people's edits can each be valid and still leave a reference to nothing (a link added to a
 * person someone else deleted at the same time). Every client repairs it the same way: the link
 * goes, a card or department in a deleted department moves to the top level, an owner or successor
 * who is gone is cleared.
 */
export function tidyReferences(map: AccountMap): AccountMap {
  const people = map.stakeholders;
  const departments = map.departments;
  let links = map.links;
  for (const link of Object.values(map.links)) {
    const end = (id: string) => Object.hasOwn(people, id) || Object.hasOwn(departments, id);
    if (!end(link.sourceId) || !end(link.targetId)) {
      if (links === map.links) links = { ...links };
      delete links[link.id];
    }
  }
  let stakeholders = people;
  for (const person of Object.values(people)) {
    const lostDepartment = person.departmentId !== null && !Object.hasOwn(departments, person.departmentId);
    const lostOwner = person.ownerId !== null && !Object.hasOwn(map.team, person.ownerId);
    const lostSuccessor = person.successorId !== null && !Object.hasOwn(people, person.successorId);
    if (!lostDepartment && !lostOwner && !lostSuccessor) continue;
    if (stakeholders === people) stakeholders = { ...people };
    stakeholders[person.id] = {
      ...person,
      departmentId: lostDepartment ? null : person.departmentId,
      ownerId: lostOwner ? null : person.ownerId,
      successorId: lostSuccessor ? null : person.successorId,
    };
  }
  let nextDepartments = departments;
  for (const department of Object.values(departments)) {
    if (department.parentId === null || Object.hasOwn(departments, department.parentId)) continue;
    if (nextDepartments === departments) nextDepartments = { ...departments };
    nextDepartments[department.id] = { ...department, parentId: null };
  }
  if (links === map.links && stakeholders === people && nextDepartments === departments) return map;
  return { ...map, links, stakeholders, departments: nextDepartments };
}
