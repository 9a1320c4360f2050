// The lines on the canvas are cut to the part of the map around the view (drawing/clip-line.ts
// says why): LinksLayer provides that rectangle, each line cuts its own path with it.
import { createContext, useContext, useMemo } from 'react';
import { clipLine } from '../../drawing/clip-line';
import type { Rect } from '../../drawing/link-geometry';

/** The rectangle lines are cut to, or null to draw them whole. */
export const LineClipContext = createContext<Rect | null>(null);

export interface DrawnPath {
  path: string;
  /** stroke-dashoffset that keeps a cut line's dashes where the whole line has them. */
  dashOffset: number | undefined;
  /** Whether the line's own end is drawn (its arrowhead goes there, and nowhere else). */
  endKept: boolean;
}

/** `path` as it is drawn: cut to the rectangle in LineClipContext. */
export function useClippedPath(path: string): DrawnPath {
  const clip = useContext(LineClipContext);
  return useMemo(() => {
    const clipped = clip ? clipLine(path, clip) : null;
    return clipped ? { path: clipped.path, dashOffset: clipped.dashOffset, endKept: clipped.endKept } : { path, dashOffset: undefined, endKept: true };
  }, [path, clip]);
}
