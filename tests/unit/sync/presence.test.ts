// Presence on an encrypted map: the relay passes each client's awareness state on, and reads it;
// what it carries (a name, a selection) is sealed with the map's key and bound to the client.
import { describe, expect, it } from 'vitest';
import { fieldCipher, newKey, PLAIN } from '../../../src/sync/field-cipher';
import { presenceState, readPresence } from '../../../src/sync/presence';

const anna = { name: 'Anna Schmidt', selection: ['stk_henrik', 'stk_claire'] };

describe('presence', () => {
  const cipher = fieldCipher(newKey());

  it('on an encrypted map carries neither the name nor the selection in clear', () => {
    const state = presenceState(cipher, 17, anna);
    const text = JSON.stringify(state);
    for (const secret of ['Anna', 'Schmidt', 'stk_henrik', 'stk_claire']) expect(text).not.toContain(secret);
    expect(readPresence(cipher, 17, JSON.parse(text))).toEqual(anna);
  });

  it('is unreadable with another key, or passed off as another client', () => {
    const state = presenceState(cipher, 17, anna);
    expect(readPresence(fieldCipher(newKey()), 17, state)).toBeNull();
    expect(readPresence(cipher, 18, state)).toBeNull();
    // A state in clear is not shown on an encrypted map (a relay cannot inject a name).
    expect(readPresence(cipher, 17, presenceState(PLAIN, 17, anna))).toBeNull();
  });

  it('stays in clear on a map shared before encryption', () => {
    const state = presenceState(PLAIN, 17, anna);
    expect(state).toEqual({ user: { name: 'Anna Schmidt' }, selection: anna.selection });
    expect(readPresence(PLAIN, 17, state)).toEqual(anna);
    expect(readPresence(PLAIN, 17, {})).toBeNull();
  });
});
