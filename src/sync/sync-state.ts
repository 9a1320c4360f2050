// What the screen shows of the open map's team session: its status, the others in it, this
// person's name. Kept apart from session.ts, which holds Yjs and the relay's client, so the map
// view draws its status and peers without loading those (they load only for a shared map).
import { create } from 'zustand';
import { t } from '../i18n';
import type { Share } from '../persistence/shares';

/** Where the open map's link to its relay stands. */
export type SyncStatus = 'off' | 'connecting' | 'live' | 'offline' | 'refused';

/** Another person in the shared map: their name and what they have selected. */
export interface Peer {
  clientId: number;
  name: string;
  selection: string[];
}

export interface SyncState {
  status: SyncStatus;
  /** The others in the map now (awareness), in the order they came. */
  peers: Peer[];
  /** Why the relay refused (its reason code: `wrong-secret`, `no-secret`, `bad-map-id`). */
  refusal: string | null;
  share: Share | null;
}

export const useSyncState = create<SyncState>()(() => ({ status: 'off', peers: [], refusal: null, share: null }));

const NAME_KEY = 'powermap:my-name';

/** The name this person shows to the team (kept in this browser). */
export function myName(): string {
  try {
    return localStorage.getItem(NAME_KEY) || t('team.someone');
  } catch {
    return t('team.someone');
  }
}

/** Where the open map's presence is told of a new name, while a session runs (session.ts sets it). */
export const nameListener: { current: ((name: string) => void) | null } = { current: null };

export function setMyName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name.trim());
  } catch {
    // Shown for this session only.
  }
  nameListener.current?.(myName());
}

/** How a refused client is told; the relay sends a reason code. */
export function refusalMessage(reason: string | null): string {
  if (reason === 'wrong-secret') return t('team.refusedWrongSecret');
  if (reason === 'no-secret') return t('team.refusedNoSecret');
  return t('team.refusedOther', { reason: reason ?? '?' });
}

/** Why a key does not open a map, in a sentence. */
export function keyMessage(problem: 'no-key' | 'wrong-key'): string {
  return problem === 'no-key' ? t('team.noKey') : t('team.wrongKey');
}
