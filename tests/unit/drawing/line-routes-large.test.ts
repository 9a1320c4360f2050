// @vitest-environment node
// Large maps: every line is routed, the long ones across the map included, through no card and no
// department that holds neither end; routing the map again reuses what did not change.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AvoidLib } from 'libavoid-js';
import { routeInSteps, sceneOf, type AvoidRouterLib, type Route, type RouteMemory, type RouteScene } from '../../../src/drawing/line-routes';
import { crossed, RectIndex } from '../../../src/drawing/avoid-router';
import type { AccountMap } from '../../../src/domain/types';
// @ts-expect-error the benchmark's map generator is plain JavaScript
import { generateMap } from '../../../bench/generate-map.mjs';

let avoid: AvoidRouterLib;
beforeAll(async () => {
  await AvoidLib.load(join(__dirname, '../../../node_modules/libavoid-js/dist/libavoid.wasm'));
  avoid = AvoidLib.getInstance();
});

function routeAll(scene: RouteScene, memory?: RouteMemory): { routes: Map<string, Route>; steps: Map<string, Route>[] } {
  const routes = new Map<string, Route>();
  const steps = [...routeInSteps(avoid, scene, { focus: null }, memory)];
  for (const step of steps) for (const [key, route] of step) routes.set(key, route);
  return { routes, steps };
}

/** Lines through a card that is not one of their ends, and through a frame that holds neither end. */
function trespasses(scene: RouteScene, routes: Map<string, Route>): { throughCards: string[]; throughFrames: string[] } {
  const ids = [...scene.cards.keys()];
  const cards = new RectIndex([...scene.cards.values()]);
  const frames = new RectIndex(scene.frames);
  const throughCards: string[] = [];
  const throughFrames: string[] = [];
  for (const line of scene.lines) {
    const route = routes.get(line.key);
    if (!route) continue;
    if (crossed(route.points, cards).some((i) => ids[i] !== line.fromId && ids[i] !== line.toId)) throughCards.push(line.key);
    const own = new Set([...frames.near(scene.cards.get(line.fromId)!), ...frames.near(scene.cards.get(line.toId)!)]);
    if (crossed(route.points, frames).some((f) => !own.has(f))) throughFrames.push(line.key);
  }
  return { throughCards, throughFrames };
}

describe('line routes on large maps', () => {
  it('routes all 1,510 lines of a 1,000-person map, through no card and no unrelated department', () => {
    const scene = sceneOf(generateMap({ size: 1000 }) as AccountMap);
    expect(scene.lines.length).toBe(1510);
    const { routes } = routeAll(scene);
    expect(routes.size).toBe(scene.lines.length);
    expect(trespasses(scene, routes)).toEqual({ throughCards: [], throughFrames: [] });
  }, 120_000);

  it('routing the map again reuses every route; moving one card routes only the lines near it again', () => {
    const map = generateMap({ size: 100 }) as AccountMap;
    const memory: RouteMemory = new Map();
    const first = routeAll(sceneOf(map), memory);
    const again = routeAll(sceneOf(map), memory);
    // Everything comes back at once, the very same routes.
    expect(again.steps.length).toBe(1);
    expect([...again.routes].every(([key, route]) => first.routes.get(key) === route)).toBe(true);

    const id = Object.keys(map.stakeholders)[0];
    const moved = { ...map, stakeholders: { ...map.stakeholders, [id]: { ...map.stakeholders[id], position: { x: map.stakeholders[id].position.x, y: map.stakeholders[id].position.y + 300 } } } };
    const scene = sceneOf(moved);
    const after = routeAll(scene, memory);
    const rerouted = [...after.routes].filter(([key, route]) => first.routes.get(key) !== route).length;
    expect(rerouted).toBeGreaterThan(0);
    expect(rerouted).toBeLessThan(scene.lines.length / 4);
    expect(after.routes.size).toBe(scene.lines.length);
    expect(trespasses(scene, after.routes)).toEqual({ throughCards: [], throughFrames: [] });
  }, 120_000);
});
