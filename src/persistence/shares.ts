// What this browser keeps of a shared map besides the map itself (which stays in the record tables,
// journaled and saved as any map): where its relay is and its access secret (`share:<mapId>`),
// and its Yjs document state (`ydoc:<mapId>`, with the changes appended since under
// `ydoc-update:<mapId>:<id>`), so edits made offline merge with the team's when the relay is
// reached again. All live in the `meta` table: no new table, no database upgrade.
import { getDatabase } from './db';

/**
 * A map shared through a relay: the local map, the relay's WebSocket address, the map's name on
 * the relay (`room`, random for each share, so two browsers' copies of the sample map never meet),
 * its access secret and the key its content is encrypted with (none for maps shared before
 * end-to-end encryption, whose content the relay holds in clear).
 */
export interface Share {
  mapId: string;
  room: string;
  relay: string;
  secret: string;
  key?: string;
}

const shareKey = (mapId: string) => `share:${mapId}`;
const docKey = (mapId: string) => `ydoc:${mapId}`;
const updatePrefix = (mapId: string) => `ydoc-update:${mapId}:`;

const isShare = (value: unknown): value is Share => {
  const share = value as Share | null;
  return typeof share === 'object' && share !== null && typeof share.mapId === 'string' && typeof share.room === 'string' && typeof share.relay === 'string' && typeof share.secret === 'string' && (share.key === undefined || typeof share.key === 'string');
};

/** The map's share, or null when it is not shared (a map that is not shared behaves as it always did). */
export async function loadShare(mapId: string): Promise<Share | null> {
  const row = await getDatabase().meta.get(shareKey(mapId));
  return isShare(row?.value) && row.value.mapId === mapId ? row.value : null;
}

export async function saveShare(share: Share): Promise<void> {
  await getDatabase().meta.put({ key: shareKey(share.mapId), value: { mapId: share.mapId, room: share.room, relay: share.relay, secret: share.secret, ...(share.key ? { key: share.key } : {}) } });
}

/** The map of this browser that is shared as `room` on `relay`, or null. */
export async function findShare(relay: string, room: string): Promise<Share | null> {
  const rows = await getDatabase().meta.where('key').startsWith('share:').toArray();
  const found = rows.map((row) => row.value).find((value): value is Share => isShare(value) && value.room === room && value.relay === relay);
  return found ?? null;
}

/** The map's Yjs state as stored here: the whole state and the changes appended since (apply them all), and those changes' keys. */
export interface StoredDocState {
  updates: Uint8Array[];
  appended: string[];
}

/** The map's Yjs state as last stored here, or null. */
export async function loadDocState(mapId: string): Promise<StoredDocState | null> {
  const db = getDatabase();
  const [whole, appended] = await db.transaction('r', db.meta, () =>
    Promise.all([db.meta.get(docKey(mapId)), db.meta.where('key').startsWith(updatePrefix(mapId)).toArray()]),
  );
  const updates = [whole, ...appended].map((row) => row?.value).filter((value): value is Uint8Array => value instanceof Uint8Array);
  return updates.length ? { updates, appended: appended.map((row) => row.key) } : null;
}

/** Stores the whole state, which replaces the appended changes `replaces` (it holds them). */
export async function saveDocState(mapId: string, state: Uint8Array, replaces: readonly string[] = []): Promise<void> {
  const db = getDatabase();
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: docKey(mapId), value: state });
    if (replaces.length) await db.meta.bulkDelete([...replaces]);
  });
}

/** Stores one change of the map's Yjs state beside the whole state; returns its key (at once) and the write. */
export function appendDocUpdate(mapId: string, update: Uint8Array): { key: string; written: Promise<void> } {
  const key = `${updatePrefix(mapId)}${crypto.randomUUID()}`;
  return { key, written: getDatabase().meta.put({ key, value: update }).then(() => undefined) };
}

/** The map was deleted here: forget its relay, secret and document state. */
export async function forgetShare(mapId: string): Promise<void> {
  const db = getDatabase();
  // One transaction: no appended change outlives the state it belongs to.
  await db.transaction('rw', db.meta, async () => {
    await db.meta.bulkDelete([shareKey(mapId), docKey(mapId)]);
    await db.meta.where('key').startsWith(updatePrefix(mapId)).delete();
  });
}
