// A 16:9 slide of the map: 1920 x 1080 (rasterised at 1x or 2x for 4K), the title on top, the map
// fitted into the middle, the legend as a strip along the bottom. The map is the very drawing of
// map-svg.ts, placed as a nested <svg> that scales it to fit, so slide and file look alike.
import { textWidth } from '../domain/text-metrics';
import type { AccountMap } from '../domain/types';
import { legendStripSvg, renderMapSvg, subtitle, SVG_FONT, type SvgDocument, type SvgExportOptions } from './map-svg';
import { escapeMarkup } from './markup-text';

export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;
const MARGIN = 56;
const TITLE_SIZE = 44;
/** The legend's labels are drawn at 14 px and scaled: at most this much... */
const LEGEND_MAX_SCALE = 1.3;
const LEGEND_LABEL_SIZE = 14;
/** ...no larger than the cards' names times this, so the key never shouts over the map... */
const LEGEND_TO_NAME = 1.3;
/** ...and never under what a room reads (slide pixels). */
export const LEGEND_MIN_TEXT = 11;
/** A small map is enlarged, but not past this: cards the size of the slide help nobody. */
const MAX_MAP_SCALE = 2;
/** The size of a name on a card in map-svg.ts, in map pixels. */
export const CARD_NAME_SIZE = 15;

export interface SlideDocument extends SvgDocument {
  /** Slide pixels (at 1920 x 1080) per map pixel. */
  mapScale: number;
  /** Height of the legend's labels, in slide pixels. */
  legendText: number;
}

/** Replaces the map picture's root element with one placed at (x, y) and drawn `width` x `height`. */
function placed(picture: SvgDocument, x: number, y: number, width: number, height: number): string {
  const start = picture.svg.indexOf('>') + 1;
  const inner = picture.svg.slice(start, picture.svg.lastIndexOf('</svg>'));
  return `<svg x="${x}" y="${y}" width="${width}" height="${height}" viewBox="0 0 ${picture.width} ${picture.height}" preserveAspectRatio="xMidYMid meet">${inner}</svg>`;
}

/** The map's name whole on the title line: in smaller type when it is long (never cut). */
function titleSize(name: string): number {
  const room = SLIDE_WIDTH - 2 * MARGIN;
  return Math.max(12, Math.min(TITLE_SIZE, Math.floor((TITLE_SIZE * room) / Math.max(1, textWidth(name, { size: TITLE_SIZE, weight: 700 })))));
}

/** Width of the legend when it stands beside the map, at the right of the slide. */
const SIDE_LEGEND = 420;
const MAP_TOP = 150;
const BOTTOM = 40;
const GAP = 32;

/** The legend's scale for cards whose names come out `nameSize` slide pixels high. */
const legendScaleFor = (nameSize: number) =>
  Math.min(LEGEND_MAX_SCALE, Math.max(LEGEND_MIN_TEXT, LEGEND_TO_NAME * nameSize) / LEGEND_LABEL_SIZE);

export function renderSlideSvg(map: AccountMap, options: Omit<SvgExportOptions, 'frame'>): SlideDocument {
  const picture = renderMapSvg(map, { ...options, background: 'transparent', fontCss: '', frame: 'map' });
  // The legend's size follows the map's text, and the legend's size decides the room left for the
  // map: lay out with the largest legend, then again with the legend the map's names allow. A
  // smaller legend only leaves the map more room, so the second layout keeps the legend in proportion.
  const first = layout(map, picture, LEGEND_MAX_SCALE);
  const { area, mapScale, legend, rule, legendScale } = layout(map, picture, legendScaleFor(CARD_NAME_SIZE * first.mapScale));
  const width = picture.width * mapScale;
  const height = picture.height * mapScale;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" viewBox="0 0 ${SLIDE_WIDTH} ${SLIDE_HEIGHT}" font-family="${SVG_FONT}">`,
    `<title>${escapeMarkup(map.name)}</title>`,
    `<defs><style>${options.fontCss}</style></defs>`,
    options.background === 'white' ? `<rect width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" fill="#ffffff"/>` : '',
    `<text x="${MARGIN}" y="86" font-size="${titleSize(map.name)}" font-weight="700" fill="#0f172a">${escapeMarkup(map.name)}</text>`,
    `<text x="${MARGIN}" y="124" font-size="22" font-weight="400" fill="#475569">${escapeMarkup(subtitle(options.date, picture.people))}</text>`,
    placed(picture, area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height),
    rule,
    legend,
    '</svg>',
  ].join('');
  return { svg, width: SLIDE_WIDTH, height: SLIDE_HEIGHT, people: picture.people, mapScale, legendText: LEGEND_LABEL_SIZE * legendScale };
}

function layout(map: AccountMap, picture: SvgDocument, legendScale: number) {
  const inner = SLIDE_WIDTH - 2 * MARGIN;
  // A smaller legend beside the map needs a narrower column.
  const sideLegend = Math.round((SIDE_LEGEND * legendScale) / LEGEND_MAX_SCALE);
  // The legend goes where it costs the map least: a strip along the bottom for a wide map, a
  // column at the right for a tall one. Either way it never takes a third of the slide.
  const strip = (top: number) => legendStripSvg(map, MARGIN, top, inner, legendScale);
  const stripHeight = strip(0).height;
  const below = { x: MARGIN, y: MAP_TOP, width: inner, height: SLIDE_HEIGHT - BOTTOM - stripHeight - GAP - MAP_TOP };
  const side = { x: MARGIN, y: MAP_TOP, width: inner - sideLegend - GAP, height: SLIDE_HEIGHT - BOTTOM - MAP_TOP };
  const fitIn = (area: typeof below) => Math.min(MAX_MAP_SCALE, area.width / picture.width, area.height / picture.height);
  const beside = fitIn(side) > fitIn(below) * 1.05;
  const area = beside ? side : below;
  const mapScale = fitIn(area);
  const legend = beside
    ? legendStripSvg(map, SLIDE_WIDTH - MARGIN - sideLegend, MAP_TOP + 8, sideLegend, legendScale, true).svg
    : strip(SLIDE_HEIGHT - BOTTOM - stripHeight).svg;
  const rule = beside
    ? `<line x1="${SLIDE_WIDTH - MARGIN - sideLegend - GAP / 2}" y1="${MAP_TOP}" x2="${SLIDE_WIDTH - MARGIN - sideLegend - GAP / 2}" y2="${SLIDE_HEIGHT - BOTTOM}" stroke="#e2e8f0" stroke-width="1.5"/>`
    : `<line x1="${MARGIN}" y1="${SLIDE_HEIGHT - BOTTOM - stripHeight - GAP / 2}" x2="${SLIDE_WIDTH - MARGIN}" y2="${SLIDE_HEIGHT - BOTTOM - stripHeight - GAP / 2}" stroke="#e2e8f0" stroke-width="1.5"/>`;
  return { area, mapScale, legend, rule, legendScale };
}
