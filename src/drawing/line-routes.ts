// Lines that go around cards: orthogonal routes from libavoid (libavoid-js, the WebAssembly build
// of the Adaptagrams connector router), and a label spot on each route that covers no card, no
// department header and no other label. Pure: the caller hands in the loaded library and the
// rectangles; nothing here touches the DOM, the store or React, so the canvas and the exporters
// draw the very same routes.
//
// libavoid's cost grows faster than linearly with the obstacles in one router (about 0.1 s for
// 43 people, 12 s for 300 people in one router), so the lines are routed in small
// neighbourhoods: the lines whose boxes share a tile go into one router holding only the cards
// near them. Lines inside one router are nudged apart where they run side by side.
import { textWidth } from '../domain/text-metrics';
import { recordRect } from '../domain/commands';
import type { AccountMap, LinkKind } from '../domain/types';
import { borderPoint, isAbove, type LinkPath, type Rect, type Side } from './link-geometry';

/** The part of libavoid-js this module uses (AvoidLib.getInstance()). */
export interface AvoidRouterLib {
  // The library's own typings are `any`-shaped; keep them that way at this one door.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [name: string]: any;
}

export interface LineSpec {
  key: string;
  kind: LinkKind | 'successor';
  /** The record the line belongs to as source and target (for reports-to: the report and the manager). */
  fromId: string;
  toId: string;
  /** The label's box, centred on the label point; none for an unlabelled line. */
  label?: { width: number; height: number };
}

export interface RouteScene {
  /** Every stakeholder card: the obstacles, and the ends of the lines. */
  cards: ReadonlyMap<string, Rect>;
  /** Department frames: labels keep off their name strip and their borders. */
  frames: readonly Rect[];
  lines: readonly LineSpec[];
}

export interface Route extends LinkPath {
  points: { x: number; y: number }[];
  /** The ends the route was made for: it fits only while both cards stay where they were. */
  from: Rect;
  to: Rect;
}

/** The part of a department's name strip (DEPARTMENT_HEADER_HEIGHT, 44) that holds text, and its badge over the top border. */
const FRAME_HEADER = 30;
const BADGE_ABOVE = 12;
/** Room kept between a line and a card it passes. */
const BUFFER = 10;
/** Lines whose boxes share a tile this large are routed together. */
const TILE = 900;
/** Cards beyond this many in one router make libavoid slow (and one routing step long enough to be felt by a drag that starts during it): such a group is split, a line alone keeps the simple path. */
const GROUP_OBSTACLES = 30;
const LINE_OBSTACLES = 60;
const MARGIN = 160;
const CORNER = 8;

const DIRECTION: Record<Side, number> = { top: 1, bottom: 2, left: 4, right: 8 };

/** Whether a line is drawn as an org-chart elbow: a formal line to a manager above the report. */
const formal = (kind: LineSpec['kind']) => kind === 'reports-to' || kind === 'dotted-line';

/**
 * The two ends of a line as drawn: `start` → `end`, and the side each end leaves from. Formal lines
 * run from the manager to the report (the arrow points into the report), from the manager's bottom
 * to the report's top when the manager sits above; other lines leave from the facing sides.
 */
