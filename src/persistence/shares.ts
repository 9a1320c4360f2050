// What this browser keeps of a shared map besides the map itself (which stays in the record tables,
// journaled and saved as any map): where its relay is and its access secret (`share:<mapId>`),
// and its Yjs document state (`ydoc:<mapId>`), so edits made offline merge with the team's when
// the relay is reached again. Both live in the `meta` table: no new table, no database upgrade.
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

/** The map's Yjs state as last stored here, or null. */
export async function loadDocState(mapId: string): Promise<Uint8Array | null> {
  const value = (await getDatabase().meta.get(docKey(mapId)))?.value;
  return value instanceof Uint8Array ? value : null;
}

export async function saveDocState(mapId: string, state: Uint8Array): Promise<void> {
  await getDatabase().meta.put({ key: docKey(mapId), value: state });
}

/** The map was deleted here: forget its relay, secret and document state. */
export async function forgetShare(mapId: string): Promise<void> {
  await getDatabase().meta.bulkDelete([shareKey(mapId), docKey(mapId)]);
}
