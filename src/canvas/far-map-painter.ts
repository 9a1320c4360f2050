// The page's side of the far view's drawing (drawing/far-map.ts): where the browser can hand a
// canvas to a worker (OffscreenCanvas), far-map.worker.ts draws it and the page only posts the
// scene once per map and the view at each step; elsewhere, or when that worker fails, the page
// draws it itself, the same way. One worker serves every far canvas the page shows, and keeps the
// scene it was sent: zooming out again on the same map posts nothing but the view.
import { recordRect } from '../domain/commands';
import { runAtOnce, runInSlicesWhile } from '../domain/slices';
import type { AccountMap } from '../domain/types';
import { farScene, patchedFarScene } from '../drawing/far-scene';
import { perMapVersion } from '../domain/map-versions';
import { drawFarMap, farPaths, pathsWithHole, selectionPath, viewKey, type FarPaths, type FarHole, type FarScene, type FarView } from '../drawing/far-map';
import { stopBeforeTakeOver } from '../io/take-over';

export type ToFarMap =
  | { type: 'canvas'; id: number; canvas: OffscreenCanvas }
  | { type: 'fonts'; files: { family: string; url: string }[] }
  | { type: 'scene'; scene: FarScene }
  | { type: 'selection'; rects: Float64Array }
  | { type: 'dimmed'; rects: Float64Array }
  | { type: 'view'; view: FarView }
  | { type: 'hole'; hole: FarHole | null }
  | { type: 'detach'; id: number };

export type FromFarMap = { type: 'drawn'; id: number; view: string; cards: number; whole: boolean };

/** The names where the page draws: the stylesheet's Noto Sans (src/app/fonts.css). */
export const PAGE_FONT = "'Noto Sans', system-ui, sans-serif";

/**
 * The far view's scene of `map`, built in steps once per map and language (canvas/prepare.ts
 * slices it while a large map opens), or patched from the last one when `map` changed only some
 * people (patchedFarScene).
 */
export const prepareFarScene = perMapVersion(farScene, patchedFarScene);

/**
 * Builds the far view's scene of `map` in slices once the page is idle, so the zoom step where the
 * far canvas takes over finds it built; returns what drops it (the map changed again, or was left).
 */
export function prepareFarSceneWhenIdle(map: AccountMap): () => void {
  let dropped = false;
  const run = () => void runInSlicesWhile(prepareFarScene(map), () => !dropped);
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 2000 });
    return () => {
      dropped = true;
      cancelIdleCallback(handle);
    };
  }
  const handle = setTimeout(run, 200);
  return () => {
    dropped = true;
    clearTimeout(handle);
  };
}

/** The rectangles of the records `ids` (x, y, width, height each). */
function rectsOf(map: AccountMap, ids: Iterable<string>): Float64Array {
  const list = [...ids];
  const rects = new Float64Array(list.length * 4);
  list.forEach((id, i) => {
    const r = recordRect(map, id);
    if (r) rects.set([r.x, r.y, r.width, r.height], i * 4);
  });
  return rects;
}

export interface FarPainter {
  /** Draws `map` with `selection` outlined and the people `dimmed` (outside the focus) faded. */
  show(map: AccountMap, selection: readonly string[], dimmed: ReadonlySet<string>): void;
  view(view: FarView): void;
  /** Leave out what meets `hole` (the page's own cards show it), or draw the whole map (null). */
  hole(hole: FarHole | null): void;
  /** The canvas is leaving the page. */
  detach(): void;
}

/** Called after each frame drawn on the canvas, with the view it shows, the cards in its scene and whether it drew them all (no hole). */
type Drawn = (view: string, cards: number, whole: boolean) => void;

let worker: Worker | null = null;
let failed = false;
let canvases = 0;
/** What the worker was last sent: a new canvas on the same map and selection sends neither again. */
let sentScene: FarScene | null = null;
let sentSelection: { map: AccountMap; selection: readonly string[] } | null = null;
let sentDimmed: { map: AccountMap; dimmed: ReadonlySet<string> } | null = null;
const listeners = new Map<number, Drawn>();
/** Told when the worker fails, so their canvases can be drawn by the page instead. */
const onFailure = new Set<() => void>();

stopBeforeTakeOver(() => {
  // The page is about to reload into a new release: no worker starts again (io/take-over.ts).
  failed = true;
  worker?.terminate();
  worker = null;
});

