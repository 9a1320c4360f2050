// The actions behind the toolbar buttons and keys, run the way a key press runs them: on the map
// and selection in the store.
import { beforeEach, describe, expect, it } from 'vitest';
import { actionById, actions } from '../../../src/actions/registry';
import { useUiState } from '../../../src/actions/ui-state';
import { absolutePosition } from '../../../src/domain/commands';
import { useMapStore } from '../../../src/store/map-store';
import { smallMap } from '../fixtures/maps';
import { current, openMap } from '../fixtures/store';

const run = (id: string) => actionById[id].run();
const store = () => useMapStore.getState();
const stance = (id: string) => current().stakeholders[id].stance;
const roles = (id: string) => current().stakeholders[id].roles;

beforeEach(() => openMap(smallMap()));

describe('the registry', () => {
  it('gives every action a unique id and every shortcut to one action only (one everyday, one while presenting)', () => {
    expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    for (const contextual of [false, true]) {
      const shortcuts = actions.filter((a) => Boolean(a.when) === contextual).flatMap((a) => a.shortcuts);
      expect(new Set(shortcuts).size).toBe(shortcuts.length);
    }
  });
});

describe('tags on the selection', () => {
  it('Champion tags everyone selected unless all already are; then it removes the tag', () => {
    store().select(['stk_cfo']);
    run('tag-champion');
    // Claire is a champion now, Stavros a blocker: a mixed selection is tagged, not toggled off.
    // The department in the selection is ignored.
    store().select(['stk_cfo', 'stk_cio', 'dep_it']);
    run('tag-champion');
    expect([stance('stk_cfo'), stance('stk_cio')]).toEqual(['champion', 'champion']);
    run('tag-champion');
    expect([stance('stk_cfo'), stance('stk_cio')]).toEqual(['unknown', 'unknown']);
    expect(stance('stk_buyer')).toBe('unknown');
  });

  it('Blocker on a selection of blockers only clears it', () => {
    store().select(['stk_cio']);
    run('tag-blocker');
    expect(stance('stk_cio')).toBe('unknown');
    run('tag-blocker');
    expect(stance('stk_cio')).toBe('blocker');
  });

  it('Decision-maker adds the role to those without it, then removes it from all, keeping other roles', () => {
    store().select(['stk_cfo', 'stk_cio']);
    run('tag-decision-maker');
    expect(roles('stk_cfo')).toEqual(['decision-maker']);
    expect(roles('stk_cio')).toEqual(['decision-maker', 'technical-evaluator']);
    run('tag-decision-maker');
    expect(roles('stk_cfo')).toEqual([]);
    expect(roles('stk_cio')).toEqual(['technical-evaluator']);
  });

  it('a tag on several people is one undo step', () => {
    const before = current();
    store().select(['stk_cfo', 'stk_buyer', 'stk_free']);
    run('tag-champion');
    run('undo');
    expect(current()).toBe(before);
    run('redo');
    expect([stance('stk_cfo'), stance('stk_buyer'), stance('stk_free')]).toEqual(['champion', 'champion', 'champion']);
  });
});

describe('delete, copy, paste', () => {
  it('Delete removes the selection with the lines on it, and one undo brings all of it back', () => {
    const before = current();
    store().select(['stk_buyer', 'lnk_2']);
    run('delete');
    expect(current().stakeholders.stk_buyer).toBeUndefined();
    expect(Object.keys(current().links)).toEqual([]); // lnk_1 and lnk_3 were Zofia's, lnk_2 was selected
    expect(current().stakeholders.stk_cfo).toBe(before.stakeholders.stk_cfo);
    run('undo');
    expect(current()).toBe(before);
  });

  it('paste puts a copy 32 px further down and right each time, selected, and keeps the original', () => {
    store().select(['stk_cfo', 'lnk_2']);
    run('copy');
    const claire = absolutePosition(current(), 'stk_cfo');
    for (const step of [1, 2]) {
      run('paste');
      const [pasted] = store().selection;
      expect(store().selection).toHaveLength(1); // the link needs Stavros, who was not copied
      expect(pasted).not.toBe('stk_cfo');
      expect(current().stakeholders[pasted]).toMatchObject({ name: 'Claire', departmentId: null });
      expect(current().stakeholders[pasted].position).toEqual({ x: claire.x + 32 * step, y: claire.y + 32 * step });
    }
    expect(Object.keys(current().stakeholders)).toHaveLength(6);
    expect(current().stakeholders.stk_cfo.position).toEqual({ x: 20, y: 60 });
  });

  it('a new copy starts the offsets again, and cut removes what it copies', () => {
    store().select(['stk_free']);
    run('copy');
    run('paste');
    run('paste');
    store().select(['stk_free']);
    run('cut');
    expect(current().stakeholders.stk_free).toBeUndefined();
    run('paste');
    const [pasted] = store().selection;
    expect(current().stakeholders[pasted]).toMatchObject({ name: 'Consultant', position: { x: 1432, y: 32 } });
  });

  it('Duplicate copies the selected department with its people beside the original', () => {
    store().select(['dep_it']);
    run('duplicate');
    const [copy] = store().selection;
    expect(current().departments[copy]).toMatchObject({ name: 'IT', position: { x: 832, y: 32 } });
    const members = Object.values(current().stakeholders).filter((s) => s.departmentId === copy);
    expect(members.map((s) => s.name)).toEqual(['Stavros']);
  });

  it('copy with no card selected keeps what was copied before, and Delete with nothing selected does nothing', () => {
    store().select(['stk_free']);
    run('copy');
    store().select(['lnk_1']);
    run('copy');
    run('paste');
    expect(current().stakeholders[store().selection[0]].name).toBe('Consultant');
    const before = current();
    store().select([]);
    run('delete');
    expect(current()).toBe(before);
  });
});

