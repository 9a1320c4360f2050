// An editable PowerPoint slide of the map: department frames as rectangles, every card as one
// rounded rectangle in its stance's colour holding the name, title and roles as real text, lines as
// PowerPoint lines with arrowheads, the title on top and a one-line legend at the bottom. Someone
// can move a card, retype a title or recolour a stance in PowerPoint, which no picture allows.
//
// pptxgenjs writes the file: a .pptx is a zip of a dozen interlinked XML parts (content types,
// relationships, slide master, layout, theme, presentation) that PowerPoint checks strictly;
// pptxgenjs has written them correctly for PowerPoint, Keynote and LibreOffice for years, which a
// hand-written writer would have to earn. It loads only when this export is chosen.
import PptxGenJS from 'pptxgenjs';
import { mapBounds, recordRect } from '../domain/commands';
import type { AccountMap, Department, Link, Stakeholder } from '../domain/types';
import { COVERAGE_LOOK, LINK_LOOK, ROLE_LOOK, STANCE_LOOK } from '../drawing/appearance';
import { legendEntries } from '../drawing/legend-entries';
import { borderPoint, type Rect } from '../drawing/link-geometry';
import { coverageWord, selectionWithContents, stanceWord, subtitle } from './map-svg';
import { formatDate, t } from '../i18n';
import { xmlSafe } from './markup-text';

export interface PptxExportOptions {
  /** The selected ids (with what is inside selected departments), or null for the whole map. */
  selection: readonly string[] | null;
  /** The date under the title; today when not given. */
  date?: string;
}

/** 16:9 widescreen, in inches. */
const SLIDE = { width: 13.333, height: 7.5 };
const MARGIN = 0.4;
const AREA = { x: MARGIN, y: 1.2, width: SLIDE.width - 2 * MARGIN, height: SLIDE.height - 1.2 - 0.75 };
/** Cards are not drawn larger than this many inches per map pixel (a few cards would fill the slide). */
const MAX_SCALE = 1 / 96;
const FONT = 'Calibri';
const PT_PER_INCH = 72;
/** Card text sizes, in points: tried from the largest down until every card's text fits its card. */
const NAME_SIZES = [16, 14, 12, 11, 10, 9, 8, 7, 6, 5, 4];
const CARD_PADDING_PT = 4;

const hex = (color: string) => color.replace('#', '').toUpperCase();

/** An rgba() colour as PowerPoint's hex colour and transparency (percent). */
function rgba(css: string): { color: string; transparency: number } {
  const match = /rgba\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*([\d.]+)\s*\)\s*$/.exec(css);
  if (!match) return { color: 'FFFFFF', transparency: 30 };
  const [r, g, b] = match.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0'));
  // The tints are faint on screen; a little stronger reads better projected.
  return { color: `${r}${g}${b}`.toUpperCase(), transparency: Math.round(Math.max(0, 100 - Number(match[4]) * 100 * 2)) };
}

const DASH: Record<string, PptxGenJS.ShapeLineProps['dashType']> = { solid: 'solid', dashed: 'dash', dotted: 'sysDot' };
const linkDash = (dash: string): PptxGenJS.ShapeLineProps['dashType'] =>
  !dash ? 'solid' : dash.split(' ').length > 2 ? 'dashDot' : Number(dash.split(' ')[0]) <= 3 ? 'sysDot' : 'dash';

/** Width of `text` in points at `size`: a generous estimate for Calibri/Arial, so text never overflows. */
const estimateWidth = (text: string, size: number, bold: boolean) => [...text].length * size * (bold ? 0.56 : 0.52);

/** Lines `text` takes when wrapped at word boundaries in `width` points (long words break, as PowerPoint does). */
function linesFor(text: string, size: number, bold: boolean, width: number): number {
  let lines = 1;
  let used = 0;
  const space = estimateWidth(' ', size, bold);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const wordWidth = estimateWidth(word, size, bold);
    if (used > 0 && used + space + wordWidth > width) {
      lines += 1;
      used = 0;
    }
    if (wordWidth > width) {
      lines += Math.ceil(wordWidth / width) - 1;
      used = wordWidth % width;
    } else used += (used > 0 ? space : 0) + wordWidth;
  }
  return lines;
}

interface CardText {
  text: string;
  scale: number;
  bold: boolean;
}

function cardLines(person: Stakeholder): CardText[] {
  const roles = person.roles.map((role) => ROLE_LOOK[role].badge).join(' ');
  return [
    { text: xmlSafe(person.name), scale: 1, bold: true },
    { text: xmlSafe(person.title || (person.placeholder ? t('exporter.seatToFill') : t('exporter.noTitle'))), scale: 0.85, bold: false },
    { text: [stanceWord(person.stance), roles, person.leftCompany ? t('exporter.pptx.left') : ''].filter(Boolean).join(' · '), scale: 0.75, bold: false },
  ];
}

