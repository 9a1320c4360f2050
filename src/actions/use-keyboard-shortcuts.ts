// One key handler for the map view, driven by the action registry. Keys typed into a field,
// or while a dialog is open, belong to that field or dialog; Escape and Enter in the side panel
// take the keyboard back to the map.
import { useEffect } from 'react';
import { actionById, actions } from './registry';
import { matchesShortcut } from './shortcuts';
import { mapFocus } from './map-focus';
import { useMapStore } from '../store/map-store';

const TEXT_INPUTS = new Set(['text', 'email', 'tel', 'url', 'date', 'number', 'search', 'password', 'month', 'week', 'time', 'datetime-local']);

/** A field that takes typed text: every key belongs to it. */
function isTextEntry(target: HTMLElement): boolean {
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/**
 * Keys a control uses itself. A text field uses them all; a select, radio button or check box
 * uses letters (a select jumps to an option), arrows, Space and Enter, but not Delete or Escape:
 * those still delete the selection and take the keyboard back to the map. Nor Ctrl or Cmd
 * combinations: Undo right after a click on a stance (a radio button) must undo it.
 */
function belongsToControl(target: EventTarget | null, event: KeyboardEvent): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (isTextEntry(target)) return true;
  if (target.tagName === 'SELECT' || target.tagName === 'INPUT') return !event.ctrlKey && !event.metaKey && !['Delete', 'Backspace', 'Escape'].includes(event.key);
  return false;
}

const inSidePanel = (target: EventTarget | null) => target instanceof HTMLElement && target.closest('.pm-inspector') !== null;

/** The one selected card, department or link, if exactly one is selected. */
function soleSelected(): string | null {
  const { selection } = useMapStore.getState();
  return selection.length === 1 ? selection[0] : null;
}

export function useKeyboardShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('[aria-modal="true"]')) return;
      const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
      if (plain && inSidePanel(event.target) && event.target instanceof HTMLElement && isTextEntry(event.target)) {
        // Escape in a side-panel field: back to the map, nothing selected (what was typed is kept).
        if (event.key === 'Escape') {
          event.preventDefault();
          actionById['clear-selection'].run();
          return;
        }
        // Enter in a one-line field finishes the edit: the keyboard goes back to the card.
        const sole = soleSelected();
        if (event.key === 'Enter' && event.target.tagName === 'INPUT' && sole) {
          event.preventDefault();
          mapFocus.focusItem(sole);
          return;
        }
      }
      if (event.defaultPrevented || belongsToControl(event.target, event)) return;
      // Enter on a focused button or link must press it, not rename the selection.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('button, a[href]')) return;
      const matching = actions.filter((candidate) => candidate.shortcuts.some((s) => matchesShortcut(event, s)));
      // An action for the moment (presenting) goes before the everyday one on the same key.
      const action = matching.find((candidate) => candidate.when?.()) ?? matching.find((candidate) => !candidate.when);
      if (!action) return;
      event.preventDefault();
      action.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
