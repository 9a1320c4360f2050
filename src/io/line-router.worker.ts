// The line router's own thread: a module worker that loads libavoid (line-router.ts) and routes the
// scenes the page sends it (src/drawing/line-routes.ts), so routing never holds up a pointer move,
// a wheel step or a frame. Protocol (types in route-worker.ts): `route` starts a job and drops the
// one before, `focus` moves the point the job routes outward from, `cancel` drops the job. Steps go
// back in batches, `done` after the last; a job that was replaced stops at its next step.
import { routeInSteps, type Route } from '../drawing/line-routes';
import { loadLineRouter } from './line-router';
import type { FromRouter, ToRouter } from './route-worker';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToRouter>) => void) | null; postMessage(message: FromRouter): void };

/** Send routes back at most this often: each message is a store update and a render on the page. */
const BATCH_MS = 50;
let current = 0;
const order: { focus: { x: number; y: number } | null } = { focus: null };

/** A turn for the message queue (a newer job, a cancel, a new focus), without setTimeout's 4 ms clamp. */
const turn = () => new Promise<void>((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

scope.onmessage = async ({ data }) => {
  if (data.type === 'cancel') {
    if (data.job === current) current = 0;
    return;
  }
  if (data.type === 'focus') {
    if (data.job === current) order.focus = data.focus;
    return;
  }
  const job = data.job;
  current = job;
  order.focus = data.focus;
  try {
    const avoid = await loadLineRouter();
    let batch = new Map<string, Route>();
    let sent = performance.now();
    for (const step of routeInSteps(avoid, data.scene, order)) {
      if (current !== job) return;
      for (const [key, route] of step) batch.set(key, route);
      if (batch.size > 0 && performance.now() - sent >= BATCH_MS) {
        scope.postMessage({ job, routes: batch });
        batch = new Map();
        sent = performance.now();
      }
      await turn();
    }
    if (current !== job) return;
    scope.postMessage({ job, routes: batch, done: true });
  } catch (error) {
    scope.postMessage({ job, error: error instanceof Error ? error.message : String(error) });
  }
};
