// The line router's own thread: a module worker that loads libavoid (line-router.ts) and routes the
// scenes the page sends it (src/drawing/line-routes.ts), so routing never holds up a pointer move,
// a wheel step or a frame. Protocol (types in route-worker.ts): `route` starts a job on a channel
// and drops the channel's job before, `focus` moves the point a job routes outward from, `cancel`
// drops a job, `pause` and `resume` hold the canvas's job while the view moves (the user's pan
// or zoom gets the machine's cores). Steps go back in batches, `done` after the last. An export's job goes before the
// canvas's, which resumes where it was. The worker remembers every route it made and what it was
// made from: a line whose surroundings did not change keeps its route without being routed again.
import { routeInSteps, type Route, type RouteMemory, type RouteOrder, type RouteScene } from '../drawing/line-routes';
import { loadLineRouter } from './line-router';
import type { FromRouter, ToRouter } from './route-worker';
import { unpackScene } from './route-scene';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToRouter>) => void) | null; postMessage(message: FromRouter): void };

/** Send routes back at most this often: each message is a store update and a render on the page. */
const BATCH_MS = 50;
/** Forget remembered routes past this many (a map's lines, several times over). */
const MEMORY_LIMIT = 50_000;

interface Job {
  job: number;
  scene: RouteScene;
  order: RouteOrder;
  steps: Generator<Map<string, Route>, void, void> | null;
  batch: Map<string, Route>;
  sent: number;
}

const jobs = new Map<string, Job>();
const memory: RouteMemory = new Map();
let running = false;
/** The canvas's job waits while this is set; `wake` ends the wait. */
let paused = false;
let wake: (() => void) | null = null;

/** A turn for the message queue (a newer job, a cancel, a new focus), without setTimeout's 4 ms clamp. */
const turn = () => new Promise<void>((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

/** Exports first (the user is waiting for a file), the canvas after. */
const next = (): [string, Job] | null => [...jobs.entries()].find(([channel]) => channel !== 'canvas') ?? (jobs.has('canvas') ? ['canvas', jobs.get('canvas')!] : null);

async function run(): Promise<void> {
  if (running) return;
  running = true;
  try {
    const avoid = await loadLineRouter();
    for (let entry = next(); entry; entry = next()) {
      const [channel, job] = entry;
      if (paused && channel === 'canvas') {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (memory.size > MEMORY_LIMIT) memory.clear();
      job.steps ??= routeInSteps(avoid, job.scene, job.order, memory);
      const step = job.steps.next();
      if (!step.done) for (const [key, route] of step.value) job.batch.set(key, route);
      if (step.done) {
        jobs.delete(channel);
        scope.postMessage({ job: job.job, routes: job.batch, done: true });
      } else if (job.batch.size > 0 && performance.now() - job.sent >= BATCH_MS) {
        scope.postMessage({ job: job.job, routes: job.batch });
        job.batch = new Map();
        job.sent = performance.now();
      }
      await turn();
    }
  } catch (error) {
    for (const { job } of jobs.values()) scope.postMessage({ job, error: error instanceof Error ? error.message : String(error) });
    jobs.clear();
  } finally {
    running = false;
  }
}

scope.onmessage = ({ data }) => {
  if (data.type === 'pause' || data.type === 'resume') {
    paused = data.type === 'pause';
    if (!paused) {
      wake?.();
      wake = null;
    }
    return;
  }
  const found = [...jobs.entries()].find(([, job]) => job.job === data.job);
  if (data.type === 'cancel') {
    if (found) jobs.delete(found[0]);
  } else if (data.type === 'focus') {
    if (found) found[1].order.focus = data.focus;
  } else {
    jobs.set(data.channel, { job: data.job, scene: unpackScene(data.scene), order: { focus: data.focus }, steps: null, batch: new Map(), sent: performance.now() });
    void run();
  }
};
