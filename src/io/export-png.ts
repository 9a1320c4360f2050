// PNG export for slides: the whole map (not just what is on screen) or the selection, at 2x,
// with the map's title, the date and a legend, on white or transparent.
// The map is rendered by html-to-image from React Flow's viewport at zoom 1, so it is as crisp as
// the screen at 2x; title and legend are composed around it on a canvas.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { getFontEmbedCSS, toCanvas } from 'html-to-image';
import type { AccountMap } from '../domain/types';
import { descendantsOf } from '../domain/commands';
import { getCanvas, getCanvasElement } from '../canvas/canvas-api';
import { LegendContent } from '../panels/Legend';
import { useMapStore } from '../store/map-store';

export interface PngExportOptions {
  scope: 'map' | 'selection';
  background: 'white' | 'transparent';
  /** Device pixels per CSS pixel; 2 for slides. Lowered automatically for very large maps. */
  pixelRatio?: number;
}

const PADDING = 48;
const HEADER_HEIGHT = 84;
const GAP = 32;
/** Chromium refuses canvases much past 16k pixels a side; stay under with a margin. */
const MAX_CANVAS_SIDE = 16000;
const MAX_CANVAS_AREA = 120_000_000;

/** UI that must not appear in a slide image: handles, resize grips, hover toolbars. */
const EXCLUDED_CLASSES = ['react-flow__handle', 'react-flow__resize-control', 'pm-quick-tags'];

let fontCss: Promise<string> | null = null;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function exportFileName(map: AccountMap, extension: string): string {
  const safe = map.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim() || 'account-map';
  return `${safe}.${extension}`;
}

/** Ids to include: the selection plus everything inside selected departments, or everything. */
function includedIds(map: AccountMap, scope: PngExportOptions['scope']): Set<string> | null {
  if (scope === 'map') return null;
  const ids = new Set<string>();
  for (const id of useMapStore.getState().selection) {
    if (id in map.departments) {
      ids.add(id);
      for (const inner of descendantsOf(map, id)) ids.add(inner);
      for (const person of Object.values(map.stakeholders)) {
        if (person.departmentId && ids.has(person.departmentId)) ids.add(person.id);
      }
    } else if (id in map.stakeholders) ids.add(id);
  }
  return ids;
}

async function renderLegend(map: AccountMap, pixelRatio: number, fontEmbedCSS: string): Promise<HTMLCanvasElement | null> {
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;';
  document.body.appendChild(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(createElement(LegendContent, { map })));
    await nextFrame();
    const element = host.firstElementChild as HTMLElement | null;
    if (!element) return null;
    return await toCanvas(element, { pixelRatio, fontEmbedCSS, backgroundColor: '#ffffff' });
  } finally {
    root.unmount();
    host.remove();
  }
}

export async function renderMapPng(map: AccountMap, options: PngExportOptions): Promise<Blob> {
  const flow = getCanvas();
  const container = getCanvasElement();
  const viewport = container?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !viewport) throw new Error('Open the map before exporting it.');

  const included = includedIds(map, options.scope);
  if (included && included.size === 0) throw new Error('Select the stakeholders or departments to export first.');
  const nodes = flow.getNodes().filter((node) => !included || included.has(node.id));
  if (nodes.length === 0) throw new Error('The map is empty: there is nothing to export yet.');

  // Selection highlights are for the screen, not the slide.
  const store = useMapStore.getState();
  const selection = store.selection;
  store.select([]);
  await nextFrame();
  await nextFrame();

  try {
    const bounds = flow.getNodesBounds(nodes);
    const width = Math.ceil(bounds.width + PADDING * 2);
    const height = Math.ceil(bounds.height + PADDING * 2);
    let pixelRatio = options.pixelRatio ?? 2;
    pixelRatio = Math.min(pixelRatio, MAX_CANVAS_SIDE / (width + 600), MAX_CANVAS_SIDE / (height + HEADER_HEIGHT));
    pixelRatio = Math.min(pixelRatio, Math.sqrt(MAX_CANVAS_AREA / ((width + 600) * (height + HEADER_HEIGHT))));

    fontCss ??= getFontEmbedCSS(viewport);
    const fontEmbedCSS = await fontCss;
    const includedLinks = included
      ? new Set(Object.values(map.links).filter((l) => included.has(l.sourceId) && included.has(l.targetId)).map((l) => l.id))
      : null;

    const mapImage = await toCanvas(viewport, {
      width,
      height,
      pixelRatio,
      fontEmbedCSS,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${PADDING - bounds.x}px, ${PADDING - bounds.y}px) scale(1)`,
      },
      filter: (element) => {
        const classes = element.classList;
        if (!classes) return true;
        if (EXCLUDED_CLASSES.some((name) => classes.contains(name))) return false;
        if (included && classes.contains('react-flow__node')) return included.has(element.dataset.id ?? '');
        if (includedLinks && classes.contains('react-flow__edge')) return includedLinks.has(element.getAttribute('data-id') ?? '');
        return true;
      },
    });
    const legend = await renderLegend(map, pixelRatio, fontEmbedCSS);
    return await compose(map, mapImage, legend, pixelRatio, options.background);
  } finally {
    useMapStore.getState().select(selection);
  }
}

async function compose(
  map: AccountMap,
  mapImage: HTMLCanvasElement,
  legend: HTMLCanvasElement | null,
  ratio: number,
  background: PngExportOptions['background'],
): Promise<Blob> {
  const legendWidth = legend ? legend.width / ratio : 0;
  const legendHeight = legend ? legend.height / ratio : 0;
  const mapWidth = mapImage.width / ratio;
  const mapHeight = mapImage.height / ratio;
  const width = mapWidth + (legend ? legendWidth + GAP + PADDING : 0);
  const height = HEADER_HEIGHT + Math.max(mapHeight, legendHeight + PADDING);

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser could not create an image.');
  context.scale(ratio, ratio);
  if (background === 'white') {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
  }

  const date = new Date().toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  const people = Object.keys(map.stakeholders).length;
  await Promise.all([
    document.fonts.load(`700 30px "Noto Sans"`, map.name),
    document.fonts.load(`400 16px "Noto Sans"`, date),
  ]).catch(() => undefined);
  context.fillStyle = '#0f172a';
  context.font = `700 30px "Noto Sans", sans-serif`;
  context.fillText(map.name, PADDING, 46, width - PADDING * 2);
  context.fillStyle = '#475569';
  context.font = `400 16px "Noto Sans", sans-serif`;
  context.fillText(`Account map · ${date} · ${people} stakeholders`, PADDING, 72, width - PADDING * 2);

  context.drawImage(mapImage, 0, HEADER_HEIGHT, mapWidth, mapHeight);
  if (legend) context.drawImage(legend, mapWidth + GAP, HEADER_HEIGHT + PADDING / 2, legendWidth, legendHeight);

  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png'),
  );
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