/** The largest name size at which every card's text, wrapped, fits inside its card. */
function cardTextSize(cards: { lines: CardText[]; width: number; height: number }[]): number {
  for (const size of NAME_SIZES) {
    const fits = cards.every(({ lines, width, height }) => {
      const room = width - 2 * CARD_PADDING_PT;
      const needed = lines.reduce((sum, line) => sum + linesFor(line.text, size * line.scale, line.bold, room) * size * line.scale * 1.2, 0);
      return needed <= height - 2 * CARD_PADDING_PT;
    });
    if (fits) return size;
  }
  return NAME_SIZES[NAME_SIZES.length - 1];
}

/** How many shapes the slide holds for the map: title, subtitle and legend, then one per record and line. */
export function pptxShapeCount(map: AccountMap, selection: readonly string[] | null): number {
  const include = selection ? selectionWithContents(map, selection) : null;
  const has = (id: string) => !include || include.has(id);
  const links = Object.values(map.links).filter((l) => has(l.sourceId) && has(l.targetId) && recordRect(map, l.sourceId) && recordRect(map, l.targetId));
  const successors = Object.values(map.stakeholders).filter((p) => has(p.id) && p.leftCompany && p.successorId && map.stakeholders[p.successorId] && has(p.successorId));
  return 3 + Object.keys(map.departments).filter(has).length + Object.keys(map.stakeholders).filter(has).length + links.length + successors.length;
}

