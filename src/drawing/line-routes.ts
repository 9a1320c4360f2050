// Lines that go around cards: orthogonal routes from libavoid (libavoid-js, the WebAssembly build
// of the Adaptagrams connector router), and a label spot on each route that covers no card, no
// department header and no other label. Pure: the caller hands in the loaded library and the
// rectangles; nothing here touches the DOM, the store or React, so the canvas and the exporters
// draw the very same routes.
//
// libavoid's cost grows faster than linearly with the obstacles in one router (about 0.1 s for
// 43 people, 12 s for 300 people in one router), so the lines are routed in small
// neighbourhoods: the lines whose boxes share a tile go into one router holding only the cards
// near them. Lines inside one router are nudged apart where they run side by side; lines from
// different routers are moved off each other afterwards (line-spread.ts). A long line
// goes alone, first around the cards along it, then also around those its route still crossed.
// Lines keep out of department frames that hold neither of their ends, where there is a way.
import { textWidth } from '../domain/text-metrics';
import { DEPARTMENT_TYPE } from '../domain/card-layout';
import { recordRect } from '../domain/commands';
import type { AccountMap, LinkKind } from '../domain/types';
import { borderPoint, crossSide, isAbove, type LinkPath, type Rect, type Side } from './link-geometry';
import { endsOnSides, lastLength, PlacedLines, sharedOf, spread } from './line-spread';
import { Trunks } from './line-trunks';
import { Heads } from './line-heads';
import { labelSpot } from './line-labels';
import { arrowheadWidth } from './line-strokes';
import { around, BUFFER, CLEARANCE, crossed, TIGHT_BUFFER, grow, outside, overlaps, RectIndex, routeConnections, SIDES, type AvoidRouterLib, type Connection, type Point } from './avoid-router';

export type { AvoidRouterLib } from './avoid-router';

export interface LineSpec {
  key: string;
  kind: LinkKind | 'successor';
  /** The record the line belongs to as source and target (for reports-to: the report and the manager). */
  fromId: string;
  toId: string;
  /** The label's box, centred on the label point; none for an unlabelled line. */
  label?: { width: number; height: number };
  /** How wide the arrowhead at its end is drawn, in px (line-strokes.ts); none for a line without one. */
  head?: number;
}

export interface RouteScene {
  /** Every stakeholder card: the obstacles, and the ends of the lines. */
  cards: ReadonlyMap<string, Rect>;
  /** Department frames: labels keep off their name strip and their borders. */
  frames: readonly Rect[];
  /** Where each frame's name is written (same order as `frames`): lines into or out of a department keep off its name where they can. */
  names?: readonly Rect[];
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
/** Lines whose boxes share a tile this large are routed together. */
const TILE = 900;
/** Cards beyond this many in one router make libavoid slow (its time grows much faster than the cards): such a group is split into lines routed alone. */
const GROUP_OBSTACLES = 30;
const LINE_OBSTACLES = 60;
/** A line routed alone starts with the cards along it and adds those its route still crosses, up to this many. */
const ALONE_OBSTACLES = 160;
const ALONE_ATTEMPTS = 6;
/** How far either side of a line routed alone its first cards are taken from. */
const CORRIDOR = 150;
const MARGIN = 160;
const CORNER = 8;
/** The last segment of a line is kept at least this long where it was: an arrowhead is 9 px long. */
const ARROW_ROOM = 10;

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
  /** The line as libavoid takes it: which card each end is, and the side it leaves from. */
  connection: Connection;
  /** The department frames around either end (indexes into scene.frames): the line may cross these, and only these. */
  own: ReadonlySet<number>;
}

/** Lines routed in one router with the cards near them, or one line routed alone (`alone`). */
interface Group {
  lines: Planned[];
  cards: number[];
  alone: boolean;
}

/** The scene with its rectangles indexed, and the loaded library. */
interface Context {
  avoid: AvoidRouterLib;
  scene: RouteScene;
  ids: string[];
  rects: Rect[];
  at: Map<string, number>;
  index: RectIndex;
  frameIndex: RectIndex;
  /** The labels placed so far: lines routed later go around them, not through them. */
  labels: Rect[];
}

