// The map in the handover brief, legible on paper: printed on landscape A4 pages with no text
// under 7 pt. A map small enough for that on one page is one picture; a larger one becomes one
// picture per top-level department (and one for the people outside any), and a department too
// large for one page is printed across several, at full size, each part labelled.
import { t } from '../i18n';
import { mapBounds } from '../domain/commands';
import type { AccountMap } from '../domain/types';
import { legendStripSvg, renderMapSvg, selectionWithContents, SVG_FONT } from './map-svg';

/** Landscape A4 less the page margins (12 mm) and room for a caption, in mm. */
export const PRINT_AREA = { width: 297 - 24, height: 210 - 24 - 16 };
/** The least printed text size, in points. */
export const MIN_TEXT_PT = 7;
const MM_PER_PT = 25.4 / 72;
/** A small department is not enlarged past full size (mm per picture pixel), so two can share a page. */
const MAX_SCALE = 25.4 / 96;

export interface BriefPicture {
  title: string;
  /** The legend rather than a part of the map. */
  legend?: boolean;
  svg: string;
  width: number;
  height: number;
}

/** The smallest font-size in an SVG picture, in its own pixels. */
export function smallestTextPx(svg: string): number {
  let smallest = Infinity;
  for (const match of svg.matchAll(/font-size="([\d.]+)"/g)) smallest = Math.min(smallest, Number(match[1]));
  return smallest === Infinity ? 12 : smallest;
}

export interface PrintedPart {
  /** The part of the picture on this page, in picture pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PrintLayout {
  /** Millimetres on paper per picture pixel. */
  scale: number;
  /** The smallest text of the picture as printed, in points. */
  smallestTextPt: number;
  parts: PrintedPart[];
}

/** How a picture prints: fitted to one page when its text stays at 7 pt or more, else in parts, each a page. */
export function printLayout(picture: Pick<BriefPicture, 'svg' | 'width' | 'height'>): PrintLayout {
  const smallest = smallestTextPx(picture.svg);
  const least = (MIN_TEXT_PT * MM_PER_PT) / smallest;
  const fit = Math.min(MAX_SCALE, PRINT_AREA.width / picture.width, PRINT_AREA.height / picture.height);
  if (fit >= least) {
    return { scale: fit, smallestTextPt: (smallest * fit) / MM_PER_PT, parts: [{ x: 0, y: 0, width: picture.width, height: picture.height }] };
  }
  // Into as few parts as the least legible scale needs, split evenly (no sliver of a last page),
  // then each part as large as its page allows.
  const columns = Math.ceil((picture.width * least) / PRINT_AREA.width);
  const rows = Math.ceil((picture.height * least) / PRINT_AREA.height);
  const partWidth = picture.width / columns;
  const partHeight = picture.height / rows;
  const scale = Math.min(MAX_SCALE, PRINT_AREA.width / partWidth, PRINT_AREA.height / partHeight);
  const parts: PrintedPart[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) parts.push({ x: column * partWidth, y: row * partHeight, width: partWidth, height: partHeight });
  }
  return { scale, smallestTextPt: (smallest * scale) / MM_PER_PT, parts };
}

/** The legend as a picture of its own, `width` pixels wide. */
function legendPicture(map: AccountMap, fontCss: string, width = 1000): BriefPicture {
  const strip = legendStripSvg(map, 0, 8, width, 1);
  const height = Math.ceil(strip.height + 16);
  return {
    title: t('brief.legend'),
    legend: true,
    width,
    height,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}"><defs><style>${fontCss}</style></defs>${strip.svg}</svg>`,
  };
}

/**
 * The pictures for the brief: the legend, then the whole map when it prints legibly on one page,
 * otherwise each top-level department (in reading order: top to bottom, left to right) and the
 * people outside any department.
 */
export function briefPictures(map: AccountMap, options: { fontCss: string; date: string }): BriefPicture[] {
  const draw = (title: string, include: ReadonlySet<string> | null): BriefPicture => {
    const { svg, width, height } = renderMapSvg(map, { include, background: 'white', fontCss: options.fontCss, date: options.date, frame: 'map' });
    return { title, svg, width, height };
  };
  if (!mapBounds(map)) return [];
  const whole = draw(t('brief.wholeMap'), null);
  const legend = legendPicture(map, options.fontCss);
  if (printLayout(whole).parts.length === 1) return [legend, whole];
  const top = Object.values(map.departments)
    .filter((d) => !d.parentId || !map.departments[d.parentId])
    .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  const pictures = top.map((department) => draw(department.name, selectionWithContents(map, [department.id])));
  const outside = Object.values(map.stakeholders).filter((p) => !p.departmentId || !map.departments[p.departmentId]);
  if (outside.length) pictures.push(draw(t('brief.outside'), new Set(outside.map((p) => p.id))));
  return [legend, ...pictures];
}
