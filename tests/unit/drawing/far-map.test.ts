// The far view's frame with a hole: while a wheel zoom reaches past the cards the page has
// mounted, the canvas draws only what lies outside them, under the page's own cards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawFarMap, farPaths, meetsHole, pathsWithHole, selectionPath, type FarScene } from '../../../src/drawing/far-map';

/** The rectangles a path was given: jsdom has no Path2D. */
class RecordingPath {
  rects: number[][] = [];
  rect(x: number, y: number, width: number, height: number) {
    this.rects.push([x, y, width, height]);
  }
  moveTo() {}
  lineTo() {}
}

/** A 2D context that keeps the names written and the paths stroked. */
function recordingContext() {
  const texts: string[] = [];
  const stroked: RecordingPath[] = [];
  const clips: RecordingPath[] = [];
  /** Each stroke's path with the colour and dashes it was drawn in. */
  const strokes: { path: RecordingPath; style: string; dash: number[] }[] = [];
  let dash: number[] = [];
  /** Each fill's path with its colour. */
  const fills: { path: RecordingPath; style: string }[] = [];
  const context = {
    canvas: { width: 0, height: 0 },
    strokeStyle: '',
    setLineDash: (next: number[]) => void (dash = next),
    setTransform() {},
    clearRect() {},
    save() {},
    restore() {},
    fillStyle: '',
    fill(path: RecordingPath) {
      fills.push({ path, style: context.fillStyle });
    },
    stroke(path: RecordingPath) {
      stroked.push(path);
      strokes.push({ path, style: context.strokeStyle, dash });
    },
    clip: (path: RecordingPath) => clips.push(path),
    fillText: (text: string) => texts.push(text),
  };
  return { context, texts, stroked, clips, strokes, fills };
}

// Three cards in a row, 200 wide, one department around the first two and a white-space one around the third.
const scene: FarScene = {
  departments: new Float64Array([0, 0, 700, 200, 850, -20, 300, 140]),
  coverages: new Uint8Array([0, 1]),
  departmentLooks: [
    { fill: 'rgba(37, 99, 235, 0.07)', stroke: '#2563eb', dash: [] },
    { fill: 'rgba(13, 148, 136, 0.16)', stroke: '#0d9488', dash: [6, 4] },
  ],
  cards: new Float64Array([0, 0, 200, 80, 300, 0, 200, 80, 900, 0, 200, 80]),
  stances: new Uint8Array([0, 1, 0]),
  colors: ['#111111', '#222222'],
  nameSizes: new Float32Array([20, 20, 20]),
  names: ['Ada Lind', 'Bo Kern', 'Cy Moss'],
  lines: new Float64Array([100, 40, 1000, 40]),
};
const view = { x: 0, y: 0, zoom: 1, width: 1200, height: 400, ratio: 1 };
// The page's cards cover the part of the map from x 250 to 600: the second card. Its lines reach further.
const shown = { x: 250, y: -100, width: 350, height: 400 };
const hole = { cards: shown, lines: { x: 100, y: -100, width: 600, height: 400 } };

describe('the far view with a hole', () => {
  const realPath = globalThis.Path2D;
  beforeAll(() => void (globalThis.Path2D = RecordingPath as unknown as typeof Path2D));
  afterAll(() => void (globalThis.Path2D = realPath));

  it('knows which rectangles meet the hole, and that none do when there is none', () => {
    expect([0, 1, 2].map((i) => meetsHole(scene.cards, i, shown))).toEqual([false, true, false]);
    expect(meetsHole(scene.departments, 0, shown)).toBe(true);
    expect(meetsHole(scene.departments, 1, shown)).toBe(false);
    expect(meetsHole(scene.cards, 1, null)).toBe(false);
  });

  it('leaves the cards and departments in the hole out of its paths, and keeps every line', () => {
    const paths = farPaths(scene, shown) as unknown as { faces: RecordingPath; departments: RecordingPath[] };
    expect(paths.faces.rects).toEqual([
      [0, 0, 200, 80],
      [900, 0, 200, 80],
    ]);
    expect(paths.departments.map((path) => path.rects)).toEqual([[], [[850, -20, 300, 140]]]);
    expect((farPaths(scene) as unknown as Record<'faces', RecordingPath>).faces.rects).toHaveLength(3);
  });

  it('writes the names of the cards the page does not show, cuts the lines where the page’s take over, and leaves the selection to the page', () => {
    const whole = farPaths(scene);
    const paths = pathsWithHole();
    const selected = selectionPath(new Float64Array([300, 0, 200, 80]));
    const holed = recordingContext();
    drawFarMap(holed.context as never, scene, paths(scene, whole, hole), selected, view, 'sans-serif', hole);
    expect(holed.texts).toEqual(['Ada Lind', 'Cy Moss']);
    expect(holed.clips).toHaveLength(1);
    expect(holed.clips[0].rects[1]).toEqual([100, -100, 600, 400]);
    expect(holed.stroked).not.toContain(selected);

    const full = recordingContext();
    drawFarMap(full.context as never, scene, paths(scene, whole, null), selected, view, 'sans-serif');
    expect(full.texts).toEqual(['Ada Lind', 'Bo Kern', 'Cy Moss']);
    expect(full.clips).toHaveLength(0);
    expect(full.stroked).toContain(selected);
  });

  it('builds the paths for a hole once, and again only for another hole or scene', () => {
    const whole = farPaths(scene);
    const paths = pathsWithHole();
    expect(paths(scene, whole, null)).toBe(whole);
    const first = paths(scene, whole, hole);
    expect(paths(scene, whole, hole)).toBe(first);
    expect(paths(scene, whole, { ...hole })).not.toBe(first);
    expect(paths({ ...scene }, whole, hole)).not.toBe(first);
  });

  it('draws each department in its coverage’s colour, white space dashed, the dashes the same on screen at any zoom', () => {
    const whole = farPaths(scene) as unknown as { departments: RecordingPath[] };
    for (const zoom of [1, 0.1]) {
      const drawn = recordingContext();
      drawFarMap(drawn.context as never, scene, whole as never, selectionPath(new Float64Array(0)), { ...view, zoom }, 'sans-serif');
      const [engaged, whiteSpace] = whole.departments.map((path) => drawn.strokes.find((stroke) => stroke.path === path));
      expect(engaged).toMatchObject({ style: '#2563eb', dash: [] });
      expect(whiteSpace?.style).toBe('#0d9488');
      expect(whiteSpace?.dash.map((length) => length * zoom)).toEqual([6, 4]);
    }
  });

  it('fades the cards outside the focus over their faces, and nothing when there is no focus', () => {
    const whole = farPaths(scene);
    const outside = selectionPath(new Float64Array([900, 0, 200, 80]));
    const focused = recordingContext();
    drawFarMap(focused.context as never, scene, whole, selectionPath(new Float64Array(0)), view, 'sans-serif', null, outside);
    const faces = focused.fills.findIndex((fill) => fill.path === (whole.faces as unknown as RecordingPath));
    const faded = focused.fills.findIndex((fill) => fill.path === (outside as unknown as RecordingPath));
    expect(faded).toBeGreaterThan(faces);
    expect(focused.fills[faded].style).toMatch(/^rgba\(248, 250, 252, 0\.[6-9]/);
    const unfocused = recordingContext();
    drawFarMap(unfocused.context as never, scene, whole, selectionPath(new Float64Array(0)), view, 'sans-serif');
    expect(unfocused.fills.map((fill) => fill.style)).not.toContain(focused.fills[faded].style);
  });
});