/** Groups of lines to route together: those whose boxes share a tile and whose ends sit in the same frames. */
function plan(ctx: Context, lines: readonly LineSpec[]): Group[] {
  const tiles = new Map<string, Planned[]>();
  const alone: Planned[] = [];
  for (const spec of lines) {
    const from = ctx.scene.cards.get(spec.fromId);
    const to = ctx.scene.cards.get(spec.toId);
    if (!from || !to || spec.fromId === spec.toId) continue;
    const ends = lineEnds(spec.kind, from, to);
    const forward = ends.start === from;
    // An org-chart line leaves from its one side; another line from either side that faces the other card.
    const sides = (side: Side, own: Rect, other: Rect): Side[] => (formal(spec.kind) ? [side] : [side, crossSide(side, own, other)]);
    const connection = { key: spec.key, start: forward ? spec.fromId : spec.toId, startSides: sides(ends.startSide, ends.start, ends.end), end: forward ? spec.toId : spec.fromId, endSides: sides(ends.endSide, ends.end, ends.start) };
    const own = new Set([...ctx.frameIndex.near(from), ...ctx.frameIndex.near(to)]);
    const box = grow(around(from, to), MARGIN);
    const planned = { spec, from, to, box, connection, own };
    if (box.width > TILE * 1.5 || box.height > TILE * 1.5) alone.push(planned);
    else {
      const key = `${Math.floor((box.x + box.width / 2) / TILE)},${Math.floor((box.y + box.height / 2) / TILE)}:${[...own].sort((a, b) => a - b).join()}`;
      tiles.set(key, [...(tiles.get(key) ?? []), planned]);
    }
  }
  const groups: Group[] = [];
  for (const lines of tiles.values()) {
    const cards = ctx.index.near(lines.map((l) => l.box).reduce(around));
    if (cards.length <= GROUP_OBSTACLES) groups.push({ lines, cards, alone: false });
    else alone.push(...lines);
  }
  for (const line of alone) groups.push({ lines: [line], cards: [], alone: true });
  return groups;
}

/**
 * Routes `lines` (all with the same own frames) around `cards`, and with `withFrames` around the
 * frames near them that hold neither end, so a line keeps out of departments it has no one in.
 */
function routeIn(ctx: Context, lines: readonly Planned[], cards: Iterable<number>, withFrames: boolean, buffer = BUFFER, withLabels = true): Map<string, Point[]> {
  const chosen = [...cards];
  const box = chosen.map((i) => ctx.rects[i]).reduce(around);
  const own = lines[0].own;
  const frames = withFrames ? ctx.frameIndex.near(box).filter((f) => !own.has(f)) : [];
  // libavoid finds its way through a shape that holds another one (it runs along the inner
  // shape's edges), so what lies inside an obstacle frame is left to the frame.
  const within = (r: Rect) => frames.some((f) => contains(ctx.scene.frames[f], r));
  const shapes = new Map<string, Rect>();
  // With the coverage badge over its top border: a line passing just above a frame keeps off it too.
  for (const f of frames) if (!frames.some((g) => g !== f && contains(ctx.scene.frames[g], ctx.scene.frames[f]))) shapes.set(`frame:${f}`, withBadge(ctx.scene.frames[f]));
  for (const i of chosen) if (!within(ctx.rects[i])) shapes.set(ctx.ids[i], ctx.rects[i]);
  // A line may cross its own departments' borders, not the names written on them.
  if (withFrames && ctx.scene.names) for (const f of ctx.frameIndex.near(box)) if (own.has(f)) shapes.set(`name:${f}`, ctx.scene.names[f]);
  // Other lines' labels: a line kept CLEARANCE off the cards may find no way past a label but through it (a label
  // between two rows fills the gap). Not one in front of a side a line may leave from, where it would close that side.
  const pins = lines.flatMap(({ connection: c }) => [
    ...c.startSides.map((side) => outside(ctx.scene.cards.get(c.start)!, side)),
    ...c.endSides.map((side) => outside(ctx.scene.cards.get(c.end)!, side)),
  ]).map((p) => grow({ ...p, width: 0, height: 0 }, 2 * BUFFER));
  ctx.labels.forEach((label, n) => {
    if (withLabels && overlaps(label, box) && !pins.some((pin) => overlaps(pin, label))) shapes.set(`label:${n}`, label);
  });
  return routeConnections(ctx.avoid, shapes, lines.map((l) => l.connection), buffer);
}

