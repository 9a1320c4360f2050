// The page's side of the line router's worker (line-router.worker.ts): start a routing job, move
// its focus, cancel it. One worker serves the page: the canvas's job and any export's, each on a
// channel of its own, and the routes it remembers serve both (an export of the map on screen
// routes almost nothing again). Answers of a job that was cancelled or replaced are dropped here,
// so a route made for a map that has changed since never reaches the caller. Where there is no
// Worker (Node, jsdom), `routeScene` routes on the calling thread instead.
import { routeLines, type Route, type RouteScene } from '../drawing/line-routes';
import { packScene, type PackedScene } from './route-scene';
import { stopBeforeTakeOver } from './take-over';

type Point = { x: number; y: number };

export type ToRouter =
  | { type: 'route'; channel: string; job: number; scene: PackedScene; focus: Point | null }
  | { type: 'focus'; job: number; focus: Point | null }
  | { type: 'cancel'; job: number }
  | { type: 'pause' }
  | { type: 'resume' };

export type FromRouter = { job: number; routes?: Map<string, Route>; done?: boolean; error?: string };

export interface RouteJob {
  /** Route the lines nearest this point next (the middle of the screen). */
  focus(point: Point | null): void;
  /** Drop the job: nothing more of it reaches the caller. */
  cancel(): void;
  /** Every route of the job, once it is done; null when it was cancelled, replaced or failed. */
  readonly done: Promise<Map<string, Route> | null>;
}

let worker: Worker | null = null;
/** Set by stopLineRouter: the page is about to reload, no worker starts again. */
let stopped = false;
let jobs = 0;
const listeners = new Map<number, (message: FromRouter) => void>();
/** The channel of each job still running. */
const channels = new Map<number, string>();

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./line-router.worker.ts', import.meta.url), { type: 'module', name: 'line-router' });
  worker.onmessage = (event: MessageEvent<FromRouter>) => listeners.get(event.data.job)?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    // A worker that cannot start or stopped: every job ends without routes, the next one starts a new worker.
    for (const [job, listener] of listeners) listener({ job, error: event.message || 'The line router stopped.' });
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/**
 * Ends the worker and every job, for good: the page is about to reload into a new release
 * (take-over.ts). A worker starting fetches its script and the router's wasm through the service
 * worker, so none starts again.
 */
function stopLineRouter(): void {
  stopped = true;
  for (const [job, listener] of listeners) listener({ job, error: 'The line router stopped.' });
  worker?.terminate();
  worker = null;
}
stopBeforeTakeOver(stopLineRouter);

/** Holds the canvas's job (not an export's) until `false`: the view is moving. Nothing to do before the worker has started. */
export function holdCanvasRouting(hold: boolean): void {
  worker?.postMessage((hold ? { type: 'pause' } : { type: 'resume' }) satisfies ToRouter);
}

/**
 * Routes `scene` in the worker, nearest `focus` first; `onStep` gets each batch of routes as it
 * comes. A new job on the same channel replaces the one before.
 */
export function routeInWorker(channel: string, scene: RouteScene, focus: Point | null, onStep: (routes: Map<string, Route>) => void): RouteJob {
  if (stopped) return { focus: () => undefined, cancel: () => undefined, done: Promise.resolve(null) };
  const router = start();
  const job = ++jobs;
  for (const [other, listener] of listeners) if (channels.get(other) === channel) listener({ job: other, error: 'replaced' });
  const all = new Map<string, Route>();
  let finish: (routes: Map<string, Route> | null) => void = () => {};
  const done = new Promise<Map<string, Route> | null>((resolve) => (finish = resolve));
  const end = (routes: Map<string, Route> | null) => {
    listeners.delete(job);
    channels.delete(job);
    finish(routes);
  };
  listeners.set(job, (message) => {
    if (message.routes) {
      for (const [key, route] of message.routes) all.set(key, route);
      if (message.routes.size > 0) onStep(message.routes);
    }
    if (message.done) end(all);
    else if (message.error) end(null);
  });
  channels.set(job, channel);
  const { packed, transfer } = packScene(scene);
  router.postMessage({ type: 'route', channel, job, scene: packed, focus } satisfies ToRouter, transfer);
  return {
    focus: (point) => {
      if (listeners.has(job)) router.postMessage({ type: 'focus', job, focus: point } satisfies ToRouter);
    },
    cancel: () => {
      if (!listeners.has(job)) return;
      router.postMessage({ type: 'cancel', job } satisfies ToRouter);
      end(null);
    },
    done,
  };
}

async function routeHere(scene: RouteScene): Promise<Map<string, Route>> {
  const { loadLineRouter } = await import('./line-router');
  return routeLines(await loadLineRouter(), scene);
}

let exports = 0;

/**
 * Every route of `scene` (an export): in the worker where there is one, so the page stays
 * responsive, else here. `onProgress` hears how many of the scene's lines have a route so far, as
 * the worker's batches come in (routing 7,500 lines takes most of a minute).
 */
export async function routeScene(scene: RouteScene, onProgress?: (routed: number, total: number) => void): Promise<Map<string, Route>> {
  if (typeof Worker === 'undefined') return routeHere(scene);
  const total = scene.lines.length;
  let routed = 0;
  const job = routeInWorker(`export:${++exports}`, scene, null, (routes) => {
    routed += routes.size;
    onProgress?.(Math.min(routed, total), total);
  });
  // A worker that could not start or load the router: route here rather than export straight lines.
  return (await job.done) ?? (await routeHere(scene));
}
