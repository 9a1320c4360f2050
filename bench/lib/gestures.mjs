// The gestures the bench measures in both pages (the app and the bare React Flow page): centring
// on a card, selecting, dragging a card, panning and wheel-zooming, clicking a card until the
// inspector shows it. Each traced gesture returns the main-thread cost per input event
// (lib/trace.mjs); `tracePath` saves its Chrome trace (--save-traces).
import { median } from './trace.mjs';
import { summarise, traced } from './traced.mjs';
import { armInspectorProbe, emptyPanePoint, nodeTransform, twoFrames } from './probes.mjs';

/** Zoom for the gestures: cards readable, a few departments on screen. */
export const GESTURE_ZOOM = 0.6;
const DRAG_STEPS = 90;
const PAN_STEPS = 60;
const WHEEL_EVENTS = 15; // out, then as many back in
/** The pan + zoom gesture is run this many times and its events pooled (see panAndZoom). */
const PAN_ZOOM_ROUNDS = 3;
/** The app pans with the middle or right button (a left drag draws a selection box); the bare page with the left. */
const PAN_BUTTON = { app: 'middle', baseline: 'left' };

/** Clicks a card at the gesture zoom, a few times; ms from the press until the inspector shows that person. */
export async function clickToInspector(page, ids) {
  const runs = [];
  for (const id of ids) {
    await centreOn(page, 'app', id, GESTURE_ZOOM);
    await select(page, 'app', []);
    const name = await page.evaluate((id) => window.__powermapBench.useMapStore.getState().map.stakeholders[id].name, id);
    const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
    if (!box) throw new Error(`card ${id} is not on screen`);
    await page.evaluate(armInspectorProbe, name);
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
    runs.push(await page.evaluate(() => window.__benchInspect));
    await page.waitForTimeout(300);
  }
  return { ms: median(runs), runs };
}

/** Puts `nodeId` in the middle of the canvas at `zoom`, the same way in both pages. */
export async function centreOn(page, variant, nodeId, zoom) {
  await page.evaluate(
    async ({ variant, nodeId, zoom }) => {
      const flow = variant === 'app' ? await window.__powermapBench.canvas() : window.__baselineBench.instance;
      // The app's React Flow holds only the nodes near the view: its rectangles come from the map.
      const rect = variant === 'app' ? window.__powermapBench.recordRect(nodeId) : null;
      const node = rect ? null : flow.getInternalNode(nodeId);
      const box = document.querySelector('.react-flow').getBoundingClientRect();
      const { x, y } = rect ?? node.internals.positionAbsolute;
      const width = rect?.width ?? node.measured.width ?? 0;
      const height = rect?.height ?? node.measured.height ?? 0;
      await flow.setViewport({ x: box.width / 2 - (x + width / 2) * zoom, y: box.height / 2 - (y + height / 2) * zoom, zoom });
    },
    { variant, nodeId, zoom },
  );
  await page.evaluate(twoFrames);
}

export async function select(page, variant, ids) {
  await page.evaluate(
    ({ variant, ids }) =>
      variant === 'app' ? window.__powermapBench.useMapStore.getState().select(ids) : window.__baselineBench.select(ids),
    { variant, ids },
  );
  await page.evaluate(twoFrames);
  // Counted in React Flow's state, not the DOM: the app does not mount cards that are off screen.
  const selected = await page.evaluate(
    async (variant) => {
      const flow = variant === 'app' ? await window.__powermapBench.canvas() : window.__baselineBench.instance;
      return flow.getNodes().filter((node) => node.selected).length;
    },
    variant,
  );
  if (selected !== ids.length) throw new Error(`Expected ${ids.length} selected cards, found ${selected}.`);
}

export async function waitForSaved(page, variant) {
  if (variant !== 'app') return;
  await page.waitForTimeout(400);
  await page.waitForFunction(() => window.__powermapBench.useMapStore.getState().saveState === 'saved', null, { polling: 50, timeout: 20_000 });
}