export async function renderPptxBytes(map: AccountMap, options: PptxExportOptions): Promise<Uint8Array> {
  const include = options.selection ? selectionWithContents(map, options.selection) : null;
  if (include && include.size === 0) throw new Error(t('exporter.selectFirst'));
  const bounds = mapBounds(map, include ?? undefined);
  if (!bounds) throw new Error(t('exporter.emptyMap'));
  const has = (id: string) => !include || include.has(id);

  // Map pixels to slide inches, centred in the area under the title.
  const top = bounds.y - 12; // room for the badges on department frames
  const scale = Math.min(MAX_SCALE, AREA.width / bounds.width, AREA.height / (bounds.height + 12));
  const left = AREA.x + (AREA.width - bounds.width * scale) / 2;
  const upper = AREA.y + (AREA.height - (bounds.height + 12) * scale) / 2;
  const place = (r: Rect) => ({ x: left + (r.x - bounds.x) * scale, y: upper + (r.y - top) * scale, w: r.width * scale, h: r.height * scale });

  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = xmlSafe(map.name);
  pptx.company = 'Powermap';
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  const people = Object.values(map.stakeholders).filter((p) => has(p.id));
  const date = options.date ?? formatDate(new Date(), { year: 'numeric', month: 'long', day: 'numeric' });

  slide.addText(xmlSafe(map.name), { x: MARGIN, y: 0.3, w: AREA.width, h: 0.55, fontFace: FONT, fontSize: 28, bold: true, color: '0F172A', margin: 0, valign: 'top' });
  slide.addText(subtitle(date, people.length), {
    x: MARGIN, y: 0.82, w: AREA.width, h: 0.3, fontFace: FONT, fontSize: 14, color: '475569', margin: 0, valign: 'top',
  });

  // Departments, outermost first so inner frames lie on top.
  const depth = (department: Department) => {
    let d = 0;
    for (let p = department.parentId; p && d < 64; p = map.departments[p]?.parentId) d++;
    return d;
  };
  const departments = Object.values(map.departments).filter((d) => has(d.id)).sort((a, b) => depth(a) - depth(b));
  const labelSize = Math.max(6, Math.min(14, 17 * scale * PT_PER_INCH));
  for (const department of departments) {
    const look = COVERAGE_LOOK[department.coverage];
    const badge = department.coverage === 'competitor' && department.competitor ? t('exporter.competitorBadge', { name: department.competitor }) : coverageWord(department.coverage);
    const base = look.background.match(/rgba\([^)]*\)\s*$/)?.[0] ?? 'rgba(255, 255, 255, 0.7)';
    const box = place(recordRect(map, department.id)!);
    // The coverage badge goes beside the name when both fit on the frame's top line; the frame's
    // colour and dashes (explained in the legend line) say it anyway.
    const room = box.w * PT_PER_INCH - labelSize * 1.2;
    const withBadge = estimateWidth(`${department.name}  ${badge}`, labelSize, true) <= room;
    slide.addText(
      [
        { text: xmlSafe(department.name), options: { bold: true, color: '0F172A', fontSize: labelSize } },
        ...(withBadge ? [{ text: `  ${xmlSafe(badge)}`, options: { bold: true, color: hex(look.badgeColor), fontSize: labelSize * 0.75 } }] : []),
      ],
      {
        ...box,
        shape: pptx.ShapeType.roundRect,
        rectRadius: 0.08,
        fill: rgba(base),
        line: { color: hex(look.border), width: 1.5, dashType: DASH[look.borderStyle] },
        fontFace: FONT,
        valign: 'top',
        align: 'left',
        margin: [labelSize * 0.4, labelSize * 0.6, 0, labelSize * 0.6],
        objectName: `Department: ${xmlSafe(department.name)} (${badge})`,
      },
    );
  }

  // Lines, from border to border as on the canvas, under the cards.
  const line = (from: Rect, to: Rect, look: { color: string; width: number; dash: PptxGenJS.ShapeLineProps['dashType']; arrow: boolean }, name: string) => {
    const start = borderPoint(from, to);
    const end = borderPoint(to, from);
    const a = place({ x: start.x, y: start.y, width: 0, height: 0 });
    const b = place({ x: end.x, y: end.y, width: 0, height: 0 });
    slide.addShape(pptx.ShapeType.line, {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      w: Math.max(Math.abs(b.x - a.x), 0.001),
      h: Math.max(Math.abs(b.y - a.y), 0.001),
      flipH: b.x < a.x,
      flipV: b.y < a.y,
      line: { color: hex(look.color), width: Math.max(0.75, look.width * 0.6), dashType: look.dash, endArrowType: look.arrow ? 'triangle' : 'none' },
      objectName: name,
    });
  };
  const rect = (id: string) => recordRect(map, id);
  for (const link of Object.values(map.links) as Link[]) {
    if (!has(link.sourceId) || !has(link.targetId)) continue;
    const from = rect(link.sourceId);
    const to = rect(link.targetId);
    if (!from || !to) continue;
    const look = LINK_LOOK[link.kind];
    line(from, to, { color: look.color, width: look.width, dash: linkDash(look.dash), arrow: look.arrow }, `${look.label}${link.label ? `: ${xmlSafe(link.label)}` : ''}`);
  }
  for (const person of people) {
    if (!person.leftCompany || !person.successorId || !map.stakeholders[person.successorId] || !has(person.successorId)) continue;
    line(rect(person.id)!, rect(person.successorId)!, { color: '#64748b', width: 1.5, dash: 'sysDot', arrow: true }, 'Successor');
  }

  // Cards: one rounded rectangle each, its text wrapped inside at one size for the whole slide.
  const cards = people.map((person) => {
    const box = place(rect(person.id)!);
    return { person, box, lines: cardLines(person), width: box.w * PT_PER_INCH, height: box.h * PT_PER_INCH };
  });
  const size = cardTextSize(cards);
  for (const { person, box, lines } of cards) {
    const stance = STANCE_LOOK[person.stance];
    slide.addText(
      lines.map((entry, index) => ({
        text: entry.text,
        options: {
          bold: entry.bold,
          italic: index === 0 && person.placeholder,
          strike: index === 0 && person.leftCompany ? ('sngStrike' as const) : undefined,
          fontSize: Math.max(4, Math.round(size * entry.scale * 2) / 2),
          color: index === 2 ? (person.stance === 'unknown' ? '475569' : hex(stance.color)) : index === 0 ? '0F172A' : '475569',
          breakLine: index < lines.length - 1,
        },
      })),
      {
        ...box,
        shape: pptx.ShapeType.roundRect,
        rectRadius: 0.12,
        fill: { color: 'FFFFFF' },
        line: { color: hex(stance.color), width: Math.max(1.5, Math.min(3, box.w * 2)), dashType: person.placeholder ? 'dash' : 'solid' },
        fontFace: FONT,
        valign: 'top',
        align: 'left',
        margin: [CARD_PADDING_PT, CARD_PADDING_PT, CARD_PADDING_PT, CARD_PADDING_PT],
        fit: 'none',
        objectName: `Stakeholder: ${xmlSafe(person.name)}`,
      },
    );
  }

  // One line of legend: the stances on the slide, the frames and the kinds of line, each mark in its colour.
  const used = legendEntries({ ...map, stakeholders: Object.fromEntries(people.map((p) => [p.id, p])), departments: Object.fromEntries(departments.map((d) => [d.id, d])) });
  const entry = (mark: string, color: string, label: string) => [
    { text: mark, options: { color: hex(color), bold: true } },
    { text: ` ${label}    `, options: { color: '334155' } },
  ];
  const heading = (text: string) => ({ text, options: { bold: true, color: '475569' } });
  slide.addText(
    [
      heading(t('exporter.pptx.cards')),
      ...used.stances.flatMap((s) => entry('■', STANCE_LOOK[s].color, stanceWord(s))),
      ...(used.coverages.length ? [heading(t('exporter.pptx.frames'))] : []),
      ...used.coverages.flatMap((c) => entry(COVERAGE_LOOK[c].borderStyle === 'solid' ? '▭' : '⬚', COVERAGE_LOOK[c].border, coverageWord(c))),
      ...(used.links.length ? [heading(t('exporter.pptx.lines'))] : []),
      ...used.links.flatMap((k) => entry(LINK_LOOK[k].arrow ? '→' : '—', LINK_LOOK[k].color, t(`common.linkKind.${k}`))),
    ],
    { x: MARGIN, y: SLIDE.height - 0.6, w: AREA.width, h: 0.4, fontFace: FONT, fontSize: 10, margin: 0, valign: 'middle', objectName: 'Legend' },
  );

  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

export async function renderPptx(map: AccountMap, options: PptxExportOptions): Promise<Blob> {
  const bytes = await renderPptxBytes(map, options);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