function startWorker(): Worker | null {
  if (worker || failed) return worker;
  try {
    worker = new Worker(new URL('./far-map.worker.ts', import.meta.url), { type: 'module', name: 'far-map' });
  } catch {
    failed = true;
    return null;
  }
  worker.onmessage = ({ data }: MessageEvent<FromFarMap>) => listeners.get(data.id)?.(data.view, data.cards, data.whole);
  worker.onerror = (event) => {
    event.preventDefault();
    failed = true;
    worker?.terminate();
    worker = null;
    for (const fail of [...onFailure]) fail();
  };
  sentScene = null;
  sentSelection = null;
  sentDimmed = null;
  // Loaded here, not with the map view: the font addresses are one more file on opening a map.
  const started = worker;
  void import('../io/embedded-fonts').then(({ boldFontFiles }) => started.postMessage({ type: 'fonts', files: boldFontFiles() } satisfies ToFarMap));
  return worker;
}

/** Whether a canvas mounted now can be drawn by the worker. */
export function workerCanDraw(): boolean {
  return !failed && typeof Worker === 'function' && typeof HTMLCanvasElement !== 'undefined' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;
}

/** Draws on `element` through the worker; `failure` is called if the worker stops (the canvas is then lost to the page). */
export function paintInWorker(element: HTMLCanvasElement, drawn: Drawn, failure: () => void): FarPainter | null {
  const thread = workerCanDraw() ? startWorker() : null;
  if (!thread) return null;
  let offscreen: OffscreenCanvas;
  try {
    offscreen = element.transferControlToOffscreen();
  } catch {
    return null;
  }
  const id = ++canvases;
  thread.postMessage({ type: 'canvas', id, canvas: offscreen } satisfies ToFarMap, [offscreen]);
  listeners.set(id, drawn);
  onFailure.add(failure);
  return {
    show(map, selection, dimmed) {
      const scene = runAtOnce(prepareFarScene(map));
      if (scene !== sentScene) thread.postMessage({ type: 'scene', scene } satisfies ToFarMap);
      sentScene = scene;
      if (sentSelection?.map !== map || sentSelection.selection !== selection) thread.postMessage({ type: 'selection', rects: rectsOf(map, selection) } satisfies ToFarMap);
      sentSelection = { map, selection };
      if (sentDimmed?.map !== map || sentDimmed.dimmed !== dimmed) thread.postMessage({ type: 'dimmed', rects: rectsOf(map, dimmed) } satisfies ToFarMap);
      sentDimmed = { map, dimmed };
    },
    view(view) {
      thread.postMessage({ type: 'view', view } satisfies ToFarMap);
    },
    hole(hole) {
      thread.postMessage({ type: 'hole', hole } satisfies ToFarMap);
    },
    detach() {
      listeners.delete(id);
      onFailure.delete(failure);
      worker?.postMessage({ type: 'detach', id } satisfies ToFarMap);
    },
  };
}

/** Draws on `element` on the page's own thread, at once on each change. */
export function paintOnPage(element: HTMLCanvasElement, drawn: Drawn): FarPainter {
  const context = element.getContext('2d');
  let shown: { scene: FarScene; paths: FarPaths; selected: Path2D; dimmed: Path2D | null } | null = null;
  let current: FarView | null = null;
  let hole: FarHole | null = null;
  const holed = pathsWithHole();
  const draw = () => {
    if (!context || !shown || !current) return;
    drawFarMap(context, shown.scene, holed(shown.scene, shown.paths, hole), shown.selected, current, PAGE_FONT, hole, shown.dimmed);
    drawn(viewKey(current), shown.scene.names.length, hole === null);
  };
  return {
    show(map, selection, dimmed) {
      // Path2D is the browser's: a test's DOM has none, and no canvas to draw on either.
      if (!context) return;
      const scene = runAtOnce(prepareFarScene(map));
      const faded = dimmed.size > 0 ? selectionPath(rectsOf(map, dimmed)) : null;
      shown = { scene, paths: shown?.scene === scene ? shown.paths : farPaths(scene), selected: selectionPath(rectsOf(map, selection)), dimmed: faded };
      draw();
    },
    view(view) {
      current = view;
      draw();
    },
    hole(next) {
      hole = next;
      draw();
    },
    detach() {},
  };
}
