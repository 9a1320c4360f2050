// A map in a Yjs document, and two laptops editing it apart and merging: the updates are handed
// from one document to the other directly, as the relay would.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/domain/edits';
import { createSampleAccountMap } from '../../../src/domain/sample';
import type { AccountMap } from '../../../src/domain/types';
import { useMapStore } from '../../../src/store/map-store';
import { applyPatch, keyProblem, patchOf, readMap, writeChanges } from '../../../src/sync/ydoc-map';
import { fieldCipher, newKey, PLAIN, type FieldCipher } from '../../../src/sync/field-cipher';

const sample = createSampleAccountMap('2026-12-01T10:00:00.000Z');
const idOf = (map: AccountMap, name: string) => Object.values(map.stakeholders).find((s) => s.name === name)!.id;
const henrik = idOf(sample, 'Henrik Larsen');
const plain = (map: AccountMap | null) => JSON.parse(JSON.stringify(map));

/** Two laptops that both hold the shared sample, and a way to bring them together. */
function twoLaptopsWith(cipher: FieldCipher) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  writeChanges(a, null, sample, 'local', cipher);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
  const meet = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  };
  /** Edits on one laptop, offline: the store's edit becomes one transaction of what it changed. */
  const edit = (doc: Y.Doc, change: (map: AccountMap) => AccountMap) => {
    const before = readMap(doc, sample.id, cipher)!;
    writeChanges(doc, before, change(before), 'local', cipher);
  };
  const read = (doc: Y.Doc) => readMap(doc, sample.id, cipher);
  return { a, b, meet, edit, read };
}

// Every merge rule holds the same with the content in clear (maps shared before encryption) and
// encrypted field by field (every new share).
describe.each([
  ['in clear', PLAIN],
  ['encrypted', fieldCipher(newKey())],
])('an account map in a Yjs document, %s', (_, cipher) => {
  const twoLaptops = () => twoLaptopsWith(cipher);
  it('comes back as it went in', () => {
    const { b, read } = twoLaptops();
    expect(plain(read(b))).toEqual(plain(sample));
  });

  it('keeps both people’s edits to different fields of one stakeholder made offline', () => {
    const { a, b, meet, edit, read } = twoLaptops();
    edit(a, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'champion' }));
    edit(b, (map) => applyEdit(map, { type: 'updateStakeholder', id: henrik, patch: { title: 'Chief Operating Officer' } }));
    meet();
    for (const doc of [a, b]) {
      const person = read(doc)!.stakeholders[henrik];
      expect(person.stance).toBe('champion');
      expect(person.title).toBe('Chief Operating Officer');
    }
  });

  it('ends with one stance on every laptop when two people change the same one', () => {
    const { a, b, meet, edit, read } = twoLaptops();
    edit(a, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'champion' }));
    edit(b, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'blocker' }));
    meet();
    const stanceA = read(a)!.stakeholders[henrik].stance;
    expect(['champion', 'blocker']).toContain(stanceA);
    expect(read(b)!.stakeholders[henrik].stance).toBe(stanceA);
  });

  it('keeps a teammate’s change that has not reached the open map yet when an edit is made here meanwhile', () => {
    const { a, b, meet, read } = twoLaptops();
    // B's open map, as it was before A's change arrived (remote changes reach it a frame later).
    const open = read(b)!;
    writeChanges(a, read(a), applyEdit(read(a)!, { type: 'updateStakeholder', id: henrik, patch: { title: 'Chief Operating Officer' } }), 'local', cipher);
    meet();
    // Before B's map has taken A's title, B changes Henrik's stance.
    const edited = applyEdit(open, { type: 'setStance', ids: [henrik], stance: 'blocker' });
    writeChanges(b, open, edited, 'local', cipher);
    meet();
    for (const doc of [a, b]) {
      expect(read(doc)!.stakeholders[henrik].title).toBe('Chief Operating Officer');
      expect(read(doc)!.stakeholders[henrik].stance).toBe('blocker');
    }
  });

  it('does not bring back a person a teammate deleted when an edit here touches them before the delete arrives', () => {
    const { a, b, meet, read } = twoLaptops();
    const open = read(b)!;
    writeChanges(a, read(a), applyEdit(read(a)!, { type: 'removeItems', ids: [henrik] }), 'local', cipher);
    meet();
    writeChanges(b, open, applyEdit(open, { type: 'setStance', ids: [henrik], stance: 'champion' }), 'local', cipher);
    meet();
    for (const doc of [a, b]) expect(read(doc)!.stakeholders[henrik]).toBeUndefined();
  });

  it('leaves a person deleted on one side and edited on the other deleted, with no line to them', () => {
    const { a, b, meet, edit, read } = twoLaptops();
    edit(a, (map) => applyEdit(map, { type: 'removeItems', ids: [henrik] }));
    edit(b, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'champion' }));
    meet();
    for (const doc of [a, b]) {
      const map = read(doc)!;
      expect(map.stakeholders[henrik]).toBeUndefined();
      expect(Object.values(map.links).filter((l) => l.sourceId === henrik || l.targetId === henrik)).toEqual([]);
    }
  });

  it('turns a remote transaction into a patch that brings the map where the document is', () => {
    const { a, b, meet, edit, read } = twoLaptops();
    const initial = read(a)!;
    let patched = initial;
    a.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === 'remote') patched = applyPatch(patched, patchOf(a, transaction.changed, cipher));
    });
    edit(b, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'skeptic' }));
    edit(b, (map) => applyEdit(map, { type: 'renameMap', name: 'Nordwind (team)' }));
    const claire = idOf(sample, 'Claire Dubois');
    edit(b, (map) => applyEdit(map, { type: 'removeItems', ids: [claire] }));
    meet();
    expect(plain(patched)).toEqual(plain(read(a)));
    expect(patched.stakeholders[henrik].stance).toBe('skeptic');
    expect(patched.stakeholders[claire]).toBeUndefined();
    // Records the patch did not touch keep their identity (the canvas re-renders only what changed).
    const boris = Object.keys(sample.stakeholders).find((id) => id !== henrik && id !== claire)!;
    expect(patched.stakeholders[boris]).toBe(initial.stakeholders[boris]);
  });
});