const withBadge = (frame: Rect): Rect => ({ ...frame, y: frame.y - BADGE_ABOVE, height: frame.height + BADGE_ABOVE });

const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** The cards along the straight line between the ends' centres, CORRIDOR either side. */
function corridor(ctx: Context, line: Planned): number[] {
  const a = { x: line.from.x + line.from.width / 2, y: line.from.y + line.from.height / 2 };
  const b = { x: line.to.x + line.to.width / 2, y: line.to.y + line.to.height / 2 };
  const pieces = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / CORRIDOR));
  const found = new Set<number>();
  for (let k = 0; k < pieces; k++) {
    const [p, q] = [k / pieces, (k + 1) / pieces].map((t) => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }));
    const piece = { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(q.x - p.x), height: Math.abs(q.y - p.y) };
    for (const i of ctx.index.near(grow(piece, CORRIDOR))) found.add(i);
  }
  return [...found];
}

/** The cards the route passes through that are not its ends. */
const blockers = (ctx: Context, line: Planned, points: readonly Point[], margin = -1) =>
  crossed(points, ctx.index, margin).filter((i) => ctx.ids[i] !== line.spec.fromId && ctx.ids[i] !== line.spec.toId);

/** Whether the route passes through a department frame that holds neither end. */
const throughFrames = (ctx: Context, line: Planned, points: readonly Point[]) => crossed(points, ctx.frameIndex).some((f) => !line.own.has(f));

/** The sides of card `i` a line can leave from: those not inside another card's buffer (all four if none is free). */
function freeSides(ctx: Context, i: number): Side[] {
  const free = SIDES.filter((side) => {
    const p = outside(ctx.rects[i], side);
    return !ctx.index.near({ x: p.x - BUFFER, y: p.y - BUFFER, width: 2 * BUFFER, height: 2 * BUFFER }).some((j) => j !== i);
  });
  return free.length > 0 ? free : [...SIDES];
}

/**
 * One line alone, however long: routed around the cards near it (or, for a long line, along it),
 * then again with every card the route still passes through and those around it, until it passes
 * through none. Around unrelated frames where that finds a way, else around the cards only. When
 * a side the line should leave from is boxed in by a card next to it, libavoid takes whichever
 * free side of that card gives the best route.
 */
function routeAlone(ctx: Context, line: Planned): Point[] | null {
  const near = ctx.index.near(line.box);
  const cards = new Set(near.length <= LINE_OBSTACLES ? near : corridor(ctx, line));
  const [start, end] = [ctx.at.get(line.connection.start)!, ctx.at.get(line.connection.end)!];
  cards.add(start);
  cards.add(end);
  const startSides = freeSides(ctx, start);
  const endSides = freeSides(ctx, end);
  const { connection } = line;
  const preferredFree = startSides.includes(connection.startSides[0]) && endSides.includes(connection.endSides[0]);
  const tries = preferredFree ? [connection, { ...connection, startSides, endSides }] : [{ ...connection, startSides, endSides }];
  // Through other lines' labels, and between cards closer than two buffers with a tighter one, before through unrelated frames.
  const steps = tries.flatMap((tried) => [[tried, true, BUFFER, true], [tried, true, BUFFER, false], [tried, true, TIGHT_BUFFER, false], [tried, false, BUFFER, false], [tried, false, TIGHT_BUFFER, false]] as const);
  for (const [tried, withFrames, buffer, withLabels] of steps) {
    const planned = { ...line, connection: tried };
    for (let attempt = 0; attempt < ALONE_ATTEMPTS && cards.size <= ALONE_OBSTACLES; attempt++) {
      const points = routeIn(ctx, [planned], cards, withFrames, buffer, withLabels).get(tried.key);
      if (!points) break;
      // Kept out of the frames, libavoid found no way and ran through one: try without frames.
      if (withFrames && throughFrames(ctx, line, points)) break;
      const hit = blockers(ctx, line, points);
      if (hit.length === 0) return points;
      // A card it was given: libavoid found no way and ran straight through.
      if (hit.some((i) => cards.has(i))) break;
      for (const i of hit) for (const j of ctx.index.near(grow(ctx.rects[i], CORRIDOR))) cards.add(j);
    }
  }
  return null;
}

