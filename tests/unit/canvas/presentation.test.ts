// Presentation mode places the map so that names stay readable on a 1920x1080 projector.
import { describe, expect, it } from 'vitest';
import { PRESENTATION_NAME_SIZE, READABLE_NAME_PX, presentationViewport } from '../../../src/canvas/presentation';
import { mapWith, smallMap } from '../fixtures/maps';

const W = 1920;
const H = 1080;
const nameOnScreen = (zoom: number) => PRESENTATION_NAME_SIZE * zoom;

describe('presentationViewport', () => {
  it('shows a map that fits at a readable size whole, centred', () => {
    const map = mapWith({ stakeholders: [{ id: 'a', position: { x: 0, y: 0 } }, { id: 'b', position: { x: 400, y: 300 } }] });
    const viewport = presentationViewport(map, [], W, H)!;
    expect(nameOnScreen(viewport.zoom)).toBeGreaterThanOrEqual(READABLE_NAME_PX);
    // Bounds 620 x 396, centred on the screen.
    expect(viewport.x + 310 * viewport.zoom).toBeCloseTo(W / 2);
    expect(viewport.y + 198 * viewport.zoom).toBeCloseTo(H / 2);
  });

  it('never zooms out below readable: a tall map opens at its top, centred across', () => {
    const map = mapWith({ stakeholders: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, position: { x: 0, y: i * 150 } })) });
    const viewport = presentationViewport(map, [], W, H)!;
    expect(nameOnScreen(viewport.zoom)).toBeCloseTo(READABLE_NAME_PX);
    expect(viewport.y).toBeGreaterThan(0); // the top card is on screen, below a margin
    expect(viewport.y).toBeLessThan(100);
    expect(viewport.x + 110 * viewport.zoom).toBeCloseTo(W / 2);
  });

  it('opens on the selection when the map is too large to show whole', () => {
    const map = mapWith({ stakeholders: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, position: { x: i * 300, y: i * 150 } })) });
    const viewport = presentationViewport(map, ['p15'], W, H)!;
    const centre = { x: 15 * 300 + 110, y: 15 * 150 + 48 };
    expect(viewport.x + centre.x * viewport.zoom).toBeCloseTo(W / 2);
    expect(viewport.y + centre.y * viewport.zoom).toBeCloseTo(H / 2);
  });

  it('places a map with departments by their absolute rectangles, and nothing for an empty map', () => {
    expect(presentationViewport(smallMap(), [], W, H)).not.toBeNull();
    expect(presentationViewport(mapWith({}), [], W, H)).toBeNull();
  });
});
