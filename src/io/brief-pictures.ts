// The map in the handover brief, legible on paper: printed on landscape A4 pages with no text
// under 7 pt. A map small enough for that on one page is one picture; a larger one becomes one
// picture per top-level department (and one for the people outside any), and a department too
// large for one page is printed across several, at full size, each part labelled, the page
// seams falling between cards. The lines are the editor's: routed around the cards (line-routes.ts),
// routed once for the whole map, so each picture shows the very lines the map shows.
import { t } from '../i18n';
import { mapBounds, recordRect } from '../domain/commands';
import type { AccountMap } from '../domain/types';
import type { Rect } from '../drawing/link-geometry';
import { labelSize, successorKey, type Route } from '../drawing/line-routes';
import { legendStripSvg, renderMapSvg, selectionWithContents, SVG_FONT } from './map-svg';
import { splitAt } from './page-seams';

/** Landscape A4 less the page margins (12 mm) and room for a caption, in mm. */
export const PRINT_AREA = { width: 297 - 24, height: 210 - 24 - 16 };
/** Room under a picture for its list of lines to other departments (brief.ts prints it at 8.5 pt in two columns), in mm. */
const AWAY_ROOM = { heading: 7, line: 4.2 };
const awayRoom = (picture: Pick<BriefPicture, 'away'>) => (picture.away?.length ? AWAY_ROOM.heading + Math.ceil(picture.away.length / 2) * AWAY_ROOM.line : 0);
/** The least printed text size, in points. */
export const MIN_TEXT_PT = 7;
const MM_PER_PT = 25.4 / 72;
/** Room around the map in a picture, in pixels (the page's frame is around it): less than an export's, so more of the page is map. */
const PICTURE_PADDING = 20;
/** A small department is not enlarged past full size (mm per picture pixel), so two can share a page. */
const MAX_SCALE = 25.4 / 96;

export interface BriefPicture {
  title: string;
  /** The legend rather than a part of the map. */
  legend?: boolean;
  svg: string;
  width: number;
  height: number;
  /** What a page seam must not cut, in picture pixels: cards, department names and badges, line labels. */
  keep?: Rect[];
  /** Lines from someone in the picture to someone outside it (drawn in neither picture). */
  away?: AwayLine[];
}

/** A line with one end in a picture and the other elsewhere on the map, in words: the one outside with their department. */
export interface AwayLine {
  from: string;
  to: string;
  /** What kind of line it is, in the current language. */
  kind: string;
  label?: string;
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
  /** Whether the list of lines to other departments fits under the picture on its last page. */
  listOnPage?: boolean;
}

/**
 * How a picture prints: fitted to one page when its text stays at 7 pt or more, else in parts,
 * each a page, as few as the least legible scale needs, cut as evenly as the seams allow: between
 * the boxes of `keep` (cards, badges, labels), never through one, where there is such a seam.
 * Room is kept under it for its list of lines to other departments unless that takes another
 * page; then the list runs on to the next page.
 */
export function printLayout(picture: Pick<BriefPicture, 'svg' | 'width' | 'height' | 'keep' | 'away'>): PrintLayout {
  const full = layoutIn(picture, PRINT_AREA);
  const room = awayRoom(picture);
  if (room === 0) return full;
  const under = layoutIn(picture, { width: PRINT_AREA.width, height: PRINT_AREA.height - room });
  return under.parts.length > full.parts.length ? full : { ...under, listOnPage: true };
}

