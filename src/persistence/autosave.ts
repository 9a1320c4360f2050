// Autosave: there is no save button. Rules (DESIGN.md, habit 6):
//  - never write what was just loaded: opening a map only sets the baseline;
//  - debounce edits by 300 ms, then write only what changed since the last successful save;
//  - flush at once when the page is hidden or closed;
//  - on a failed write keep the change dirty, tell the user, and retry with backoff.
import type { AccountMap, Viewport } from '../domain/types';
import { useMapStore } from '../store/map-store';
import { saveChanges, saveViewport, toStorageError } from './repository';

export const SAVE_DEBOUNCE_MS = 300;
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000];

export interface Autosave {
  flush(): Promise<void>;
  stop(): void;
}

type Store = typeof useMapStore;

export function startAutosave(store: Store = useMapStore): Autosave {
  /** The version last written (or loaded): what the stored rows match. */
  let baseline: AccountMap | null = null;
  /** The newest version not yet written, or null when storage is up to date. */
  let pending: AccountMap | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> | null = null;
  let failures = 0;

  const schedule = (delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  };

  async function write(base: AccountMap, target: AccountMap): Promise<void> {
    const state = store.getState();
    if (state.map?.id === target.id) state.setSaveState('saving');
    try {
      await saveChanges(base, target);
      failures = 0;
      if (baseline?.id === target.id) baseline = target;
      if (pending === target) pending = null;
      const now = store.getState();
      if (now.map?.id === target.id) now.setSaveState(pending ? 'pending' : 'saved');
    } catch (error) {
      const message = toStorageError(error).message;
      const now = store.getState();
      if (now.saveState !== 'error') now.notify(message, 'error');
      now.setSaveState('error', message);
      schedule(RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]);
      failures += 1;
    }
  }

  async function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    // Writes are serialised: a change made during a write is saved right after it.
    while (writing) await writing;
    if (!pending || !baseline || pending.id !== baseline.id) return;
    writing = write(baseline, pending).finally(() => {
      writing = null;
    });
    await writing;
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.openCount !== previous.openCount || (state.map === null && previous.map !== null)) {
      // A map was opened or closed: save what the previous one still owed, then start afresh.
      if (pending && baseline) {
        const base = baseline;
        const target = pending;
        const chained = (writing ?? Promise.resolve()).then(() => write(base, target));
        writing = chained.finally(() => {
          if (writing === chained) writing = null;
        });
      }
      baseline = state.map;
      pending = null;
      return;
    }
    if (state.map === previous.map || !state.map || state.readOnly) return;
    pending = state.map;
    if (state.saveState !== 'error') state.setSaveState('pending');
    schedule(SAVE_DEBOUNCE_MS);
  });

  const onHide = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onHide);
  }

  return {
    flush,
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (typeof window !== 'undefined') {
        window.removeEventListener('pagehide', onPageHide);
        document.removeEventListener('visibilitychange', onHide);
      }
    },
  };
}

let viewportTimer: ReturnType<typeof setTimeout> | null = null;

/** The viewport is session state: saved apart from the map, debounced, failures ignored. */
export function rememberViewport(mapId: string, viewport: Viewport): void {
  if (viewportTimer) clearTimeout(viewportTimer);
  viewportTimer = setTimeout(() => void saveViewport(mapId, viewport).catch(() => undefined), 500);
}
