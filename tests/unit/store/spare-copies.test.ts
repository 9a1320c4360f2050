// The store keeps a spare copy of a large map's tables, made when the page is idle, so an edit
// does not copy 20,000 records before it is durable. The spare must never let one version of the
// map change another: undo, redo and a gesture's start stay exactly as they were.
import { beforeEach, describe, expect, it } from 'vitest';
import { useMapStore } from '../../../src/store/map-store';
import { SPARE_FROM } from '../../../src/store/spare-copies';
import { hasSpareCopy } from '../../../src/domain/table-changes';
import { emptyAccountMap, newStakeholder } from '../../../src/domain/defaults';
import type { AccountMap } from '../../../src/domain/types';

const store = () => useMapStore.getState();
/** The store's idle work runs on a timer in jsdom (no requestIdleCallback). */
const idle = () => new Promise((resolve) => setTimeout(resolve, 10));

function mapOf(people: number): AccountMap {
  const map = emptyAccountMap('map_large', 'Large account', '2026-12-03T00:00:00.000Z');
  for (let i = 0; i < people; i++) {
    const id = `stk_${i}`;
    map.stakeholders[id] = newStakeholder({ id, name: `Person ${i}`, position: { x: (i % 50) * 240, y: Math.floor(i / 50) * 160 } });
  }
  return map;
}

describe('spare copies of the open map', () => {
  beforeEach(() => store().closeMap());

  it('are made for a large table once the page is idle, and taken by the next edit', async () => {
    store().openMap(mapOf(SPARE_FROM + 10));
    const opened = store().map!;
    expect(hasSpareCopy(opened.stakeholders)).toBe(false);
    await idle();
    expect(hasSpareCopy(opened.stakeholders)).toBe(true);
    store().run({ type: 'setStance', ids: ['stk_7'], stance: 'champion' });
    const edited = store().map!;
    expect(edited.stakeholders.stk_7.stance).toBe('champion');
    expect(opened.stakeholders.stk_7.stance).toBe('unknown');
    expect(hasSpareCopy(opened.stakeholders)).toBe(false);
    await idle();
    expect(hasSpareCopy(edited.stakeholders)).toBe(true);
  });

  it('leave every version in the undo history as it was', async () => {
    store().openMap(mapOf(SPARE_FROM + 10));
    await idle();
    store().run({ type: 'setStance', ids: ['stk_1'], stance: 'champion' });
    const firstEdit = store().map!.stakeholders;
    store().undo();
    // Straight away, and again once a new spare of the opened version has been made.
    store().run({ type: 'setStance', ids: ['stk_2'], stance: 'blocker' });
    expect(firstEdit.stk_2.stance).toBe('unknown');
    store().undo();
    await idle();
    store().run({ type: 'setStance', ids: ['stk_3'], stance: 'blocker' });
    expect(firstEdit.stk_3.stance).toBe('unknown');
    expect(store().map!.stakeholders.stk_1.stance).toBe('unknown');
    expect(store().map!.stakeholders.stk_3.stance).toBe('blocker');
    store().undo();
    expect(Object.values(store().map!.stakeholders).every((person) => person.stance === 'unknown')).toBe(true);
  });

  it('are kept for the current version only, not for those left for undo', async () => {
    store().openMap(mapOf(SPARE_FROM + 10));
    const opened = store().map!.stakeholders;
    await idle();
    store().run({ type: 'setStance', ids: ['stk_5'], stance: 'champion' });
    const edited = store().map!.stakeholders;
    await idle();
    store().undo();
    await idle();
    expect(hasSpareCopy(opened)).toBe(true);
    store().redo();
    expect(hasSpareCopy(opened)).toBe(false);
    await idle();
    expect(hasSpareCopy(edited)).toBe(true);
    store().closeMap();
    expect(hasSpareCopy(edited)).toBe(false);
  });

  it('are not made during a gesture, nor for a small map', async () => {
    store().openMap(mapOf(SPARE_FROM + 10));
    store().beginGesture();
    store().run({ type: 'moveItems', moves: [{ id: 'stk_4', position: { x: 5, y: 5 } }] });
    await idle();
    expect(hasSpareCopy(store().map!.stakeholders)).toBe(false);
    store().endGesture();
    await idle();
    expect(hasSpareCopy(store().map!.stakeholders)).toBe(true);

    store().openMap(mapOf(20));
    await idle();
    expect(hasSpareCopy(store().map!.stakeholders)).toBe(false);
  });
});
