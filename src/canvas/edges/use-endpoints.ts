// Where a line's two ends are, read from the account map rather than from React Flow's node store.
// One subscription per line to our store (updated once per drag step) instead of two to React
// Flow's (notified several times per step) keeps dragging cheap in maps with many lines.
import { useShallow } from 'zustand/react/shallow';
import { recordRect } from '../../domain/commands';
import { useMapStore } from '../../store/map-store';
import type { Rect } from './geometry';
import type { AccountMap } from '../../domain/types';

const NONE: readonly number[] = [];

/**
 * Both ends' rectangles; the component re-renders only when one of the eight numbers changes.
 * An end no longer on the map is looked up in `earlier` (a snapshot), if given.
 */
export function useEndpointRects(sourceId: string, targetId: string, earlier?: AccountMap): [Rect, Rect] | null {
  const numbers = useMapStore(
    useShallow((s) => {
      if (!s.map) return NONE;
      const from = recordRect(s.map, sourceId) ?? (earlier ? recordRect(earlier, sourceId) : null);
      const to = recordRect(s.map, targetId) ?? (earlier ? recordRect(earlier, targetId) : null);
      if (!from || !to) return NONE;
      return [from.x, from.y, from.width, from.height, to.x, to.y, to.width, to.height];
    }),
  );
  if (numbers.length === 0) return null;
  const [fx, fy, fw, fh, tx, ty, tw, th] = numbers;
  return [
    { x: fx, y: fy, width: fw, height: fh },
    { x: tx, y: ty, width: tw, height: th },
  ];
}
