// A large map seen from far, drawn on one <canvas> instead of thousands of elements.
//
// Why: zoomed out on a 5,000-person map, every card and line is on screen, and onlyRenderVisible-
// Elements mounts them all: opening such a map fitted to the screen spent seconds creating,
// styling and laying out elements whose text is a pixel high, and zooming out past the point where
// they all came into view did it again. When many cards are in view at a far zoom (farMapWanted),
// the canvas hides React Flow's nodes and the line layer and draws departments, cards (in their
// stance colour, as the overview does) and lines here: one path per stance, built once per map,
// and repainted with the view's transform on each move. Zoom in and the real cards come back.
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import { recordRect } from '../domain/commands';
import { STANCES, type AccountMap, type Stance } from '../domain/types';
import { STANCE_LOOK } from '../drawing/appearance';
import { useMapStore } from '../store/map-store';
import { recordCount } from '../domain/table-changes';
import { runAtOnce, type Steps } from '../domain/slices';
import { currentLanguage } from '../i18n';

/** Below this zoom, and with more cards than FAR_MAP_CARDS in view, the map is drawn on the canvas. */
export const FAR_MAP_CARDS = 400;

/** About how many cards are in view: the people times the share of the map's area on screen. */
export function cardsInView(map: AccountMap | null, bounds: { x: number; y: number; width: number; height: number } | null, view: { x: number; y: number; zoom: number; width: number; height: number }): number {
  if (!map || !bounds || bounds.width <= 0 || bounds.height <= 0) return 0;
  const left = Math.max(bounds.x, -view.x / view.zoom);
  const top = Math.max(bounds.y, -view.y / view.zoom);
  const right = Math.min(bounds.x + bounds.width, (view.width - view.x) / view.zoom);
  const bottom = Math.min(bounds.y + bounds.height, (view.height - view.y) / view.zoom);
  if (right <= left || bottom <= top) return 0;
  const share = ((right - left) * (bottom - top)) / (bounds.width * bounds.height);
  return recordCount(map.stakeholders) * share;
}

/** The map's part of the drawing: the same for every selection, so it is built once per map. */
interface MapDrawing {
  departments: Path2D;
  cards: [Stance, Path2D][];
  lines: Path2D;
  /** Each card's rectangle, for the selection's outlines. */
  rects: Map<string, { x: number; y: number; width: number; height: number }>;
}

interface Drawing extends MapDrawing {
  selected: Path2D;
}

/** Per map and language (card sizes follow the words). */
const drawings = new WeakMap<AccountMap, { language: string; drawing: MapDrawing }>();

/**
 * Builds the map's paths, a step per record (canvas/prepare.ts runs it in slices while a large
 * map opens, so the far view's first frame finds it built: 0.2 s at 20,000 people), and keeps them
 * for this map.
 */
export function* prepareFarDrawing(map: AccountMap): Steps<MapDrawing> {
  const known = drawings.get(map);
  if (known && known.language === currentLanguage()) return known.drawing;
  const departments = new Path2D();
  for (const id in map.departments) {
    const r = recordRect(map, id);
    if (r) departments.rect(r.x, r.y, r.width, r.height);
  }
  const rects = new Map<string, { x: number; y: number; width: number; height: number }>();
  const byStance = new Map<Stance, Path2D>();
  for (const person of Object.values(map.stakeholders)) {
    const r = recordRect(map, person.id);
    yield;
    if (!r) continue;
    rects.set(person.id, r);
    let path = byStance.get(person.stance);
    if (!path) byStance.set(person.stance, (path = new Path2D()));
    path.rect(r.x, r.y, r.width, r.height);
  }
  const lines = new Path2D();
  const centre = (r: { x: number; y: number; width: number; height: number }) => [r.x + r.width / 2, r.y + r.height / 2] as const;
  for (const link of Object.values(map.links)) {
    yield;
    const a = rects.get(link.sourceId);
    const b = rects.get(link.targetId);
    if (!a || !b) continue;
    lines.moveTo(...centre(a));
    lines.lineTo(...centre(b));
  }
  const drawing = { departments, lines, rects, cards: STANCES.filter((s) => byStance.has(s)).map((s) => [s, byStance.get(s)!] as [Stance, Path2D]) };
  drawings.set(map, { language: currentLanguage(), drawing });
  return drawing;
}

function drawingOf(map: AccountMap, selection: readonly string[]): Drawing {
  const drawing = runAtOnce(prepareFarDrawing(map));
  const selected = new Path2D();
  for (const id of selection) {
    const r = drawing.rects.get(id) ?? recordRect(map, id);
    if (r) selected.rect(r.x, r.y, r.width, r.height);
  }
  return { ...drawing, selected };
}

const viewSelector = (s: ReactFlowState) => [s.transform[0], s.transform[1], s.transform[2], s.width, s.height] as const;

function FarMapLayerComponent() {
  const map = useMapStore((s) => s.gestureStart ?? s.map);
  const selection = useMapStore((s) => s.selection);
  const [tx, ty, zoom, width, height] = useStore(viewSelector, shallow);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useMemo(() => (map ? drawingOf(map, selection) : null), [map, selection]);

  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !drawing) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(width * ratio);
    const h = Math.round(height * ratio);
    if (element.width !== w || element.height !== h) {
      element.width = w;
      element.height = h;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, w, h);
    context.setTransform(zoom * ratio, 0, 0, zoom * ratio, tx * ratio, ty * ratio);
    const pixel = 1 / zoom; // one screen pixel, in map units
    context.fillStyle = 'rgba(148, 163, 184, 0.16)';
    context.strokeStyle = '#94a3b8';
    context.lineWidth = pixel;
    context.fill(drawing.departments);
    context.stroke(drawing.departments);
    context.strokeStyle = 'rgba(100, 116, 139, 0.45)';
    context.stroke(drawing.lines);
    for (const [stance, path] of drawing.cards) {
      context.fillStyle = STANCE_LOOK[stance].color;
      context.fill(path);
    }
    context.strokeStyle = '#2563eb';
    context.lineWidth = 2 * pixel;
    context.stroke(drawing.selected);
    // For the benchmark's "fully drawn" probe and tests: what this frame shows.
    element.dataset.view = `${tx},${ty},${zoom}`;
    element.dataset.cards = String(map ? recordCount(map.stakeholders) : 0);
  }, [drawing, map, tx, ty, zoom, width, height]);

  return <canvas ref={canvas} className="pm-far-map" style={{ width, height }} aria-hidden="true" />;
}

export const FarMapLayer = memo(FarMapLayerComponent);
