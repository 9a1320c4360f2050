// What a line needs from the account map: its two ends' rectangles and, for a link, the record
// and whether it is selected. One subscription per line to our store, and one per end to the drag
// preview (canvas/drag-preview.ts: an end being dragged is drawn where the drag has taken it); the
// component re-renders only when one of those values changes.
import { useRef } from 'react';
import { recordRect } from '../../domain/commands';
import { useMapStore } from '../../store/map-store';
import type { Rect } from '../../drawing/link-geometry';
import type { AccountMap, Link } from '../../domain/types';
import { useDragPreview, type Shift } from '../drag-preview';

const NONE: readonly unknown[] = [];

export interface LineData {
  ends: [Rect, Rect] | null;
  link: Link | undefined;
  selected: boolean;
}

/** An end no longer on the map is looked up in `earlier` (a snapshot), if given. */
export function useLine(sourceId: string, targetId: string, options: { linkId?: string; earlier?: AccountMap } = {}): LineData {
  const { linkId, earlier } = options;
  const previous = useRef<readonly unknown[]>(NONE);
  const values = useMapStore((s) => {
    const next = ((): readonly unknown[] => {
      if (!s.map) return NONE;
      const from = recordRect(s.map, sourceId) ?? (earlier ? recordRect(earlier, sourceId) : null);
      const to = recordRect(s.map, targetId) ?? (earlier ? recordRect(earlier, targetId) : null);
      const link = linkId ? s.map.links[linkId] : undefined;
      const selected = linkId ? s.selection.includes(linkId) : false;
      if (!from || !to) return [link, selected];
      return [link, selected, from.x, from.y, from.width, from.height, to.x, to.y, to.width, to.height];
    })();
    // The same array while every value is the same: compared item by item (zustand's shallow
    // compares arrays through two Maps, which for hundreds of lines was most of a drag step).
    if (next.length === previous.current.length && next.every((value, i) => Object.is(value, previous.current[i]))) return previous.current;
    return (previous.current = next);
  });
  const fromShift = useDragPreview((p) => p.shifts.get(sourceId));
  const toShift = useDragPreview((p) => p.shifts.get(targetId));
  const link = values[0] as Link | undefined;
  const selected = values[1] === true;
  if (values.length < 10) return { ends: null, link, selected };
  const [, , fx, fy, fw, fh, tx, ty, tw, th] = values as number[];
  return {
    ends: [
      shifted({ x: fx, y: fy, width: fw, height: fh }, fromShift),
      shifted({ x: tx, y: ty, width: tw, height: th }, toShift),
    ],
    link,
    selected,
  };
}

function shifted(rect: Rect, shift: Shift | undefined): Rect {
  return shift ? { ...rect, x: rect.x + shift.dx, y: rect.y + shift.dy } : rect;
}
