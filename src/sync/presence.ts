// Presence (Yjs awareness): who is in a shared map and what each has selected. The relay passes
// awareness states on to every client of the map without storing them, but it reads them as they
// pass; on an encrypted map a client's name and selection are sealed with the map's key like the
// document's fields, as one value bound to the client's awareness id (so an operator cannot pass
// one person's presence off as another client's). What stays in clear: that a client id is in the
// map, and when its state changes. Maps without a key keep presence in clear, as before.
import { fromBase64Url, toBase64Url, UNREADABLE, type FieldCipher } from './field-cipher';

export interface Presence {
  name: string;
  selection: string[];
}

const place = (clientId: number) => `awareness/${clientId}`;

/** The awareness state this client publishes. */
export function presenceState(cipher: FieldCipher, clientId: number, presence: Presence): Record<string, unknown> {
  if (!cipher.encrypted) return { user: { name: presence.name }, selection: presence.selection };
  return { sealed: toBase64Url(cipher.seal(presence, place(clientId)) as Uint8Array) };
}

/** What another client's awareness state says, or null when it says nothing this key can read. */
export function readPresence(cipher: FieldCipher, clientId: number, state: Record<string, unknown>): Presence | null {
  let value: unknown = state;
  if (cipher.encrypted) {
    const bytes = typeof state.sealed === 'string' ? fromBase64Url(state.sealed) : null;
    const opened = bytes ? cipher.open(bytes, place(clientId)) : UNREADABLE;
    if (opened === UNREADABLE || typeof opened !== 'object' || opened === null) return null;
    value = opened;
  }
  const { name, user, selection } = value as { name?: unknown; user?: { name?: unknown }; selection?: unknown };
  const shown = cipher.encrypted ? name : user?.name;
  if (shown === undefined) return null;
  return { name: String(shown ?? ''), selection: Array.isArray(selection) ? selection.map(String) : [] };
}
