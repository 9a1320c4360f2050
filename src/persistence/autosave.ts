// Autosave: there is no save button. Rules:
//  - every change is first made durable at once, synchronously, in the write-ahead journal
//    (journal.ts: the changed records in localStorage), so closing, leaving or crashing the page
//    right after an edit loses nothing;
//  - never write what was just loaded: opening a map only sets the baseline (what storage holds),
//    and a closed or empty store is never written;
//  - then debounce edits by 300 ms (but save at least every 2 s during a long drag), then write only what
//    changed since the last successful save;
//  - one write at a time: a change made during a write is saved right after it;
//  - flush at once when the page is hidden or closed, and when another map is opened;
//  - on a failed write keep the change dirty (the baseline stays at the last saved version), tell
//    the user, and retry with backoff (1 s, 2 s, 5 s, then every 10 s) and on the next change;
//  - when the journal cannot take a change (storage full), tell the user once and write at once.
import type { StoreApi } from 'zustand';
import type { AccountMap, Viewport } from '../domain/types';
import { useMapStore, type MapState } from '../store/map-store';
import { currentRevision, journalChange, journalStored } from './journal';
import { saveChanges, saveViewport, toStorageError } from './repository';
import { broadcastMapsChanged } from './tab-lock';
import { t } from '../i18n';

export const SAVE_DEBOUNCE_MS = 300;
/** A drag that never pauses for 300 ms still gets saved this often. */
export const SAVE_MAX_WAIT_MS = 2000;
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10000];
export const VIEWPORT_DEBOUNCE_MS = 500;

/** Told once when the journal cannot be written, in the language shown then. */
export const journalFullMessage = () => t('storage.errors.journalFull');

export interface Autosave {
  /** Writes every unsaved change now; resolves when done (a failure is reported through the store, not thrown). */
  flush(): Promise<void>;
  /** Stops listening to the store and the page. A write already under way still finishes. */
  stop(): void;
}

export interface AutosaveOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  retryDelaysMs?: readonly number[];
}

type MapStore = Pick<StoreApi<MapState>, 'getState' | 'setState' | 'subscribe'>;

/** Where one map's saving stands. `saved` is what storage holds; `latest` the newest version here. */
interface Tracked {
  saved: AccountMap;
  latest: AccountMap;
  /** The newest version whose changes are in the journal outside a gesture. */
  journaled: AccountMap;
  /** A gesture under way: the version it began on, the revision before it, and its entry so far. */
  gesture: { before: AccountMap; base: number; seq: number | undefined } | null;
  /** The message of the last failed write, or null; the user was told once per failure streak. */
  failure: string | null;
}

const isDirty = (tracked: Tracked) => tracked.latest !== tracked.saved;

