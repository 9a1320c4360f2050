// The poster: the map printed at full size (one picture pixel = one CSS pixel, 0.265 mm, so names
// print at 11 pt and the smallest text at 8 pt) over as many landscape A4 or A3 pages as it needs.
// Neighbouring pages overlap by 10 mm so they can be trimmed and taped; crop marks show the
// printed area and dashed marks where the next page's overlap begins. The first page is the
// index: the whole map in miniature with the page grid and numbers. Any map fits, however large:
// each page is drawn on its own small canvas, never the whole map at once.
//
// jsPDF writes the PDF: it is actively maintained (pdf-lib has had no release since 2021), embeds
// JPEG pages as they are (no re-encoding), and draws the marks and labels as vector lines and
// text. It loads only when this export is chosen.
import { t } from '../i18n';
import { jsPDF } from 'jspdf';
import type { AccountMap } from '../domain/types';
import { loadSvgImage, renderExportSvg, warmUpFonts, type ExportNote, type LineProgress } from './export-png';

export type PosterPaper = 'a4' | 'a3';

/** Landscape page sizes, in millimetres. */
export const PAPER: Record<PosterPaper, { width: number; height: number }> = {
  a4: { width: 297, height: 210 },
  a3: { width: 420, height: 297 },
};
/** White border most printers need, in mm; the marks and the page label sit in it. */
export const PAGE_MARGIN = 10;
/** How far neighbouring pages print the same strip of the map, in mm. */
export const OVERLAP = 10;
/** Millimetres per picture pixel: CSS's 96 pixels per inch. */
export const MM_PER_PX = 25.4 / 96;
/** Resolution of the printed pages: 8 pt text stays crisp, and a page is about half a megabyte. */
const DPI = 150;

export interface PosterTile {
  /** 1-based, as printed: "row 1 / column 2". */
  row: number;
  column: number;
  /** Page number in the PDF (the index is page 1). */
  page: number;
  /** The part of the picture this page prints, in picture pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PosterLayout {
  paper: PosterPaper;
  rows: number;
  columns: number;
  /** Pages in the PDF, the index page included. */
  pages: number;
  tiles: PosterTile[];
  /** The printable area of a page, in mm. */
  area: { width: number; height: number };
}

/** Which part of a `width` x `height` picture (in pixels) each page prints. */
export function posterLayout(width: number, height: number, paper: PosterPaper): PosterLayout {
  const area = { width: PAPER[paper].width - 2 * PAGE_MARGIN, height: PAPER[paper].height - 2 * PAGE_MARGIN };
  const pageWidth = area.width / MM_PER_PX;
  const pageHeight = area.height / MM_PER_PX;
  const stepX = (area.width - OVERLAP) / MM_PER_PX;
  const stepY = (area.height - OVERLAP) / MM_PER_PX;
  const columns = Math.max(1, Math.ceil((width - pageWidth) / stepX - 1e-9) + 1);
  const rows = Math.max(1, Math.ceil((height - pageHeight) / stepY - 1e-9) + 1);
  const tiles: PosterTile[] = [];
  for (let row = 1; row <= rows; row++) {
    for (let column = 1; column <= columns; column++) {
      tiles.push({ row, column, page: tiles.length + 2, x: (column - 1) * stepX, y: (row - 1) * stepY, width: pageWidth, height: pageHeight });
    }
  }
  return { paper, rows, columns, pages: tiles.length + 1, tiles, area };
}

export interface PosterOptions {
  selection: readonly string[] | null;
  paper: PosterPaper;
  /** Hears how far the drawing is: `done` of `total` pages. A large map takes minutes. */
  onProgress?: (done: number, total: number) => void;
  /** Hears how far the routing of the lines is, before any page is drawn. */
  onLines?: LineProgress;
}

/**
 * Draws part of the picture (x, y, w, h in picture pixels) into a JPEG `pixelsWide` pixels wide,
 * or gives null when that part of the picture is blank white (a page not worth printing).
 */
async function jpegOf(image: HTMLImageElement, part: { x: number; y: number; width: number; height: number }, pixelsWide: number, keepBlank = false): Promise<Uint8Array | null> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(pixelsWide);
  canvas.height = Math.round((pixelsWide * part.height) / part.width);
  const context = canvas.getContext('2d', { willReadFrequently: !keepBlank });
  if (!context) throw new Error('this browser could not create an image.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, part.x, part.y, part.width, part.height, 0, 0, canvas.width, canvas.height);
  if (!keepBlank && isBlank(context.getImageData(0, 0, canvas.width, canvas.height).data)) {
    canvas.width = canvas.height = 0;
    return null;
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.88));
  canvas.width = canvas.height = 0;
  if (!blob) throw new Error('a page could not be encoded.');
  return new Uint8Array(await blob.arrayBuffer());
}

