// Second-tab policy: one tab edits a map at a time. The first tab to open a map holds a Web Lock
// named after it; another tab opening the same map shows it read-only and queues for the lock,
// and when the first tab closes or leaves the map, the waiting tab reloads it from storage and
// becomes editable. We chose this over live sync because two tabs each holding its own undo
// history and autosave would otherwise overwrite each other's records silently.
// Tabs also tell each other when the list of maps changed, so the home view stays current.

export interface ClaimHandlers {
  /** This tab may edit the map: now, or later when the tab that held it lets go (then reload it first). */
  onEditable(): void;
  /** Another tab is editing the map: show it read-only. onEditable may follow later. */
  onReadOnly(): void;
}

export const lockName = (mapId: string) => `powermap-map-${mapId}`;

/**
 * Claims the map for this tab; returns the function that lets go of it (leaving the map).
 * Without the Web Locks API (old browsers, insecure http:// origins, tests) there is nothing to
 * coordinate with, so the map is editable: two such tabs can then overwrite each other's edits.
 */
export function claimMap(mapId: string, handlers: ClaimHandlers): () => void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    handlers.onEditable();
    return () => undefined;
  }
  const name = lockName(mapId);
  let released = false;
  let decided = false;
  let letGo: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  const abort = new AbortController();

  // The lock is held for as long as the callback's promise is pending, i.e. until released.
  const holdUntilReleased = async (lock: Lock | null): Promise<boolean> => {
    if (!lock) return false;
    if (released) return true;
    decided = true;
    handlers.onEditable();
    await held;
    return true;
  };

  // Asked one microtask later: React's StrictMode claims, releases and claims again in one go
  // during development, and the first request would otherwise make this tab look like another.
  queueMicrotask(() => {
    if (released) return;
    locks
      .request(name, { ifAvailable: true }, holdUntilReleased)
      .then((granted) => {
        if (granted || released) return;
        decided = true;
        handlers.onReadOnly();
        return locks.request(name, { signal: abort.signal }, holdUntilReleased);
      })
      .catch(() => {
        // Our own abort (leaving while queued) lands here and needs nothing. If the lock could not
        // even be asked for, behave as without Web Locks rather than never opening the map.
        if (!released && !decided) {
          decided = true;
          handlers.onEditable();
        }
      });
  });

  return () => {
    if (released) return;
    released = true;
    abort.abort();
    letGo();
  };
}

const CHANNEL = 'powermap';
const MAPS_CHANGED = 'maps-changed';

/** Same-tab signal: a BroadcastChannel does not deliver to its own sender. */
const LOCAL_EVENT = 'powermap:maps-changed';

/**
 * The channel this tab tells the others on, opened once: opening and closing one for every save
 * took 30 of the 1,180 ms sampled in a profile of a long drag at 5,000 people.
 */
let sender: BroadcastChannel | null = null;

/** Tells this tab's listeners and the other tabs that maps were created, renamed, deleted or saved. */
export function broadcastMapsChanged(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(LOCAL_EVENT));
  if (typeof BroadcastChannel === 'undefined') return;
  sender ??= new BroadcastChannel(CHANNEL);
  sender.postMessage({ type: MAPS_CHANGED });
}

/** Calls back when this tab stored a change (an edit saved, a map created, imported, renamed...). */
export function onMapsChangedHere(callback: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const local = () => callback();
  window.addEventListener(LOCAL_EVENT, local);
  return () => window.removeEventListener(LOCAL_EVENT, local);
}

/** Calls back when this or another tab changed the list of maps; returns the function that stops listening. */
export function onMapsChanged(callback: () => void): () => void {
  const local = () => callback();
  if (typeof window !== 'undefined') window.addEventListener(LOCAL_EVENT, local);
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      if ((event.data as { type?: unknown } | null)?.type === MAPS_CHANGED) callback();
    };
  }
  return () => {
    if (typeof window !== 'undefined') window.removeEventListener(LOCAL_EVENT, local);
    channel?.close();
  };
}