export function startAutosave(store: MapStore = useMapStore, options: AutosaveOptions = {}): Autosave {
  const debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? SAVE_MAX_WAIT_MS;
  const retryDelays = options.retryDelaysMs?.length ? options.retryDelaysMs : RETRY_DELAYS_MS;
  // The viewport waits out a drag: its write (a few milliseconds of main thread) would land on
  // the drag's frames, and the drag's end writes the map anyway.
  viewportBusy = () => store.getState().gestureStart !== null;

  // Usually one entry, the open map; a map left with a failing write stays here until it is saved.
  const tracked = new Map<string, Tracked>();
  let openId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the first change not yet handed to a write was made (for the max wait). */
  let burstStart: number | null = null;
  let failures = 0;
  /** The user was told the journal failed; told again only after it worked once more. */
  let journalFailureTold = false;
  // Writes run one after another on this chain; `nextPass` is a pass queued but not yet started,
  // so many requests during one write share one pass after it.
  let chain: Promise<void> = Promise.resolve();
  let nextPass: Promise<void> | null = null;

  /** The store's state if it shows the map this entry is for (status belongs to the open map only). */
  const openStateFor = (mapId: string) => {
    const state = store.getState();
    return mapId === openId && state.map?.id === mapId ? state : null;
  };

  function setTimer(delay: number) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void writeAll();
    }, delay);
  }

  function clearTimer() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function writeAll(): Promise<void> {
    if (nextPass) return nextPass;
    const pass = chain.then(() => {
      nextPass = null;
      burstStart = null;
      return writeDirty();
    });
    nextPass = pass;
    chain = pass;
    return pass;
  }

  async function writeDirty(): Promise<void> {
    for (const [mapId, entry] of [...tracked]) {
      // A failure stops the pass: the retry timer (or the next change) starts the next one.
      if (isDirty(entry) && !(await writeOne(mapId, entry))) return;
    }
    // An undo back to the saved version leaves nothing to write, but the status said "pending".
    const open = openId ? tracked.get(openId) : undefined;
    const state = open && openId ? openStateFor(openId) : null;
    if (open && state && !isDirty(open) && state.saveState === 'pending') state.setSaveState('saved');
  }

  async function writeOne(mapId: string, entry: Tracked): Promise<boolean> {
    const base = entry.saved;
    const target = entry.latest;
    // Every journaled revision is in `target`: the journal never runs ahead of the store.
    const revision = currentRevision(mapId);
    const before = openStateFor(mapId);
    if (before && before.saveState !== 'error') before.setSaveState('saving');
    try {
      await saveChanges(base, target, revision);
    } catch (error) {
      const message = toStorageError(error).message;
      failures += 1;
      setTimer(retryDelays[Math.min(failures, retryDelays.length) - 1]);
      const state = openStateFor(mapId);
      if (entry.failure === null) {
        const told = state ? message : t('storage.errors.notSavedYet', { name: target.name, message });
        store.getState().notify(told, 'error');
      }
      entry.failure = message;
      state?.setSaveState('error', message);
      return false;
    }
    failures = 0;
    entry.saved = target;
    journalStored(mapId, revision);
    const recovered = entry.failure !== null;
    entry.failure = null;
    if (!isDirty(entry) && mapId !== openId) tracked.delete(mapId);
    const state = openStateFor(mapId);
    state?.setSaveState(isDirty(entry) ? 'pending' : 'saved');
    if (recovered) store.getState().notify(t('storage.errors.savedAgain', { name: target.name }));
    // The home list in another tab shows "last edited" and counts: let it refresh.
    broadcastMapsChanged();
    return true;
  }

  /** The open map is left (closed, or another one opened): write what it still owes right away. */
  function leave() {
    if (openId === null) return;
    const entry = tracked.get(openId);
    openId = null;
    if (!entry) return;
    if (isDirty(entry)) {
      clearTimer();
      void writeAll();
    } else {
      tracked.delete(entry.saved.id);
    }
  }

  function opened(state: MapState) {
    leave();
    const map = state.map;
    if (!map) return;
    openId = map.id;
    const owed = tracked.get(map.id);
    if (!owed) {
      tracked.set(map.id, { saved: map, latest: map, journaled: map, gesture: null, failure: null });
      return;
    }
    // This tab still owes storage a change to this very map (a write that failed or has not
    // finished), so what was just loaded is older than what the user last saw. Keep their change:
    // show the unsaved version and go on saving it against what storage really holds.
    if (state.readOnly) return;
    store.setState({ map: owed.latest });
    if (owed.failure !== null) store.getState().setSaveState('error', owed.failure);
  }

  /**
   * Puts what changed into the journal, synchronously. Within a gesture its one entry is rewritten
   * with everything since the gesture began. Returns false when that failed: write at once instead.
   */
  function journal(mapId: string, entry: Tracked, inGesture: boolean): boolean {
    let result: ReturnType<typeof journalChange>;
    if (inGesture || entry.gesture) {
      const gesture = (entry.gesture ??= { before: entry.journaled, base: currentRevision(mapId), seq: undefined });
      result = journalChange(gesture.before, entry.latest, { base: gesture.base, replaces: gesture.seq });
      if (result) gesture.seq = result.seq;
      if (!inGesture) entry.gesture = null;
    } else {
      result = entry.journaled === entry.latest ? null : journalChange(entry.journaled, entry.latest);
    }
    if (!inGesture) entry.journaled = entry.latest;
    if (!result || result.durable) {
      if (result) journalFailureTold = false;
      return true;
    }
    if (!journalFailureTold) store.getState().notify(journalFullMessage(), 'error');
    journalFailureTold = true;
    return false;
  }

  function edited(state: MapState) {
    if (state.readOnly || !state.map) return;
    const entry = tracked.get(state.map.id);
    if (!entry) {
      tracked.set(state.map.id, { saved: state.map, latest: state.map, journaled: state.map, gesture: null, failure: null });
      return;
    }
    entry.latest = state.map;
    const durable = journal(state.map.id, entry, state.gestureStart !== null);
    // After a failure the status stays "error" until a write succeeds.
    if (state.saveState !== 'error' && state.saveState !== 'pending') state.setSaveState('pending');
    const now = Date.now();
    burstStart ??= now;
    setTimer(durable ? Math.max(0, Math.min(debounceMs, burstStart + maxWaitMs - now)) : 0);
  }

  function gestureEnded(state: MapState) {
    const entry = state.map && !state.readOnly ? tracked.get(state.map.id) : undefined;
    if (entry && state.map && !journal(state.map.id, entry, false)) setTimer(0);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.openCount !== previous.openCount) return opened(state);
    if (state.map === previous.map) {
      if (previous.gestureStart && !state.gestureStart) gestureEnded(state);
      return;
    }
    if (!state.map) return leave();
    // A map put into the store without openMap counts as loaded too: never write a map unseen.
    if (state.map.id !== openId) return opened(state);
    edited(state);
  });

  async function flush(): Promise<void> {
    clearTimer();
    await Promise.all([writeAll(), flushViewport()]);
  }

  const onPageHide = () => void flush();
  const onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  // A write that failed (storage full, or refused) means closing the tab loses the change: ask first.
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if ([...tracked.values()].some((entry) => entry.failure !== null && isDirty(entry))) event.preventDefault();
  };
  const hasWindow = typeof window !== 'undefined' && typeof document !== 'undefined';
  if (hasWindow) {
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibilityChange);
  }

  return {
    flush,
    stop() {
      unsubscribe();
      clearTimer();
      if (hasWindow) {
        window.removeEventListener('pagehide', onPageHide);
        window.removeEventListener('beforeunload', onBeforeUnload);
        document.removeEventListener('visibilitychange', onVisibilityChange);
      }
    },
  };
}

