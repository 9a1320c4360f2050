// Where presentation mode puts the viewport. Type must stay readable from the back of the room:
// names at least READABLE_NAME_PX high on screen. Cards keep the editor's layout (so a name that
// fits its card in the editor fits it here) and the view zooms in instead: never below
// READABLE_ZOOM. A map that fits the screen at that zoom is shown whole; a larger one opens on the
// selection, else on the first department of the walk (domain/walk.ts), else the top of the map.
import { getViewportForBounds } from '@xyflow/react';
import { mapBounds, recordRect } from '../domain/commands';
import { walkStops } from '../domain/walk';
import type { AccountMap, Position, Size, Viewport } from '../domain/types';

/** A card's name in map units (`.pm-card__name` in nodes/StakeholderCard.css). */
export const CARD_NAME_SIZE = 15;
/** The smallest name height on screen, in CSS pixels, that we accept on a 1920x1080 projector. */
export const READABLE_NAME_PX = 24;
export const READABLE_ZOOM = READABLE_NAME_PX / CARD_NAME_SIZE;
/** A small department or one card is shown larger, up to this zoom, not blown up to fill the screen. */
const MAX_ZOOM = 2;
/** Room around what is shown, in screen pixels: the focus bar sits in it (the walk's caption has a strip above the canvas). */
const MARGIN = 72;

type Rect = Position & Size;

/** How far down one part of a tall rectangle starts after the one before: a fifth of the screen is seen twice, for bearings. */
const PART_OVERLAP = 0.2;

/** The height of map shown at the readable zoom between the margins, in map units. */
const shownHeight = (height: number) => Math.max(1, (height - 2 * MARGIN) / READABLE_ZOOM);

/**
 * In how many parts `rect` is shown, top to bottom: one when it fits the screen at a readable
 * zoom, more for a department taller than that (the walk pages down through it).
 */
export function partsShowing(rect: Rect, height: number): number {
  const shown = shownHeight(height);
  if (rect.height <= shown) return 1;
  return 1 + Math.ceil((rect.height - shown) / (shown * (1 - PART_OVERLAP)));
}

/**
 * The viewport that shows `rect` on a `width` x `height` canvas: whole and centred when it fits at
 * a readable zoom (zoomed in up to MAX_ZOOM); else at the readable zoom, centred across (or from
 * its left edge when it is wider than the screen too), showing part `part` of it top to bottom:
 * the first from its top, the last down to its bottom.
 */
export function viewportShowing(rect: Rect, width: number, height: number, part = 0): Viewport {
  const fitsAcross = rect.width * READABLE_ZOOM + 2 * MARGIN <= width;
  const fitsDown = rect.height * READABLE_ZOOM + 2 * MARGIN <= height;
  if (fitsAcross && fitsDown) {
    const fitted = getViewportForBounds(rect, width, height, READABLE_ZOOM, MAX_ZOOM, `${MARGIN}px`);
    return { x: fitted.x, y: fitted.y, zoom: fitted.zoom };
  }
  const zoom = READABLE_ZOOM;
  const x = fitsAcross ? width / 2 - (rect.x + rect.width / 2) * zoom : MARGIN - rect.x * zoom;
  if (fitsDown) return { x, y: height / 2 - (rect.y + rect.height / 2) * zoom, zoom };
  const shown = shownHeight(height);
  const top = Math.min(rect.y + part * shown * (1 - PART_OVERLAP), rect.y + rect.height - shown);
  return { x, y: MARGIN - top * zoom, zoom };
}

/** The viewport at a readable zoom centred on `rect` (a selection, a card). */
function centredOn(rect: Rect, width: number, height: number): Viewport {
  const zoom = READABLE_ZOOM;
  return { x: width / 2 - (rect.x + rect.width / 2) * zoom, y: height / 2 - (rect.y + rect.height / 2) * zoom, zoom };
}

export interface PresentationStart {
  viewport: Viewport;
  /** The department of the walk the view opens on, if it opens on one. */
  stop: string | null;
}

export function presentationViewport(map: AccountMap, selection: readonly string[], width: number, height: number): PresentationStart | null {
  const whole = mapBounds(map);
  if (!whole || width <= 0 || height <= 0) return null;
  const fitsReadably = whole.width * READABLE_ZOOM + 2 * MARGIN <= width && whole.height * READABLE_ZOOM + 2 * MARGIN <= height;
  if (fitsReadably) return { viewport: viewportShowing(whole, width, height), stop: null };
  const chosen = selection.length > 0 ? mapBounds(map, new Set(selection)) : null;
  if (chosen) return { viewport: centredOn(chosen, width, height), stop: null };
  const [first] = walkStops(map, 'department');
  if (first) return { viewport: viewportShowing(recordRect(map, first)!, width, height), stop: first };
  return { viewport: viewportShowing(whole, width, height), stop: null };
}
