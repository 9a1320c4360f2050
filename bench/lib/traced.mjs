// A gesture run under a Chrome trace, and what it cost per input event (trace.mjs).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TRACE_CATEGORIES, inputCosts, median, quantile } from './trace.mjs';

/** True while a trace records: tracing is the browser's, so a gesture that timed out must stop it. */
let tracing = false;
export async function stopTracingLeftOver(browser) {
  if (!tracing) return;
  tracing = false;
  await browser.stopTracing().catch(() => {});
}

/** Runs `gesture` under a Chrome trace; the trace is kept at `keepAt` (for DevTools) unless it is null. */
export async function traced(browser, page, gesture, keepAt) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  tracing = true;
  let buffer;
  try {
    await gesture();
  } finally {
    tracing = false;
    buffer = await browser.stopTracing();
  }
  if (keepAt) {
    await mkdir(dirname(keepAt), { recursive: true });
    await writeFile(keepAt, buffer);
  }
  return inputCosts(JSON.parse(buffer.toString('utf8')));
}

export function summarise(costs) {
  return { median: median(costs.perEvent), p95: quantile(costs.perEvent, 0.95), wall: costs.wallMs, events: costs.events, after: costs.after };
}
