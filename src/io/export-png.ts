// PNG export for slides: the whole map (not just what is on screen) or the selection, at 2x, with
// the map's title, the date and a legend, on white or transparent. The picture is drawn from the
// domain as SVG (map-svg.ts) and rasterised once, which is much faster than cloning React Flow's
// DOM, and it does not depend on what is scrolled into view.
import type { AccountMap } from '../domain/types';
import { formatDate, t } from '../i18n';
import { fontFaceCss } from './embedded-fonts';
import { embedMapInPng, embedMapInSvg } from './embedded-map';
import { serializeMapFile } from './map-file';

export { exportFileName } from './file-names';
import { pictureText, renderMapSvg, selectionWithContents, type SvgDocument } from './map-svg';
import { CARD_NAME_SIZE, renderSlideSvg, SLIDE_WIDTH, type SlideDocument } from './slide';

export interface PngExportOptions {
  /** The selected ids to draw (with what is inside selected departments), or null for the whole map. */
  selection: readonly string[] | null;
  background: 'white' | 'transparent';
  /** Device pixels per CSS pixel; 2 for slides. Lowered automatically for very large maps. */
  pixelRatio?: number;
  /** Put the map file into the picture, so that opening the picture in Powermap reopens the map. */
  embedMap?: boolean;
  /** Hears how far the routing of the picture's lines is (a large map's take most of a minute). */
  onLines?: LineProgress;
}

/** `routed` of the picture's `total` lines have been routed around the cards. */
export type LineProgress = (routed: number, total: number) => void;

/**
 * Chromium refuses canvases past 16,384 pixels a side or about 268 million pixels, and a large
 * canvas can fail for want of memory well before; stay under both with a margin.
 */
const MAX_CANVAS_SIDE = 16000;
const MAX_CANVAS_AREA = 120_000_000;
/** Below this many device pixels per SVG pixel a picture is not worth making. */
const MIN_RATIO = 0.05;

/** The lines as on screen: routed around the cards, in the router's own worker (it loads on first use). */
async function routedLines(map: AccountMap, include: ReadonlySet<string> | null, onLines?: LineProgress) {
  const [{ sceneOf }, { routeScene }] = await Promise.all([import('../drawing/line-routes'), import('./route-worker')]);
  return routeScene(sceneOf(map, include), onLines);
}

const today = () => formatDate(new Date(), { year: 'numeric', month: 'long', day: 'numeric' });

/** The map (or the selection) as a self-contained SVG document with its fonts embedded. */
export async function renderExportSvg(map: AccountMap, options: Omit<PngExportOptions, 'pixelRatio' | 'embedMap'>): Promise<SvgDocument> {
  const include = options.selection ? selectionWithContents(map, options.selection) : null;
  if (include && include.size === 0) throw new Error(t('exporter.selectFirst'));
  // Embed only the scripts the map's text uses: every name, title and label is in the document.
  const fontCss = await fontFaceCss(pictureText(map));
  return renderMapSvg(map, { include, background: options.background, fontCss, date: today(), routes: await routedLines(map, include, options.onLines) });
}

const warmedFonts = new Set<string>();

export async function loadSvgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * An SVG drawn as an image loads its embedded fonts on its own; the first time, decode() can
 * finish before they are ready and the text comes out blank. Drawing a small sample with the
 * same fonts once, and giving it a moment, puts them in the browser's cache for the real export.
 */
