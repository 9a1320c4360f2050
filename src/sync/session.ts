// The live link between the open shared map and its relay. The store's named edits stay the one
// way to change the map: each change of the open map (an edit, an undo, an import) becomes one
// Yjs transaction of the fields it changed, and each transaction from the relay becomes a
// `receive` in the store (those of one frame together), applied to the map and to the undo steps. The map itself is still
// journaled and saved to IndexedDB by autosave, so a shared map opens offline like any other;
// the Yjs state is kept beside it (persistence/shares.ts) so offline edits merge on reconnect.
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { AccountMap } from '../domain/types';
import { useMapStore } from '../store/map-store';
import { appendDocUpdate, loadDocState, saveDocState, type Share } from '../persistence/shares';
import { applyPatch, isEmptyDoc, keyProblem, readMap, writeChanges } from './ydoc-map';
import { batchRemote, nextFrame } from './remote-batch';
import { presenceState, readPresence, type Presence } from './presence';
import { fieldCipher, PLAIN, type FieldCipher } from './field-cipher';
import { t } from '../i18n';
import { keyMessage, myName, nameListener, refusalMessage, useSyncState, type Peer, type SyncStatus } from './sync-state';

/** The cipher of a share: its key's, or PLAIN for a map shared before encryption. */
export const cipherOf = (share: Pick<Share, 'key'>): FieldCipher => (share.key ? fieldCipher(share.key) : PLAIN);

/** Transactions this client makes from its own store, told apart from the relay's. */
const LOCAL = Symbol('local edit');
const LOADED = Symbol('stored state');
// The whole document state is stored a second after a change, not on every burst of the relay's
// updates, whose encoding is the whole document each time; each change is appended meanwhile
// (startSync says why).
const DOC_SAVE_DELAY_MS = 1000;
const EMPTY_GRACE_MS = 3000;
const RESYNC_INTERVAL_MS = 10_000;

export interface Connection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  close(): void;
}

/** A WebSocket class for where there is none (Node before 22, in tests). */
let webSocket: unknown = null;
export const useWebSocketClass = (implementation: unknown) => {
  webSocket = implementation;
};

/** Connects a Yjs document to the relay for one map; reconnects by itself after the relay or network drops. */
export function connect(share: Share, doc: Y.Doc, handlers: { onStatus(status: SyncStatus, refusal?: string): void; onSynced?(): void }): Connection {
  let refused = false;
  // Come back quickly after a relay restart, then every few seconds.
  const socket = new HocuspocusProviderWebsocket({ url: share.relay, delay: 300, minDelay: 300, factor: 1.5, maxDelay: 3000, ...(webSocket ? { WebSocketPolyfill: webSocket } : {}) });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: share.room,
    document: doc,
    token: share.secret,
    // Every 10 s the document's state vector goes to the relay, which answers with what this
    // client lacks and asks for what it lacks: a change that went missing on the way (seen in the
    // 10-client bench: documents that stopped short and never caught up) arrives without a reconnect.
    forceSyncInterval: RESYNC_INTERVAL_MS,
    onStatus: ({ status }) => {
      if (refused) return;
      handlers.onStatus(status === WebSocketStatus.Connected ? 'connecting' : status === WebSocketStatus.Connecting ? 'connecting' : 'offline');
    },
    onSynced: ({ state }) => {
      if (!state || refused) return;
      handlers.onStatus('live');
      handlers.onSynced?.();
    },
    onAuthenticationFailed: ({ reason }) => {
      refused = true;
      handlers.onStatus('refused', reason);
      socket.disconnect();
    },
  });
  provider.attach();
  // A laptop that loses its network may keep a dead socket open for minutes: the browser's own
  // offline and online events drop it and reconnect at once (the edits meanwhile stay in the doc).
  const page = typeof window === 'undefined' ? null : window;
  // Said at once: the socket's own close event can wait for a closing handshake the network no
  // longer carries.
  const goOffline = () => {
    socket.disconnect();
    // Until that handshake ends the socket still counts as connected, and connect() on coming back
    // online would do nothing: the map stayed offline for good when the browser went online first
    // (seen in the two-laptops e2e test). Close it now, as its own close event would for the socket
    // (which stops listening to the old one) and the map's provider (which syncs again on reconnecting).
    if (socket.status !== WebSocketStatus.Disconnected) {
      socket.onClose({ event: { code: 1000, reason: 'offline' } as CloseEvent });
      provider.onClose();
    }
    if (!refused) handlers.onStatus('offline');
  };
  const goOnline = () => {
    if (!refused) void socket.connect();
  };
  page?.addEventListener('offline', goOffline);
  page?.addEventListener('online', goOnline);
  return {
    doc,
    provider,
    close() {
      page?.removeEventListener('offline', goOffline);
      page?.removeEventListener('online', goOnline);
      provider.destroy();
      socket.destroy();
    },
  };
}

