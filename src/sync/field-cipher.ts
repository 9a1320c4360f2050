// End-to-end encryption of a shared map's content. The relay (Hocuspocus) must read the Yjs
// document's structure to merge and store it, so the structure stays in clear: the record tables,
// the record ids as their keys, the field names inside each record. Every field's VALUE (a name, a
// title, a note, a stance, a position, the map's name and dates) is stored as AES-256-GCM
// ciphertext with a fresh random 96-bit IV per write, bound to where it sits (`kind/id/field` as
// additional data, so an operator cannot move a value to another person or field). A field is
// still the unit of a merge: two laptops changing different fields or records both keep theirs,
// and two changing the same field end with the same one of the two ciphertexts everywhere.
//
// The key is 256 random bits in the share link's fragment (`key=`), which never reaches a server.
// AES-GCM comes from @noble/ciphers (audited, no dependencies) rather than WebCrypto because it is
// synchronous: a local edit stays one Yjs transaction made in the same tick as the store's edit,
// and a remote transaction is read in the `afterTransaction` handler, so nothing has to be queued
// across awaits (where an edit could be reordered with a remote one or lost when the page closes).
// Its output (ciphertext followed by the 16-byte tag) is what WebCrypto's AES-GCM writes too.
import { gcm } from '@noble/ciphers/aes.js';
import { bytesToUtf8, utf8ToBytes } from '@noble/ciphers/utils.js';

/** Seals a field's value for the document and opens it again; `place` says which field of which record. */
export interface FieldCipher {
  readonly encrypted: boolean;
  seal(value: unknown, place: string): unknown;
  /** The value, or UNREADABLE when the stored bytes do not open with this key at this place. */
  open(stored: unknown, place: string): unknown;
}

/** A value that did not decrypt (a wrong key, or bytes changed on the way). */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/** Maps shared before encryption, and links without a key: values stay in clear, as before. */
export const PLAIN: FieldCipher = { encrypted: false, seal: (value) => value, open: (stored) => stored };

const IV_BYTES = 12;
const KEY_BYTES = 32;

export const toBase64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function fromBase64Url(text: string): Uint8Array | null {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A new map key: 256 random bits, URL-safe, for the share link's fragment. */
export function newKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}

/** True when `text` can be a map key (what a link carries may have been cut or mistyped). */
export const isKey = (text: string): boolean => fromBase64Url(text)?.length === KEY_BYTES;

/** The cipher of one map key. A key that is not 256 bits opens nothing (every value is UNREADABLE). */
export function fieldCipher(key: string): FieldCipher {
  const raw = fromBase64Url(key);
  const usable = raw?.length === KEY_BYTES ? raw : null;
  // Yjs hands back the same Uint8Array for a stored value each time: each is decrypted once (per place).
  const opened = new WeakMap<Uint8Array, { place: string; value: unknown }>();
  return {
    encrypted: true,
    seal(value, place) {
      if (!usable) throw new Error('A map key is 256 bits.');
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = gcm(usable, iv, utf8ToBytes(place)).encrypt(utf8ToBytes(JSON.stringify(value)));
      const stored = new Uint8Array(IV_BYTES + sealed.length);
      stored.set(iv);
      stored.set(sealed, IV_BYTES);
      opened.set(stored, { place, value });
      return stored;
    },
    open(stored, place) {
      if (!(stored instanceof Uint8Array) || !usable || stored.length <= IV_BYTES) return UNREADABLE;
      const known = opened.get(stored);
      if (known?.place === place) return known.value;
      let value: unknown = UNREADABLE;
      try {
        value = JSON.parse(bytesToUtf8(gcm(usable, stored.subarray(0, IV_BYTES), utf8ToBytes(place)).decrypt(stored.subarray(IV_BYTES))));
      } catch {
        // The tag did not match: another key, another place, or changed bytes.
      }
      opened.set(stored, { place, value });
      return value;
    },
  };
}
