// The routed lines on the canvas (src/drawing/line-routes.ts), keyed by link id or successorKey().
// Routing runs in a worker (src/io/route-worker.ts), so it never holds up the page: it starts when
// the map has been still for a moment and the page is idle, routes every line, those nearest the
// middle of the screen first, and sends them back in batches. Until then a line keeps its previous route while its cards
// stay where they were (fittingRoute), and is drawn with linkPath otherwise. A change to the map
// cancels the job in flight: nothing routed for an older map reaches the screen.
import { create } from 'zustand';
import { sceneOf, type Route } from '../../drawing/line-routes';
import type { Rect } from '../../drawing/link-geometry';
import { recordRect } from '../../domain/commands';
import { changedIds } from '../../domain/table-changes';
import { currentLanguage } from '../../i18n';
import type { AccountMap } from '../../domain/types';
import { holdCanvasRouting, routeInWorker, type RouteJob } from '../../io/route-worker';
import { whenIdle } from '../../store/when-idle';

export const useRouteStore = create<{ routes: ReadonlyMap<string, Route> }>(() => ({ routes: new Map() }));

/** Wait this long after the last change before routing, so a burst of edits routes once. */
const SETTLE_MS = 120;
/**
 * Then wait until the page is idle, at most this long: opening a map draws it first and routes
 * after. Started at once, the worker's start (compiling the router) and the scene sent to it
 * competed with drawing the map for the page and the machine's cores.
 */
const IDLE_WAIT_MS = 1500;

let job: RouteJob | null = null;

const sameRoute = (a: Route, b: Route) => a.path === b.path && a.labelX === b.labelX && a.labelY === b.labelY && sameRect(a.from, b.from) && sameRect(a.to, b.to);
const sameRect = (a: Route['from'], b: Route['from']) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * `routes` merged into `current`, keeping the very objects that did not change: a line re-renders
 * (and the layer repaints) only where its route is new. With `only`, routes not in it are dropped.
 */
/** Which keys to keep. */
type Keep = { has(key: string): boolean };

function merged(current: ReadonlyMap<string, Route>, routes: ReadonlyMap<string, Route>, only?: Keep): ReadonlyMap<string, Route> {
  const next = new Map(only ? [...current].filter(([key]) => only.has(key)) : current);
  let changed = next.size !== current.size;
  for (const [key, route] of routes) {
    const before = next.get(key);
    if (before && sameRoute(before, route)) continue;
    next.set(key, route);
    changed = true;
  }
  return changed ? next : current;
}

function publish(routes: ReadonlyMap<string, Route>, only?: Keep): void {
  const current = useRouteStore.getState().routes;
  const next = merged(current, routes, only);
  if (next !== current) useRouteStore.setState({ routes: next });
}

/**
 * The worker's batches, gathered and published at most once a frame: each publish copies the map
 * of every route, and at 20,000 people (30,000 lines) a copy per batch took tens of milliseconds
 * of every second while the map was being routed, clicks included.
 */
let pending: Map<string, Route> | null = null;
function publishSoon(routes: ReadonlyMap<string, Route>): void {
  if (!pending) {
    pending = new Map();
    requestAnimationFrame(flushPending);
  }
  for (const [key, route] of routes) pending.set(key, route);
}
function flushPending(): void {
  const wait = viewMovedAt + HOLD_WHILE_MOVING_MS - performance.now();
  if (wait > 0 && pending) {
    setTimeout(() => requestAnimationFrame(flushPending), wait);
    return;
  }
  const routes = pending;
  pending = null;
  if (routes) publish(routes);
}

/**
 * New routes wait until the view has held still this long. Each batch redraws the lines it
 * routes, and the browser then rasterises their layer again: on a large map, while a pan or a
 * zoom was under way, that raster work (dashed lines across every tile) held up the frames it
 * shared the machine's two cores with. A trace of panning 5,000 people: raster 9.6 s with routes
 * arriving, 2.0 s without.
 */
const HOLD_WHILE_MOVING_MS = 300;
let viewMovedAt = -Infinity;
let release: ReturnType<typeof setTimeout> | null = null;
/**
 * The view moved (a pan, a zoom, a fit): the worker holds the canvas's job, and routes that
 * arrive are shown, once the view has held still. The worker had one of two cores through a
 * whole pan of 5,000 people, and the frames and their raster work shared the other.
 */
export function viewMoved(): void {
  viewMovedAt = performance.now();
  if (release) clearTimeout(release);
  else holdCanvasRouting(true);
  release = setTimeout(() => {
    release = null;
    holdCanvasRouting(false);
  }, HOLD_WHILE_MOVING_MS);
}

/**
 * The map, part of it (null: all of it) and language of the last job that routed every line to the
 * end. The language too: cards are as wide as their words, so another language moves every line.
 */
let routedFully: { map: AccountMap; within: Rect | null; language: string } | null = null;

