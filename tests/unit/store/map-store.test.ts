// The store's undo history: every change is a step, a gesture is one step, at least 100 steps
// are kept, and selection is never part of history.
import { beforeEach, describe, expect, it } from 'vitest';
import { redoLabel, undoLabel, useMapStore } from '../../../src/store/map-store';
import { addStakeholder } from '../../../src/domain/commands';
import type { Edit } from '../../../src/domain/edits';
import { emptyAccountMap, newStakeholder } from '../../../src/domain/defaults';

const store = () => useMapStore.getState();

function openMapWithOnePerson() {
  const map = emptyAccountMap('map_test', 'Test account', '2026-11-22T00:00:00.000Z');
  store().openMap(addStakeholder(map, newStakeholder({ id: 'stk_a', name: 'Ana Silva' })));
}

const positionOfAna = () => store().map!.stakeholders.stk_a.position;
const stance = (value: 'champion' | 'blocker' | 'unknown'): Edit => ({ type: 'setStance', ids: ['stk_a'], stance: value });
const moveAna = (x: number, y: number): Edit => ({ type: 'moveItems', moves: [{ id: 'stk_a', position: { x, y } }] });

describe('map store history', () => {
  beforeEach(() => {
    store().closeMap();
    openMapWithOnePerson();
  });

  it('undoes and redoes a change, and a new change clears redo', () => {
    store().run(stance('champion'));
    expect(store().map!.stakeholders.stk_a.stance).toBe('champion');
    store().undo();
    expect(store().map!.stakeholders.stk_a.stance).toBe('unknown');
    store().redo();
    expect(store().map!.stakeholders.stk_a.stance).toBe('champion');
    store().undo();
    store().run(stance('blocker'));
    store().redo();
    expect(store().map!.stakeholders.stk_a.stance).toBe('blocker');
  });

  it('names each step after its edit, for "Undo: mark champion"', () => {
    store().run(stance('champion'));
    store().run(moveAna(10, 10));
    expect(undoLabel(store())).toBe('move card');
    store().undo();
    expect(undoLabel(store())).toBe('mark champion');
    expect(redoLabel(store())).toBe('move card');
    store().undo();
    expect(undoLabel(store())).toBeNull();
    expect(redoLabel(store())).toBe('mark champion');
  });

  it('names a drag after its moves', () => {
    store().beginGesture();
    store().run(moveAna(5, 5));
    store().run(moveAna(9, 9));
    store().endGesture();
    expect(undoLabel(store())).toBe('move card');
  });

  it('records a whole drag as one step, and refuses to undo in the middle of it', () => {
    store().beginGesture();
    for (let step = 1; step <= 50; step++) store().run(moveAna(step, step));
    store().undo();
    expect(positionOfAna()).toEqual({ x: 50, y: 50 });
    store().endGesture();
    expect(store().history.past).toHaveLength(1);
    store().undo();
    expect(positionOfAna()).toEqual({ x: 0, y: 0 });
  });

  it('keeps at least 100 steps', () => {
    for (let step = 1; step <= 150; step++) store().run(moveAna(step, 0));
    for (let step = 0; step < 150; step++) store().undo();
    expect(positionOfAna().x).toBeLessThanOrEqual(0 + 150 - 100);
    expect(store().history.past.length).toBe(0);
  });

  it('does not record selection, and an unchanged command is not a step', () => {
    store().select(['stk_a']);
    store().run(stance('unknown'));
    expect(store().history.past).toHaveLength(0);
  });

  it('refuses edits in a read-only tab and says why', () => {
    const map = store().map!;
    store().openMap(map, { readOnly: true });
    expect(store().run(stance('champion'))).toBe(false);
    expect(store().map!.stakeholders.stk_a.stance).toBe('unknown');
    expect(store().notices.at(-1)?.message).toMatch(/another tab/);
  });

  it('turns a refused command into a notice instead of an exception', () => {
    expect(store().run({ type: 'addStakeholder', stakeholder: newStakeholder({ id: 'stk_b', name: '   ' }) })).toBe(false);
    expect(store().notices.at(-1)).toMatchObject({ tone: 'error' });
    expect(store().map!.stakeholders.stk_b).toBeUndefined();
  });

  it('shows the same message once however often it is given (a key pressed twice stacks no second notice)', () => {
    useMapStore.setState({ notices: [] });
    store().notify('This map has no departments to walk through.');
    store().notify('This map has no departments to walk through.');
    const same = store().notices.filter((n) => n.message === 'This map has no departments to walk through.');
    expect(same).toHaveLength(1);
    // The one shown is the latest, so its time on screen starts again.
    expect(same[0].id).toBe(Math.max(...store().notices.map((n) => n.id)));
    store().notify('Another message');
    expect(store().notices.map((n) => n.message)).toEqual(['This map has no departments to walk through.', 'Another message']);
  });

  it('tells subscribers when the save status changes, and not when it stays as it was', () => {
    const heard: string[] = [];
    const stop = useMapStore.subscribe((state) => heard.push(state.saveState));
    store().setSaveState('saving');
    store().setSaveState('saving');
    store().setSaveState('error', 'Disk full');
    store().setSaveState('error', 'Disk full');
    store().setSaveState('error', 'Quota');
    stop();
    expect(heard).toEqual(['saving', 'error', 'error']);
    expect(store().saveError).toBe('Quota');
  });
});