export async function warmUpFonts(svg: string): Promise<void> {
  const fontCss = svg.match(/<style>(.*?)<\/style>/s)?.[1] ?? '';
  if (!fontCss || warmedFonts.has(fontCss)) return;
  const families = [...new Set([...fontCss.matchAll(/font-family:'([^']+)'/g)].map((m) => m[1]))];
  const samples = families
    .flatMap((family, row) =>
      [400, 600, 700].map((weight, column) => `<text x="${column * 80}" y="${20 + row * 24}" font-family="'${family}'" font-weight="${weight}">Aa Ωω Жж Ăă</text>`),
    )
    .join('');
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="${24 * families.length + 10}"><defs><style>${fontCss}</style></defs>${samples}</svg>`;
  const image = await loadSvgImage(probe);
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  canvas.getContext('2d')?.drawImage(image, 0, 0);
  await new Promise((resolve) => setTimeout(resolve, 120));
  warmedFonts.add(fontCss);
}

/** What a picture came out as, when it is not what was asked for. */
export type ExportNote = (message: string) => void;

/**
 * Draws an SVG document into a PNG at `ratio` device pixels per SVG pixel. A picture past the
 * browser's canvas limits is drawn smaller (and `note` says so); a canvas the browser leaves blank
 * (it does, without an error, when memory runs short) is found and drawn smaller again, so the
 * result is never an empty image.
 */
export async function rasterise(document_: SvgDocument, ratio: number, note?: ExportNote): Promise<Blob> {
  await warmUpFonts(document_.svg);
  const fitting = Math.min(ratio, MAX_CANVAS_SIDE / document_.width, MAX_CANVAS_SIDE / document_.height, Math.sqrt(MAX_CANVAS_AREA / (document_.width * document_.height)));
  const image = await loadSvgImage(document_.svg);
  for (let scale = fitting; scale >= MIN_RATIO; scale /= 2) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(document_.width * scale));
    canvas.height = Math.max(1, Math.round(document_.height * scale));
    const context = canvas.getContext('2d');
    if (!context) continue;
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    if (!drawnOn(canvas)) {
      canvas.width = canvas.height = 0; // hand the memory back before trying smaller
      continue;
    }
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    canvas.width = canvas.height = 0;
    if (!png) continue;
    if (scale < ratio * 0.999) {
      note?.(
        t('exporter.tooLargePicture', {
          ratio,
          width: Math.round(document_.width * ratio),
          height: Math.round(document_.height * ratio),
          madeWidth: Math.round(document_.width * scale),
          madeHeight: Math.round(document_.height * scale),
        }),
      );
    }
    return png;
  }
  throw new Error(t('exporter.cannotDraw', { width: document_.width, height: document_.height }));
}

/** Whether anything was drawn: a small copy of the canvas holds at least one non-transparent pixel. */
function drawnOn(canvas: HTMLCanvasElement): boolean {
  const probe = document.createElement('canvas');
  probe.width = 64;
  probe.height = 64;
  const context = probe.getContext('2d', { willReadFrequently: true });
  if (!context) return true;
  context.drawImage(canvas, 0, 0, 64, 64);
  const pixels = context.getImageData(0, 0, 64, 64).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  return false;
}

export async function renderMapPng(map: AccountMap, options: PngExportOptions, note?: ExportNote): Promise<Blob> {
  const document_ = await renderExportSvg(map, options);
  const png = await rasterise(document_, options.pixelRatio ?? 2, note);
  return options.embedMap ? withEmbeddedMap(png, map) : png;
}

export interface SlideExportOptions extends Omit<PngExportOptions, 'pixelRatio'> {
  /** 1920 x 1080, or 3840 x 2160 (the same slide at 2x). */
  size: 1920 | 3840;
}

/** The slide as SVG (see slide.ts), with the fonts embedded. */
export async function renderSlideDocument(map: AccountMap, options: Omit<SlideExportOptions, 'size' | 'embedMap'>): Promise<SlideDocument> {
  const include = options.selection ? selectionWithContents(map, options.selection) : null;
  if (include && include.size === 0) throw new Error(t('exporter.selectFirst'));
  return renderSlideSvg(map, {
    include,
    background: options.background,
    fontCss: await fontFaceCss(pictureText(map)),
    date: today(),
    routes: await routedLines(map, include, options.onLines),
  });
}

/** A 16:9 PNG slide; `note` hears when the names come out too small to read on it. */
export async function renderSlidePng(map: AccountMap, options: SlideExportOptions, note?: ExportNote): Promise<Blob> {
  const slide = await renderSlideDocument(map, options);
  const nameSize = CARD_NAME_SIZE * slide.mapScale;
  if (nameSize < 11) {
    note?.(t(options.size === 3840 ? 'exporter.smallNames4k' : 'exporter.smallNames', { less: nameSize < 1 ? 'yes' : 'no', size: Math.round(nameSize) }));
  }
  const png = await rasterise(slide, options.size / SLIDE_WIDTH, note);
  return options.embedMap ? withEmbeddedMap(png, map) : png;
}

/** The SVG file to save: the picture, with the map file inside it when asked. */
export async function renderSvgFile(map: AccountMap, options: Omit<PngExportOptions, 'pixelRatio'>): Promise<Blob> {
  const { svg } = await renderExportSvg(map, options);
  return new Blob([options.embedMap ? embedMapInSvg(svg, serializeMapFile(map, null)) : svg], { type: 'image/svg+xml' });
}

/** The PNG with the map file in it (see embedded-map.ts). */
export async function withEmbeddedMap(png: Blob, map: AccountMap): Promise<Blob> {
  const bytes = embedMapInPng(new Uint8Array(await png.arrayBuffer()), serializeMapFile(map, null));
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}
