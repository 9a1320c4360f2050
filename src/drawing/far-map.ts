// The far view of a map: departments in their coverage's colours, cards in their stance colours and straight lines, drawn on
// one 2D canvas (canvas/FarMapLayer.tsx). The scene (built by far-scene.ts) is plain data, numbers
// in typed arrays and one string per name, so it can be posted to the worker that draws it
// (canvas/far-map.worker.ts) at the cost of a copy, and drawn the same way by the page where there
// is no such worker. This module is all that worker loads.

/** Above this zoom cards are drawn as far cards (white, stance edge, name); below, stance-coloured blocks. */
export const FACES_ZOOM = 0.15;
/** A name smaller than this on screen (px) is not drawn: it could not be read. */
const SMALLEST_NAME = 3;
/** Laid over a card outside the focus: the pane's colour, so the card shows at about the opacity the page's dimmed cards have. */
const DIMMED = 'rgba(248, 250, 252, 0.78)';
/** Where the far card (nodes/StakeholderCard.css, .pm-card--far) puts its name: after the stance edge and padding. */
const NAME_LEFT = 14 + 14;
const EDGE = 14;

/** What the far view draws of one map: built once per map (and language, card sizes follow the words). */
export interface FarScene {
  /** x, y, width, height of each department. */
  departments: Float64Array;
  /** Each department's coverage, as an index into `departmentLooks`. */
  coverages: Uint8Array;
  /** How each coverage's frames are drawn (drawing/appearance.ts), in the order of COVERAGE_STATUSES. */
  departmentLooks: FarDepartmentLook[];
  /** x, y, width, height of each card. */
  cards: Float64Array;
  /** Each card's stance, as an index into `colors`. */
  stances: Uint8Array;
  /** Each stance's colour (drawing/appearance.ts), in the order of STANCES. */
  colors: string[];
  /** Each card's name type size, and its lines joined by line breaks. */
  nameSizes: Float32Array;
  names: string[];
  /** x1, y1, x2, y2 of each link, centre to centre. */
  lines: Float64Array;
}

/** A department frame seen from far: its fill, its edge, and the edge's dashes in screen pixels (none when solid). */
export interface FarDepartmentLook {
  fill: string;
  stroke: string;
  dash: number[];
}

/** Where the far view looks: React Flow's transform, the canvas's size in CSS pixels, the device pixel ratio. */
export interface FarView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
  ratio: number;
}

/** A rectangle in map units. */
export interface FarRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What the page shows itself while the far canvas lies under it: the cards and departments that
 * meet `cards` are its own, and so are the lines inside `lines` (they are cut at its edge).
 */
export interface FarHole {
  cards: FarRect;
  lines: FarRect;
}

/** The view as the benchmark's probe and the tests read it back from the canvas (`data-view`). */
export function viewKey(view: Pick<FarView, 'x' | 'y' | 'zoom'>): string {
  return `${view.x},${view.y},${view.zoom}`;
}

/** A scene's shapes as paths, built once per scene: each frame only fills and strokes them. */
export interface FarPaths {
  /** Per coverage, its departments' frames. */
  departments: Path2D[];
  /** Per stance, its cards' rectangles (the far look) and their stance-coloured edges (the far card look). */
  cards: Path2D[];
  edges: Path2D[];
  faces: Path2D;
  lines: Path2D;
}

/** Whether the rectangle at index `i` of `rects` (x, y, width, height each) meets `hole`; never when there is no hole. */
export function meetsHole(rects: Float64Array, i: number, hole: FarRect | null): boolean {
  if (!hole) return false;
  const x = rects[i * 4];
  const y = rects[i * 4 + 1];
  return x < hole.x + hole.width && y < hole.y + hole.height && x + rects[i * 4 + 2] > hole.x && y + rects[i * 4 + 3] > hole.y;
}

/** The scene's shapes, leaving out the departments and cards that meet `hole` (the page's own elements show those). */
export function farPaths(scene: FarScene, hole: FarRect | null = null): FarPaths {
  const departments = scene.departmentLooks.map(() => new Path2D());
  for (let i = 0; i < scene.departments.length / 4; i++) {
    if (!meetsHole(scene.departments, i, hole)) departments[scene.coverages[i]].rect(scene.departments[i * 4], scene.departments[i * 4 + 1], scene.departments[i * 4 + 2], scene.departments[i * 4 + 3]);
  }
  const cards = scene.colors.map(() => new Path2D());
  const edges = scene.colors.map(() => new Path2D());
  const faces = new Path2D();
  for (let i = 0; i < scene.stances.length; i++) {
    if (meetsHole(scene.cards, i, hole)) continue;
    const [x, y, width, height] = scene.cards.subarray(i * 4, i * 4 + 4);
    cards[scene.stances[i]].rect(x, y, width, height);
    edges[scene.stances[i]].rect(x, y, EDGE, height);
    faces.rect(x, y, width, height);
  }
  const lines = new Path2D();
  for (let i = 0; i < scene.lines.length; i += 4) {
    lines.moveTo(scene.lines[i], scene.lines[i + 1]);
    lines.lineTo(scene.lines[i + 2], scene.lines[i + 3]);
  }
  return { departments, cards, edges, faces, lines };
}

