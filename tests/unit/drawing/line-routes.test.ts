// Lines go around cards: on the sample map and on a CRM import, no routed line passes through a
// card that is not one of its ends, no label covers a card, no two lines are drawn on top of each
// other and no label sits on another line.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AvoidLib } from 'libavoid-js';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { lineEnds, routeLines, sceneOf, type AvoidRouterLib, type Route, type RouteScene } from '../../../src/drawing/line-routes';
import type { Rect } from '../../../src/drawing/link-geometry';
import { segmentCrosses } from '../../../src/drawing/avoid-router';
import { LINK_LOOK } from '../../../src/drawing/appearance';
import { arrowheadWidth } from '../../../src/drawing/line-strokes';
import type { AccountMap } from '../../../src/domain/types';
import { NOW } from '../fixtures/maps';
import { salesforce43, sampleWithImport } from '../fixtures/crm-maps';

let avoid: AvoidRouterLib;
beforeAll(async () => {
  await AvoidLib.load(join(__dirname, '../../../node_modules/libavoid-js/dist/libavoid.wasm'));
  avoid = AvoidLib.getInstance();
});

const inside = (r: Rect, shrink = 1): Rect => ({ x: r.x + shrink, y: r.y + shrink, width: r.width - 2 * shrink, height: r.height - 2 * shrink });

const boxesOverlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Line–card and label–card collisions, described so a failure names them. */
function collisions(scene: RouteScene, routes: Map<string, Route>): string[] {
  const found: string[] = [];
  for (const line of scene.lines) {
    const route = routes.get(line.key);
    if (!route) continue;
    for (const [id, card] of scene.cards) {
      const box = inside(card);
      if (id !== line.fromId && id !== line.toId && route.points.slice(1).some((b, i) => segmentCrosses(route.points[i], b, box))) found.push(`line ${line.key} through ${id}`);
      if (line.label) {
        const label = { x: route.labelX - line.label.width / 2, y: route.labelY - line.label.height / 2, ...line.label };
        if (boxesOverlap(label, box)) found.push(`label of ${line.key} on ${id}`);
      }
    }
  }
  return found;
}

type Segment = { a: { x: number; y: number }; b: { x: number; y: number } };
const segmentsOf = (route: Route): Segment[] => route.points.slice(1).map((b, i) => ({ a: route.points[i], b }));

/** How far two segments run on top of each other: parallel, less than 3 px apart, overlapping along their length. */
function sharedLength(s: Segment, t: Segment): number {
  const horizontal = (u: Segment) => u.a.y === u.b.y;
  if (horizontal(s) !== horizontal(t)) return 0;
  const [along, across] = horizontal(s) ? (['x', 'y'] as const) : (['y', 'x'] as const);
  if (Math.abs(s.a[across] - t.a[across]) >= 3) return 0;
  const lo = Math.max(Math.min(s.a[along], s.b[along]), Math.min(t.a[along], t.b[along]));
  const hi = Math.min(Math.max(s.a[along], s.b[along]), Math.max(t.a[along], t.b[along]));
  return Math.max(0, hi - lo);
}

/** Lines drawn on top of other lines (total length, and each pair longer than 4 px), and labels sitting on another line. */
function overlapsBetweenLines(scene: RouteScene, routes: Map<string, Route>): { length: number; pairs: string[]; labels: string[] } {
  const routed = scene.lines.filter((l) => routes.has(l.key));
  let length = 0;
  const pairs: string[] = [];
  const labels: string[] = [];
  routed.forEach((line, i) => {
    const mine = segmentsOf(routes.get(line.key)!);
    for (const other of routed.slice(i + 1)) {
      // A manager's reporting lines share one trunk by design.
      if (line.kind === 'reports-to' && other.kind === 'reports-to' && line.toId === other.toId) continue;
      const shared = mine.reduce((sum, s) => sum + segmentsOf(routes.get(other.key)!).reduce((acc, t) => acc + sharedLength(s, t), 0), 0);
      length += shared;
      if (shared > 4) pairs.push(`${line.key}+${other.key}: ${Math.round(shared)}`);
    }
    if (!line.label) return;
    const route = routes.get(line.key)!;
    const box = { x: route.labelX - line.label.width / 2, y: route.labelY - line.label.height / 2, ...line.label };
    for (const other of routed) {
      if (other === line) continue;
      if (segmentsOf(routes.get(other.key)!).some(({ a, b }) => segmentCrosses(a, b, box))) labels.push(`label of ${line.key} on ${other.key}`);
    }
  });
  return { length: Math.round(length), pairs, labels };
}

