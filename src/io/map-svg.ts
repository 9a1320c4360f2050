// Draws an account map as one self-contained SVG document straight from the domain records:
// departments, cards, links, title and legend, with the fonts embedded. It never reads the DOM,
// so its cost grows with the number of records, not with the number of styled elements on screen
// (cloning React Flow's DOM with every computed style is what made screenshot-style export slow).
// The PNG export rasterises this SVG; the same SVG can be saved as a file.
import { descendantsOf, mapBounds, recordRect } from '../domain/commands';
import type { AccountMap, Department, Link, Stakeholder } from '../domain/types';
import {
  COVERAGE_LOOK,
  influenceLook,
  LINK_LOOK,
  ROLE_LOOK,
  STANCE_LOOK,
} from '../drawing/appearance';
import { linkPath, straightBetween, type LinkPath, type Rect } from '../drawing/link-geometry';
import { strokeWidth } from '../drawing/line-strokes';
import { fittingRoute, successorKey, type Route } from '../drawing/line-routes';
import { legendEntries } from '../drawing/legend-entries';
import { escapeMarkup } from './markup-text';
import { pathFromBorders, routedBounds } from './route-ends';
import { currentLanguage, t } from '../i18n';
import type { Coverage, Stance } from '../domain/types';
import {
  CARD_FRAME,
  CARD_META,
  CARD_TYPE,
  type CardLayout,
  type CardNoteKind,
  DEPARTMENT_TYPE,
  potentialValueText,
  stakeholderCard,
  titleText,
} from '../domain/card-layout';
import { type FontWeight, linesWithBreaks, textWidth as measuredWidth, wrapText } from '../domain/text-metrics';

export interface SvgExportOptions {
  /** Ids to draw (a selection, with what is inside selected departments), or null for the whole map. */
  include: ReadonlySet<string> | null;
  background: 'white' | 'transparent';
  /** `@font-face` rules to embed; see fontFaceCss(). */
  fontCss: string;
  /** Date printed under the title. */
  date: string;
  /**
   * 'document' (the default): title, date and legend around the map, a picture on its own.
   * 'map': the map alone, for a larger picture that places it (a slide, a poster, the brief).
   */
  frame?: 'document' | 'map';
  /** Lines routed around the cards (line-routes.ts, in map coordinates); a line without one is drawn with linkPath. */
  routes?: ReadonlyMap<string, Route>;
  /** Room left and right of the map (half of it above and below), in pixels; 48 unless given. */
  padding?: number;
}

export interface SvgDocument {
  svg: string;
  width: number;
  height: number;
  /** Stakeholders drawn. */
  people: number;
  /** Where the map's (0, 0) is in the picture, where it is drawn at full size (renderMapSvg): a record at map (x, y) is drawn at (x + origin.x, y + origin.y). */
  origin?: { x: number; y: number };
}

const PADDING = 48;
const HEADER = 84;
const LEGEND_GAP = 40;
export const SVG_FONT = "'PM Latin', 'PM Latin Ext', 'PM Greek', 'PM Cyrillic', 'Noto Sans', sans-serif";


// ------------------------------------------------------------------ text measuring

/** Width of `text` in pixels, from the bundled font's own advance widths (domain/text-metrics.ts). */
function textWidth(text: string, size: number, weight: number): number {
  return measuredWidth(text, { size, weight: (weight >= 700 ? 700 : weight >= 600 ? 600 : 400) as FontWeight });
}

function text(x: number, y: number, content: string, size: number, weight: number, fill: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}"${extra}>${escapeMarkup(content)}</text>`;
}

// ------------------------------------------------------------------ patterns and markers

const HATCH_PATTERNS = `
<pattern id="pm-hatch-white-space" width="14" height="14" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
  <rect width="2" height="14" fill="rgba(13,148,136,0.22)"/></pattern>
<pattern id="pm-hatch-competitor" width="14" height="14" patternUnits="userSpaceOnUse">
  <path d="M0 14L14 0M-3 3L3 -3M11 17L17 11M0 0L14 14M-3 11L3 17M11 -3L17 3" fill="none" stroke="rgba(190,18,60,0.16)" stroke-width="2"/></pattern>
<pattern id="pm-hatch-placeholder" width="16" height="16" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
  <rect width="8" height="16" fill="#eef2f7"/></pattern>`;

