// Sharing a map and joining one: the share link, the one live session of the open map, and
// fetching a shared map into this browser. The link carries the relay's address, the map id and
// the access secret in the URL fragment (after #), which a browser never sends to any server:
// the app's host never sees it, and the relay gets the secret only when the app connects.
import { createMap, loadMap } from '../persistence/repository';
import { findShare, loadShare, saveDocState, saveShare, type Share } from '../persistence/shares';
import { createId } from '../domain/ids';
import { t } from '../i18n';
// The session (Yjs, the relay's client) and the cipher load only when a map is shared or joined:
// most maps never are, and they were a fifth of the code parsed before any map could show.
const loadSession = () => import('./session');

export const DEFAULT_RELAY_PORT = 4444;

/** A relay address a person typed, checked: ws:// or wss:// (http(s):// is turned into it), with a host. */
export function relayAddress(typed: string): string {
  let text = typed.trim();
  if (/^https?:\/\//i.test(text)) text = text.replace(/^http/i, 'ws');
  if (!/^wss?:\/\//i.test(text)) text = `ws://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(t('team.badRelay', { typed }));
  }
  if (!url.hostname) throw new Error(t('team.badRelay', { typed }));
  return url.href.replace(/\/$/, '');
}

/** A new access secret: 128 random bits, URL-safe. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The link that opens the shared map on another machine (everything after # stays in the browser). */
export function shareLink(share: Share, page: { origin: string; pathname: string } = window.location): string {
  const query = new URLSearchParams({ relay: share.relay, map: share.room, secret: share.secret, ...(share.key ? { key: share.key } : {}) });
  return `${page.origin}${page.pathname}#/join?${query.toString()}`;
}

/** What a link says: the relay, the map's name there and its secret (the local map id is this browser's own). */
export type SharedMapLink = Omit<Share, 'mapId'>;

/** The share in a link's fragment (`#/join?relay=…&map=…&secret=…&key=…`), or null when it is incomplete; links made before encryption have no key. */
export function readShareLink(hash: string): SharedMapLink | null {
  const match = hash.match(/^#\/join\?(.*)$/);
  if (!match) return null;
  const query = new URLSearchParams(match[1]);
  const relay = query.get('relay');
  const room = query.get('map');
  const secret = query.get('secret');
  const key = query.get('key');
  return relay && room && secret !== null ? { relay, room, secret, ...(key ? { key } : {}) } : null;
}

let session: { mapId: string; stop: Promise<() => Promise<void>> } | null = null;

/** Starts the live session of the open map if it is shared; a map that is not shared is left as it is. */
export async function syncIfShared(mapId: string): Promise<void> {
  const share = await loadShare(mapId);
  if (share) begin(share);
}

function begin(share: Share): void {
  if (session?.mapId === share.mapId) return;
  void stopSync();
  session = { mapId: share.mapId, stop: loadSession().then(({ startSync }) => startSync(share)) };
}

/** Ends the open map's session (the map is closed). */
export async function stopSync(): Promise<void> {
  const current = session;
  session = null;
  if (current) await (await current.stop)();
}

/** Turns the open map into a shared one on `relay`; returns its share (with a new secret and a new key). */
export async function shareOpenMap(mapId: string, relay: string): Promise<Share> {
  const { newKey } = await import('./field-cipher');
  const share: Share = { mapId, room: createId('map'), relay: relayAddress(relay), secret: newSecret(), key: newKey() };
  await saveShare(share);
  begin(share);
  return share;
}

/**
 * Brings a shared map into this browser from a link and returns its local id: a map this browser
 * already holds from that link opens (its secret updated); otherwise the map is fetched from the
 * relay and stored as a new map here. A map of this browser is never merged into another.
 */
export async function joinSharedMap(link: SharedMapLink): Promise<string> {
  const known = await findShare(link.relay, link.room);
  if (known && (await loadMap(known.mapId)).ok) {
    if (known.secret !== link.secret || known.key !== link.key) await saveShare({ ...known, secret: link.secret, key: link.key });
    return known.mapId;
  }
  const mapId = createId('map');
  const { fetchSharedMap } = await loadSession();
  const { map, state } = await fetchSharedMap({ ...link, mapId });
  await createMap(map);
  await saveDocState(mapId, state);
  await saveShare({ ...link, mapId });
  return mapId;
}
