// Where a link meets a card: lines leave from the side that faces the other card ("floating"
// edges), except formal reporting lines, which run from the manager's bottom to the report's top
// when the manager sits above, like a printed org chart.
import { Position, getStraightPath } from '@xyflow/react';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const center = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** The point where the line from `from`'s centre toward `to`'s centre leaves `from`, and that side. */
export function borderPoint(from: Rect, to: Rect): { x: number; y: number; position: Position } {
  const a = center(from);
  const b = center(to);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (dx === 0 && dy === 0) return { x: a.x, y: from.y, position: Position.Top };
  const scaleX = dx !== 0 ? from.width / 2 / Math.abs(dx) : Infinity;
  const scaleY = dy !== 0 ? from.height / 2 / Math.abs(dy) : Infinity;
  if (scaleX < scaleY) {
    return { x: a.x + dx * scaleX, y: a.y + dy * scaleX, position: dx > 0 ? Position.Right : Position.Left };
  }
  return { x: a.x + dx * scaleY, y: a.y + dy * scaleY, position: dy > 0 ? Position.Bottom : Position.Top };
}

/** True when `manager` sits clearly above `report`, so an org-chart elbow line reads naturally. */
export function isAbove(manager: Rect, report: Rect): boolean {
  return manager.y + manager.height + 16 <= report.y;
}

/** A straight line from the border of one rectangle to the border of the other, and its middle. */
export function straightBetween(from: Rect, to: Rect): [path: string, labelX: number, labelY: number] {
  const start = borderPoint(from, to);
  const end = borderPoint(to, from);
  const [path, labelX, labelY] = getStraightPath({ sourceX: start.x, sourceY: start.y, targetX: end.x, targetY: end.y });
  return [path, labelX, labelY];
}