function arrowMarker(id: string, color: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${color}"/></marker>`;
}

// ------------------------------------------------------------------ records

const DASH: Record<string, string> = { solid: '', dashed: '8 5', dotted: '2 4' };

function departmentSvg(department: Department, rect: Rect): string {
  const look = COVERAGE_LOOK[department.coverage];
  const { x, y, width, height } = rect;
  const dash = DASH[look.borderStyle] ? ` stroke-dasharray="${DASH[look.borderStyle]}"` : '';
  // The on-screen background is CSS (gradients); SVG takes its plain tint and draws the hatching as a pattern.
  const base = look.background.match(/rgba\([^)]*\)\s*$/)?.[0] ?? 'rgba(255, 255, 255, 0.7)';
  const parts = [
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="14" fill="${base}"/>`,
    department.coverage === 'white-space' || department.coverage === 'competitor'
      ? `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="14" fill="url(#pm-hatch-${department.coverage})"/>`
      : '',
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="14" fill="none" stroke="${look.border}" stroke-width="2"${dash}/>`,
  ];
  const badge = department.coverage === 'competitor' && department.competitor ? t('exporter.competitorBadge', { name: department.competitor }) : coverageWord(department.coverage);
  const badgeWidth = textWidth(badge, 11.5, 700) + 16;
  const badgeX = x + width - 12 - badgeWidth;
  // The name wraps inside the frame when the frame is narrower than the name: never cut.
  const nameLines = wrapText(department.name, Math.max(40, width - 24), DEPARTMENT_TYPE.name);
  parts.push(
    textLines(x + 12, y + 11, department.name, nameLines, DEPARTMENT_TYPE.name, '#0f172a'),
    `<rect x="${badgeX}" y="${y - 11}" width="${badgeWidth}" height="21" rx="10.5" fill="${look.badgeColor}"/>`,
    text(badgeX + 8, y + 4, badge, 11.5, 700, '#ffffff'),
  );
  const value = potentialValueText(department);
  if (value) {
    const valueLines = wrapText(value, Math.max(40, width - 36), DEPARTMENT_TYPE.value);
    const valueTop = y + height - 9 - valueLines.length * DEPARTMENT_TYPE.value.lineHeight;
    parts.push(textLines(x + 12, valueTop, value, valueLines, DEPARTMENT_TYPE.value, '#0f766e'));
  }
  return `<g>${parts.join('')}</g>`;
}

/**
 * Wrapped text as one <text> with a <tspan> per line, the first line's top at `top`. The break
 * spaces are kept, so the element's text is the whole original text (what search and tests read).
 */
function textLines(
  x: number,
  top: number,
  original: string,
  lines: readonly string[],
  style: { size: number; weight: number; lineHeight: number },
  fill: string,
  extra = '',
): string {
  // The baseline sits where CSS puts it in a line box of `lineHeight` (Noto Sans: ascent 1.069 em, descent 0.293 em).
  const baseline = (style.lineHeight - style.size * 1.362) / 2 + style.size * 1.069;
  const spans = linesWithBreaks(original, lines)
    .map((line, i) => `<tspan x="${x}" y="${round(top + i * style.lineHeight + baseline)}">${escapeMarkup(line)}</tspan>`)
    .join('');
  return `<text font-size="${style.size}" font-weight="${style.weight}" fill="${fill}"${extra}>${spans}</text>`;
}

const round = (value: number) => Math.round(value * 10) / 10;