export function lineEnds(kind: LineSpec['kind'], from: Rect, to: Rect): { start: Rect; end: Rect; startSide: Side; endSide: Side } {
  if (formal(kind)) {
    if (isAbove(to, from)) return { start: to, end: from, startSide: 'bottom', endSide: 'top' };
    return { start: to, end: from, startSide: borderPoint(to, from).side, endSide: borderPoint(from, to).side };
  }
  return { start: from, end: to, startSide: borderPoint(from, to).side, endSide: borderPoint(to, from).side };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

function around(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** A grid of rectangles for "what is near this box" without looking at all of them. */
class RectIndex {
  private readonly cells = new Map<string, number[]>();
  constructor(readonly rects: readonly Rect[], private readonly size = 400) {
    rects.forEach((r, i) => this.cover(r, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(i);
      else this.cells.set(key, [i]);
    }));
  }
  private cover(r: Rect, visit: (key: string) => void): void {
    for (let cx = Math.floor(r.x / this.size); cx <= Math.floor((r.x + r.width) / this.size); cx++) {
      for (let cy = Math.floor(r.y / this.size); cy <= Math.floor((r.y + r.height) / this.size); cy++) visit(`${cx},${cy}`);
    }
  }
  /** Indexes of the rectangles overlapping `box`. */
  near(box: Rect): number[] {
    const found = new Set<number>();
    this.cover(box, (key) => {
      for (const i of this.cells.get(key) ?? []) if (!found.has(i) && overlaps(this.rects[i], box)) found.add(i);
    });
    return [...found];
  }
}

const headerOf = (frame: Rect): Rect => ({ x: frame.x, y: frame.y - BADGE_ABOVE, width: frame.width, height: FRAME_HEADER + BADGE_ABOVE });

/** An SVG path through the points with its corners rounded. */
export function roundedPath(points: readonly { x: number; y: number }[], radius = CORNER): string {
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const inX = b.x - Math.sign(b.x - a.x) * r;
    const inY = b.y - Math.sign(b.y - a.y) * r;
    const outX = b.x + Math.sign(c.x - b.x) * r;
    const outY = b.y + Math.sign(c.y - b.y) * r;
    d += `L${inX},${inY}Q${b.x},${b.y} ${outX},${outY}`;
  }
  const last = points[points.length - 1];
  return `${d}L${last.x},${last.y}`;
}

interface Planned {
  spec: LineSpec;
  from: Rect;
  to: Rect;
  box: Rect;
}

/** Groups of lines to route together, each with the cards it must avoid. */
function plan(scene: RouteScene, index: RectIndex): { lines: Planned[]; obstacles: number[] }[] {
  const tiles = new Map<string, Planned[]>();
  const alone: Planned[] = [];
  for (const spec of scene.lines) {
    const from = scene.cards.get(spec.fromId);
    const to = scene.cards.get(spec.toId);
    if (!from || !to || spec.fromId === spec.toId) continue;
    const box = grow(around(from, to), MARGIN);
    const planned = { spec, from, to, box };
    if (box.width > TILE * 1.5 || box.height > TILE * 1.5) alone.push(planned);
    else {
      const key = `${Math.floor((box.x + box.width / 2) / TILE)},${Math.floor((box.y + box.height / 2) / TILE)}`;
      tiles.set(key, [...(tiles.get(key) ?? []), planned]);
    }
  }
  const groups: { lines: Planned[]; obstacles: number[] }[] = [];
  const obstaclesOf = (lines: Planned[]) => index.near(lines.map((l) => l.box).reduce(around));
  for (const lines of tiles.values()) {
    const obstacles = obstaclesOf(lines);
    if (obstacles.length <= GROUP_OBSTACLES) groups.push({ lines, obstacles });
    else alone.push(...lines);
  }
  for (const line of alone) {
    const obstacles = obstaclesOf([line]);
    if (obstacles.length <= LINE_OBSTACLES) groups.push({ lines: [line], obstacles });
  }
  return groups;
}