let viewportWaiting: { mapId: string; viewport: Viewport } | null = null;
let viewportTimer: ReturnType<typeof setTimeout> | null = null;
/** True while a gesture is under way (set by startAutosave): the viewport write is put off. */
let viewportBusy: () => boolean = () => false;

function armViewportTimer(): void {
  if (viewportTimer) clearTimeout(viewportTimer);
  viewportTimer = setTimeout(() => (viewportBusy() ? armViewportTimer() : void flushViewport()), VIEWPORT_DEBOUNCE_MS);
}

/**
 * Remembers where the canvas was panned and zoomed. The viewport is session state: saved apart from
 * the map (it never marks the map as edited), debounced, and a failure to save it is ignored.
 */
export function rememberViewport(mapId: string, viewport: Viewport): void {
  if (viewportWaiting && viewportWaiting.mapId !== mapId) void flushViewport();
  viewportWaiting = { mapId, viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } };
  armViewportTimer();
}

/** Writes a remembered viewport now (autosave's flush does this on pagehide). */
export async function flushViewport(): Promise<void> {
  if (viewportTimer) clearTimeout(viewportTimer);
  viewportTimer = null;
  const waiting = viewportWaiting;
  viewportWaiting = null;
  if (!waiting) return;
  try {
    await saveViewport(waiting.mapId, waiting.viewport);
  } catch {
    // Losing a viewport is not worth an alarm: the map opens fitted to view instead.
  }
}
