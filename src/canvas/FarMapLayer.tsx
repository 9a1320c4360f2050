// A large map seen from far, drawn on one <canvas> instead of thousands of elements.
//
// Why: zoomed out on a 5,000-person map, every card and line is on screen, and onlyRenderVisible-
// Elements mounts them all: opening such a map fitted to the screen spent seconds creating,
// styling and laying out elements whose text is a pixel high, and zooming out past the point where
// they all came into view did it again. When many cards are in view at a far zoom (farMapWanted),
// the canvas hides React Flow's nodes and the line layer and draws departments, cards (in their
// stance colour, as the overview does) and lines here: one path per stance, built once per map,
// and repainted with the view's transform on each move. Zoom in and the real cards come back.
// Near the far zoom, where names can still be read, the canvas draws each card as a far card looks
// (white, a stance-coloured edge, the name in large type), so taking over early changes little.
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import { recordRect } from '../domain/commands';
import { STANCES, type AccountMap, type Stakeholder, type Stance } from '../domain/types';
import { STANCE_LOOK } from '../drawing/appearance';
import { useMapStore } from '../store/map-store';
import { recordCount } from '../domain/table-changes';
import { runAtOnce, type Steps } from '../domain/slices';
import { currentLanguage } from '../i18n';
import { farName, stakeholderCard, type CardLayout } from '../domain/card-layout';

/**
 * Below the far zoom, and with more cards than this in view, the map is drawn on the canvas. Low:
 * each card mounted, or re-rendered as a far card, costs the zoom step that does it (npm run bench,
 * pan + zoom at 500 people, see Canvas.tsx), while a canvas frame costs the same for 100 or 5,000.
 */
export const FAR_MAP_CARDS = 100;
/** Above this zoom the canvas draws cards as far cards (white, stance edge, name); below, stance-coloured blocks. */
const FACES_ZOOM = 0.15;
/** A name smaller than this on screen (px) is not drawn: it could not be read. */
const SMALLEST_NAME = 3;
const FONT = "'Noto Sans', system-ui, sans-serif";
/** Where the far card (nodes/StakeholderCard.css, .pm-card--far) puts its name: after the stance edge and padding. */
const NAME_LEFT = 14 + 14;
const EDGE = 14;

interface Named {
  person: Stakeholder;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A far card's name type: the card's own layout has it, worked out and kept per record when the
 * map opened, so the canvas does not wrap each name in view again the first time it draws it.
 */
function farNameOf(map: AccountMap, card: Named): CardLayout['far'] {
  const layout = stakeholderCard(map, card.person);
  return layout.width === card.width && layout.height === card.height ? layout.far : farName(card.person.name, card);
}

/** The map's part of the drawing: the same for every selection, so it is built once per map. */
interface MapDrawing {
  departments: Path2D;
  cards: [Stance, Path2D][];
  /** Every card's outline, and per stance the coloured edge of each card: the far card look. */
  faces: Path2D;
  edges: [Stance, Path2D][];
  /** Every card, for its name. */
  names: Named[];
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
  const edgeByStance = new Map<Stance, Path2D>();
  const faces = new Path2D();
  const names: Named[] = [];
  for (const person of Object.values(map.stakeholders)) {
    const r = recordRect(map, person.id);
    yield;
    if (!r) continue;
    rects.set(person.id, r);
    let path = byStance.get(person.stance);
    if (!path) byStance.set(person.stance, (path = new Path2D()));
    path.rect(r.x, r.y, r.width, r.height);
    faces.rect(r.x, r.y, r.width, r.height);
    let edge = edgeByStance.get(person.stance);
    if (!edge) edgeByStance.set(person.stance, (edge = new Path2D()));
    edge.rect(r.x, r.y, EDGE, r.height);
    names.push({ person, x: r.x, y: r.y, width: r.width, height: r.height });
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
  const stances = STANCES.filter((s) => byStance.has(s));
  const drawing: MapDrawing = {
    departments,
    lines,
    rects,
    cards: stances.map((s) => [s, byStance.get(s)!]),
    faces,
    edges: stances.map((s) => [s, edgeByStance.get(s)!]),
    names,
  };
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

/** The names of the cards in `view` (map units), each line centred on the card's height as the far card sets it. */
function drawNames(context: CanvasRenderingContext2D, map: AccountMap, names: readonly Named[], zoom: number, view: { x: number; y: number; width: number; height: number }): void {
  context.fillStyle = '#0f172a';
  context.textBaseline = 'middle';
  let font = 0;
  for (const card of names) {
    if (card.x > view.x + view.width || card.x + card.width < view.x || card.y > view.y + view.height || card.y + card.height < view.y) continue;
    const { size, lines } = farNameOf(map, card);
    if (size * zoom < SMALLEST_NAME) continue;
    if (size !== font) context.font = `700 ${(font = size)}px ${FONT}`;
    const lineHeight = size * 1.1;
    const top = card.y + (card.height - lines.length * lineHeight) / 2 + lineHeight / 2;
    lines.forEach((line, i) => context.fillText(line, card.x + NAME_LEFT, top + i * lineHeight));
  }
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
    if (!element || !context || !drawing || !map) return;
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
    if (zoom >= FACES_ZOOM) {
      context.fillStyle = '#ffffff';
      context.fill(drawing.faces);
      context.strokeStyle = '#94a3b8';
      context.lineWidth = 1.5 * pixel;
      context.stroke(drawing.faces);
      for (const [stance, path] of drawing.edges) {
        context.fillStyle = STANCE_LOOK[stance].color;
        context.fill(path);
      }
      drawNames(context, map, drawing.names, zoom, { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom });
    } else {
      for (const [stance, path] of drawing.cards) {
        context.fillStyle = STANCE_LOOK[stance].color;
        context.fill(path);
      }
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