function stakeholderSvg(person: Stakeholder, rect: Rect, layout: CardLayout): string {
  const { x, y, width, height } = rect;
  const stance = STANCE_LOOK[person.stance];
  const parts: string[] = [];
  parts.push(
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="10" fill="#ffffff"/>`,
    person.placeholder ? `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="10" fill="url(#pm-hatch-placeholder)"/>` : '',
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="10" fill="none" stroke="#94a3b8" stroke-width="1.5"${person.placeholder ? ' stroke-dasharray="6 4"' : ''}/>`,
    `<rect x="${x}" y="${y}" width="6" height="${height}" rx="3" fill="${stance.color}"/>`,
    `<circle cx="${x + 29}" cy="${y + 22}" r="13" fill="${stance.color}" stroke="rgba(15,23,42,0.25)" stroke-width="1.5"/>`,
    text(x + 29, y + 27.5, stance.icon, 15, 700, stance.ink, ' text-anchor="middle"'),
  );
  const left = x + CARD_FRAME.left;
  const nameFill = person.placeholder ? '#475569' : '#0f172a';
  parts.push(textLines(left, y + layout.top.name, person.name, layout.name, CARD_TYPE.name, nameFill, person.placeholder ? ' font-style="italic"' : ''));
  if (person.leftCompany) {
    layout.name.forEach((line, i) => {
      const lineY = round(y + layout.top.name + i * CARD_TYPE.name.lineHeight + CARD_TYPE.name.lineHeight / 2);
      parts.push(`<line x1="${left}" y1="${lineY}" x2="${round(left + textWidth(line, 15, 700))}" y2="${lineY}" stroke="#0f172a" stroke-width="1.5"/>`);
    });
  }
  parts.push(textLines(left, y + layout.top.title, titleText(person), layout.title, CARD_TYPE.title, '#475569'));

  // Stance label, role badges and influence bars on the first meta row; more badges below.
  layout.roleRows.forEach((roles, row) => {
    const rowTop = y + layout.top.meta + row * CARD_META.rowHeight;
    let cursor = left;
    if (row === 0) {
      const stanceLabel = stanceWord(person.stance);
      parts.push(text(cursor, rowTop + 12, stanceLabel, 11.5, 600, '#0f172a'));
      cursor += textWidth(stanceLabel, 11.5, 600) + 6;
    }
    for (const role of roles) {
      const badge = ROLE_LOOK[role].badge;
      const badgeWidth = textWidth(badge, 10.5, 700) + 10;
      parts.push(
        `<rect x="${round(cursor)}" y="${rowTop + 1}" width="${round(badgeWidth)}" height="14" rx="4" fill="#1e293b"/>`,
        text(round(cursor + 5), rowTop + 11.5, badge, 10.5, 700, '#ffffff'),
      );
      cursor += badgeWidth + 4;
    }
  });
  const bars = influenceLook(person.influence).bars;
  [5, 8, 12].forEach((barHeight, index) => {
    const barX = x + width - 26 + index * 5.5;
    parts.push(`<rect x="${barX}" y="${y + layout.top.meta + 14 - barHeight}" width="4" height="${barHeight}" rx="1" fill="${index < bars ? '#0f172a' : '#cbd5e1'}"/>`);
  });

  if (layout.note) {
    const look = NOTE_LOOK[layout.note.kind];
    parts.push(textLines(left, y + layout.top.note, layout.note.text, layout.note.lines, { ...CARD_TYPE.note, weight: look.weight }, look.fill));
  }
  return `<g${person.leftCompany ? ' opacity="0.72"' : ''}>${parts.join('')}</g>`;
}

const NOTE_LOOK: Record<CardNoteKind, { fill: string; weight: number }> = {
  left: { fill: '#7f1d1d', weight: 600 },
  'no-relationship': { fill: '#9a3412', weight: 600 },
  owner: { fill: '#475569', weight: 400 },
};

/** The routed line when it fits these ends, moved by (dx, dy) into the document; null otherwise. */
function routed(route: Route | undefined, from: Rect, to: Rect, dx: number, dy: number): { group: string; labelX: number; labelY: number } | null {
  const fits = route && fittingRoute(route, { ...from, x: from.x - dx, y: from.y - dy }, { ...to, x: to.x - dx, y: to.y - dy });
  if (!fits) return null;
  return { group: `<g transform="translate(${dx} ${dy})">`, labelX: fits.labelX + dx, labelY: fits.labelY + dy };
}

