// One client of the team bench, run in its own worker thread: the app's own store (named edits,
// undo steps that every received change is applied to) and the app's own sync session
// (`startSync`: store → Yjs → relay and back, remote transactions batched per frame), with the
// document state kept in IndexedDB (fake-indexeddb in Node). What a browser adds is left out:
// React drawing the cards, and the journal and autosave of the local copy.
import 'fake-indexeddb/auto';
import { parentPort } from 'node:worker_threads';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { AccountMap, Stance } from '../../src/domain/types';
import { useMapStore } from '../../src/store/map-store';
import { saveDocState, type Share } from '../../src/persistence/shares';
import { cipherOf, fetchSharedMap, sessionDocument, startSync, useWebSocketClass } from '../../src/sync/session';
import { useSyncState } from '../../src/sync/sync-state';
import { readMap } from '../../src/sync/ydoc-map';
import { fieldCipher, newKey } from '../../src/sync/field-cipher';
import { prng } from '../generate-map.mjs';

export { fieldCipher, newKey, readMap };

/** What the session needs of a page: events on `window`, and frames (one every 16 ms). */
export function pageShim(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.window ??= Object.assign(new EventTarget(), { location: { origin: 'http://bench', pathname: '/' } });
  scope.requestAnimationFrame ??= (run: () => void) => setTimeout(run, 16);
  useWebSocketClass(WebSocket);
}

const STANCES: Stance[] = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker', 'unknown'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A short digest of the open map's people (what every client must agree on). */
function digest(map: AccountMap | null): string {
  const text = JSON.stringify(map ? Object.keys(map.stakeholders).sort().map((id) => map.stakeholders[id]) : null);
  let h1 = 0x811c9dc5;
  let h2 = 0;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619);
    h2 = (h2 * 31 + text.charCodeAt(i)) | 0;
  }
  return `${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}-${text.length}`;
}

let share: Share | null = null;
let stop: (() => Promise<void>) | null = null;

async function open(message: { share: Share; map?: AccountMap }): Promise<void> {
  share = message.share;
  let map = message.map;
  if (!map) {
    // Joining from a link: the map and its document state come from the relay.
    const fetched = await fetchSharedMap(share, 240_000);
    map = fetched.map;
    await saveDocState(share.mapId, fetched.state);
  }
  useMapStore.getState().openMap(map);
  stop = await startSync(share);
  await waitFor(() => useSyncState.getState().status === 'live', 240_000);
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await sleep(20);
  }
}

/** `count` named edits of random people, as a person would make them: stance, title, card position. */
async function edit({ count, seed, index }: { count: number; seed: number; index: number }): Promise<void> {
  const random = prng(seed);
  const store = useMapStore.getState;
  const people = Object.keys(store().map!.stakeholders);
  for (let i = 0; i < count; i++) {
    const id = people[Math.floor(random() * people.length)];
    const kind = i % 3;
    if (kind === 0) store().run({ type: 'setStance', ids: [id], stance: STANCES[Math.floor(random() * STANCES.length)] });
    else if (kind === 1) store().run({ type: 'updateStakeholder', id, patch: { title: `Title ${index}-${i}` } });
    else store().run({ type: 'moveItemsTo', moves: [{ id, position: { x: Math.round(random() * 2000), y: Math.round(random() * 2000) } }] });
    // Ten edits, then the thread is free for what the relay sends (a person does not type 10,000 a second).
    if (i % 10 === 9) await sleep(1);
  }
}

/** The sum of the document's clocks: how many items of everyone's writing it holds. */
function transactionsKnown(sessionDoc: Y.Doc): number {
  let sum = 0;
  Y.decodeStateVector(Y.encodeStateVector(sessionDoc)).forEach((clock) => (sum += clock));
  return sum;
}

/** Where this client stands: its document's state vector, and a digest of its store's map and of its document's. */
function state(withDocument: boolean) {
  const map = useMapStore.getState().map;
  const sessionDoc = sessionDocument();
  return {
    status: useSyncState.getState().status,
    vector: sessionDoc ? Buffer.from(Y.encodeStateVector(sessionDoc)).toString('base64') : '',
    store: digest(map),
    document: withDocument && sessionDoc && share ? digest(readMap(sessionDoc, share.mapId, cipherOf(share))) : null,
  };
}

/** Resolves with the time (ms since the epoch, to the microsecond) when the open map shows `stance` for `id`. */
function seen(id: string, stance: Stance): Promise<number> {
  const now = () => performance.timeOrigin + performance.now();
  if (useMapStore.getState().map?.stakeholders[id]?.stance === stance) return Promise.resolve(now());
  return new Promise((resolve) => {
    const unsubscribe = useMapStore.subscribe((state) => {
      if (state.map?.stakeholders[id]?.stance !== stance) return;
      unsubscribe();
      resolve(now());
    });
  });
}

const handlers: Record<string, (message: any) => Promise<unknown> | unknown> = {
  open: async (message) => {
    await open(message);
    return { ok: true };
  },
  edit: async (message) => {
    await edit(message);
    return { ok: true };
  },
  stance: ({ id, stance }) => ({ ok: useMapStore.getState().run({ type: 'setStance', ids: [id], stance }), at: performance.timeOrigin + performance.now() }),
  watch: async ({ id, stance }) => ({ at: await seen(id, stance) }),
  state: ({ withDocument }) => state(Boolean(withDocument)),
  vector: () => {
    const sessionDoc = sessionDocument();
    return { vector: sessionDoc ? Buffer.from(Y.encodeStateVector(sessionDoc)).toString('base64') : '', known: sessionDoc ? transactionsKnown(sessionDoc) : 0 };
  },
  close: async () => {
    await stop?.();
    return { ok: true };
  },
};

if (parentPort) {
  pageShim();
  parentPort.on('message', async (message) => {
    try {
      parentPort!.postMessage({ ...((await handlers[message.type](message)) as object), call: message.call });
    } catch (error) {
      parentPort!.postMessage({ call: message.call, error: String((error as Error)?.stack ?? error) });
    }
  });
}