describe('undo on a shared map', () => {
  it('takes back only this person’s own edit, keeping a teammate’s that came after it', () => {
    const store = useMapStore.getState();
    store.openMap(sample);
    const claire = idOf(sample, 'Claire Dubois');
    store.run({ type: 'setStance', ids: [henrik], stance: 'champion' });
    // A teammate changes Claire's title and Henrik's notes, through the relay.
    store.receive((map) => applyPatch(map, { meta: {}, put: {}, remove: {}, fields: { stakeholders: { [claire]: { title: 'CFO' }, [henrik]: { notes: 'met at QBR' } } } }));
    useMapStore.getState().undo();
    const map = useMapStore.getState().map!;
    expect(map.stakeholders[henrik].stance).toBe(sample.stakeholders[henrik].stance);
    expect(map.stakeholders[henrik].notes).toBe('met at QBR');
    expect(map.stakeholders[claire].title).toBe('CFO');
    useMapStore.getState().redo();
    expect(useMapStore.getState().map!.stakeholders[henrik].stance).toBe('champion');
    expect(useMapStore.getState().map!.stakeholders[claire].title).toBe('CFO');
    store.closeMap();
  });
});

describe('an encrypted map in a Yjs document', () => {
  const key = newKey();
  const shared = () => {
    const doc = new Y.Doc();
    writeChanges(doc, null, sample, 'local', fieldCipher(key));
    return doc;
  };
  const text = (doc: Y.Doc) => new TextDecoder('utf-8', { fatal: false }).decode(Y.encodeStateAsUpdate(doc));

  it('holds record ids but no name, title or note of the map', () => {
    const stored = text(shared());
    const words = [sample.name, ...Object.values(sample.stakeholders).flatMap((s) => [s.name, s.title, s.notes]), ...Object.values(sample.departments).map((d) => d.name)];
    const leaked = words.filter((word) => word && word.length > 3 && stored.includes(word));
    expect(leaked).toEqual([]);
    expect(stored).toContain(henrik);
    // The same document in clear does hold them: the check above can see a name when there is one.
    const clear = new Y.Doc();
    writeChanges(clear, null, sample, 'local');
    expect(text(clear)).toContain('Henrik Larsen');
  });

  it('tells a missing key and a wrong key apart from the right one', () => {
    const doc = shared();
    expect(keyProblem(doc, fieldCipher(key))).toBeNull();
    expect(keyProblem(doc, fieldCipher(newKey()))).toBe('wrong-key');
    expect(keyProblem(doc, PLAIN)).toBe('no-key');
    expect(keyProblem(doc, fieldCipher('cut-short'))).toBe('wrong-key');
    // A relay handing a key holder a map in clear is refused too.
    const clear = new Y.Doc();
    writeChanges(clear, null, sample, 'local');
    expect(keyProblem(clear, fieldCipher(key))).toBe('wrong-key');
    expect(keyProblem(clear, PLAIN)).toBeNull();
  });

  it('does not let a value moved to another person or field be read there', () => {
    const doc = shared();
    const people = doc.getMap<Y.Map<unknown>>('stakeholders');
    const claire = idOf(sample, 'Claire Dubois');
    // Whoever holds the relay copies Henrik's sealed stance onto Claire.
    people.get(claire)!.set('stance', people.get(henrik)!.get('stance'));
    const map = readMap(doc, sample.id, fieldCipher(key))!;
    expect(map.stakeholders[claire].stance).toBeUndefined();
    expect(map.stakeholders[claire].name).toBe('Claire Dubois');
  });

  it('writes a fresh ciphertext for each write of the same value', () => {
    const cipher = fieldCipher(key);
    const one = cipher.seal('champion', 'stakeholders/x/stance') as Uint8Array;
    const two = cipher.seal('champion', 'stakeholders/x/stance') as Uint8Array;
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(false);
    expect(cipher.open(one, 'stakeholders/x/stance')).toBe('champion');
  });
});