/** Drags the card `grabId` by a fixed screen distance in DRAG_STEPS moves; returns per-event costs. */
export async function dragCard(browser, page, variant, grabId, tracePath) {
  await centreOn(page, variant, grabId, GESTURE_ZOOM);
  const card = page.locator(`.react-flow__node[data-id="${grabId}"]`);
  const box = await card.boundingBox();
  const from = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.5 };
  await page.mouse.move(from.x, from.y);
  await page.waitForTimeout(200);
  const before = await page.evaluate(nodeTransform, grabId);
  const costs = await traced(browser, page, async () => {
    await page.mouse.down();
    await page.mouse.move(from.x + 260, from.y + 140, { steps: DRAG_STEPS });
    await page.mouse.up();
  }, tracePath);
  await page.evaluate(twoFrames);
  if ((await page.evaluate(nodeTransform, grabId)) === before) throw new Error(`${variant}: dragging ${grabId} did not move it.`);
  await waitForSaved(page, variant);
  return summarise(costs);
}

/**
 * Pans by dragging empty canvas, then zooms out and back in with the wheel: PAN_ZOOM_ROUNDS times,
 * each from the same centred view, and the events of all rounds pooled. One round's p95 is about
 * its fifth-worst event of 90, so one garbage collection more or less moved the app's ratio to the
 * bare page by a third between runs of the same build (0.81x and 1.06x at 500, 2026-12-03).
 */
export async function panAndZoom(browser, page, variant, centreId, tracesTo) {
  const rounds = [];
  for (let round = 1; round <= PAN_ZOOM_ROUNDS; round++) {
    rounds.push(await panAndZoomOnce(browser, page, variant, centreId, tracesTo(round)));
  }
  const pooled = {
    perEvent: rounds.flatMap((r) => r.perEvent),
    wallMs: median(rounds.map((r) => r.wallMs)),
    events: rounds.reduce((sum, r) => sum + r.events, 0),
    // After the wheel stops: the worst round's longest task, and the middle round's busy time.
    after: { longestMs: Math.max(...rounds.map((r) => r.after.longestMs)), busyMs: median(rounds.map((r) => r.after.busyMs)) },
  };
  return { ...summarise(pooled), roundsP95: rounds.map((r) => summarise(r).p95) };
}

/** One round of panAndZoom, traced; its trace is saved to `tracePath` unless that is null. */
async function panAndZoomOnce(browser, page, variant, centreId, tracePath) {
  await centreOn(page, variant, centreId, GESTURE_ZOOM);
  // The same empty point twice, half a second apart: at 5,000 people the lines are still being
  // routed around the cards after opening, and one routed onto the point took the press (a line
  // does not pan), so the gesture moved nothing.
  let start = null;
  for (let tries = 0; tries < 40; tries++) {
    const point = await page.evaluate(emptyPanePoint);
    if (point && start && point.x === start.x && point.y === start.y) break;
    start = point;
    await page.waitForTimeout(500);
  }
  if (!start) throw new Error(`${variant}: found no empty canvas to pan from.`);
  const button = PAN_BUTTON[variant];
  await page.mouse.move(start.x, start.y);
  await page.waitForTimeout(200);
  const before = await page.evaluate(() => document.querySelector('.react-flow__viewport').style.transform);
  const costs = await traced(browser, page, async () => {
    await page.mouse.down({ button });
    await page.mouse.move(start.x - 300, start.y - 180, { steps: PAN_STEPS });
    await page.mouse.up({ button });
    for (let i = 0; i < WHEEL_EVENTS * 2; i++) {
      await page.mouse.wheel(0, i < WHEEL_EVENTS ? 100 : -100);
      await page.waitForTimeout(16); // about one wheel event per frame, like a real wheel
    }
    // What the page does once the wheel has stopped is traced too, and reported apart (`after`).
    await page.waitForTimeout(1200);
  }, tracePath);
  const after = await page.evaluate(() => document.querySelector('.react-flow__viewport').style.transform);
  if (after === before) throw new Error(`${variant}: panning and zooming did not move the viewport.`);
  await waitForSaved(page, variant);
  return costs;
}