/** Routes every line of the scene and asserts none runs through a card, no label covers one, and no line is drawn on another or under its label. */
function expectAllRoundCards(scene: RouteScene): void {
  const routes = routeLines(avoid, scene);
  expect(routes.size).toBe(scene.lines.length);
  expect(collisions(scene, routes)).toEqual([]);
  expect(overlapsBetweenLines(scene, routes)).toEqual({ length: 0, pairs: [], labels: [] });
}

/** How long an arrowhead is drawn (markers.tsx: 5 of 20 view-box units at 18 stroke widths of 2 px = 9 px), rounded up. */
const ARROW = 10;
/** The least room a line keeps from a card it passes but does not end at: more than an arrowhead, so it never runs through one. */
const MIN_CLEARANCE = 10;

/** The distance between an upright or level segment and a rectangle (0 where they touch or cross). */
function distance(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect): number {
  const dx = Math.max(r.x - Math.max(a.x, b.x), 0, Math.min(a.x, b.x) - (r.x + r.width));
  const dy = Math.max(r.y - Math.max(a.y, b.y), 0, Math.min(a.y, b.y) - (r.y + r.height));
  return Math.hypot(dx, dy);
}

/** Lines passing closer than MIN_CLEARANCE to a card they do not end at, with how close. */
function tooClose(scene: RouteScene, routes: Map<string, Route>): string[] {
  const found: string[] = [];
  for (const line of scene.lines) {
    const route = routes.get(line.key);
    if (!route) continue;
    for (const [id, card] of scene.cards) {
      if (id === line.fromId || id === line.toId) continue;
      const closest = Math.min(...segmentsOf(route).map(({ a, b }) => distance(a, b, card)));
      if (closest < MIN_CLEARANCE) found.push(`${line.key} ${Math.round(closest)} px from ${id}`);
    }
  }
  return found;
}

/**
 * Lines with an arrow whose arrowhead would not show: the end not on the border of the card it
 * points into (inside it, the card hides the head), a last segment shorter than the head, or another
 * line running through the head.
 */
function hiddenArrowheads(scene: RouteScene, routes: Map<string, Route>): string[] {
  const found: string[] = [];
  for (const line of scene.lines) {
    const route = routes.get(line.key);
    if (!route || !(line.kind === 'successor' || LINK_LOOK[line.kind].arrow)) continue;
    const card = lineEnds(line.kind, scene.cards.get(line.fromId)!, scene.cards.get(line.toId)!).end;
    const tip = route.points[route.points.length - 1];
    const before = route.points[route.points.length - 2];
    const onBorder = distance(tip, tip, card) <= 1 && !segmentCrosses(tip, tip, inside(card, 1));
    const strictlyInside = tip.x > card.x + 1 && tip.x < card.x + card.width - 1 && tip.y > card.y + 1 && tip.y < card.y + card.height - 1;
    if (strictlyInside || !onBorder) found.push(`${line.key} ends inside its card`);
    const length = Math.hypot(tip.x - before.x, tip.y - before.y);
    if (length < ARROW) found.push(`${line.key} last segment ${Math.round(length)} px`);
    // The head as drawn (line.head px across, 5/9 of that long), at least the last ARROW px of the line, 5 px either side.
    const along = { x: Math.sign(tip.x - before.x), y: Math.sign(tip.y - before.y) };
    const across = line.head ?? ARROW;
    const long = Math.max(ARROW, (across * 5) / 9);
    const back = { x: tip.x - along.x * long, y: tip.y - along.y * long };
    const head = grow({ x: Math.min(tip.x, back.x), y: Math.min(tip.y, back.y), width: Math.abs(tip.x - back.x), height: Math.abs(tip.y - back.y) }, across / 2);
    // Every other line, those leaving or entering the same card too (a manager's trunk, another arrow).
    for (const other of scene.lines) {
      const path = routes.get(other.key);
      if (other === line || !path) continue;
      if (segmentsOf(path).some(({ a, b }) => segmentCrosses(a, b, head))) found.push(`${other.key} through the arrowhead of ${line.key}`);
    }
  }
  return found;
}

/** Room left between two arrowheads into one card, beyond the wider head's width. */
const HEAD_GAP = 2;

/**
 * Pairs of arrows into the same card whose heads overlap or touch: tips closer than the wider
 * head's width (as drawn, from the line's kind and strength) and HEAD_GAP. Read as one line with a
 * double head.
 */