function linkSvg(link: Link, from: Rect, to: Rect, route: Route | undefined, dx: number, dy: number): string {
  const look = LINK_LOOK[link.kind];
  const moved = routed(route, from, to, dx, dy);
  const { path, labelX, labelY }: LinkPath = moved ? { path: pathFromBorders(route!), labelX: moved.labelX, labelY: moved.labelY } : linkPath(link.kind, from, to);
  const width = strokeWidth(link.kind, link.strength);
  const dash = look.dash ? ` stroke-dasharray="${look.dash}"` : '';
  const marker = look.arrow ? ` marker-end="url(#pm-arrow-${link.kind})"` : '';
  const stroke = `<path d="${path}" fill="none" stroke="${look.color}" stroke-width="${width}"${dash}${marker}/>`;
  const line = moved ? `${moved.group}${stroke}</g>` : stroke;
  return link.label ? `${line}${labelSvg(link.label, labelX, labelY, look.color)}` : line;
}

/** A line's label: 12 px semibold text in a white box with a border of the line's colour, centred on (x, y). */
function labelSvg(label: string, x: number, y: number, color: string): string {
  const labelWidth = textWidth(label, 12, 600) + 14;
  return `<rect x="${x - labelWidth / 2}" y="${y - 10}" width="${labelWidth}" height="20" rx="6" fill="#ffffff" stroke="${color}" stroke-width="1.5"/>${text(x, y + 4, label, 12, 600, '#0f172a', ' text-anchor="middle"')}`;
}

// ------------------------------------------------------------------ legend

/** Draws a swatch whose top-left corner is (x, y), 36 x 16 pixels. */
type Swatch = (x: number, y: number) => string;

const stanceSwatch = (stance: keyof typeof STANCE_LOOK): Swatch => (x, y) => {
  const look = STANCE_LOOK[stance];
  return `<circle cx="${x + 10}" cy="${y + 8}" r="9" fill="${look.color}" stroke="rgba(15,23,42,0.25)"/>${text(x + 10, y + 12, look.icon, 11, 700, look.ink, ' text-anchor="middle"')}`;
};

const roleSwatch = (badge: string): Swatch => (x, y) =>
  `<rect x="${x}" y="${y + 1}" width="${textWidth(badge, 10.5, 700) + 10}" height="15" rx="4" fill="#1e293b"/>${text(x + 5, y + 12.5, badge, 10.5, 700, '#ffffff')}`;

const coverageSwatch = (coverage: Department['coverage']): Swatch => (x, y) => {
  const look = COVERAGE_LOOK[coverage];
  const dash = DASH[look.borderStyle] ? ` stroke-dasharray="${look.borderStyle === 'dotted' ? '2 2' : '4 3'}"` : '';
  const hatch = coverage === 'white-space' || coverage === 'competitor' ? `<rect x="${x}" y="${y}" width="36" height="16" rx="3" fill="url(#pm-hatch-${coverage})"/>` : '';
  return `<rect x="${x}" y="${y}" width="36" height="16" rx="3" fill="#ffffff"/>${hatch}<rect x="${x}" y="${y}" width="36" height="16" rx="3" fill="none" stroke="${look.border}" stroke-width="2"${dash}/>`;
};

const linkSwatch = (kind: Link['kind']): Swatch => (x, y) => {
  const look = LINK_LOOK[kind];
  const dash = look.dash ? ` stroke-dasharray="${look.dash}"` : '';
  const marker = look.arrow ? ` marker-end="url(#pm-arrow-${kind})"` : '';
  return `<path d="M${x} ${y + 8}H${x + 36}" stroke="${look.color}" stroke-width="${look.width}"${dash}${marker}/>`;
};

const barsSwatch: Swatch = (x, y) =>
  [5, 8, 12].map((h, i) => `<rect x="${x + i * 5.5}" y="${y + 14 - h}" width="4" height="${h}" fill="${i < 2 ? '#0f172a' : '#cbd5e1'}"/>`).join('');
