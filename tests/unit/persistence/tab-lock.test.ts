// The second-tab policy, against a small in-memory LockManager that two "tabs" share (jsdom has no
// Web Locks), and BroadcastChannel as Node provides it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { broadcastMapsChanged, claimMap, lockName, onMapsChanged } from '../../../src/persistence/tab-lock';
import { eventually, sleep } from './fixtures';

type Callback = (lock: { name: string } | null) => unknown;
interface Waiter {
  callback: Callback;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/** Exclusive locks with ifAvailable and signal, as navigator.locks implements them. */
class FakeLockManager {
  held = new Set<string>();
  private queues = new Map<string, Waiter[]>();

  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: Callback): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const waiter = { callback, resolve, reject };
      if (!this.held.has(name)) return this.grant(name, waiter);
      if (options.ifAvailable) return void Promise.resolve(callback(null)).then(resolve, reject);
      const queue = this.queues.get(name) ?? [];
      queue.push(waiter);
      this.queues.set(name, queue);
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(waiter);
        if (index < 0) return;
        queue.splice(index, 1);
        reject(new DOMException('The request was aborted.', 'AbortError'));
      });
    });
  }

  private grant(name: string, waiter: Waiter) {
    this.held.add(name);
    Promise.resolve()
      .then(() => waiter.callback({ name }))
      .then(waiter.resolve, waiter.reject)
      .finally(() => {
        this.held.delete(name);
        const next = this.queues.get(name)?.shift();
        if (next) this.grant(name, next);
      });
  }
}

function useLocks(locks: unknown) {
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
}

const handlers = () => ({ onEditable: vi.fn(), onReadOnly: vi.fn() });

afterEach(() => {
  useLocks(undefined);
});

describe('claimMap', () => {
  it('lets the first tab edit, shows the map read-only in the second, and hands over when the first leaves', async () => {
    const locks = new FakeLockManager();
    useLocks(locks);
    const first = handlers();
    const second = handlers();
    const releaseFirst = claimMap('map_a', first);
    await eventually(() => expect(first.onEditable).toHaveBeenCalledTimes(1));
    expect(locks.held.has(lockName('map_a'))).toBe(true);

    const releaseSecond = claimMap('map_a', second);
    await eventually(() => expect(second.onReadOnly).toHaveBeenCalledTimes(1));
    expect(second.onEditable).not.toHaveBeenCalled();

    releaseFirst();
    await eventually(() => expect(second.onEditable).toHaveBeenCalledTimes(1));
    expect(first.onReadOnly).not.toHaveBeenCalled();
    releaseSecond();
    await eventually(() => expect(locks.held.size).toBe(0));
  });

  it('does not block other maps', async () => {
    useLocks(new FakeLockManager());
    const a = handlers();
    const b = handlers();
    const releaseA = claimMap('map_a', a);
    const releaseB = claimMap('map_b', b);
    await eventually(() => expect(b.onEditable).toHaveBeenCalledTimes(1));
    expect(b.onReadOnly).not.toHaveBeenCalled();
    releaseA();
    releaseB();
  });

  it('leaving while still waiting for the lock gives up the place in the queue', async () => {
    const locks = new FakeLockManager();
    useLocks(locks);
    const first = handlers();
    const second = handlers();
    const releaseFirst = claimMap('map_a', first);
    const releaseSecond = claimMap('map_a', second);
    await eventually(() => expect(second.onReadOnly).toHaveBeenCalled());
    releaseSecond();
    releaseFirst();
    await sleep(20);
    expect(second.onEditable).not.toHaveBeenCalled();
    expect(locks.held.size).toBe(0);
  });

  it('claiming and at once releasing (React StrictMode in development) never shows the map read-only', async () => {
    const locks = new FakeLockManager();
    useLocks(locks);
    const dropped = handlers();
    claimMap('map_a', dropped)();
    const kept = handlers();
    const release = claimMap('map_a', kept);
    await eventually(() => expect(kept.onEditable).toHaveBeenCalledTimes(1));
    expect(kept.onReadOnly).not.toHaveBeenCalled();
    expect(dropped.onEditable).not.toHaveBeenCalled();
    release();
  });

  it('is editable at once without the Web Locks API', () => {
    useLocks(undefined);
    const tab = handlers();
    const release = claimMap('map_a', tab);
    expect(tab.onEditable).toHaveBeenCalledTimes(1);
    expect(release).not.toThrow();
  });

  it('opens the map editable rather than never, if the lock cannot be requested', async () => {
    useLocks({ request: () => Promise.reject(new DOMException('insecure', 'SecurityError')) });
    const tab = handlers();
    claimMap('map_a', tab);
    await eventually(() => expect(tab.onEditable).toHaveBeenCalledTimes(1));
    expect(tab.onReadOnly).not.toHaveBeenCalled();
  });
});

describe('maps-changed messages', () => {
  it('reach listeners in other tabs until they stop listening', async () => {
    const heard = vi.fn();
    const stop = onMapsChanged(heard);
    broadcastMapsChanged();
    await eventually(() => expect(heard).toHaveBeenCalledTimes(1));
    stop();
    broadcastMapsChanged();
    await sleep(30);
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