/** True when every pixel is (nearly) white: every channel of every pixel at least 250. */
function isBlank(pixels: Uint8ClampedArray): boolean {
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] < 250 || pixels[i + 1] < 250 || pixels[i + 2] < 250) return false;
  }
  return true;
}

/** The layout with only the tiles in `printed` (by index), numbered again from page 2 on. */
export function withoutBlankPages(layout: PosterLayout, printed: ReadonlySet<number>): PosterLayout {
  const tiles = layout.tiles.filter((_, index) => printed.has(index)).map((tile, index) => ({ ...tile, page: index + 2 }));
  return { ...layout, tiles, pages: tiles.length + 1 };
}

/** Crop marks at the corners of the printed area, and dashed marks where the overlap with a neighbour starts. */
function marks(pdf: jsPDF, layout: PosterLayout, tile: PosterTile): void {
  const { width: pageWidth, height: pageHeight } = PAPER[layout.paper];
  const left = PAGE_MARGIN;
  const top = PAGE_MARGIN;
  const right = pageWidth - PAGE_MARGIN;
  const bottom = pageHeight - PAGE_MARGIN;
  pdf.setDrawColor(15, 23, 42);
  pdf.setLineWidth(0.2);
  pdf.setLineDashPattern([], 0);
  const tick = 6;
  for (const [x, y, dx, dy] of [
    [left, top, -1, -1],
    [right, top, 1, -1],
    [left, bottom, -1, 1],
    [right, bottom, 1, 1],
  ]) {
    pdf.line(x + dx * 1, y, x + dx * tick, y);
    pdf.line(x, y + dy * 1, x, y + dy * tick);
  }
  // The overlap: this strip is printed on the neighbour too. Trim one page along the dashed line and lay it on the other.
  pdf.setDrawColor(124, 58, 237);
  pdf.setLineDashPattern([1.5, 1.5], 0);
  const overlapMarks: [number, number, number, number][] = [];
  if (tile.column < layout.columns) overlapMarks.push([right - OVERLAP, top - 4, right - OVERLAP, top], [right - OVERLAP, bottom, right - OVERLAP, bottom + 4]);
  if (tile.column > 1) overlapMarks.push([left + OVERLAP, top - 4, left + OVERLAP, top], [left + OVERLAP, bottom, left + OVERLAP, bottom + 4]);
  if (tile.row < layout.rows) overlapMarks.push([left - 4, bottom - OVERLAP, left, bottom - OVERLAP], [right, bottom - OVERLAP, right + 4, bottom - OVERLAP]);
  if (tile.row > 1) overlapMarks.push([left - 4, top + OVERLAP, left, top + OVERLAP], [right, top + OVERLAP, right + 4, top + OVERLAP]);
  for (const [x1, y1, x2, y2] of overlapMarks) pdf.line(x1, y1, x2, y2);
  pdf.setLineDashPattern([], 0);
}

/** Text for jsPDF's built-in fonts, which only know Latin-1; other text is left out (the picture itself carries the title). */
const latin1 = (text: string) => (/^[\u0020-\u007e\u00a0-\u00ff]*$/.test(text.normalize('NFC')) ? text.normalize('NFC') : '');

/** The label in the bottom margin of a tile, e.g. "Row 1 / column 2, page 3 of 7", in the current language. */
export const tileLabel = (tile: PosterTile, layout: PosterLayout) =>
  t('exporter.poster.tile', { row: tile.row, column: tile.column, page: tile.page, pages: layout.pages });

const MM_PER_PT = 25.4 / 72;

/**
 * Writes `text` at (x, y) (the baseline's left end; with `centred`, the middle of the text). jsPDF's
 * built-in fonts only know Latin-1, so text they cannot write (Greek, Cyrillic, ș, ł…) is drawn on a
 * canvas in the page's Noto Sans, four pixels a point, and placed as an image of the same size.
 */
function write(pdf: jsPDF, text: string, x: number, y: number, size: number, color: [number, number, number], centred = false): void {
  pdf.setFontSize(size);
  pdf.setTextColor(...color);
  if (latin1(text) === text.normalize('NFC')) {
    pdf.text(text, x, y, centred ? { align: 'center', baseline: 'middle' } : undefined);
    return;
  }
  const scale = 4;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return;
  const font = `${size * scale}px 'Noto Sans', sans-serif`;
  context.font = font;
  canvas.width = Math.max(1, Math.ceil(context.measureText(text).width) + 2);
  canvas.height = Math.ceil(size * scale * 1.4);
  context.font = font;
  context.fillStyle = `rgb(${color.join(',')})`;
  context.textBaseline = 'alphabetic';
  const baseline = size * scale * 1.05;
  context.fillText(text, 1, baseline);
  const width = (canvas.width / scale) * MM_PER_PT;
  const height = (canvas.height / scale) * MM_PER_PT;
  const top = centred ? y - height / 2 : y - (baseline / scale) * MM_PER_PT;
  pdf.addImage(canvas.toDataURL('image/png'), 'PNG', centred ? x - width / 2 : x, top, width, height, undefined, 'FAST');
  canvas.width = canvas.height = 0;
}

