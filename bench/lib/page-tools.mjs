// Small page-side helpers of bench/run.mjs: the heap after GC, the PNG export of either page, a
// time limit on a promise, and the short reason a failed measurement gets in the table.

export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024 / 1024;
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]);
}

/** A failure's reason for the table: its first line, without Playwright's "page.evaluate: " prefix. */
export function failureReason(error) {
  const line = String(error?.message ?? error).split('\n')[0].replace(/^\w+\.\w+: /, '').trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

export async function exportPng(page, variant) {
  return page.evaluate(async (variant) => {
    const t0 = performance.now();
    if (variant === 'app') {
      const bench = window.__powermapBench;
      const map = bench.useMapStore.getState().map;
      const blob = await bench.renderMapPng(map, { selection: null, background: 'white', pixelRatio: 2 });
      const ms = performance.now() - t0;
      const bitmap = await createImageBitmap(blob);
      return { ms, bytes: blob.size, width: bitmap.width, height: bitmap.height };
    }
    const result = await window.__baselineBench.exportPng(2);
    return { ms: performance.now() - t0, ...result };
  }, variant);
}
