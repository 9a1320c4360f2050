// Second-tab policy: one tab edits a map at a time. The first tab to open a map holds a Web Lock
// named after it; another tab opening the same map shows it read-only and queues for the lock,
// and when the first tab closes or leaves the map, the waiting tab reloads it from storage and
// becomes editable. We chose this over live sync because two tabs each holding its own undo
// history and autosave would otherwise overwrite each other's records silently.
// Tabs also tell each other when the list of maps changed, so the home view stays current.

interface ClaimHandlers {
  onEditable(): void;
  onReadOnly(): void;
}

export function claimMap(mapId: string, handlers: ClaimHandlers): () => void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    // No Web Locks (very old browsers, some test environments): nothing to coordinate with.
    handlers.onEditable();
    return () => undefined;
  }
  const name = `powermap-map-${mapId}`;
  let released = false;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const abort = new AbortController();

  const holdUntilReleased = (onGranted: () => void) => async (lock: Lock | null) => {
    if (!lock) return false;
    if (released) return true;
    onGranted();
    await held;
    return true;
  };

  void locks
    .request(name, { ifAvailable: true }, holdUntilReleased(handlers.onEditable))
    .then((granted) => {
      if (granted || released) return;
      handlers.onReadOnly();
      return locks.request(name, { signal: abort.signal }, holdUntilReleased(handlers.onEditable));
    })
    .catch(() => undefined);

  return () => {
    released = true;
    abort.abort();
    release();
  };
}

const CHANNEL = 'powermap';

export function broadcastMapsChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'maps-changed' });
  channel.close();
}

export function onMapsChanged(callback: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (event.data?.type === 'maps-changed') callback();
  };
  return () => channel.close();
}