function crowdedHeads(scene: RouteScene, routes: Map<string, Route>): string[] {
  const into = new Map<Rect, { key: string; tip: { x: number; y: number }; width: number }[]>();
  for (const line of scene.lines) {
    const route = routes.get(line.key);
    const width = line.head;
    if (!route || !width) continue;
    const card = lineEnds(line.kind, scene.cards.get(line.fromId)!, scene.cards.get(line.toId)!).end;
    into.set(card, [...(into.get(card) ?? []), { key: line.key, tip: route.points[route.points.length - 1], width }]);
  }
  const found: string[] = [];
  for (const heads of into.values()) {
    heads.forEach((a, i) => {
      for (const b of heads.slice(i + 1)) {
        const apart = Math.hypot(a.tip.x - b.tip.x, a.tip.y - b.tip.y);
        const needed = Math.max(a.width, b.width) + HEAD_GAP;
        if (apart < needed) found.push(`heads of ${a.key} and ${b.key} ${Math.round(apart)} px apart, ${Math.ceil(needed)} needed`);
      }
    });
  }
  return found;
}

const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });

describe('line routes', () => {
  it('routes every line of the sample map around the cards, labels on no card, no line on another', () => {
    const scene = sceneOf(createSampleAccountMap(NOW));
    expectAllRoundCards(scene);
  });

  it('draws no two lines of the sample map on top of each other', () => {
    const scene = sceneOf(createSampleAccountMap(NOW));
    const { length, pairs } = overlapsBetweenLines(scene, routeLines(avoid, scene));
    expect({ length, pairs }).toEqual({ length: 0, pairs: [] });
  });

  it('sits no label of the sample map on another line', () => {
    const scene = sceneOf(createSampleAccountMap(NOW));
    expect(overlapsBetweenLines(scene, routeLines(avoid, scene)).labels).toEqual([]);
  });

  it('routes a CRM import into the sample map (about forty people) around every card, no line on another', () => {
    const map = sampleWithImport();
    const scene = sceneOf(map);
    expect(scene.cards.size).toBeGreaterThanOrEqual(35);
    expect(scene.lines.filter((l) => l.kind === 'reports-to').length).toBeGreaterThanOrEqual(10);
    expectAllRoundCards(scene);
  });

  it('routes a 43-person CRM import (a real Salesforce export with reports-to lines) around every card, labels on no card, no line on another', () => {
    const scene = sceneOf(salesforce43());
    expect(scene.cards.size).toBe(43);
    expect(scene.lines.filter((l) => l.kind === 'reports-to').length).toBe(29);
    expectAllRoundCards(scene);
  });

  it('routes the same 43 people imported into the sample map (67 people, labelled links) around every card, labels on no card, no line on another', () => {
    const scene = sceneOf(sampleWithImport('salesforce-contacts-43-reportsto-SUBSET.csv'));
    expect(scene.cards.size).toBe(24 + 43);
    expect(scene.lines.some((l) => l.label)).toBe(true);
    expectAllRoundCards(scene);
  });

  it('routes a map the same way twice, with another map routed in between', () => {
    const drawn = (map: AccountMap) => [...routeLines(avoid, sceneOf(map))].map(([key, route]) => `${key} ${route.path}`);
    const first = drawn(salesforce43());
    drawn(createSampleAccountMap(NOW));
    expect(drawn(salesforce43())).toEqual(first);
  });

  it('keeps lines out of departments that hold neither end, and lets a line leave its own', () => {
    // Two departments side by side with a third between them; each end sits in its own department.
    const frames = [{ x: 0, y: 0, width: 300, height: 200 }, { x: 400, y: 0, width: 300, height: 200 }, { x: 800, y: 0, width: 300, height: 200 }];
    const scene: RouteScene = {
      cards: new Map([['a', { x: 40, y: 60, width: 220, height: 96 }], ['m', { x: 440, y: 60, width: 220, height: 96 }], ['b', { x: 840, y: 60, width: 220, height: 96 }]]),
      frames,
      lines: [{ key: 'l', kind: 'ally', fromId: 'a', toId: 'b' }],
    };
    const route = routeLines(avoid, scene).get('l')!;
    expect(collisions(scene, new Map([['l', route]]))).toEqual([]);
    expect(route.points.slice(1).some((b, i) => segmentCrosses(route.points[i], b, inside(frames[1])))).toBe(false);
    // It leaves its own department and enters the other's.
    expect(route.points[0].x).toBeLessThan(300);
    expect(route.points[route.points.length - 1].x).toBeGreaterThan(800);
  });

  it("keeps a line into a department off the department's name", () => {
    // The manager sits right above the name of the department the report is in.
    const frame = { x: 0, y: 200, width: 600, height: 300 };
    const name = { x: 10, y: 208, width: 200, height: 22 };
    const scene: RouteScene = {
      cards: new Map([['m', { x: 0, y: 0, width: 220, height: 96 }], ['r', { x: 40, y: 300, width: 220, height: 96 }]]),
      frames: [frame],
      names: [name],
      lines: [{ key: 'l', kind: 'reports-to', fromId: 'r', toId: 'm' }],
    };
    const route = routeLines(avoid, scene).get('l')!;
    expect(route.points.slice(1).some((b, i) => segmentCrosses(route.points[i], b, name))).toBe(false);
    expect(collisions(scene, new Map([['l', route]]))).toEqual([]);
  });

  it('counts a line through a card (the check can fail)', () => {
    const scene: RouteScene = { cards: new Map([['a', { x: 0, y: 0, width: 100, height: 50 }], ['b', { x: 400, y: 0, width: 100, height: 50 }], ['c', { x: 200, y: 0, width: 100, height: 50 }]]), frames: [], lines: [{ key: 'l', kind: 'ally', fromId: 'a', toId: 'b' }] };
    const straight = { path: '', points: [{ x: 100, y: 25 }, { x: 400, y: 25 }], labelX: 250, labelY: 25, from: scene.cards.get('a')!, to: scene.cards.get('b')! };
    expect(collisions(scene, new Map([['l', straight]]))).toEqual(['line l through c']);
    const routed = routeLines(avoid, scene).get('l')!;
    expect(routed.points.length).toBeGreaterThan(2);
    expect(collisions(scene, new Map([['l', routed]]))).toEqual([]);
  });

  it('draws reports-to as an org chart elbow from the manager down into the report, and side by side as a line between the facing sides', () => {
    const manager = { x: 300, y: 0, width: 220, height: 96 };
    const report = { x: 0, y: 200, width: 220, height: 96 };
    const neighbour = { x: 600, y: 0, width: 220, height: 96 };
    const scene: RouteScene = {
      cards: new Map([['m', manager], ['r', report], ['n', neighbour]]),
      frames: [],
      lines: [{ key: 'down', kind: 'reports-to', fromId: 'r', toId: 'm' }, { key: 'side', kind: 'reports-to', fromId: 'n', toId: 'm' }],
    };
    const routes = routeLines(avoid, scene);
    const down = routes.get('down')!.points;
    expect(down[0]).toEqual({ x: 410, y: 96 });
    expect(down[down.length - 1]).toEqual({ x: 110, y: 200 });
    // Down, across, down.
    expect(down.length).toBe(4);
    expect(down[1].x).toBe(410);
    expect(down[2].x).toBe(110);
    const side = routes.get('side')!.points;
    expect(lineEnds('reports-to', neighbour, manager).start).toBe(manager);
    expect(side[0]).toEqual({ x: 520, y: 48 });
    expect(side[side.length - 1]).toEqual({ x: 600, y: 48 });
  });
  it('shows the arrowhead of every line with an arrow: its end on the card it points into, a last segment as long as the head, no other line through it', () => {
    for (const map of [createSampleAccountMap(NOW), salesforce43(), sampleWithImport('salesforce-contacts-43-reportsto-SUBSET.csv')]) {
      const scene = sceneOf(map);
      expect(hiddenArrowheads(scene, routeLines(avoid, scene))).toEqual([]);
    }
  });

  it(`keeps every line at least ${MIN_CLEARANCE} px from each card it passes but does not end at`, () => {
    for (const map of [createSampleAccountMap(NOW), salesforce43(), sampleWithImport(), sampleWithImport('salesforce-contacts-43-reportsto-SUBSET.csv')]) {
      const scene = sceneOf(map);
      expect(tooClose(scene, routeLines(avoid, scene))).toEqual([]);
    }
  });

  it('counts a hidden arrowhead and a line too close to a card (the checks can fail)', () => {
    const scene: RouteScene = {
      cards: new Map([['m', { x: 0, y: 0, width: 200, height: 100 }], ['r', { x: 0, y: 140, width: 200, height: 100 }], ['n', { x: 240, y: 140, width: 200, height: 100 }]]),
      frames: [],
      lines: [{ key: 'l', kind: 'reports-to', fromId: 'r', toId: 'm' }, { key: 'p', kind: 'ally', fromId: 'm', toId: 'n' }],
    };
    const box = (points: { x: number; y: number }[]) => ({ path: '', points, labelX: 0, labelY: 0, from: scene.cards.get('r')!, to: scene.cards.get('m')! });
    // Middle to middle, as libavoid gave a second line between the same two sides: the card hides the head.
    const routes = new Map([['l', box([{ x: 100, y: 50 }, { x: 100, y: 190 }])]]);
    expect(hiddenArrowheads(scene, routes)).toEqual(['l ends inside its card']);
    // Into r's top, and p passing 4 px above r, through the head.
    routes.set('l', box([{ x: 100, y: 100 }, { x: 100, y: 140 }]));
    routes.set('p', box([{ x: 60, y: 100 }, { x: 60, y: 136 }, { x: 340, y: 136 }, { x: 340, y: 140 }]));
    expect(hiddenArrowheads(scene, routes)).toEqual(['p through the arrowhead of l']);
    expect(tooClose(scene, routes)).toEqual(['p 4 px from r']);
    routes.set('p', box([{ x: 200, y: 50 }, { x: 220, y: 50 }, { x: 220, y: 120 }, { x: 340, y: 120 }, { x: 340, y: 140 }]));
    expect(hiddenArrowheads(scene, routes)).toEqual([]);
    expect(tooClose(scene, routes)).toEqual([]);
  });
  it('keeps apart the arrowheads of every two arrows into one card, by the wider head and a gap', () => {
    for (const map of [createSampleAccountMap(NOW), salesforce43(), sampleWithImport(), sampleWithImport('salesforce-contacts-43-reportsto-SUBSET.csv')]) {
      const scene = sceneOf(map);
      // Every line with an arrow says how wide its head is drawn.
      expect(scene.lines.filter((l) => !l.head === (l.kind === 'successor' || LINK_LOOK[l.kind].arrow)).map((l) => l.key)).toEqual([]);
      expect(crowdedHeads(scene, routeLines(avoid, scene))).toEqual([]);
    }
  });

  it('knows how wide each arrowhead is drawn: wider on a thicker line', () => {
    expect([arrowheadWidth('reports-to', 'low'), arrowheadWidth('influences', 'high'), arrowheadWidth('influences', 'low'), arrowheadWidth('successor', 'low'), arrowheadWidth('ally', 'high')]).toEqual([16.2, 32.4, 12.15, 9.45, 0]);
  });

  it('counts two arrowheads too close together (the check can fail)', () => {
    const scene: RouteScene = {
      cards: new Map([['a', { x: 0, y: 0, width: 200, height: 100 }], ['b', { x: 0, y: 200, width: 200, height: 100 }]]),
      frames: [],
      lines: [{ key: 'strong', kind: 'influences', fromId: 'a', toId: 'b', head: 32.4 }, { key: 'weak', kind: 'influences', fromId: 'a', toId: 'b', head: 12.15 }],
    };
    const route = (x: number) => ({ path: '', points: [{ x, y: 100 }, { x, y: 200 }], labelX: 0, labelY: 0, from: scene.cards.get('a')!, to: scene.cards.get('b')! });
    const routes = new Map([['strong', route(60)], ['weak', route(80)]]);
    expect(crowdedHeads(scene, routes)).toEqual(['heads of strong and weak 20 px apart, 35 needed']);
    routes.set('weak', route(95));
    expect(crowdedHeads(scene, routes)).toEqual([]);
  });
  it("leaves a manager's card with one trunk for all their org-chart lines down to reports below", () => {
    for (const map of [createSampleAccountMap(NOW), salesforce43(), sampleWithImport('salesforce-contacts-43-reportsto-SUBSET.csv')]) {
      const scene = sceneOf(map);
      const routes = routeLines(avoid, scene);
      const stems = new Map<string, Set<number>>();
      const reports = new Map<string, number>();
      for (const line of scene.lines) {
        const route = routes.get(line.key);
        const manager = scene.cards.get(line.toId)!;
        if (line.kind !== 'reports-to' || !route || route.points[0].y !== manager.y + manager.height) continue;
        stems.set(line.toId, new Set([...(stems.get(line.toId) ?? []), route.points[0].x]));
        reports.set(line.toId, (reports.get(line.toId) ?? 0) + 1);
      }
      const managers = [...stems].filter(([, xs]) => xs.size > 1).map(([id, xs]) => `${id} leaves at ${[...xs].join(', ')}`);
      expect(managers).toEqual([]);
      // The check can fail: on each map some manager has several reports below.
      expect(Math.max(...reports.values())).toBeGreaterThanOrEqual(3);
    }
  });
});
