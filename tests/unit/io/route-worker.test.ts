// Before a new release takes over, the line router's worker ends and no new one starts: a worker
// starting fetches its script and the router's wasm through the service worker, and a fetch during
// the take-over left Chromium's new service worker waiting, the page never reloading.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RouteScene } from '../../../src/drawing/line-routes';

const scene: RouteScene = { cards: new Map(), frames: [], lines: [] };

/** A stand-in for the browser's Worker: records each one started and whether it was ended. */
class FakeWorker {
  static started: FakeWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  vi.resetModules();
  FakeWorker.started = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('the line router when a new release takes over', () => {
  it('ends the worker and its jobs, and starts no worker after', async () => {
    const { routeInWorker } = await import('../../../src/io/route-worker');
    const { stopForTakeOver } = await import('../../../src/io/take-over');
    const running = routeInWorker('canvas', scene, null, () => {});
    expect(FakeWorker.started).toHaveLength(1);

    stopForTakeOver();
    expect(FakeWorker.started[0].terminated).toBe(true);
    expect(await running.done).toBeNull();

    const later = routeInWorker('canvas', scene, null, () => {});
    expect(await later.done).toBeNull();
    expect(FakeWorker.started).toHaveLength(1);
  });
});
