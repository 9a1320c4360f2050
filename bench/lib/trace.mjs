// Main-thread cost per input event, from a Chrome trace (categories in TRACE_CATEGORIES).
//
// Why not requestAnimationFrame gaps: headless Chromium keeps ticking frames every 16.7 ms even
// when the page is slow, so frame gaps hide the cost. Instead we look at what the renderer's main
// thread actually did. Continuous input (pointermove, wheel) is dispatched at the start of a
// top-level task; everything the main thread runs from that task until the task that dispatches
// the next input (event handlers, React's scheduled render, style, layout, paint, GC) is charged
// to that input. Idle time (waiting for the next synthetic event) is not counted.

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Inputs whose cost is measured; other dispatched inputs only close the window of the one before. */
const MEASURED = new Set(['pointermove', 'wheel']);
const BOUNDARIES = new Set(['pointermove', 'wheel', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'keydown']);
/** The last measured input of a trace has no successor: its window is capped. */
const LAST_WINDOW_US = 150_000;
/**
 * What the page still does once the input has stopped (work deferred to the end of a gesture, such
 * as the canvas catching up after a wheel zoom, see src/canvas/use-view-window.ts) is not charged
 * to any input: it is reported apart, from the last window's end until this long after it.
 */
const AFTER_US = 1_000_000;

/**
 * @param {{ traceEvents: object[] }} trace  JSON of browser.stopTracing()
 * @returns {{ perEvent: number[], windows: { start: number, end: number }[], wallMs: number, events: number, busyMs: number, after: { busyMs: number, longestMs: number } }}
 *   perEvent: main-thread ms charged to each measured input, in order; windows: the trace time
 *   span (µs) charged to each, for looking into a slow one; wallMs: from the first input's task
 *   to the end of the last task charged to an input (or of the pointerup task).
 */
export function inputCosts(trace) {
  const all = trace.traceEvents ?? trace;
  const dispatches = all.filter((e) => e.name === 'EventDispatch' && BOUNDARIES.has(e.args?.data?.type));
  if (dispatches.length === 0) throw new Error('The trace holds no input events: the gesture did not reach the page.');
  const { pid, tid } = dispatches.find((e) => MEASURED.has(e.args.data.type)) ?? dispatches[0];

  // Top-level tasks of the renderer main thread, outermost only, in time order.
  const raw = all
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts);
  const tasks = [];
  for (const task of raw) {
    const last = tasks[tasks.length - 1];
    if (last && task.ts < last.ts + last.dur) continue; // nested
    tasks.push(task);
  }
  const taskAt = (ts) => {
    // Binary search for the last task starting at or before ts.
    let lo = 0;
    let hi = tasks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tasks[mid].ts <= ts) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && ts <= tasks[found].ts + tasks[found].dur ? found : -1;
  };

  // One boundary per task that dispatched input (pointermove and mousemove share one task).
  const boundaries = [];
  for (const event of dispatches.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts)) {
    const index = taskAt(event.ts);
    const start = index >= 0 ? tasks[index].ts : event.ts;
    const measured = MEASURED.has(event.args.data.type);
    const last = boundaries[boundaries.length - 1];
    if (last && last.start === start) {
      last.measured ||= measured;
      continue;
    }
    boundaries.push({ start, task: index, measured, type: event.args.data.type });
  }

  const perEvent = [];
  const windows = [];
  let wallStart = null;
  let wallEnd = null;
  let t = 0;
  for (let b = 0; b < boundaries.length; b++) {
    const { start, measured } = boundaries[b];
    const next = boundaries[b + 1];
    wallStart ??= start;
    if (!measured) {
      if (boundaries[b].task >= 0) wallEnd = Math.max(wallEnd ?? 0, tasks[boundaries[b].task].ts + tasks[boundaries[b].task].dur);
      continue;
    }
    const end = next ? next.start : start + LAST_WINDOW_US;
    while (t < tasks.length && tasks[t].ts < start) t++;
    let busy = 0;
    let k = t;
    for (; k < tasks.length && tasks[k].ts < end; k++) {
      busy += tasks[k].dur;
      wallEnd = Math.max(wallEnd ?? 0, tasks[k].ts + tasks[k].dur);
    }
    perEvent.push(busy / 1000);
    windows.push({ start, end });
  }
  const busyMs = perEvent.reduce((sum, ms) => sum + ms, 0);
  // `after`: tasks that start after the last input's window (only what the trace recorded: the
  // gesture has to wait for it, as bench/run.mjs's pan + zoom does).
  const lastEnd = windows.length ? windows[windows.length - 1].end : Infinity;
  const later = tasks.filter((task) => task.ts >= lastEnd && task.ts < lastEnd + AFTER_US);
  const after = { busyMs: later.reduce((sum, task) => sum + task.dur, 0) / 1000, longestMs: Math.max(0, ...later.map((task) => task.dur)) / 1000 };
  return { perEvent, windows, events: perEvent.length, busyMs, after, wallMs: wallStart !== null && wallEnd !== null ? (wallEnd - wallStart) / 1000 : NaN };
}

export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: p95 of 90 events is the 86th smallest.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const median = (values) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