export async function renderPosterPdf(map: AccountMap, options: PosterOptions, note?: ExportNote): Promise<Blob> {
  const picture = await renderExportSvg(map, { selection: options.selection, background: 'white', onLines: options.onLines });
  await warmUpFonts(picture.svg);
  const image = await loadSvgImage(picture.svg);
  const grid = posterLayout(picture.width, picture.height, options.paper);
  const { width: pageWidth, height: pageHeight } = PAPER[options.paper];

  // Draw every page first: a blank one (nothing of the map on it) is left out, and the rest are numbered.
  const pixelsWide = (grid.area.width / 25.4) * DPI;
  const jpegs: Uint8Array[] = [];
  const printed = new Set<number>();
  for (const [index, tile] of grid.tiles.entries()) {
    options.onProgress?.(index, grid.tiles.length);
    const jpeg = await jpegOf(image, tile, pixelsWide);
    if (!jpeg) continue;
    printed.add(index);
    jpegs.push(jpeg);
  }
  if (jpegs.length === 0) throw new Error(t('exporter.poster.cameOutBlank'));
  const layout = withoutBlankPages(grid, printed);

  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: options.paper, compress: true });
  pdf.setProperties({ title: t('exporter.poster.documentTitle', { name: map.name }), creator: 'Powermap' });
  pdf.setFont('helvetica', 'normal');

  // Page 1, the index: the whole picture fitted, the page grid over it, each page's number.
  const fit = Math.min(layout.area.width / (picture.width * MM_PER_PX), (layout.area.height - 12) / (picture.height * MM_PER_PX));
  const miniature = { width: picture.width * MM_PER_PX * fit, height: picture.height * MM_PER_PX * fit };
  const origin = { x: (pageWidth - miniature.width) / 2, y: PAGE_MARGIN + 12 };
  const skipped = grid.tiles.length - layout.tiles.length;
  const paper = options.paper.toUpperCase();
  write(pdf, t('exporter.poster.heading', { count: layout.tiles.length, paper, rows: layout.rows, columns: layout.columns }), PAGE_MARGIN, PAGE_MARGIN + 5, 14, [15, 23, 42]);
  const howTo = [
    t('exporter.poster.howTo', { overlap: OVERLAP }),
    skipped ? t('exporter.poster.blankPages', { count: skipped }) : '',
    t('exporter.poster.firstPage', { pages: layout.pages }),
  ];
  write(pdf, howTo.filter(Boolean).join(' '), PAGE_MARGIN, PAGE_MARGIN + 10, 9, [71, 85, 105]);
  const indexPixels = Math.min(2400, (miniature.width / 25.4) * 150);
  pdf.addImage((await jpegOf(image, { x: 0, y: 0, width: picture.width, height: picture.height }, indexPixels, true))!, 'JPEG', origin.x, origin.y, miniature.width, miniature.height, undefined, 'FAST');
  const toIndex = (px: number) => px * MM_PER_PX * fit;
  const numberSize = Math.max(6, Math.min(28, toIndex(grid.tiles[0].width) * 1.2));
  for (const [index, tile] of grid.tiles.entries()) {
    const page = printed.has(index) ? layout.tiles.find((t) => t.row === tile.row && t.column === tile.column)!.page : null;
    const x = origin.x + toIndex(tile.x);
    const y = origin.y + toIndex(tile.y);
    const w = Math.min(toIndex(tile.width), miniature.width - toIndex(tile.x));
    const h = Math.min(toIndex(tile.height), miniature.height - toIndex(tile.y));
    pdf.setDrawColor(124, 58, 237);
    pdf.setLineWidth(0.3);
    pdf.rect(x, y, w, h);
    if (page) write(pdf, String(page), x + w / 2, y + h / 2, numberSize, [124, 58, 237], true);
    else write(pdf, t('exporter.poster.blank'), x + w / 2, y + h / 2, numberSize / 2, [148, 163, 184], true);
  }

  // The pages of the poster.
  const name = latin1(map.name);
  for (const [index, tile] of layout.tiles.entries()) {
    pdf.addPage(options.paper, 'landscape');
    pdf.addImage(jpegs[index], 'JPEG', PAGE_MARGIN, PAGE_MARGIN, layout.area.width, layout.area.height, undefined, 'FAST');
    marks(pdf, layout, tile);
    write(pdf, `${tileLabel(tile, layout)}${name ? `   ·   ${name}` : ''}`, PAGE_MARGIN + 8, pageHeight - PAGE_MARGIN / 2 + 1, 8, [71, 85, 105]);
  }
  if (layout.pages > 60) note?.(t('exporter.poster.manyPages', { pages: layout.pages, paper }));
  return pdf.output('blob');
}
