// How a line router's scene crosses to its worker (route-worker.ts -> line-router.worker.ts).
import type { LineSpec, RouteScene } from '../drawing/line-routes';
import type { Rect } from '../drawing/link-geometry';

/**
 * A scene as it travels to the worker: its numbers in typed arrays whose buffers are moved, not
 * copied, and its ids in flat arrays of strings. Posted as objects, a 20,000-card scene (some
 * 100,000 small objects) took the page's thread about 0.2 s to clone, just after a map opened.
 */
export interface PackedScene {
  cardIds: string[];
  cardRects: Float64Array;
  frames: Float64Array;
  names: Float64Array | null;
  lineKeys: string[];
  lineKinds: LineSpec['kind'][];
  lineFrom: string[];
  lineTo: string[];
  /** Width and height of each line's label; NaN for a line without one. */
  labels: Float64Array;
  /** Width of each line's arrowhead; NaN for a line without one. */
  heads: Float64Array;
}

function packRects(rects: Iterable<Rect>, count: number): Float64Array {
  const packed = new Float64Array(count * 4);
  let i = 0;
  for (const r of rects) {
    packed[i++] = r.x;
    packed[i++] = r.y;
    packed[i++] = r.width;
    packed[i++] = r.height;
  }
  return packed;
}

function unpackRects(packed: Float64Array): Rect[] {
  const rects: Rect[] = [];
  for (let i = 0; i < packed.length; i += 4) rects.push({ x: packed[i], y: packed[i + 1], width: packed[i + 2], height: packed[i + 3] });
  return rects;
}

export function packScene(scene: RouteScene): { packed: PackedScene; transfer: ArrayBuffer[] } {
  const { lines } = scene;
  const labels = new Float64Array(lines.length * 2).fill(NaN);
  const heads = Float64Array.from(lines, (line) => line.head ?? NaN);
  lines.forEach((line, i) => {
    if (!line.label) return;
    labels[i * 2] = line.label.width;
    labels[i * 2 + 1] = line.label.height;
  });
  const packed: PackedScene = {
    cardIds: [...scene.cards.keys()],
    cardRects: packRects(scene.cards.values(), scene.cards.size),
    frames: packRects(scene.frames, scene.frames.length),
    names: scene.names ? packRects(scene.names, scene.names.length) : null,
    lineKeys: lines.map((line) => line.key),
    lineKinds: lines.map((line) => line.kind),
    lineFrom: lines.map((line) => line.fromId),
    lineTo: lines.map((line) => line.toId),
    labels,
    heads,
  };
  const buffers = [packed.cardRects, packed.frames, packed.names, labels, heads].flatMap((array) => (array ? [array.buffer as ArrayBuffer] : []));
  return { packed, transfer: buffers };
}

export function unpackScene(packed: PackedScene): RouteScene {
  const rects = unpackRects(packed.cardRects);
  const lines: LineSpec[] = packed.lineKeys.map((key, i) => {
    const width = packed.labels[i * 2];
    const line: LineSpec = { key, kind: packed.lineKinds[i], fromId: packed.lineFrom[i], toId: packed.lineTo[i] };
    if (!Number.isNaN(width)) line.label = { width, height: packed.labels[i * 2 + 1] };
    if (!Number.isNaN(packed.heads[i])) line.head = packed.heads[i];
    return line;
  });
  return {
    cards: new Map(packed.cardIds.map((id, i) => [id, rects[i]])),
    frames: unpackRects(packed.frames),
    ...(packed.names ? { names: unpackRects(packed.names) } : {}),
    lines,
  };
}