/** A group's routes. libavoid sometimes gives up on a line in a busy router, or a frame blocks it; alone it finds a way. */
function routeGroup(ctx: Context, group: Group): Map<string, { points: Point[]; planned: Planned }> {
  const done = new Map<string, { points: Point[]; planned: Planned }>();
  const routed = group.alone ? new Map<string, Point[]>() : routeIn(ctx, group.lines, group.cards, true);
  for (const line of group.lines) {
    const first = routed.get(line.spec.key);
    const points = first && blockers(ctx, line, first).length === 0 && !throughFrames(ctx, line, first) ? first : routeAlone(ctx, line);
    if (points) done.set(line.spec.key, { points, planned: line });
  }
  return done;
}

/** The route moved off the lines already drawn, where it still passes through no card (and no frame it kept out of) and its ends stay on their cards. */
function spreadOut(ctx: Context, line: Planned, points: Point[], placed: PlacedLines): Point[] {
  return spread(line.spec.key, points, placed, keeps(ctx, line, points));
}

/** Whether the route, moved, still fits as well as `points` did: ends on their sides, CLEARANCE from cards, out of frames. */
function keeps(ctx: Context, line: Planned, points: readonly Point[]): (moved: readonly Point[]) => boolean {
  const start = ctx.scene.cards.get(line.connection.start)!;
  const end = ctx.scene.cards.get(line.connection.end)!;
  const keptOutOfFrames = !throughFrames(ctx, line, points);
  // Moved, it keeps CLEARANCE from every card it passes (but those it already came closer to).
  const close = new Set(blockers(ctx, line, points, CLEARANCE - 0.5));
  // The last segment keeps room for the arrowhead.
  const room = Math.min(ARROW_ROOM, lastLength(points));
  return (moved) =>
    endsOnSides(moved, start, end) && lastLength(moved) >= room && blockers(ctx, line, moved, CLEARANCE - 0.5).every((i) => close.has(i)) &&
    blockers(ctx, line, moved).length === 0 && (!keptOutOfFrames || !throughFrames(ctx, line, moved));
}

/** An org-chart line leaving its manager's bottom joins the manager's trunk (line-trunks.ts), set clear of the arrowheads there. */
const trunked = (line: Planned) => line.spec.kind === 'reports-to' && line.connection.startSides[0] === 'bottom';
function onTrunk(ctx: Context, line: Planned, points: Point[], placed: PlacedLines, trunks: Trunks, heads: Heads): Point[] {
  if (!trunked(line)) return points;
  placed.joinTrunk(line.spec.key, line.connection.start);
  const fits = keeps(ctx, line, points);
  return trunks.align(line.connection.start, ctx.scene.cards.get(line.connection.start)!, points, (moved) => fits(moved) && heads.clear(line.spec.key, moved, 0));
}

/**
 * The route spread off the lines placed; one that still runs on another line (in a gap too narrow for
 * both with CLEARANCE) is routed again from the other side of an end that has two, where that runs on less.
 */