const placeholderSwatch: Swatch = (x, y) =>
  `<rect x="${x}" y="${y}" width="36" height="16" rx="3" fill="url(#pm-hatch-placeholder)" stroke="#94a3b8" stroke-dasharray="4 3"/>`;
const leftSwatch: Swatch = (x, y) =>
  `${text(x, y + 13, t('exporter.legend.nameSample'), 13, 700, '#64748b')}<line x1="${x}" y1="${y + 8.5}" x2="${x + 38}" y2="${y + 8.5}" stroke="#64748b" stroke-width="1.5"/>`;
const noneSwatch: Swatch = (x, y) => text(x + 4, y + 13, '⌀', 14, 700, '#9a3412');

type LegendSection = [title: string, items: [Swatch, string][]];

/** The words a picture prints, in the current language (read when it is drawn). */
export const stanceWord = (stance: Stance) => (stance === 'unknown' ? t('exporter.legend.unknownStance') : t(`common.stance.${stance}`));
export const coverageWord = (coverage: Coverage) => (coverage === 'unknown' ? t('exporter.legend.unknownCoverage') : t(`common.coverage.${coverage}`));

/** The legend's sections with the entries the map uses; empty sections are left out. */
function legendSections(map: AccountMap): LegendSection[] {
  const used = legendEntries(map);
  const sections: LegendSection[] = [
    [t('exporter.legend.stance'), used.stances.map((s) => [stanceSwatch(s), stanceWord(s)])],
    [t('exporter.legend.role'), used.roles.map((r) => [roleSwatch(ROLE_LOOK[r].badge), t(`common.role.${r}`)])],
    [t('exporter.legend.coverage'), used.coverages.map((c) => [coverageSwatch(c), coverageWord(c)])],
    [t('exporter.legend.links'), used.links.map((k) => [linkSwatch(k), t(`common.linkKind.${k}`)])],
    [
      t('exporter.legend.marks'),
      [
        ...(used.influence ? [[barsSwatch, t('exporter.legend.influence')] as [Swatch, string]] : []),
        ...(used.placeholder ? [[placeholderSwatch, t('exporter.legend.placeholder')] as [Swatch, string]] : []),
        ...(used.left ? [[leftSwatch, t('exporter.legend.left')] as [Swatch, string]] : []),
        ...(used.noRelationship ? [[noneSwatch, t('exporter.legend.noRelationship')] as [Swatch, string]] : []),
      ],
    ],
  ];
  return sections.filter(([, items]) => items.length > 0);
}

/**
 * The legend as a strip `width` wide under a picture (a slide's): each section's title, then its
 * entries side by side, wrapping to the next row; drawn `scale` times the size of the column legend.
 * With `sectionPerRow` (a narrow column) every section starts on a row of its own.
 */
export function legendStripSvg(map: AccountMap, x: number, y: number, width: number, scale: number, sectionPerRow = false): { svg: string; height: number } {
  const ROW = 26;
  const parts: string[] = [];
  let cursorX = 0;
  let row = 0;
  const room = width / scale;
  const place = (itemWidth: number) => {
    if (cursorX > 0 && cursorX + itemWidth > room) {
      cursorX = 0;
      row += 1;
    }
    const at = cursorX;
    cursorX += itemWidth;
    return { left: at, top: row * ROW };
  };
  for (const [title, items] of legendSections(map)) {
    // In the language's own capitals: Greek drops its accents in capitals (ΣΤΑΣΗ, not ΣΤΆΣΗ).
    const heading = title.toLocaleUpperCase(currentLanguage());
    if (sectionPerRow && cursorX > 0) {
      cursorX = 0;
      row += 1;
    }
    // letter-spacing adds 0.7 px after every letter.
    const { left, top } = place(textWidth(heading, 12, 700) + heading.length * 0.7 + 12);
    parts.push(text(left, top + 14, heading, 12, 700, '#475569', ' letter-spacing="0.7"'));
    for (const [swatch, label] of items) {
      const spot = place(48 + textWidth(label, 14, 400) + 18);
      parts.push(swatch(spot.left, spot.top + 1), text(spot.left + 48, spot.top + 14, label, 14, 400, '#0f172a'));
    }
    cursorX += 22;
  }
  return { svg: `<g transform="translate(${x} ${y}) scale(${scale})">${parts.join('')}</g>`, height: (row + 1) * ROW * scale };
}