function routeGroup(avoid: AvoidRouterLib, group: { lines: Planned[]; obstacles: number[] }, rects: readonly Rect[], ids: readonly string[]): Map<string, { points: { x: number; y: number }[]; planned: Planned }> {
  const router = new avoid.Router(avoid.OrthogonalRouting);
  const done = new Map<string, { points: { x: number; y: number }[]; planned: Planned }>();
  try {
    router.setRoutingParameter(avoid.shapeBufferDistance, BUFFER);
    router.setRoutingParameter(avoid.idealNudgingDistance, 8);
    router.setRoutingParameter(avoid.segmentPenalty, 50);
    // The unifying pre-step makes processTransaction take seconds on a few dozen lines.
    router.setRoutingOption(avoid.performUnifyingNudgingPreprocessingStep, false);
    const shapes = new Map<string, unknown>();
    const shapeOf = (i: number) => {
      const r = rects[i];
      return new avoid.ShapeRef(router, new avoid.Rectangle(new avoid.Point(r.x, r.y), new avoid.Point(r.x + r.width, r.y + r.height)));
    };
    for (const i of group.obstacles) {
      shapes.set(ids[i], shapeOf(i));
    }
    const connectors: [Planned, { displayRoute(): { size(): number; get_ps(i: number): { x: number; y: number } } }][] = [];
    let pinClass = 1;
    const pin = (shape: unknown, side: Side) => {
      const cls = pinClass++;
      const [x, y] = side === 'top' ? [0.5, 0] : side === 'bottom' ? [0.5, 1] : side === 'left' ? [0, 0.5] : [1, 0.5];
      new avoid.ShapeConnectionPin(shape, cls, x, y, true, 0, DIRECTION[side]);
      return new avoid.ConnEnd(shape, cls);
    };
    for (const line of group.lines) {
      const ends = lineEnds(line.spec.kind, line.from, line.to);
      const startId = ends.start === line.from ? line.spec.fromId : line.spec.toId;
      const endId = ends.start === line.from ? line.spec.toId : line.spec.fromId;
      const a = shapes.get(startId);
      const b = shapes.get(endId);
      if (!a || !b) continue;
      connectors.push([line, new avoid.ConnRef(router, pin(a, ends.startSide), pin(b, ends.endSide))]);
    }
    router.processTransaction();
    for (const [line, connector] of connectors) {
      const route = connector.displayRoute();
      const points: { x: number; y: number }[] = [];
      for (let i = 0; i < route.size(); i++) {
        const p = route.get_ps(i);
        const point = { x: p.x, y: p.y };
        const previous = points[points.length - 1];
        if (!previous || previous.x !== point.x || previous.y !== point.y) points.push(point);
      }
      // No way round: libavoid gives the straight line between the centres. Leave it to the caller.
      const straight = points.length === 2 && points[0].x !== points[1].x && points[0].y !== points[1].y;
      if (points.length >= 2 && !straight) done.set(line.spec.key, { points, planned: line });
    }
  } finally {
    avoid.destroy(router);
  }
  return done;
}

/** Where a label of `size` can sit on the route without covering a card, a header, a border or another label. */
function labelSpot(points: readonly { x: number; y: number }[], size: { width: number; height: number }, ...rules: ((box: Rect) => boolean)[]): { x: number; y: number } {
  const segments = points.slice(1).map((b, i) => ({ a: points[i], b, length: Math.hypot(b.x - points[i].x, b.y - points[i].y) }));
  const ordered = [...segments].sort((s, t) => t.length - s.length);
  const fractions = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9, 0.05, 0.95];
  // The strictest rule first; a later rule asks less (no card, no other label) when the first finds no room.
  for (const blocked of rules) {
    for (const { a, b } of ordered) {
      for (const t of fractions) {
        const x = a.x + (b.x - a.x) * t;
        const y = a.y + (b.y - a.y) * t;
        if (!blocked({ x: x - size.width / 2, y: y - size.height / 2, width: size.width, height: size.height })) return { x, y };
      }
    }
  }
  const middle = ordered[0];
  return { x: (middle.a.x + middle.b.x) / 2, y: (middle.a.y + middle.b.y) / 2 };
}

/** Where routing goes next: the group of lines nearest `focus` (read before every step, so the caller may move it), or in plan order. */
export interface RouteOrder {
  focus: { x: number; y: number } | null;
}

/** The index of the group whose lines lie nearest `focus` (the first without one). */
function nearest(groups: readonly { lines: Planned[] }[], focus: RouteOrder['focus']): number {
  if (!focus) return 0;
  let best = 0;
  let bestDistance = Infinity;
  groups.forEach(({ lines }, i) => {
    for (const { box } of lines) {
      const dx = Math.max(box.x - focus.x, 0, focus.x - box.x - box.width);
      const dy = Math.max(box.y - focus.y, 0, focus.y - box.y - box.height);
      const distance = dx * dx + dy * dy;
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    }
  });
  return best;
}

/**
 * Routes the scene's lines in steps: each step routes one neighbourhood and returns its routes,
 * so a caller can give the browser a turn in between. Lines libavoid cannot route are left out
 * (the caller draws them with linkPath).
 */
