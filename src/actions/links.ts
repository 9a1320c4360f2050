// Making a link, whichever way it is asked for: dragging from a card's dot (the canvas), the
// link picker (K), or a quick-entry line such as `Anna > Boris`. New links start as the kind
// made last, so drawing several influence lines in a row is fast.
import { newLink } from '../domain/defaults';
import { createId } from '../domain/ids';
import type { LinkKind } from '../domain/types';
import { useMapStore } from '../store/map-store';

let lastLinkKind: LinkKind = 'influences';

/** The kind the next link gets unless told otherwise. */
export const nextLinkKind = (): LinkKind => lastLinkKind;

export function rememberLinkKind(kind: LinkKind): void {
  lastLinkKind = kind;
}

/**
 * Links two cards (one undo step). With `select`, the new link becomes the selection (as after a
 * drag, so its kind can be changed at once). Returns the link's id, or null when it was refused.
 */
export function createLink(sourceId: string, targetId: string, options: { kind?: LinkKind; select?: boolean } = {}): string | null {
  if (sourceId === targetId) return null;
  const store = useMapStore.getState();
  const id = createId('lnk');
  const kind = options.kind ?? lastLinkKind;
  if (!store.run({ type: 'addLink', link: newLink({ id, kind, sourceId, targetId }) })) return null;
  rememberLinkKind(kind);
  if (options.select ?? true) store.select([id]);
  return id;
}
