// @vitest-environment node
// A shared map's Yjs state in IndexedDB: the whole state and each change appended since it, loaded
// together; the next whole state replaces the changes it holds; deleting the map forgets them all.
// In Node's environment: fake-indexeddb hands back Node's Uint8Array, which is not jsdom's.
import { beforeEach, describe, expect, it } from 'vitest';
import { getDatabase, resetDatabaseForTests } from '../../../src/persistence/db';
import { appendDocUpdate, forgetShare, loadDocState, saveDocState } from '../../../src/persistence/shares';

beforeEach(resetDatabaseForTests);

const bytes = (...values: number[]) => new Uint8Array(values);
const keysOf = async () => (await getDatabase().meta.toCollection().primaryKeys()).sort();

describe('the Yjs state of a shared map', () => {
  it('is loaded with the changes appended since the whole state was stored', async () => {
    expect(await loadDocState('map_a')).toBeNull();
    await saveDocState('map_a', bytes(1));
    const first = appendDocUpdate('map_a', bytes(2));
    const second = appendDocUpdate('map_a', bytes(3));
    await Promise.all([first.written, second.written, appendDocUpdate('map_b', bytes(9)).written]);

    const stored = await loadDocState('map_a');
    expect(stored?.updates[0]).toEqual(bytes(1));
    expect(stored?.updates.slice(1).map((update) => update[0]).sort()).toEqual([2, 3]);
    expect(stored?.appended.sort()).toEqual([first.key, second.key].sort());
  });

  it('drops the appended changes a new whole state replaces, and keeps those it does not', async () => {
    const held = appendDocUpdate('map_a', bytes(2));
    const later = appendDocUpdate('map_a', bytes(3));
    await Promise.all([held.written, later.written]);
    await saveDocState('map_a', bytes(1, 2), [held.key]);

    expect(await loadDocState('map_a')).toEqual({ updates: [bytes(1, 2), bytes(3)], appended: [later.key] });
  });

  it('is forgotten with the map', async () => {
    await saveDocState('map_a', bytes(1));
    await appendDocUpdate('map_a', bytes(2)).written;
    await appendDocUpdate('map_b', bytes(9)).written;
    await forgetShare('map_a');

    expect(await loadDocState('map_a')).toBeNull();
    expect((await keysOf()).every((key) => !String(key).includes('map_a'))).toBe(true);
    expect(await loadDocState('map_b')).not.toBeNull();
  });
});