function legendSvg(map: AccountMap, x: number, y: number): { svg: string; width: number; height: number } {
  const sections = legendSections(map);
  const parts: string[] = [];
  const columnWidth = 250;
  const ROW = 24;
  let column = 0;
  let top = y;
  let tallest = 0;
  for (const [title, items] of sections) {
    const sectionHeight = 26 + items.length * ROW + 14;
    // Two columns: start the second one when the first would grow past the tallest section so far.
    if (top > y && top - y + sectionHeight > Math.max(300, tallest)) {
      column += 1;
      top = y;
    }
    const left = x + column * columnWidth;
    parts.push(text(left, top + 12, title.toLocaleUpperCase(currentLanguage()), 12, 700, '#475569', ' letter-spacing="0.7"'));
    items.forEach(([swatch, label], index) => {
      const rowTop = top + 24 + index * ROW;
      parts.push(swatch(left, rowTop), text(left + 48, rowTop + 13, label, 14, 400, '#0f172a'));
    });
    top += sectionHeight;
    tallest = Math.max(tallest, top - y);
  }
  return { svg: `<g>${parts.join('')}</g>`, width: (column + 1) * columnWidth, height: tallest };
}

// ------------------------------------------------------------------ the document

/**
 * All text a picture of `map` can show: the map's own and the words of the current language (the
 * subtitle, the legend), so the fonts embedded for it cover Greek or Cyrillic legends on a Latin map.
 */
export function pictureText(map: AccountMap): string {
  const legend = legendSections(map).flatMap(([title, items]) => [title, ...items.map(([, label]) => label)]);
  return [JSON.stringify(map), subtitle('', 2), t('exporter.competitorBadge', { name: '' }), ...legend].join(' ');
}

/** The line under a picture's title: "Account map · 22 November 2026 · 12 stakeholders". */
export const subtitle = (date: string, people: number) => t('exporter.subtitle', { date, count: people });