export function* routeInSteps(avoid: AvoidRouterLib, scene: RouteScene, order: RouteOrder = { focus: null }): Generator<Map<string, Route>, void, void> {
  const ids = [...scene.cards.keys()];
  // Lines avoid the cards; they may cross a department's border (a frame is a container, and a
  // detour round its name strip read worse than crossing it). Labels keep off both.
  const rects = [...scene.cards.values()];
  const index = new RectIndex(rects);
  const labelIndex = new RectIndex([...rects, ...scene.frames.map(headerOf)]);
  const frameIndex = new RectIndex(scene.frames);
  const labels: Rect[] = [];
  const crossesBorder = (box: Rect) => frameIndex.near(box).some((i) => {
    const f = scene.frames[i];
    return !(box.x >= f.x && box.y >= f.y && box.x + box.width <= f.x + f.width && box.y + box.height <= f.y + f.height);
  });
  const onLabel = (box: Rect) => labels.some((l) => overlaps(l, grow(box, 2)));
  const strict = (box: Rect) => labelIndex.near(grow(box, 2)).length > 0 || crossesBorder(box) || onLabel(box);
  const loose = (box: Rect) => index.near(grow(box, 2)).length > 0 || onLabel(box);
  const remaining = plan(scene, index);
  while (remaining.length > 0) {
    const group = remaining.splice(nearest(remaining, order.focus), 1)[0];
    const routes = new Map<string, Route>();
    const routed = routeGroup(avoid, group, rects, ids);
    // libavoid sometimes gives up on a line in a busy router (it answers with the straight line
    // between the centres); alone, with only the cards near it, it finds a way.
    for (const line of group.lines) {
      if (routed.has(line.spec.key) || group.lines.length === 1) continue;
      const obstacles = index.near(line.box);
      if (obstacles.length > LINE_OBSTACLES) continue;
      for (const [key, value] of routeGroup(avoid, { lines: [line], obstacles }, rects, ids)) routed.set(key, value);
    }
    for (const [key, { points, planned }] of routed) {
      const { spec, from, to } = planned;
      const spot = spec.label ? labelSpot(points, spec.label, strict, loose) : labelSpot(points, { width: 0, height: 0 }, () => false);
      if (spec.label) labels.push({ x: spot.x - spec.label.width / 2, y: spot.y - spec.label.height / 2, ...spec.label });
      routes.set(key, { path: roundedPath(points), points, labelX: spot.x, labelY: spot.y, from, to });
    }
    yield routes;
  }
}

/** Every line of the scene routed at once (exports, tests). */
export function routeLines(avoid: AvoidRouterLib, scene: RouteScene): Map<string, Route> {
  const all = new Map<string, Route>();
  for (const step of routeInSteps(avoid, scene)) for (const [key, route] of step) all.set(key, route);
  return all;
}

const same = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** The route when it was made for these ends; otherwise null (a card moved since: draw linkPath). */
export function fittingRoute(route: Route | undefined, from: Rect, to: Rect): Route | null {
  return route && same(route.from, from) && same(route.to, to) ? route : null;
}

/** The box of a link label: 12 px semibold text with 7 px padding and a border (as on the canvas and in exports). */
export function labelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil(textWidth(text, { size: 12, weight: 600 })) + 16, height: 22 };
}

/** The scene of a map: its cards, its department frames, its links and successor arrows (or those inside `include`). */
export function sceneOf(map: AccountMap, include: ReadonlySet<string> | null = null): RouteScene {
  const wanted = (id: string) => !include || include.has(id);
  const cards = new Map<string, Rect>();
  for (const id of Object.keys(map.stakeholders)) if (wanted(id)) cards.set(id, recordRect(map, id)!);
  const frames = Object.keys(map.departments).filter(wanted).map((id) => recordRect(map, id)!);
  const lines: LineSpec[] = [];
  for (const link of Object.values(map.links)) {
    if (!cards.has(link.sourceId) || !cards.has(link.targetId)) continue;
    lines.push({ key: link.id, kind: link.kind, fromId: link.sourceId, toId: link.targetId, label: link.label ? labelSize(link.label) : undefined });
  }
  for (const person of Object.values(map.stakeholders)) {
    if (!person.leftCompany || !person.successorId || !cards.has(person.id) || !cards.has(person.successorId)) continue;
    lines.push({ key: successorKey(person.id), kind: 'successor', fromId: person.id, toId: person.successorId, label: labelSize('successor') });
  }
  return { cards, frames, lines };
}

/** The key of the arrow from someone who left to their successor. */
export const successorKey = (personId: string) => `successor:${personId}`;
