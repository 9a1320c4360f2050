// One key handler for the map view, driven by the action registry. Keys typed into a field,
// or while a dialog is open, belong to that field or dialog.
import { useEffect } from 'react';
import { actions } from './registry';
import { matchesShortcut } from './shortcuts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useKeyboardShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      // Enter on a focused button must press the button, not rename the selection.
      if (event.key === 'Enter' && event.target instanceof HTMLButtonElement) return;
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
