// The map view's key handler: a key runs its action, unless it is typed into a field, a dialog is
// open, or Enter presses a focused button.
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useKeyboardShortcuts } from '../../../src/actions/use-keyboard-shortcuts';
import { useUiState } from '../../../src/actions/ui-state';
import { useMapStore } from '../../../src/store/map-store';
import { smallMap } from '../fixtures/maps';
import { current, openMap } from '../fixtures/store';

const editingName = () => useMapStore.getState().editingNameId;

/** Presses `key` with `target` focused, as the browser would dispatch it. */
function press(target: EventTarget, key: string, modifiers: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }));
}

const place = <T extends HTMLElement>(element: T): T => document.body.appendChild(element);

describe('useKeyboardShortcuts', () => {
  beforeEach(() => openMap(smallMap(), ['stk_cfo']));
  afterEach(() => {
    cleanup();
    document.body.replaceChildren();
  });

  it('runs the action of a key pressed on the page', () => {
    renderHook(() => useKeyboardShortcuts(true));
    press(document.body, 'c');
    expect(current().stakeholders.stk_cfo.stance).toBe('champion');
  });

  // (Editable text is left alone too, but jsdom has no isContentEditable to test it with.)
  it('leaves keys typed into a text field or a text area to them, and letters and arrows to a select or radio button', () => {
    renderHook(() => useKeyboardShortcuts(true));
    for (const field of [place(document.createElement('input')), place(document.createElement('textarea'))]) {
      press(field, 'c');
      press(field, 'Delete');
      press(field, 'Escape');
    }
    const radio = place(document.createElement('input'));
    radio.type = 'radio';
    for (const control of [place(document.createElement('select')), radio]) {
      press(control, 'c');
      press(control, 'ArrowDown');
    }
    expect(current().stakeholders.stk_cfo).toMatchObject({ stance: 'unknown' });
    expect(useMapStore.getState().selection).toEqual(['stk_cfo']);
  });

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z from a focused radio button (a stance just clicked) or select', () => {
    renderHook(() => useKeyboardShortcuts(true));
    useMapStore.getState().run({ type: 'setStance', ids: ['stk_cfo'], stance: 'champion' });
    const radio = place(document.createElement('input'));
    radio.type = 'radio';
    press(radio, 'z', { ctrlKey: true });
    expect(current().stakeholders.stk_cfo.stance).toBe('unknown');
    press(place(document.createElement('select')), 'Z', { ctrlKey: true, shiftKey: true });
    expect(current().stakeholders.stk_cfo.stance).toBe('champion');
    // A text field keeps Ctrl+Z for its own text.
    press(place(document.createElement('input')), 'z', { ctrlKey: true });
    expect(current().stakeholders.stk_cfo.stance).toBe('champion');
  });

  it('Delete and Escape still work from a select in the side panel, and Escape from a panel text field clears the selection', () => {
    renderHook(() => useKeyboardShortcuts(true));
    const panel = place(document.createElement('aside'));
    panel.className = 'pm-inspector';
    const select = panel.appendChild(document.createElement('select'));
    const field = panel.appendChild(document.createElement('input'));
    press(field, 'Escape');
    expect(useMapStore.getState().selection).toEqual([]);
    useMapStore.getState().select(['stk_cfo']);
    press(select, 'Escape');
    expect(useMapStore.getState().selection).toEqual([]);
    useMapStore.getState().select(['stk_cfo']);
    press(select, 'Delete');
    expect(current().stakeholders.stk_cfo).toBeUndefined();
  });

  it('moves the selection to the nearest card in the direction of the arrow, and nudges with Alt', () => {
    renderHook(() => useKeyboardShortcuts(true));
    const before = current().stakeholders.stk_cfo.position;
    press(document.body, 'ArrowDown'); // Zofia sits below Claire, in Procurement
    expect(current().stakeholders.stk_cfo.position).toBe(before);
    expect(useMapStore.getState().selection).toEqual(['stk_buyer']);
    press(document.body, 'ArrowUp');
    expect(useMapStore.getState().selection).toEqual(['stk_cfo']);
    press(document.body, 'ArrowUp'); // nothing above Claire: the selection stays
    expect(useMapStore.getState().selection).toEqual(['stk_cfo']);
    press(document.body, 'ArrowDown', { altKey: true });
    expect(current().stakeholders.stk_cfo.position).toEqual({ x: before.x, y: before.y + 8 });
  });

  it('does nothing while a dialog is open, or when switched off', () => {
    const { rerender } = renderHook(({ enabled }) => useKeyboardShortcuts(enabled), { initialProps: { enabled: true } });
    const dialog = place(document.createElement('div'));
    dialog.setAttribute('aria-modal', 'true');
    press(document.body, 'c');
    expect(current().stakeholders.stk_cfo.stance).toBe('unknown');
    dialog.remove();
    rerender({ enabled: false });
    press(document.body, 'c');
    expect(current().stakeholders.stk_cfo.stance).toBe('unknown');
  });

  it('lets Enter press a focused button instead of renaming the selection', () => {
    renderHook(() => useKeyboardShortcuts(true));
    press(place(document.createElement('button')), 'Enter');
    expect(editingName()).toBeNull();
    press(document.body, 'Enter');
    expect(editingName()).toBe('stk_cfo');
  });

  it('in presentation the arrows walk the departments instead of moving between cards, and D the decision-makers', () => {
    renderHook(() => useKeyboardShortcuts(true));
    const before = current().stakeholders.stk_cfo.position;
    useUiState.setState({ presenting: true, walk: null });
    try {
      press(document.body, 'ArrowRight');
      expect(useUiState.getState().walk).toEqual({ kind: 'department', id: 'dep_fin', part: 0 });
      press(document.body, 'ArrowRight');
      expect(useUiState.getState().walk).toEqual({ kind: 'department', id: 'dep_it', part: 0 });
      press(document.body, 'd');
      expect(useUiState.getState().walk).toEqual({ kind: 'decision-maker', id: 'stk_cio', part: 0 });
      expect(useMapStore.getState().selection).toEqual(['stk_cio']); // the room sees whom the caption names
      expect(current().stakeholders.stk_cfo.position).toBe(before);
      expect(Object.keys(current().departments)).toHaveLength(3); // D did not add a department
    } finally {
      useUiState.setState({ presenting: false, walk: null });
    }
    useMapStore.getState().select(['stk_cfo']);
    press(document.body, 'ArrowRight', { altKey: true });
    expect(current().stakeholders.stk_cfo.position).toEqual({ x: before.x + 8, y: before.y });
  });
});
