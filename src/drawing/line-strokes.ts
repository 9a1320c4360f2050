// How each kind of line is stroked, and how large its arrowhead comes out: plain numbers without
// words, so the line router (in its worker, without the translations) reads the same table as the
// canvas, the legend and the exports (appearance.ts adds the words to it).
import type { Influence, LinkKind } from '../domain/types';

export interface LineStroke {
  color: string;
  /** SVG stroke-dasharray; empty for a solid line. */
  dash: string;
  width: number;
  /** Whether the line has an arrow at its target. */
  arrow: boolean;
}

export const LINK_STROKE: Readonly<Record<LinkKind, Readonly<LineStroke>>> = {
  'reports-to': { color: '#334155', dash: '', width: 2, arrow: true },
  'dotted-line': { color: '#334155', dash: '2 5', width: 2, arrow: false },
  influences: { color: '#7c3aed', dash: '9 6', width: 2, arrow: true },
  ally: { color: '#15803d', dash: '', width: 3, arrow: false },
  conflict: { color: '#dc2626', dash: '14 4 3 4', width: 3, arrow: false },
};

/** Influence links are drawn thicker the stronger they are. */
export const INFLUENCE_STROKE: Record<Influence, number> = { high: 4, medium: 2.5, low: 1.5 };

/** The arrow from someone who left to their successor: thin and dotted. */
export const SUCCESSOR_STROKE: Readonly<LineStroke> = { color: '#64748b', dash: '1 4', width: 1.5, arrow: true };

/** The width a line of this kind is drawn at. */
export const strokeWidth = (kind: LinkKind, strength: Influence): number => (kind === 'influences' ? INFLUENCE_STROKE[strength] : LINK_STROKE[kind].width);

/**
 * The arrowhead (markers.tsx): a triangle 5 view-box units long and 8 across, outlined 1 unit wide,
 * in a view box 20 units square drawn ARROW_SIZE stroke widths wide, so a thicker line gets a
 * larger head.
 */
export const ARROW_VIEW_BOX = 20;
export const ARROW_POINTS = '-5,-4 0,0 -5,4 -5,-4';
export const ARROW_SIZE = 18;
export const SUCCESSOR_ARROW_SIZE = 14;
/** The head across, in view-box units: the triangle's 8 and half the outline either side. */
const HEAD_ACROSS = 9;

/** How wide the arrowhead of a line `width` px thick is drawn, in px, with a marker `size` stroke widths wide. */
const headWidth = (width: number, size: number) => (HEAD_ACROSS * size * width) / ARROW_VIEW_BOX;

/** How wide a line's arrowhead is drawn, in px (a strong influence's is 32 px); 0 for a line without one. */
export function arrowheadWidth(kind: LinkKind | 'successor', strength: Influence): number {
  if (kind === 'successor') return headWidth(SUCCESSOR_STROKE.width, SUCCESSOR_ARROW_SIZE);
  return LINK_STROKE[kind].arrow ? headWidth(strokeWidth(kind, strength), ARROW_SIZE) : 0;
}