let openDocument: Y.Doc | null = null;

/** The open shared map's Yjs document while its session runs (the team bench compares clients by it). */
export const sessionDocument = (): Y.Doc | null => openDocument;

/**
 * Starts syncing the open map (already in the store) with its relay. Returns a stop function,
 * which stores the document state and disconnects.
 */
export async function startSync(share: Share): Promise<() => Promise<void>> {
  const { mapId } = share;
  const doc = new Y.Doc();
  const cipher = cipherOf(share);
  const stored = await loadDocState(mapId);
  if (stored) Y.applyUpdate(doc, Y.mergeUpdates(stored.updates), LOADED);
  const store = useMapStore;
  const open = () => {
    const map = store.getState().map;
    return map?.id === mapId ? map : null;
  };
  const first = open();
  if (!first) return async () => {};
  openDocument = doc;

  // What the local copy has that the stored document state lacks (a change saved to IndexedDB or
  // the journal whose document state had not been stored yet, or the whole map on a first share).
  writeChanges(doc, readMap(doc, mapId, cipher), first, LOCAL, cipher);
  let synced: AccountMap = first;
  let receiving = false;

  // Each change of the document is stored as it comes, beside the whole state (a page that goes
  // does not finish an IndexedDB write from pagehide). What the stored state lacks is written
  // again at the next start as this client's own, and for a teammate's record received in the
  // last second that is a second copy of it: Yjs keeps one of the two, by client id, and edits
  // made in ours were lost (an offline edit made after a reload).
  const appended: string[] = stored?.appended ?? [];
  let received: Uint8Array[] = [];
  const append = (update: Uint8Array) => {
    const { key, written } = appendDocUpdate(mapId, update);
    appended.push(key);
    // As the whole state: the map itself is saved by autosave.
    written.catch(() => {});
  };

  const unsubscribe = store.subscribe((state) => {
    if (receiving || !state.map || state.map.id !== mapId || state.map === synced || state.readOnly) return;
    writeChanges(doc, synced, state.map, LOCAL, cipher);
    synced = state.map;
  });

  // The relay's transactions reach the store once per frame, however many came in it.
  const remote = batchRemote(
    doc,
    cipher,
    (origin) => origin !== LOCAL && origin !== LOADED,
    nextFrame,
    (patch) => {
      receiving = true;
      try {
        store.getState().receive((map) => (map.id === mapId ? applyPatch(map, patch) : map));
      } finally {
        receiving = false;
      }
      synced = open() ?? synced;
      // Stored once the map has it, never before: the next start deletes what the map lacks.
      if (received.length) append(Y.mergeUpdates(received.splice(0)));
    },
  );

  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = async () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    // The relay's changes reach the map first, for the same reason.
    remote.flush();
    received = [];
    const replaces = appended.splice(0);
    await saveDocState(mapId, Y.encodeStateAsUpdate(doc), replaces).catch(() => {
      // The map itself is saved by autosave; the document state comes back from the relay.
      appended.unshift(...replaces);
    });
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOCAL) append(update);
    else if (origin !== LOADED) received.push(update);
    if (!saveTimer) saveTimer = setTimeout(() => void saveNow(), DOC_SAVE_DELAY_MS);
  };
  doc.on('update', onUpdate);
  void saveNow();
  // What came from the relay reaches the map (and its journal) before the page goes.
  const onPageHide = () => {
    remote.flush();
    void saveNow();
  };
  window.addEventListener('pagehide', onPageHide);

  useSyncState.setState({ status: 'connecting', refusal: null, share, peers: [] });
  const connection = connect(share, doc, {
    onStatus: (status, refusal) => {
      useSyncState.setState({ status, refusal: refusal ?? null });
      if (status === 'refused') store.getState().notify(refusalMessage(refusal ?? null), 'error');
    },
  });

  // Presence: who is in the map and what each has selected (Yjs awareness, not stored anywhere;
  // sealed with the map's key on an encrypted map, presence.ts).
  const awareness = connection.provider.awareness;
  const read = new Map<number, { state: unknown; presence: Presence | null }>();
  const showPeers = () => {
    if (!awareness) return;
    const peers: Peer[] = [];
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return;
      // A state is read once: a change of one person's presence does not decrypt everyone's again.
      let known = read.get(clientId);
      if (known?.state !== state) read.set(clientId, (known = { state, presence: readPresence(cipher, clientId, state) }));
      if (known.presence) peers.push({ clientId, ...known.presence });
    });
    useSyncState.setState({ peers });
  };
  const mine: Presence = { name: myName(), selection: store.getState().selection };
  const tell = () => awareness?.setLocalState(presenceState(cipher, awareness.clientID, mine));
  tell();
  awareness?.on('change', showPeers);
  nameListener.current = (name) => {
    mine.name = name;
    tell();
  };
  const unsubscribeSelection = store.subscribe((state, previous) => {
    if (state.selection === previous.selection) return;
    mine.selection = state.selection;
    tell();
  });

  return async () => {
    unsubscribe();
    unsubscribeSelection();
    awareness?.off('change', showPeers);
    nameListener.current = null;
    window.removeEventListener('pagehide', onPageHide);
    remote.stop();
    doc.off('update', onUpdate);
    connection.close();
    await saveNow();
    doc.destroy();
    if (openDocument === doc) openDocument = null;
    useSyncState.setState({ status: 'off', refusal: null, share: null, peers: [] });
  };
}