const sameOrBothNull = (a: Rect | null, b: Rect | null) => a === b || (a !== null && b !== null && sameRect(a, b));

/**
 * Whether `map`'s lines route exactly as `routed`'s did: the same links and departments, and each
 * person changed between the two (found through the people table's history) kept their
 * rectangle and their successor. A stance, a note or an owner set then routes nothing: at 20,000
 * people working out which lines to route took 40 to 70 ms of the page after every such edit.
 */
export function routesAsBefore(routed: AccountMap, map: AccountMap): boolean {
  if (routed === map) return true;
  if (routed.links !== map.links || routed.departments !== map.departments) return false;
  const changed = changedIds(routed.stakeholders, map.stakeholders);
  if (!changed) return false;
  for (const id of changed) {
    const before = routed.stakeholders[id];
    const after = map.stakeholders[id];
    if (!before || !after || before.leftCompany !== after.leftCompany || before.successorId !== after.successorId) return false;
    if (!sameOrBothNull(recordRect(routed, id), recordRect(map, id))) return false;
  }
  return true;
}

/**
 * Routes the lines of `map`, nearest `focus` first, and publishes them as they come; a newer call
 * (or the returned cancel) drops the older job. Every line, or with `within` only the lines that
 * pass through that part of the map (a large map: see LinksLayer). Nothing is routed when the
 * lines shown were all routed for a map whose lines route the same (routesAsBefore).
 */
export function scheduleRouting(map: AccountMap, focus: { x: number; y: number } | null, within: Rect | null = null): () => void {
  if (typeof Worker === 'undefined') return () => {};
  const language = currentLanguage();
  if (routedFully && routedFully.language === language && sameOrBothNull(routedFully.within, within) && routesAsBefore(routedFully.map, map)) {
    routedFully = { map, within, language };
    return () => {};
  }
  // From here the lines shown may be part this job's, part older: none is known to be whole.
  routedFully = null;
  let cancelIdle: () => void = () => {};
  let timer: ReturnType<typeof setTimeout>;
  // Not while the view moves: on a large map each pan or zoom that leaves the area starts a job,
  // and the worker then took one of the machine's two cores from the frames for the whole gesture.
  const afterSettling = (wait: number) => (timer = setTimeout(() => {
    const moving = viewMovedAt + HOLD_WHILE_MOVING_MS - performance.now();
    if (moving > 0) {
      afterSettling(moving);
      return;
    }
    cancelIdle = whenIdle(() => {
      const scene = within ? sceneOf(map, recordsAround(map, within)) : sceneOf(map);
      const mine = routeInWorker('canvas', scene, focus, (routes) => {
        if (job === mine) publishSoon(routes);
      });
      job = mine;
      // Once the job is done, lines it did not route (deleted, or no way round) lose their old
      // route; routed only in part of the map, the lines elsewhere keep theirs.
      void mine.done.then((all) => {
        if (!all || job !== mine) return;
        pending = null;
        if (!within) publish(all, all);
        else {
          const inScene = new Set(scene.lines.map((line) => line.key));
          publish(all, { has: (key) => all.has(key) || !inScene.has(key) });
        }
        routedFully = { map, within, language };
      });
    }, IDLE_WAIT_MS);
  }, wait));
  afterSettling(SETTLE_MS);
  return () => {
    clearTimeout(timer);
    cancelIdle();
    job?.cancel();
    job = null;
    pending = null;
  };
}

/**
 * The records a part of the map's lines need: the ends of every line whose ends' box meets
 * `area`, and the cards and departments in the area, which those lines go round. A long line is
 * routed round what is in the area only: where it runs elsewhere is off screen, and is routed
 * when the view gets there. (Taking everything its box meets made one long line bring in half a
 * 20,000-person map.)
 */
function recordsAround(map: AccountMap, area: Rect): Set<string> {
  const meets = (r: Rect) => r.x < area.x + area.width && area.x < r.x + r.width && r.y < area.y + area.height && area.y < r.y + r.height;
  const ids = new Set<string>();
  const take = (sourceId: string, targetId: string) => {
    const a = recordRect(map, sourceId);
    const b = recordRect(map, targetId);
    if (!a || !b) return;
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    if (meets({ x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y })) ids.add(sourceId).add(targetId);
  };
  for (const link of Object.values(map.links)) take(link.sourceId, link.targetId);
  for (const person of Object.values(map.stakeholders)) if (person.leftCompany && person.successorId) take(person.id, person.successorId);
  for (const id of [...Object.keys(map.departments), ...Object.keys(map.stakeholders)]) {
    const r = recordRect(map, id);
    if (r && meets(r)) ids.add(id);
  }
  return ids;
}

/** The middle of the screen moved: route the lines there next. */
export function focusRouting(point: { x: number; y: number }): void {
  job?.focus(point);
}
