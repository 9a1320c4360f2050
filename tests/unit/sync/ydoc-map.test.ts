// A map in a Yjs document, and two laptops editing it apart and merging: the updates are handed
// from one document to the other directly, as the relay would.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/domain/edits';
import { createSampleAccountMap } from '../../../src/domain/sample';
import type { AccountMap } from '../../../src/domain/types';
import { useMapStore } from '../../../src/store/map-store';
import { applyPatch, patchOf, readMap, writeChanges } from '../../../src/sync/ydoc-map';

const sample = createSampleAccountMap('2026-12-01T10:00:00.000Z');
const idOf = (map: AccountMap, name: string) => Object.values(map.stakeholders).find((s) => s.name === name)!.id;
const henrik = idOf(sample, 'Henrik Larsen');
const plain = (map: AccountMap | null) => JSON.parse(JSON.stringify(map));

/** Two laptops that both hold the shared sample, and a way to bring them together. */
function twoLaptops() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  writeChanges(a, null, sample, 'local');
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
  const meet = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  };
  /** Edits on one laptop, offline: the store's edit becomes one transaction of what it changed. */
  const edit = (doc: Y.Doc, change: (map: AccountMap) => AccountMap) => {
    const before = readMap(doc, sample.id)!;
    writeChanges(doc, before, change(before), 'local');
  };
  return { a, b, meet, edit };
}

describe('an account map in a Yjs document', () => {
  it('comes back as it went in', () => {
    const { b } = twoLaptops();
    expect(plain(readMap(b, sample.id))).toEqual(plain(sample));
  });

  it('keeps both people’s edits to different fields of one stakeholder made offline', () => {
    const { a, b, meet, edit } = twoLaptops();
    edit(a, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'champion' }));
    edit(b, (map) => applyEdit(map, { type: 'updateStakeholder', id: henrik, patch: { title: 'Chief Operating Officer' } }));
    meet();
    for (const doc of [a, b]) {
      const person = readMap(doc, sample.id)!.stakeholders[henrik];
      expect(person.stance).toBe('champion');
      expect(person.title).toBe('Chief Operating Officer');
    }
  });

  it('ends with one stance on every laptop when two people change the same one', () => {
    const { a, b, meet, edit } = twoLaptops();
    edit(a, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'champion' }));
    edit(b, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'blocker' }));
    meet();
    const stanceA = readMap(a, sample.id)!.stakeholders[henrik].stance;
    expect(['champion', 'blocker']).toContain(stanceA);
    expect(readMap(b, sample.id)!.stakeholders[henrik].stance).toBe(stanceA);
  });

  it('leaves a person deleted on one side and edited on the other deleted, with no line to them', () => {
    const { a, b, meet, edit } = twoLaptops();
    edit(a, (map) => applyEdit(map, { type: 'removeItems', ids: [henrik] }));
    edit(b, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'champion' }));
    meet();
    for (const doc of [a, b]) {
      const map = readMap(doc, sample.id)!;
      expect(map.stakeholders[henrik]).toBeUndefined();
      expect(Object.values(map.links).filter((l) => l.sourceId === henrik || l.targetId === henrik)).toEqual([]);
    }
  });

  it('turns a remote transaction into a patch that brings the map where the document is', () => {
    const { a, b, meet, edit } = twoLaptops();
    const initial = readMap(a, sample.id)!;
    let patched = initial;
    a.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === 'remote') patched = applyPatch(patched, patchOf(a, transaction.changed));
    });
    edit(b, (map) => applyEdit(map, { type: 'setStance', ids: [henrik], stance: 'skeptic' }));
    edit(b, (map) => applyEdit(map, { type: 'renameMap', name: 'Nordwind (team)' }));
    const claire = idOf(sample, 'Claire Dubois');
    edit(b, (map) => applyEdit(map, { type: 'removeItems', ids: [claire] }));
    meet();
    expect(plain(patched)).toEqual(plain(readMap(a, sample.id)));
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
