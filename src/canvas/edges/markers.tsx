// Arrowheads for the links layer, one per colour, defined once in its <svg>.
import { LINK_LOOK } from '../../drawing/appearance';

export const SUCCESSOR_COLOR = '#64748b';
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
          viewBox="-10 -10 20 20"
          // In stroke widths, so a thicker (stronger) line gets a larger head.
          markerWidth={color === SUCCESSOR_COLOR ? 14 : 18}
          markerHeight={color === SUCCESSOR_COLOR ? 14 : 18}
          markerUnits="strokeWidth"
          orient="auto-start-reverse"
          refX="0"
          refY="0"
        >
          <polyline points="-5,-4 0,0 -5,4 -5,-4" fill={color} stroke={color} strokeWidth="1" strokeLinecap="round" strokeLinejoin="round" />
        </marker>
      ))}
    </defs>
  );
}
