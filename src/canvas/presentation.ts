// Where presentation mode puts the viewport. Type must stay readable from the back of the room:
// names at least READABLE_NAME_PX high on screen. A map that fits the screen at that size is shown
// whole; a larger one opens at the readable zoom on the selection, or on the top of the map (where
// an org chart starts), and the rest is a pan away, with the overview for bearings.
import { getViewportForBounds } from '@xyflow/react';
import { mapBounds } from '../domain/commands';
import type { AccountMap, Viewport } from '../domain/types';

/** A card's name in presentation mode, in map units (`.pm-present .pm-card__name` in app/presentation.css). */
export const PRESENTATION_NAME_SIZE = 26;
/** The smallest name height on screen, in CSS pixels, that we accept on a 1920x1080 projector. */
export const READABLE_NAME_PX = 24;
export const READABLE_ZOOM = READABLE_NAME_PX / PRESENTATION_NAME_SIZE;
const MAX_ZOOM = 2;
/** Room around the map, in screen pixels: the leave button and the focus bar sit in it. */
const MARGIN = 64;

export function presentationViewport(map: AccountMap, selection: readonly string[], width: number, height: number): Viewport | null {
  const whole = mapBounds(map);
  if (!whole || width <= 0 || height <= 0) return null;
  const fitted = getViewportForBounds(whole, width, height, READABLE_ZOOM, MAX_ZOOM, `${MARGIN}px`);
  const fitsReadably = whole.width * READABLE_ZOOM + 2 * MARGIN <= width && whole.height * READABLE_ZOOM + 2 * MARGIN <= height;
  if (fitsReadably) return { x: fitted.x, y: fitted.y, zoom: fitted.zoom };

  const zoom = READABLE_ZOOM;
  const chosen = selection.length > 0 ? mapBounds(map, new Set(selection)) : null;
  if (chosen) {
    return { x: width / 2 - (chosen.x + chosen.width / 2) * zoom, y: height / 2 - (chosen.y + chosen.height / 2) * zoom, zoom };
  }
  // Centred across (or from the left edge, if wider than the screen), from the top down.
  const left = whole.width * zoom + 2 * MARGIN <= width ? width / 2 - (whole.x + whole.width / 2) * zoom : MARGIN - whole.x * zoom;
  return { x: left, y: MARGIN - whole.y * zoom, zoom };
}
