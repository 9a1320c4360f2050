// Every failure of the browser's storage comes out as a StorageError whose message tells the user
// what to do (kept apart from repository.ts, which re-exports it).
import { t } from '../i18n';

// What the user reads when storage fails, in the language shown when it fails.
export const mapMissingMessage = () => t('storage.errors.mapMissing');
export const quotaMessage = () => t('storage.errors.quota');
export const unavailableMessage = () => t('storage.errors.unavailable');

export type StorageProblem = 'quota' | 'unavailable' | 'missing' | 'other';

export class StorageError extends Error {
  constructor(
    message: string,
    /** What went wrong, for code that reacts differently (the message is for people). */
    readonly problem: StorageProblem = 'other',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** Names of an error and of everything it wraps (Dexie keeps the browser's error in `inner`). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const { name, inner, cause, failures } = current as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof name === 'string') names.push(name);
    queue.push(inner, cause);
    // A Dexie BulkError lists the failure of each row it could not write.
    if (Array.isArray(failures)) queue.push(...failures);
    else if (typeof failures === 'object' && failures !== null) queue.push(...Object.values(failures));
  }
  return names;
}

const QUOTA_NAMES = ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'];
// Storage refused outright: no IndexedDB (MissingAPIError), a private window or disabled storage
// (InvalidStateError, SecurityError), or a database that could not be opened at all.
const UNAVAILABLE_NAMES = ['InvalidStateError', 'OpenFailedError', 'MissingAPIError', 'SecurityError'];

/** Turns an IndexedDB/Dexie failure into a StorageError that says what to do. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const names = errorNames(error);
  if (names.some((name) => QUOTA_NAMES.includes(name))) return new StorageError(quotaMessage(), 'quota', { cause: error });
  if (names.some((name) => UNAVAILABLE_NAMES.includes(name))) {
    return new StorageError(unavailableMessage(), 'unavailable', { cause: error });
  }
  const name = names[0] ?? (error instanceof Error ? error.constructor.name : 'unknown error');
  return new StorageError(
    t('storage.errors.other', { name }),
    'other',
    { cause: error },
  );
}
