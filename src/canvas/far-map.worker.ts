// The far view's own thread: draws the map seen from far (drawing/far-map.ts) on the canvas the
// page hands over (FarMapLayer.tsx through far-map-painter.ts), so a wheel step on a large map
// costs the page's main thread a message, not the drawing and rasterising of thousands of cards
// (20 to 26 ms a step at 5,000 people when the page drew it itself, see docs/benchmarks.md).
// Protocol (types in far-map-painter.ts): `canvas` hands over a new canvas, `fonts` the names'
// font files, `scene` the map's shapes, `selection` the selected cards, `dimmed` those outside the
// focus, `view` where to look, `hole` the part left to the page's own cards (or none), `detach`
// lets a canvas go. Each drawn frame is answered with `drawn`, naming the view it shows and
// whether it drew the whole map.
import { drawFarMap, farPaths, pathsWithHole, selectionPath, viewKey, type FarPaths, type FarHole, type FarScene, type FarView } from '../drawing/far-map';
import type { FromFarMap, ToFarMap } from './far-map-painter';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToFarMap>) => void) | null;
  postMessage(message: FromFarMap): void;
  requestAnimationFrame?: (callback: () => void) => number;
  fonts?: { add(face: FontFace): void };
};

let canvas: { id: number; context: OffscreenCanvasRenderingContext2D } | null = null;
let scene: { scene: FarScene; paths: FarPaths } | null = null;
let selected = new Path2D();
let dimmed: Path2D | null = null;
let view: FarView | null = null;
let hole: FarHole | null = null;
const holed = pathsWithHole();
let font = 'system-ui, sans-serif';
let scheduled = false;

function draw(): void {
  scheduled = false;
  if (!canvas || !scene || !view) return;
  drawFarMap(canvas.context, scene.scene, holed(scene.scene, scene.paths, hole), selected, view, font, hole, dimmed);
  scope.postMessage({ type: 'drawn', id: canvas.id, view: viewKey(view), cards: scene.scene.names.length, whole: hole === null });
}

/** One frame for however many messages came since the last: a wheel step can bring several. */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (scope.requestAnimationFrame) scope.requestAnimationFrame(draw);
  else setTimeout(draw);
}

/** The names are set in the app's own Noto Sans; until its files have loaded, in the system's sans-serif. */
function loadFonts(files: { family: string; url: string }[]): void {
  if (!scope.fonts || files.length === 0 || typeof FontFace !== 'function') return;
  const faces = files.map(({ family, url }) => new FontFace(family, `url(${url})`, { weight: '700' }));
  for (const face of faces) scope.fonts.add(face);
  void Promise.allSettled(faces.map((face) => face.load())).then(() => {
    font = `${[...new Set(files.map((file) => `'${file.family}'`))].join(', ')}, system-ui, sans-serif`;
    schedule();
  });
}

scope.onmessage = ({ data: message }) => {
  switch (message.type) {
    case 'canvas': {
      const context = message.canvas.getContext('2d');
      canvas = context ? { id: message.id, context } : null;
      break;
    }
    case 'fonts':
      loadFonts(message.files);
      return;
    case 'scene':
      scene = { scene: message.scene, paths: farPaths(message.scene) };
      break;
    case 'selection':
      selected = selectionPath(message.rects);
      break;
    case 'dimmed':
      dimmed = message.rects.length > 0 ? selectionPath(message.rects) : null;
      break;
    case 'view':
      view = message.view;
      break;
    case 'hole':
      hole = message.hole;
      break;
    case 'detach':
      if (canvas?.id === message.id) canvas = null;
      return;
  }
  schedule();
};
