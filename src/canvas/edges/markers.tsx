// Arrowheads for the links layer, one per colour, defined once in its <svg>.
import { LINK_LOOK } from '../../drawing/appearance';
import { ARROW_POINTS, ARROW_SIZE, ARROW_VIEW_BOX, SUCCESSOR_ARROW_SIZE, SUCCESSOR_STROKE } from '../../drawing/line-strokes';

export const SUCCESSOR_COLOR = SUCCESSOR_STROKE.color;
const ARROW_COLORS = [...new Set([...Object.values(LINK_LOOK).filter((look) => look.arrow).map((look) => look.color), SUCCESSOR_COLOR])];

const markerId = (color: string) => `pm-arrow-${color.replace(/[^a-zA-Z0-9]/g, '')}`;

/** The marker-end value for a line of this colour. */
export const arrowMarker = (color: string) => `url(#${markerId(color)})`;

export function ArrowMarkers() {
  return (
    <defs>
      {ARROW_COLORS.map((color) => (
        <marker
          key={color}
          id={markerId(color)}
          viewBox={`${-ARROW_VIEW_BOX / 2} ${-ARROW_VIEW_BOX / 2} ${ARROW_VIEW_BOX} ${ARROW_VIEW_BOX}`}
          // In stroke widths, so a thicker (stronger) line gets a larger head (line-strokes.ts: the router keeps heads apart by this size).
          markerWidth={color === SUCCESSOR_COLOR ? SUCCESSOR_ARROW_SIZE : ARROW_SIZE}
          markerHeight={color === SUCCESSOR_COLOR ? SUCCESSOR_ARROW_SIZE : ARROW_SIZE}
          markerUnits="strokeWidth"
          orient="auto-start-reverse"
          refX="0"
          refY="0"
        >
          <polyline points={ARROW_POINTS} fill={color} stroke={color} strokeWidth="1" strokeLinecap="round" strokeLinejoin="round" />
        </marker>
      ))}
    </defs>
  );
}
