// Keyboard focus on the canvas. Focus selects: a card, department or link reached with Tab (or
// put there by an action) becomes the selection. Tab follows reading order (domain/spatial.ts),
// top to bottom and left to right, department by department, whatever order the cards were made
// in and whether or not they are drawn now (only what is on screen is mounted). The actions reach
// focus through actions/map-focus.ts, attached here.
import { useCallback, useEffect, type RefObject } from 'react';
import { attachMapFocus } from '../actions/map-focus';
import { viewport } from '../actions/viewport';
import { recordRect } from '../domain/commands';
import { readingOrder } from '../domain/spatial';
import { useMapStore } from '../store/map-store';
import { getCanvas } from './canvas-api';

/** The id of the hidden text that tells what the keys do on a card (aria-describedby of each card). */
export const CARD_KEYS_ID = 'pm-card-keys';

/** The focused element is being focused by code, which has already set the selection. */
let focusingByCode = false;

function itemElement(root: HTMLElement | null, id: string): HTMLElement | null {
  if (!root) return null;
  const escaped = CSS.escape(id);
  return root.querySelector<HTMLElement>(`.react-flow__node[data-id="${escaped}"], [data-link-id="${escaped}"]`);
}

/** The id of the card, department or link an element is (not an element inside one). */
function itemId(element: EventTarget | null): string | null {
  if (!(element instanceof Element)) return null;
  if (element.classList.contains('react-flow__node')) return element.getAttribute('data-id');
  return element.getAttribute('data-link-id');
}

/** Pans (keeping the zoom) so a card or department is on screen; a card already in view stays put. */
function bringIntoView(id: string): void {
  const map = useMapStore.getState().map;
  const rect = map ? recordRect(map, id) : null;
  const seen = viewport.visibleRect();
  const instance = getCanvas();
  if (!rect || !seen || !instance) return;
  const inside = rect.x >= seen.x && rect.y >= seen.y && rect.x + rect.width <= seen.x + seen.width && rect.y + rect.height <= seen.y + seen.height;
  if (inside) return;
  void instance.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom: instance.getZoom(), duration: 0 });
}

function focusWhenDrawn(root: HTMLElement | null, id: string, triesLeft = 30): void {
  const element = itemElement(root, id);
  if (element) {
    focusingByCode = true;
    element.focus({ preventScroll: true });
    focusingByCode = false;
    return;
  }
  // A card brought on screen is mounted on a later frame.
  if (triesLeft > 0) requestAnimationFrame(() => focusWhenDrawn(root, id, triesLeft - 1));
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** Tab past the cards: to what comes after them in the page (the links first), or before them. */
function leaveCards(root: HTMLElement | null, forward: boolean): boolean {
  const nodes = root?.querySelector('.react-flow__nodes');
  if (!nodes) return false;
  const tabbable = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => element.tabIndex >= 0 && !nodes.contains(element) && element.getClientRects().length > 0,
  );
  const after = (element: HTMLElement) => Boolean(nodes.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  const target = forward ? tabbable.find(after) : tabbable.filter((element) => !after(element)).at(-1);
  if (!target) return false;
  target.focus();
  return true;
}

export function useKeyboardFocus(wrapper: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    attachMapFocus({
      focusItem(id, options) {
        const store = useMapStore.getState();
        if (options?.select) store.select([id]);
        if (options?.move !== false) bringIntoView(id);
        focusWhenDrawn(wrapper.current, id);
      },
      focusCanvas() {
        wrapper.current?.querySelector<HTMLElement>('.react-flow')?.focus({ preventScroll: true });
      },
      focused() {
        const active = document.activeElement;
        return active && wrapper.current?.contains(active) ? itemId(active) : null;
      },
    });
    return () => attachMapFocus(null);
  }, [wrapper]);
  // A click on the pane focuses the whole canvas, and with Shift held (adding to the selection)
  // Chromium counts that focus as the keyboard's: the canvas's ring then framed the whole map.
  // The ring waits for a key that is not a modifier (Canvas.css).
  useEffect(() => {
    const element = wrapper.current;
    if (!element) return undefined;
    const pointer = () => element.classList.add('pm-canvas--pointer');
    const key = (event: KeyboardEvent) => {
      if (!MODIFIERS.has(event.key)) element.classList.remove('pm-canvas--pointer');
    };
    element.addEventListener('pointerdown', pointer, true);
    element.addEventListener('keydown', key, true);
    return () => {
      element.removeEventListener('pointerdown', pointer, true);
      element.removeEventListener('keydown', key, true);
    };
  }, [wrapper]);

  const onFocusCapture = useCallback((event: React.FocusEvent) => {
    if (focusingByCode) return;
    const id = itemId(event.target);
    if (!id || !(event.target as Element).matches(':focus-visible')) return;
    const store = useMapStore.getState();
    const map = store.map;
    if (!map) return;
    // Tabbing in from outside the canvas lands on the first card in reading order (Shift+Tab
    // from after it, on the last), not on whichever card happens to come first in the page.
    // Focus put back by a closing dialog (no element it came from) stays where it is put.
    const from = event.relatedTarget;
    const fromOutside = from instanceof Node && !wrapper.current?.querySelector('.react-flow__nodes')?.contains(from);
    if (fromOutside && !map.links[id]) {
      const order = readingOrder(map);
      const forward = Boolean(from.compareDocumentPosition(event.target as Node) & Node.DOCUMENT_POSITION_FOLLOWING);
      const entry = forward ? order[0] : order.at(-1);
      if (entry && entry !== id) {
        store.select([entry]);
        bringIntoView(entry);
        focusWhenDrawn(wrapper.current, entry);
        return;
      }
    }
    if (!store.selection.includes(id)) store.select([id]);
  }, [wrapper]);

  const onKeyDownCapture = useCallback((event: React.KeyboardEvent) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const id = itemId(event.target);
    const map = useMapStore.getState().map;
    if (!id || !map || map.links[id]) return;
    const order = readingOrder(map);
    const next = order[order.indexOf(id) + (event.shiftKey ? -1 : 1)];
    // Past the last card Tab goes on to the links and the rest of the page.
    if (!next) {
      if (leaveCards(wrapper.current, !event.shiftKey)) event.preventDefault();
      return;
    }
    event.preventDefault();
    useMapStore.getState().select([next]);
    bringIntoView(next);
    focusWhenDrawn(wrapper.current, next);
  }, [wrapper]);

  return { onFocusCapture, onKeyDownCapture };
}
