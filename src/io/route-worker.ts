// The page's side of the line router's worker (line-router.worker.ts): start a routing job, move
// its focus, cancel it. Answers of a job that was cancelled or replaced are dropped here, so a
// route made for a map that has changed since never reaches the caller. Where there is no Worker
// (Node, jsdom), `routeScene` routes on the calling thread instead.
import { routeLines, type Route, type RouteScene } from '../drawing/line-routes';

type Point = { x: number; y: number };

export type ToRouter =
  | { type: 'route'; job: number; scene: RouteScene; focus: Point | null }
  | { type: 'focus'; job: number; focus: Point | null }
  | { type: 'cancel'; job: number };

export type FromRouter = { job: number; routes?: Map<string, Route>; done?: boolean; error?: string };

export interface RouteJob {
  /** Route the lines nearest this point next (the middle of the screen). */
  focus(point: Point | null): void;
  /** Drop the job: nothing more of it reaches the caller. */
  cancel(): void;
  /** Every route of the job, once it is done; null when it was cancelled or failed. */
  readonly done: Promise<Map<string, Route> | null>;
}

export class LineRouterWorker {
  private worker: Worker | null = null;
  private job = 0;
  private listener: ((message: FromRouter) => void) | null = null;

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./line-router.worker.ts', import.meta.url), { type: 'module', name: 'line-router' });
    worker.onmessage = (event: MessageEvent<FromRouter>) => this.listener?.(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.listener?.({ job: this.job, error: event.message || 'The line router stopped.' });
    };
    this.worker = worker;
    return worker;
  }

  /** Routes `scene` nearest `focus` first; `onStep` gets each batch of routes as it comes. A new job replaces the one before. */
  route(scene: RouteScene, focus: Point | null, onStep: (routes: Map<string, Route>) => void): RouteJob {
    const worker = this.start();
    const job = ++this.job;
    const all = new Map<string, Route>();
    let finish: (routes: Map<string, Route> | null) => void = () => {};
    const done = new Promise<Map<string, Route> | null>((resolve) => (finish = resolve));
    this.listener = (message) => {
      if (message.job !== job) return;
      if (message.routes) {
        for (const [key, route] of message.routes) all.set(key, route);
        if (message.routes.size > 0) onStep(message.routes);
      }
      if (message.done) finish(all);
      else if (message.error) finish(null);
    };
    worker.postMessage({ type: 'route', job, scene, focus } satisfies ToRouter);
    return {
      focus: (point) => {
        if (this.job === job) worker.postMessage({ type: 'focus', job, focus: point } satisfies ToRouter);
      },
      cancel: () => {
        if (this.job !== job) return;
        this.listener = null;
        worker.postMessage({ type: 'cancel', job } satisfies ToRouter);
        finish(null);
      },
      done,
    };
  }

  /** Ends the worker (an export's own router, once it has its routes). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.listener = null;
  }
}

async function routeHere(scene: RouteScene): Promise<Map<string, Route>> {
  const { loadLineRouter } = await import('./line-router');
  return routeLines(await loadLineRouter(), scene);
}

/** Every route of `scene`: in a worker of its own where there is one (the page stays responsive), else here. */
export async function routeScene(scene: RouteScene): Promise<Map<string, Route>> {
  if (typeof Worker === 'undefined') return routeHere(scene);
  const router = new LineRouterWorker();
  try {
    // A worker that could not start or load the router: route here rather than export straight lines.
    return (await router.route(scene, null, () => {}).done) ?? (await routeHere(scene));
  } finally {
    router.dispose();
  }
}