/**
 * Fetches a shared map from its relay (opening a share link): resolves with the map and its
 * document state once synced, or rejects with a message a person can act on.
 */
export function fetchSharedMap(share: Share, timeoutMs = 15000): Promise<{ map: AccountMap; state: Uint8Array }> {
  const doc = new Y.Doc();
  const cipher = cipherOf(share);
  return new Promise((resolve, reject) => {
    let connection: Connection | null = null;
    let done = false;
    const finish = (error: string | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const problem = error ? null : keyProblem(doc, cipher);
      if (problem) error = keyMessage(problem);
      const map = error ? null : readMap(doc, share.mapId, cipher);
      const state = Y.encodeStateAsUpdate(doc);
      connection?.close();
      doc.destroy();
      if (error) reject(new Error(error));
      else if (!map) reject(new Error(t('team.notOnRelay')));
      else resolve({ map, state });
    };
    const timer = setTimeout(() => finish(t('team.unreachable', { relay: share.relay })), timeoutMs);
    connection = connect(share, doc, {
      onStatus: (status, refusal) => {
        if (status === 'refused') finish(refusalMessage(refusal ?? null));
      },
      onSynced: () => {
        if (!isEmptyDoc(doc)) return finish(null);
        // A relay instance behind Redis answers before the instance that holds the map has sent
        // it through Redis: give the map a moment to arrive before saying it is not there.
        const arrived = () => !isEmptyDoc(doc) && finish(null);
        doc.on('update', arrived);
        setTimeout(() => isEmptyDoc(doc) && finish(t('team.notOnRelay')), EMPTY_GRACE_MS);
      },
    });
  });
}