function layoutIn(picture: Pick<BriefPicture, 'svg' | 'width' | 'height' | 'keep'>, area: { width: number; height: number }): PrintLayout {
  const smallest = smallestTextPx(picture.svg);
  const least = (MIN_TEXT_PT * MM_PER_PT) / smallest;
  const fit = Math.min(MAX_SCALE, area.width / picture.width, area.height / picture.height);
  if (fit >= least) {
    return { scale: fit, smallestTextPt: (smallest * fit) / MM_PER_PT, parts: [{ x: 0, y: 0, width: picture.width, height: picture.height }] };
  }
  const keep = picture.keep ?? [];
  const columns = splitAt(picture.width, area.width / least, keep.map((r) => [r.x, r.x + r.width]));
  const rows = splitAt(picture.height, area.height / least, keep.map((r) => [r.y, r.y + r.height]));
  const widest = Math.max(...columns.map(([from, to]) => to - from));
  const tallest = Math.max(...rows.map(([from, to]) => to - from));
  // Every part at the same scale, as large as the largest part's page allows.
  const scale = Math.min(MAX_SCALE, area.width / widest, area.height / tallest);
  const parts: PrintedPart[] = [];
  for (const [y, bottom] of rows) for (const [x, right] of columns) parts.push({ x, y, width: right - x, height: bottom - y });
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

/** A department's name strip and its coverage badge over the top border, as drawn (map-svg.ts). */
const HEADER_KEEP = { above: 12, height: 44 };

/** What a seam must not cut in a picture drawn with `include`, in map coordinates. */
function keepBoxes(map: AccountMap, include: ReadonlySet<string> | null, routes: ReadonlyMap<string, Route> | undefined): Rect[] {
  const wanted = (id: string) => !include || include.has(id);
  const boxes: Rect[] = [];
  for (const id of Object.keys(map.stakeholders)) if (wanted(id)) boxes.push(recordRect(map, id)!);
  for (const id of Object.keys(map.departments)) {
    if (!wanted(id)) continue;
    const frame = recordRect(map, id)!;
    boxes.push({ x: frame.x, y: frame.y - HEADER_KEEP.above, width: frame.width, height: HEADER_KEEP.height + HEADER_KEEP.above });
  }
  const label = (key: string, text: string) => {
    const route = routes?.get(key);
    if (!route) return;
    const size = labelSize(text);
    boxes.push({ x: route.labelX - size.width / 2, y: route.labelY - size.height / 2, ...size });
  };
  for (const link of Object.values(map.links)) if (link.label && wanted(link.sourceId) && wanted(link.targetId)) label(link.id, link.label);
  for (const person of Object.values(map.stakeholders)) {
    if (person.leftCompany && person.successorId && wanted(person.id) && wanted(person.successorId)) label(successorKey(person.id), t('canvas.successor'));
  }
  return boxes;
}

/** The lines with one end in `include` and the other outside it, in reading order of the end inside. */
function awayLines(map: AccountMap, include: ReadonlySet<string>): AwayLine[] {
  const name = (id: string) => map.stakeholders[id]?.name ?? '';
  const departmentOf = (id: string) => {
    const department = map.departments[map.stakeholders[id]?.departmentId ?? ''];
    return department?.name ?? t('brief.outside');
  };
  const away: AwayLine[] = [];
  const who = (id: string) => (include.has(id) ? name(id) : t('brief.awayPerson', { name: name(id), department: departmentOf(id) }));
  const add = (fromId: string, toId: string, kind: string, label?: string) => {
    if (include.has(fromId) !== include.has(toId)) away.push({ from: who(fromId), to: who(toId), kind, ...(label ? { label } : {}) });
  };
  for (const link of Object.values(map.links)) {
    if (map.stakeholders[link.sourceId] && map.stakeholders[link.targetId]) add(link.sourceId, link.targetId, t(`common.linkKind.${link.kind}`), link.label || undefined);
  }
  for (const person of Object.values(map.stakeholders)) {
    if (person.leftCompany && person.successorId && map.stakeholders[person.successorId]) add(person.id, person.successorId, t('canvas.successor'));
  }
  return away;
}

/**
 * The pictures for the brief: the legend, then the whole map when it prints legibly on one page,
 * otherwise each top-level department (in reading order: top to bottom, left to right) and the
 * people outside any department. `routes` are the map's lines routed around its cards
 * (routeScene(sceneOf(map))), the same as the editor's; without them lines are drawn straight.
 */
export function briefPictures(map: AccountMap, options: { fontCss: string; date: string; routes?: ReadonlyMap<string, Route> }): BriefPicture[] {
  const draw = (title: string, include: ReadonlySet<string> | null): BriefPicture => {
    const { svg, width, height, origin } = renderMapSvg(map, { include, background: 'white', fontCss: options.fontCss, date: options.date, frame: 'map', routes: options.routes, padding: PICTURE_PADDING });
    const keep = keepBoxes(map, include, options.routes).map((r) => ({ ...r, x: r.x + origin.x, y: r.y + origin.y }));
    const away = include ? awayLines(map, include) : [];
    return { title, svg, width, height, keep, ...(away.length ? { away } : {}) };
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
