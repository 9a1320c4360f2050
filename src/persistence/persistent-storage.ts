// Persistent storage: by default a browser may clear a site's data when the disk runs low.
// navigator.storage.persist() asks it not to. We ask at the first change the user stores in a
// session, not at page load: browsers grant it more readily to a site in use, and a browser that
// shows a prompt then shows it when the request makes sense. The home view reads the outcome,
// with the space used and available, through readStorageStatus.
import { onMapsChangedHere } from './tab-lock';

/** What the browser reports; null where it does not say. */
export type StorageStatus =
  | { reported: false }
  | { reported: true; persisted: boolean | null; usage: number | null; quota: number | null };

type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

const browserStorage = (): StorageManagerLike | undefined => (typeof navigator === 'undefined' ? undefined : navigator.storage);

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

/** Whether storage is persistent and how much is used and available. Never rejects. */
export async function readStorageStatus(storage = browserStorage()): Promise<StorageStatus> {
  if (!storage || (typeof storage.persisted !== 'function' && typeof storage.estimate !== 'function')) return { reported: false };
  const [persisted, estimate] = await Promise.all([
    typeof storage.persisted === 'function' ? storage.persisted().catch(() => null) : null,
    typeof storage.estimate === 'function' ? storage.estimate().catch(() => null) : null,
  ]);
  return { reported: true, persisted, usage: finite(estimate?.usage), quota: finite(estimate?.quota) };
}

/** The browser's last answer in this session; undefined until asked. */
let lastAnswer: boolean | null | undefined;

const answerListeners = new Set<() => void>();

export const lastPersistenceAnswer = () => lastAnswer;

/** Calls back whenever the browser answers; returns the function that stops listening. */
export function onPersistenceAnswer(callback: () => void): () => void {
  answerListeners.add(callback);
  return () => {
    answerListeners.delete(callback);
  };
}

/** Asks the browser to keep our data; true if it will, false if it refused, null if it cannot be asked. */
export async function askForPersistentStorage(storage = browserStorage()): Promise<boolean | null> {
  if (typeof storage?.persist !== 'function') return null;
  try {
    lastAnswer = await storage.persist();
  } catch {
    lastAnswer = null;
  }
  for (const listener of answerListeners) listener();
  return lastAnswer;
}

/**
 * Asks once, at the first change this tab stores (an edit autosaved, a map created or imported);
 * returns the function that stops waiting. Once per session: a refusal is not asked again
 * unasked, the home view's button does that.
 */
export function askForPersistentStorageOnFirstChange(storage = browserStorage()): () => void {
  const stop = onMapsChangedHere(() => {
    stop();
    void askForPersistentStorage(storage);
  });
  return stop;
}
