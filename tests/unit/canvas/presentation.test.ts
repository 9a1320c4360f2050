// Presentation mode places the map so that names stay readable on a 1920x1080 projector.
import { describe, expect, it } from 'vitest';
import { CARD_NAME_SIZE, READABLE_NAME_PX, partsShowing, presentationViewport, viewportShowing } from '../../../src/canvas/presentation';
import { mapWith, smallMap } from '../fixtures/maps';

const W = 1920;
const H = 1080;
const nameOnScreen = (zoom: number) => CARD_NAME_SIZE * zoom;

describe('presentationViewport', () => {
  it('shows a map that fits at a readable size whole, centred', () => {
    const map = mapWith({ stakeholders: [{ id: 'a', position: { x: 0, y: 0 } }, { id: 'b', position: { x: 400, y: 300 } }] });
    const { viewport, stop } = presentationViewport(map, [], W, H)!;
    expect(nameOnScreen(viewport.zoom)).toBeGreaterThanOrEqual(READABLE_NAME_PX);
    // Bounds 620 x 396, centred on the screen.
    expect(viewport.x + 310 * viewport.zoom).toBeCloseTo(W / 2);
    expect(viewport.y + 198 * viewport.zoom).toBeCloseTo(H / 2);
    expect(stop).toBeNull();
  });

  it('never zooms out below readable: a tall map without departments opens at its top, centred across', () => {
    const map = mapWith({ stakeholders: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, position: { x: 0, y: i * 150 } })) });
    const { viewport } = presentationViewport(map, [], W, H)!;
    expect(nameOnScreen(viewport.zoom)).toBeCloseTo(READABLE_NAME_PX);
    expect(viewport.y).toBeGreaterThan(0); // the top card is on screen, below a margin
    expect(viewport.y).toBeLessThan(100);
    expect(viewport.x + 110 * viewport.zoom).toBeCloseTo(W / 2);
  });

  it('opens on the selection when the map is too large to show whole', () => {
    const map = mapWith({ stakeholders: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, position: { x: i * 300, y: i * 150 } })) });
    const { viewport } = presentationViewport(map, ['p15'], W, H)!;
    const centre = { x: 15 * 300 + 110, y: 15 * 150 + 48 };
    expect(viewport.x + centre.x * viewport.zoom).toBeCloseTo(W / 2);
    expect(viewport.y + centre.y * viewport.zoom).toBeCloseTo(H / 2);
  });

  it('opens a large map on its first department, whole and centred, where the walk starts', () => {
    const { viewport, stop } = presentationViewport(smallMap(), [], W, H)!;
    expect(stop).toBe('dep_fin');
    // Finance is 600 x 500 at (0, 0).
    expect(nameOnScreen(viewport.zoom)).toBeGreaterThanOrEqual(READABLE_NAME_PX);
    expect(viewport.x + 300 * viewport.zoom).toBeCloseTo(W / 2);
    expect(viewport.y + 250 * viewport.zoom).toBeCloseTo(H / 2);
    expect(presentationViewport(mapWith({}), [], W, H)).toBeNull();
  });
});

describe('viewportShowing', () => {
  it('shows a department too tall for the screen from its top, readable, centred across', () => {
    const viewport = viewportShowing({ x: 100, y: 200, width: 400, height: 2000 }, W, H);
    expect(nameOnScreen(viewport.zoom)).toBeCloseTo(READABLE_NAME_PX);
    expect(viewport.x + 300 * viewport.zoom).toBeCloseTo(W / 2);
    expect(viewport.y + 200 * viewport.zoom).toBeGreaterThan(0);
    expect(viewport.y + 200 * viewport.zoom).toBeLessThan(100);
  });

  it('pages down through a department taller than the screen: its top first, its bottom last, everything seen', () => {
    const tall = { x: 0, y: 100, width: 400, height: 2000 };
    const parts = partsShowing(tall, H);
    expect(parts).toBeGreaterThan(1);
    const shown = (part: number) => {
      const v = viewportShowing(tall, W, H, part);
      return { top: -v.y / v.zoom, bottom: (H - v.y) / v.zoom };
    };
    expect(shown(0).top).toBeLessThan(tall.y);
    expect(shown(parts - 1).bottom).toBeGreaterThan(tall.y + tall.height);
    for (let part = 1; part < parts; part++) expect(shown(part).top).toBeLessThan(shown(part - 1).bottom); // no gap between parts
    expect(partsShowing({ ...tall, height: 300 }, H)).toBe(1);
  });

  it('does not blow a single card up to fill the screen', () => {
    const viewport = viewportShowing({ x: 0, y: 0, width: 220, height: 96 }, W, H);
    expect(viewport.zoom).toBeLessThanOrEqual(2);
    expect(viewport.x + 110 * viewport.zoom).toBeCloseTo(W / 2);
  });
});
