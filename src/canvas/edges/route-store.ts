// The routed lines on the canvas (src/drawing/line-routes.ts), keyed by link id or successorKey().
// Routing runs in a worker (src/io/route-worker.ts), so it never holds up the page: it starts when
// the map has been still for a moment and the page is idle, routes every line, those nearest the
// middle of the screen first, and sends them back in batches. Until then a line keeps its previous route while its cards
// stay where they were (fittingRoute), and is drawn with linkPath otherwise. A change to the map
// cancels the job in flight: nothing routed for an older map reaches the screen.
import { create } from 'zustand';
import { sceneOf, type Route } from '../../drawing/line-routes';
import type { AccountMap } from '../../domain/types';
import { routeInWorker, type RouteJob } from '../../io/route-worker';

export const useRouteStore = create<{ routes: ReadonlyMap<string, Route> }>(() => ({ routes: new Map() }));

/** Wait this long after the last change before routing, so a burst of edits routes once. */
const SETTLE_MS = 120;
/**
 * Then wait until the page is idle, at most this long: opening a map draws it first and routes
 * after. Started at once, the worker's start (compiling the router) and the scene sent to it
 * competed with drawing the map for the page and the machine's cores.
 */
const IDLE_WAIT_MS = 1500;

/** Runs `task` when the page is idle (or after `timeout` ms); returns a cancel. */
function whenIdle(task: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(task, { timeout });
  return () => cancelIdleCallback(handle);
}
let job: RouteJob | null = null;

const sameRoute = (a: Route, b: Route) => a.path === b.path && a.labelX === b.labelX && a.labelY === b.labelY && sameRect(a.from, b.from) && sameRect(a.to, b.to);
const sameRect = (a: Route['from'], b: Route['from']) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * `routes` merged into `current`, keeping the very objects that did not change: a line re-renders
 * (and the layer repaints) only where its route is new. With `only`, routes not in it are dropped.
 */
function merged(current: ReadonlyMap<string, Route>, routes: ReadonlyMap<string, Route>, only?: ReadonlyMap<string, Route>): ReadonlyMap<string, Route> {
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

function publish(routes: ReadonlyMap<string, Route>, only?: ReadonlyMap<string, Route>): void {
  const current = useRouteStore.getState().routes;
  const next = merged(current, routes, only);
  if (next !== current) useRouteStore.setState({ routes: next });
}

/** Routes every line of `map`, nearest `focus` first, and publishes them as they come; a newer call (or the returned cancel) drops the older job. */
export function scheduleRouting(map: AccountMap, focus: { x: number; y: number } | null): () => void {
  if (typeof Worker === 'undefined') return () => {};
  let cancelIdle: () => void = () => {};
  const timer = setTimeout(() => {
    cancelIdle = whenIdle(() => {
      const mine = routeInWorker('canvas', sceneOf(map), focus, (routes) => publish(routes));
      job = mine;
      // Once the job is done, lines it did not route (deleted, or no way round) lose their old route.
      void mine.done.then((all) => {
        if (all && job === mine) publish(all, all);
      });
    }, IDLE_WAIT_MS);
  }, SETTLE_MS);
  return () => {
    clearTimeout(timer);
    cancelIdle();
    job?.cancel();
    job = null;
  };
}

/** The middle of the screen moved: route the lines there next. */
export function focusRouting(point: { x: number; y: number }): void {
  job?.focus(point);
}
