// The actions' handle on what the user sees. The canvas attaches an implementation while it is
// mounted (canvas/canvas-api.ts), so actions can place a card in view, fit the map or read the
// viewport without depending on React Flow, and do nothing harmful when no canvas is on screen.
import type { Position, Size, Viewport } from '../domain/types';

export interface FitOptions {
  /** Fit these cards and departments; the whole map when left out. */
  ids?: readonly string[];
  padding?: number;
  maxZoom?: number;
  /** Animation length in milliseconds. */
  duration?: number;
}

export interface MapViewport {
  /** The centre of the visible area, in map coordinates. */
  visibleCenter(): Position;
  /** The part of the map on screen, in map coordinates. */
  visibleRect(): Position & Size;
  /** Pan and zoom as they are now. */
  current(): Viewport;
  /** Eases the view out just enough to show `rect` (map coordinates) as well as what is on screen now. */
  reveal(rect: Position & Size): void;
  fit(options?: FitOptions): void;
  /**
   * Eases the view to show a rectangle of the map (in map coordinates) the way presentation mode
   * does: readable from the back of the room. A rectangle taller than the screen is shown in parts
   * top to bottom (`parts` says how many).
   */
  present(rect: Position & Size, part?: number): void;
  parts(rect: Position & Size): number;
  zoomIn(): void;
  zoomOut(): void;
}

let attached: MapViewport | null = null;

/** Called by the canvas when it mounts (with its viewport) and unmounts (with null). */
export function attachViewport(next: MapViewport | null): void {
  attached = next;
}

/** What the user sees, or harmless defaults when no canvas is mounted (the origin, no viewport). */
export const viewport = {
  visibleCenter: (): Position => attached?.visibleCenter() ?? { x: 0, y: 0 },
  current: (): Viewport | null => attached?.current() ?? null,
  visibleRect: (): (Position & Size) | null => attached?.visibleRect() ?? null,
  reveal: (rect: Position & Size): void => attached?.reveal(rect),
  fit: (options?: FitOptions): void => attached?.fit(options),
  present: (rect: Position & Size, part?: number): void => attached?.present(rect, part),
  parts: (rect: Position & Size): number => attached?.parts(rect) ?? 1,
  zoomIn: (): void => attached?.zoomIn(),
  zoomOut: (): void => attached?.zoomOut(),
};