/** Picks the paths a frame draws: the whole scene's, or, with a hole, ones that leave it out (built again only when the scene or the hole changes). */
export function pathsWithHole(): (scene: FarScene, whole: FarPaths, hole: FarHole | null) => FarPaths {
  let last: { scene: FarScene; hole: FarHole; paths: FarPaths } | null = null;
  return (scene, whole, hole) => {
    if (!hole) return whole;
    if (last?.scene !== scene || last.hole !== hole) last = { scene, hole, paths: farPaths(scene, hole.cards) };
    return last.paths;
  };
}

/** The rectangles of some cards (x, y, width, height each), as one path: the selected ones are outlined, those outside the focus faded. */
export function selectionPath(rects: Float64Array): Path2D {
  const path = new Path2D();
  for (let i = 0; i < rects.length; i += 4) path.rect(rects[i], rects[i + 1], rects[i + 2], rects[i + 3]);
  return path;
}

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws one frame of the far view; `font` is the CSS font family list the names are set in. With a
 * `hole` (what the page shows itself while a wheel zoom reaches past it) only the rest is drawn,
 * from paths built with the same hole. `dimmed` holds the cards outside the focus.
 */
export function drawFarMap(context: Context, scene: FarScene, paths: FarPaths, selected: Path2D, view: FarView, font: string, hole: FarHole | null = null, dimmed: Path2D | null = null): void {
  const { x, y, zoom, width, height, ratio } = view;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  const canvas = context.canvas;
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, w, h);
  context.setTransform(zoom * ratio, 0, 0, zoom * ratio, x * ratio, y * ratio);
  const pixel = 1 / zoom; // one screen pixel, in map units
  const seen = { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
  // Each coverage in its colours, white space dashed and competitors dotted, as the frames are.
  context.lineWidth = 1.5 * pixel;
  scene.departmentLooks.forEach((look, i) => {
    context.fillStyle = look.fill;
    context.strokeStyle = look.stroke;
    context.setLineDash(look.dash.map((length) => length * pixel));
    context.fill(paths.departments[i]);
    context.stroke(paths.departments[i]);
  });
  context.setLineDash([]);
  context.lineWidth = pixel;
  context.save();
  if (hole) {
    // Lines are cut where the page's own lines take over.
    const outside = new Path2D();
    outside.rect(seen.x - pixel, seen.y - pixel, seen.width + 2 * pixel, seen.height + 2 * pixel);
    outside.rect(hole.lines.x, hole.lines.y, hole.lines.width, hole.lines.height);
    context.clip(outside, 'evenodd');
  }
  context.strokeStyle = 'rgba(100, 116, 139, 0.45)';
  context.stroke(paths.lines);
  context.restore();
  if (zoom >= FACES_ZOOM) {
    context.fillStyle = '#ffffff';
    context.fill(paths.faces);
    context.strokeStyle = '#94a3b8';
    context.lineWidth = 1.5 * pixel;
    context.stroke(paths.faces);
    scene.colors.forEach((color, i) => {
      context.fillStyle = color;
      context.fill(paths.edges[i]);
    });
    drawNames(context, scene, zoom, seen, font, hole?.cards ?? null);
  } else {
    scene.colors.forEach((color, i) => {
      context.fillStyle = color;
      context.fill(paths.cards[i]);
    });
  }
  // Outside the focus (FocusBar.tsx), cards fade as the page's own do.
  if (dimmed) {
    context.fillStyle = DIMMED;
    context.fill(dimmed);
  }
  // The selected cards are always the page's own (node-window.ts): outlined here only when it draws them all.
  if (!hole) {
    context.strokeStyle = '#2563eb';
    context.lineWidth = 2 * pixel;
    context.stroke(selected);
  }
}

/** The names of the cards in `view` (map units), each line centred on the card's height as the far card sets it. */
function drawNames(context: Context, scene: FarScene, zoom: number, view: FarRect, font: string, hole: FarRect | null): void {
  context.fillStyle = '#0f172a';
  context.textBaseline = 'middle';
  let current = 0;
  const { cards } = scene;
  for (let i = 0; i < scene.names.length; i++) {
    const x = cards[i * 4];
    const y = cards[i * 4 + 1];
    const width = cards[i * 4 + 2];
    const height = cards[i * 4 + 3];
    if (x > view.x + view.width || x + width < view.x || y > view.y + view.height || y + height < view.y || meetsHole(cards, i, hole)) continue;
    const size = scene.nameSizes[i];
    if (size * zoom < SMALLEST_NAME) continue;
    if (size !== current) context.font = `700 ${(current = size)}px ${font}`;
    const lines = scene.names[i].split('\n');
    const lineHeight = size * 1.1;
    const top = y + (height - lines.length * lineHeight) / 2 + lineHeight / 2;
    lines.forEach((line, n) => context.fillText(line, x + NAME_LEFT, top + n * lineHeight));
  }
}