describe('nudge and selection', () => {
  it('Alt+arrow keys move the selected cards 8 px, Shift+arrow 48 px; lines in the selection are skipped', () => {
    store().select(['stk_cfo', 'dep_it', 'lnk_1']);
    run('nudge-right');
    run('nudge-down-far');
    expect(current().stakeholders.stk_cfo.position).toEqual({ x: 28, y: 108 });
    expect(current().departments.dep_it.position).toEqual({ x: 808, y: 48 });
    // Stavros moves with his department, so his place inside it stays the same.
    expect(current().stakeholders.stk_cio.position).toEqual({ x: 20, y: 60 });
    run('nudge-left-far');
    run('nudge-up');
    expect(current().stakeholders.stk_cfo.position).toEqual({ x: -20, y: 100 });
  });

  it('Select all takes every card and line; Escape clears the selection', () => {
    run('select-all');
    const map = current();
    expect([...store().selection].sort()).toEqual(
      [...Object.keys(map.departments), ...Object.keys(map.stakeholders), ...Object.keys(map.links)].sort(),
    );
    run('clear-selection');
    expect(store().selection).toEqual([]);
  });

  it('Edit name opens the name of a single selected card only', () => {
    store().select(['stk_cfo', 'stk_cio']);
    run('rename');
    expect(store().editingNameId).toBeNull();
    store().select(['lnk_1']);
    run('rename');
    expect(store().editingNameId).toBeNull();
    store().select(['dep_fin']);
    run('rename');
    expect(store().editingNameId).toBe('dep_fin');
  });

  it('the help key opens and closes the shortcut list', () => {
    const open = useUiState.getState().helpOpen;
    run('help');
    expect(useUiState.getState().helpOpen).toBe(!open);
    run('help');
    expect(useUiState.getState().helpOpen).toBe(open);
  });
});

describe('keyboard-only editing', () => {
  it('has one key per stance: 1 to 5 from champion to blocker, 0 for not known, C and B as well', () => {
    const keys = Object.fromEntries(['champion', 'supporter', 'neutral', 'skeptic', 'blocker', 'unknown'].map((s) => [s, actionById[`tag-${s}`].shortcuts]));
    expect(keys).toEqual({ champion: ['C', '1'], supporter: ['2'], neutral: ['3'], skeptic: ['4'], blocker: ['B', '5'], unknown: ['0'] });
    store().select(['stk_cfo', 'stk_buyer']);
    for (const s of ['supporter', 'neutral', 'skeptic', 'blocker', 'champion'] as const) {
      run(`tag-${s}`);
      expect([stance('stk_cfo'), stance('stk_buyer')]).toEqual([s, s]);
    }
    run('tag-unknown');
    expect(stance('stk_cfo')).toBe('unknown');
  });

  it('after a delete the card nearest to it is selected; a deleted link hands over to one of its ends', () => {
    // Claire (Finance) and Zofia (Procurement, just below her) are the nearest pair.
    store().select(['stk_cfo']);
    run('delete');
    expect(store().selection).toEqual(['stk_buyer']);
    store().select(['lnk_3']); // Zofia - Stavros
    run('delete');
    expect(current().links.lnk_3).toBeUndefined();
    expect(['stk_buyer', 'stk_cio']).toContain(store().selection[0]);
  });

  it('K opens the link picker from the one selected card, and refuses without one', () => {
    run('start-link');
    expect(useUiState.getState().linkFrom).toBeNull();
    expect(store().notices.at(-1)?.message).toMatch(/Select one card first/);
    store().select(['stk_cfo']);
    run('start-link');
    expect(useUiState.getState().linkFrom).toBe('stk_cfo');
    useUiState.setState({ linkFrom: null });
  });
});
