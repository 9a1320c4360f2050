// PNG export for slides: the whole map (not just what is on screen) or the selection, at 2x, with
// the map's title, the date and a legend, on white or transparent. The picture is drawn from the
// domain as SVG (map-svg.ts) and rasterised once, which is much faster than cloning React Flow's
// DOM, and it does not depend on what is scrolled into view.
import type { AccountMap } from '../domain/types';
import { fontFaceCss } from './embedded-fonts';

export { exportFileName } from './file-names';
import { renderMapSvg, selectionWithContents, type SvgDocument } from './map-svg';

export interface PngExportOptions {
  /** The selected ids to draw (with what is inside selected departments), or null for the whole map. */
  selection: readonly string[] | null;
  background: 'white' | 'transparent';
  /** Device pixels per CSS pixel; 2 for slides. Lowered automatically for very large maps. */
  pixelRatio?: number;
}

/** Chromium refuses canvases much past 16k pixels a side; stay under with a margin. */
const MAX_CANVAS_SIDE = 16000;
const MAX_CANVAS_AREA = 120_000_000;

/** The map (or the selection) as a self-contained SVG document with its fonts embedded. */
export async function renderExportSvg(map: AccountMap, options: Omit<PngExportOptions, 'pixelRatio'>): Promise<SvgDocument> {
  const include = options.selection ? selectionWithContents(map, options.selection) : null;
  if (include && include.size === 0) throw new Error('Select the stakeholders or departments to export first.');
  // Embed only the scripts the map's text uses: every name, title and label is in the document.
  const fontCss = await fontFaceCss(JSON.stringify(map));
  const date = new Date().toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  // The lines as on screen: routed around the cards (the router loads on first use).
  const [{ routeLines, sceneOf }, { loadLineRouter }] = await Promise.all([import('../drawing/line-routes'), import('./line-router')]);
  const routes = routeLines(await loadLineRouter(), sceneOf(map, include));
  return renderMapSvg(map, { include, background: options.background, fontCss, date, routes });
}

const warmedFonts = new Set<string>();

async function loadSvgImage(svg: string): Promise<HTMLImageElement> {
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
async function warmUpFonts(svg: string): Promise<void> {
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

export async function renderMapPng(map: AccountMap, options: PngExportOptions): Promise<Blob> {
  const document_ = await renderExportSvg(map, options);
  await warmUpFonts(document_.svg);
  let ratio = options.pixelRatio ?? 2;
  ratio = Math.min(ratio, MAX_CANVAS_SIDE / document_.width, MAX_CANVAS_SIDE / document_.height);
  ratio = Math.min(ratio, Math.sqrt(MAX_CANVAS_AREA / (document_.width * document_.height)));

  const image = await loadSvgImage(document_.svg);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(document_.width * ratio);
  canvas.height = Math.round(document_.height * ratio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser could not create an image.');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png'),
  );
}
