// How far the canvas reaches. A real map, even of 20,000 people, spans tens of thousands of
// pixels; a coordinate of 1e200 (a damaged or hostile file) is finite but turns every sum into
// Infinity and every SVG path into NaN, which blanks the canvas and breaks the exports. Records
// and viewports are held inside these bounds at the door (restore, stored viewports) and by the
// commands.
import type { Position, Viewport } from './types';

/** No coordinate or size may go past a million pixels from the origin. */
export const MAX_COORDINATE = 1_000_000;

/** The zoom range any viewport may have (the canvas keeps a narrower one). */
export const VIEWPORT_ZOOM = { min: 0.01, max: 10 } as const;

export const withinCanvas = (value: number): boolean => Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;

/** `value` moved inside the canvas's reach. */
export const clampToCanvas = (value: number): number => Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, value));

export const positionWithinCanvas = (position: Position): boolean => withinCanvas(position.x) && withinCanvas(position.y);

/** The viewport if a canvas can show it; null (open fitted to the screen) otherwise. */
export function usableViewport(viewport: { x?: unknown; y?: unknown; zoom?: unknown } | null | undefined): Viewport | null {
  if (!viewport) return null;
  const { x, y, zoom } = viewport;
  if (typeof x !== 'number' || typeof y !== 'number' || typeof zoom !== 'number') return null;
  if (!Number.isFinite(zoom) || zoom < VIEWPORT_ZOOM.min || zoom > VIEWPORT_ZOOM.max) return null;
  // The viewport's x and y are screen pixels at that zoom: the canvas's reach, scaled.
  const reach = MAX_COORDINATE * VIEWPORT_ZOOM.max;
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > reach || Math.abs(y) > reach) return null;
  return { x, y, zoom };
}
