// One edit, timed: `npm run bench` (bench/run.mjs) applies a command through the app's store and
// times it until it is durable and until IndexedDB has it.
import { median } from './trace.mjs';

/**
 * Applies one command through the store and times it twice: until it is durable (the store change
 * has written its journal entry, synchronously, inside run()) and until the repository's
 * saveChanges has committed it to IndexedDB.
 */
export async function editStored(page, ids, waitForSaved) {
  const runs = [];
  for (const id of ids) {
    await waitForSaved();
    runs.push(
      await page.evaluate(async (id) => {
        const bench = window.__powermapBench;
        const store = bench.useMapStore;
        // The longest main-thread task the edit sets off (the store's subscribers, React's render of
        // everything that shows the map): the Long Tasks API reports tasks of 50 ms and more.
        const tasks = [];
        const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
        observer.observe({ type: 'longtask' });
        const previous = store.getState().map;
        // The moment the journal entry is written: from then on the edit survives the page going.
        let journaledAt = null;
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          setItem.call(this, key, value);
          if (journaledAt === null && String(key).startsWith('powermap:journal:')) journaledAt = performance.now();
        };
        const t0 = performance.now();
        const stance = previous.stakeholders[id].stance === 'champion' ? 'blocker' : 'champion';
        try {
          store.getState().run({ type: 'setStance', ids: [id], stance });
        } finally {
          Storage.prototype.setItem = setItem;
        }
        const runMs = performance.now() - t0;
        const next = store.getState().map;
        if (next === previous) throw new Error('The edit changed nothing.');
        const rows = await bench.saveChanges(previous, next);
        const ms = performance.now() - t0;
        await new Promise((resolve) => setTimeout(resolve, 500));
        observer.takeRecords().forEach((entry) => tasks.push(entry));
        observer.disconnect();
        const blockMs = Math.max(0, ...tasks.filter((task) => task.startTime >= t0 - 1).map((task) => task.duration));
        // Without a journal (an app version before it) the edit is durable only once in IndexedDB.
        return { durableMs: journaledAt === null ? ms : journaledAt - t0, runMs, ms, rows, blockMs };
      }, id),
    );
  }
  const middle = (key) => median(runs.map((r) => r[key]));
  return { durableMs: middle('durableMs'), runMs: middle('runMs'), ms: middle('ms'), blockMs: middle('blockMs'), rows: Math.max(...runs.map((r) => r.rows)), runs };
}