export function renderMapSvg(map: AccountMap, options: SvgExportOptions): SvgDocument & Required<Pick<SvgDocument, 'origin'>> {
  const include = options.include;
  const wanted = (id: string) => !include || include.has(id);
  const rects = new Map<string, Rect>();
  for (const id of [...Object.keys(map.departments), ...Object.keys(map.stakeholders)]) {
    if (wanted(id)) rects.set(id, recordRect(map, id)!);
  }
  const records = mapBounds(map, include ?? undefined);
  if (!records) throw new Error(include ? t('exporter.selectFirst') : t('exporter.emptyMap'));
  // With the routed lines drawn: one may run outside the frames.
  const lineKeys = [
    ...Object.values(map.links).filter((l) => rects.has(l.sourceId) && rects.has(l.targetId)).map((l) => l.id),
    ...Object.values(map.stakeholders).filter((p) => p.successorId && rects.has(p.id) && rects.has(p.successorId)).map((p) => successorKey(p.id)),
  ];
  const bounds = routedBounds(records, options.routes, lineKeys);
  // 12 px above the top edge for the department badges that sit on a frame's border.
  const minX = bounds.x;
  const minY = bounds.y - 12;
  const maxX = bounds.x + bounds.width;
  const maxY = bounds.y + bounds.height;
  // Map coordinates shift so the map starts below the title, inside the padding.
  const padding = options.padding ?? PADDING;
  const offsetX = padding - minX;
  const bare = options.frame === 'map';
  const header = bare ? 0 : HEADER;
  const offsetY = header + padding / 2 - minY;
  const shifted = (r: Rect): Rect => ({ x: r.x + offsetX, y: r.y + offsetY, width: r.width, height: r.height });
  const mapWidth = maxX - minX + padding * 2;
  const mapHeight = maxY - minY + padding;

  const depth = (id: string) => {
    let d = 0;
    for (let p = map.departments[id]?.parentId; p && d < 64; p = map.departments[p]?.parentId) d++;
    return d;
  };
  const departments = Object.values(map.departments)
    .filter((d) => rects.has(d.id))
    .sort((a, b) => depth(a.id) - depth(b.id))
    .map((d) => departmentSvg(d, shifted(rects.get(d.id)!)));
  const links = Object.values(map.links)
    .filter((l) => rects.has(l.sourceId) && rects.has(l.targetId))
    .map((l) => linkSvg(l, shifted(rects.get(l.sourceId)!), shifted(rects.get(l.targetId)!), options.routes?.get(l.id), offsetX, offsetY));
  // Someone who left points to their successor, as on the canvas.
  for (const person of Object.values(map.stakeholders)) {
    if (!person.leftCompany || !person.successorId || !rects.has(person.id) || !rects.has(person.successorId)) continue;
    const from = shifted(rects.get(person.id)!);
    const to = shifted(rects.get(person.successorId)!);
    const route = options.routes?.get(successorKey(person.id));
    const moved = routed(route, from, to, offsetX, offsetY);
    const straight = straightBetween(from, to);
    const stroke = `<path d="${moved ? pathFromBorders(route!) : straight.path}" fill="none" stroke="#64748b" stroke-width="1.5" stroke-dasharray="1 4" stroke-linecap="round" marker-end="url(#pm-arrow-successor)"/>`;
    // Labelled as on the canvas (SuccessorLine), so the arrow explains itself.
    const label = labelSvg(t('canvas.successor'), moved?.labelX ?? straight.labelX, moved?.labelY ?? straight.labelY, '#64748b');
    links.push(`${moved ? `${moved.group}${stroke}</g>` : stroke}${label}`);
  }
  const cards = Object.values(map.stakeholders)
    .filter((p) => rects.has(p.id))
    .map((p) => stakeholderSvg(p, shifted(rects.get(p.id)!), stakeholderCard(map, p)));

  const legend = bare ? null : legendSvg(map, mapWidth + LEGEND_GAP - PADDING / 2, HEADER + PADDING / 2 + 12);
  const width = Math.ceil(legend ? mapWidth + LEGEND_GAP + legend.width : mapWidth);
  const height = Math.ceil(legend ? Math.max(HEADER + mapHeight, HEADER + PADDING + legend.height) : mapHeight);
  const markers = Object.entries(LINK_LOOK)
    .filter(([, look]) => look.arrow)
    .map(([kind, look]) => arrowMarker(`pm-arrow-${kind}`, look.color))
    .join('') + arrowMarker('pm-arrow-successor', '#64748b');
  const people = Object.values(map.stakeholders).filter((p) => rects.has(p.id)).length;

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}">`,
    `<title>${escapeMarkup(map.name)}</title>`,
    `<defs><style>${options.fontCss}</style>${HATCH_PATTERNS}${markers}</defs>`,
    options.background === 'white' ? `<rect width="${width}" height="${height}" fill="#ffffff"/>` : '',
    bare ? '' : text(PADDING, 46, map.name, 30, 700, '#0f172a'),
    bare ? '' : text(PADDING, 72, subtitle(options.date, people), 16, 400, '#475569'),
    `<g>${departments.join('')}</g>`,
    `<g>${links.join('')}</g>`,
    `<g>${cards.join('')}</g>`,
    legend?.svg ?? '',
    '</svg>',
  ].join('');
  return { svg, width, height, people, origin: { x: offsetX, y: offsetY } };
}

/** Ids to export: the selection plus everything inside selected departments. */
export function selectionWithContents(map: AccountMap, selection: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const id of selection) {
    if (Object.hasOwn(map.departments, id)) {
      ids.add(id);
      for (const inner of descendantsOf(map, id)) ids.add(inner);
    } else if (Object.hasOwn(map.stakeholders, id)) ids.add(id);
  }
  for (const person of Object.values(map.stakeholders)) {
    if (person.departmentId && ids.has(person.departmentId)) ids.add(person.id);
  }
  return ids;
}