function settle(ctx: Context, line: Planned, points: Point[], placed: PlacedLines): Point[] {
  let best = spreadOut(ctx, line, points, placed);
  let left = sharedOf(line.spec.key, best, placed);
  const { connection: c } = line;
  const tries = [...c.startSides.slice(1).map((side) => ({ ...c, startSides: [side] })), ...c.endSides.slice(1).map((side) => ({ ...c, endSides: [side] }))];
  for (const connection of tries) {
    if (left === 0) break;
    const other = routeAlone(ctx, { ...line, connection });
    if (!other || (throughFrames(ctx, line, other) && !throughFrames(ctx, line, points))) continue;
    const apart = spreadOut(ctx, line, other, placed);
    const shared = sharedOf(line.spec.key, apart, placed);
    if (shared < left) [best, left] = [apart, shared];
  }
  return best;
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
export function* routeInSteps(avoid: AvoidRouterLib, scene: RouteScene, order: RouteOrder = { focus: null }, memory?: RouteMemory): Generator<Map<string, Route>, void, void> {
  const ids = [...scene.cards.keys()];
  const rects = [...scene.cards.values()];
  const index = new RectIndex(rects);
  const frameIndex = new RectIndex(scene.frames);
  // Labels keep off the cards, the departments' name strips and borders, and each other.
  const labelIndex = new RectIndex([...rects, ...scene.frames.map(headerOf)]);
  const labels: Rect[] = [];
  const ctx: Context = { avoid, scene, ids, rects, at: new Map(ids.map((id, i) => [id, i])), index, frameIndex, labels };
  const crossesBorder = (box: Rect) => frameIndex.near(box).some((i) => !contains(scene.frames[i], box));
  const onLabel = (box: Rect) => labels.some((l) => overlaps(l, grow(box, 2)));
  const strict = (box: Rect) => labelIndex.near(grow(box, 2)).length > 0 || crossesBorder(box) || onLabel(box);
  const loose = (box: Rect) => index.near(grow(box, 2)).length > 0 || onLabel(box);
  // Lines and arrowheads drawn so far: a new line moves off them (a new head into the same card off theirs), and labels keep off them where there is room.
  const placed = new PlacedLines();
  const trunks = new Trunks();
  const heads = new Heads();
  const offLines = (key: string) => (box: Rect) => strict(box) || placed.crosses(key, box);
  const addLabel = (key: string, box: Rect) => {
    labels.push(box);
    placed.addLabel(key, box);
  };
  const labelBox = (spec: LineSpec, at: Point): Rect => ({ x: at.x - spec.label!.width / 2, y: at.y - spec.label!.height / 2, ...spec.label! });
  // Lines whose surroundings are as they were when they were routed keep their route, label and all.
  const kept = new Map<string, Route>();
  const lines = memory ? scene.lines.filter((spec) => {
    const before = memory.get(spec.key);
    if (!before || before.basis !== basisOf(ctx, spec, before.route)) return true;
    if (before.route) {
      kept.set(spec.key, before.route);
      placed.add(spec.key, before.route.points);
      if (spec.kind === 'reports-to' && trunks.remember(spec.toId, scene.cards.get(spec.toId)!, before.route.points)) placed.joinTrunk(spec.key, spec.toId);
      if (spec.label) addLabel(spec.key, labelBox(spec, { x: before.route.labelX, y: before.route.labelY }));
      if (spec.head) heads.add(lineEnds(spec.kind, before.route.from, before.route.to).end === before.route.from ? spec.fromId : spec.toId, spec.key, before.route.points, spec.head);
    }
    return false;
  }) : scene.lines;
  if (kept.size > 0) yield kept;
  const remaining = plan(ctx, lines);
  while (remaining.length > 0) {
    const group = remaining.splice(nearest(remaining, order.focus), 1)[0];
    const routes = new Map<string, Route>();
    const routed = routeGroup(ctx, group);
    const spread = new Map([...routed].map(([key, { points, planned }]) => {
      const apart = settle(ctx, planned, onTrunk(ctx, planned, points, placed, trunks, heads), placed);
      placed.add(key, apart);
      return [key, apart];
    }));
    // Labelled lines first: then the unlabelled lines of the group move off those labels where they can.
    const labelledFirst = [...routed].sort(([, a], [, b]) => Number(!a.planned.spec.label) - Number(!b.planned.spec.label));
    for (const [key, { planned }] of labelledFirst) {
      const { spec, from, to } = planned;
      let points = spread.get(key)!;
      if (!spec.label) {
        placed.remove(key, points);
        points = spreadOut(ctx, planned, points, placed);
        placed.add(key, points);
      }
      points = heads.place(key, points, { card: planned.connection.end, head: spec.head }, placed, keeps(ctx, planned, points), trunked(planned));
      const spot = spec.label ? labelSpot(points, spec.label, offLines(key), strict, loose) : labelSpot(points, { width: 0, height: 0 }, () => false);
      if (spec.label) addLabel(key, labelBox(spec, spot));
      routes.set(key, { path: roundedPath(points), points, labelX: spot.x, labelY: spot.y, from, to });
    }
    for (const { spec } of group.lines) {
      const route = routes.get(spec.key) ?? null;
      memory?.set(spec.key, { basis: basisOf(ctx, spec, route), route });
    }
    yield routes;
  }
}

/** Routes made before, by line key, with what each was made from (routeInSteps reads and adds to it). */
export type RouteMemory = Map<string, { basis: string; route: Route | null }>;

/**
 * What a line's route depends on: its kind and label, its ends, and every card and frame near
 * where it runs (near both ends, for a line that found no way). The same basis, the same route.
 */
function basisOf(ctx: Context, spec: LineSpec, route: Route | null): string {
  const from = ctx.scene.cards.get(spec.fromId);
  const to = ctx.scene.cards.get(spec.toId);
  if (!from || !to) return '';
  let area = grow(around(from, to), MARGIN);
  if (route) {
    area = route.points.reduce<Rect>((box, p) => around(box, { x: p.x, y: p.y, width: 0, height: 0 }), around(from, to));
    if (spec.label) area = around(area, { x: route.labelX - spec.label.width / 2, y: route.labelY - spec.label.height / 2, ...spec.label });
    area = grow(area, 3 * BUFFER);
  }
  const rect = (r: Rect) => `${r.x},${r.y},${r.width},${r.height}`;
  const cards = ctx.index.near(area).map((i) => `${ctx.ids[i]}:${rect(ctx.rects[i])}`).sort();
  const frames = ctx.frameIndex.near(area).map((f) => `${rect(ctx.scene.frames[f])}/${ctx.scene.names ? rect(ctx.scene.names[f]) : ''}`).sort();
  return [spec.kind, spec.label ? `${spec.label.width}x${spec.label.height}` : '', spec.head ?? '', rect(from), rect(to), ...cards, '|', ...frames].join(';');
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

/** Where a department's name sits in its title bar (DEPARTMENT_TYPE.name, 12 px in from the left). */
function nameBox(frame: Rect, name: string): Rect {
  const width = Math.min(Math.ceil(textWidth(name, DEPARTMENT_TYPE.name)) + 4, frame.width - 16);
  return { x: frame.x + 10, y: frame.y + 8, width: Math.max(width, 0), height: FRAME_HEADER - 8 };
}

/** The scene of a map: its cards, its department frames, its links and successor arrows (or those inside `include`). */
export function sceneOf(map: AccountMap, include: ReadonlySet<string> | null = null): RouteScene {
  const wanted = (id: string) => !include || include.has(id);
  const cards = new Map<string, Rect>();
  for (const id of Object.keys(map.stakeholders)) if (wanted(id)) cards.set(id, recordRect(map, id)!);
  const departments = Object.keys(map.departments).filter(wanted);
  const frames = departments.map((id) => recordRect(map, id)!);
  const names = departments.map((id, i) => nameBox(frames[i], map.departments[id].name));
  const lines: LineSpec[] = [];
  for (const link of Object.values(map.links)) {
    if (!cards.has(link.sourceId) || !cards.has(link.targetId)) continue;
    lines.push({ key: link.id, kind: link.kind, fromId: link.sourceId, toId: link.targetId, label: link.label ? labelSize(link.label) : undefined, head: arrowheadWidth(link.kind, link.strength) || undefined });
  }
  for (const person of Object.values(map.stakeholders)) {
    if (!person.leftCompany || !person.successorId || !cards.has(person.id) || !cards.has(person.successorId)) continue;
    lines.push({ key: successorKey(person.id), kind: 'successor', fromId: person.id, toId: person.successorId, label: labelSize('successor'), head: arrowheadWidth('successor', 'medium') });
  }
  return { cards, frames, names, lines };
}

/** The key of the arrow from someone who left to their successor. */
export const successorKey = (personId: string) => `successor:${personId}`;
