// The 16:9 slide: 1920 x 1080 with the title on top, the map fitted inside the slide, and the
// legend where it costs the map least, never a third of the slide.
import { describe, expect, it } from 'vitest';
import { CARD_NAME_SIZE, LEGEND_MIN_TEXT, renderSlideSvg, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../../src/io/slide';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { moveItems } from '../../../src/domain/commands';
import type { AccountMap } from '../../../src/domain/types';

const sample = createSampleAccountMap('2026-11-22T00:00:00.000Z');
const render = (map: AccountMap = sample) => renderSlideSvg(map, { include: null, background: 'white', fontCss: '', date: '22 November 2026' });

function placedMap(svg: string) {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.querySelector('parsererror')).toBeNull();
  const nested = document.querySelector('svg > svg')!;
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(nested.getAttribute(name)));
  const legend = document.querySelector('svg > g[transform]')!;
  const [, legendX, legendY] = /translate\(([\d.]+) ([\d.]+)\)/.exec(legend.getAttribute('transform')!)!.map(Number);
  return { document, map: { x, y, width, height }, legend: { x: legendX, y: legendY } };
}

describe('renderSlideSvg', () => {
  it('keeps a long map name whole on the title line, in smaller type', () => {
    const name = 'Σταυρόπουλος Ναυτιλιακή Εταιρεία Μεταφορών και Εφοδιαστικής Αλυσίδας Ανώνυμη Εταιρεία — Θεσσαλονίκη';
    const { document } = placedMap(render({ ...sample, name }).svg);
    const title = document.querySelector('svg > text')!;
    expect(title.textContent).toBe(name);
    expect(Number(title.getAttribute('font-size'))).toBeLessThan(44);
  });

  it('is 1920 x 1080 with the title, every name, and the map inside the slide', () => {
    const slide = render();
    expect([slide.width, slide.height]).toEqual([1920, 1080]);
    const { document, map } = placedMap(slide.svg);
    const texts = [...document.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts[0]).toBe('Nordwind Logistics AG');
    expect(texts).toContain('Account map · 22 November 2026 · 24 stakeholders');
    expect(texts.some((t) => t.startsWith('Henrik Larsen'))).toBe(true);
    expect(map.x).toBeGreaterThanOrEqual(0);
    expect(map.y).toBeGreaterThan(120); // under the title
    expect(map.x + map.width).toBeLessThanOrEqual(SLIDE_WIDTH);
    expect(map.y + map.height).toBeLessThanOrEqual(SLIDE_HEIGHT);
  });

  it('puts the legend beside a tall map and under a wide one, never over a third of the slide', () => {
    const tall = placedMap(render().svg);
    expect(tall.legend.x).toBeGreaterThan((SLIDE_WIDTH * 2) / 3);
    expect(tall.map.x + tall.map.width).toBeLessThan(tall.legend.x);

    // Spread the top-level departments in one long row: a wide map.
    let x = 0;
    let wide = sample;
    for (const department of Object.values(sample.departments).filter((d) => !d.parentId)) {
      wide = moveItems(wide, [{ id: department.id, position: { x, y: 0 } }]);
      x += department.size.width + 80;
    }
    const placed = placedMap(render(wide).svg);
    expect(placed.legend.y).toBeGreaterThan((SLIDE_HEIGHT * 3) / 4);
    expect(placed.map.y + placed.map.height).toBeLessThan(placed.legend.y);
    expect(render(wide).mapScale).toBeGreaterThan(0);
  });

  it("draws the legend in proportion to the cards' names: at most 1.3 times their size, never under a readable minimum", () => {
    const sizes = (map: AccountMap) => {
      const { document } = placedMap(render(map).svg);
      const nested = document.querySelector('svg > svg')!;
      const mapScale = Number(nested.getAttribute('width')) / Number(nested.getAttribute('viewBox')!.split(' ')[2]);
      const legend = document.querySelector('svg > g[transform]')!;
      const scale = Number(/scale\(([\d.]+)\)/.exec(legend.getAttribute('transform')!)![1]);
      const label = [...legend.querySelectorAll('text')].find((t) => t.getAttribute('font-weight') === '400')!;
      return { name: CARD_NAME_SIZE * mapScale, legend: Number(label.getAttribute('font-size')) * scale };
    };
    const full = sizes(sample);
    expect(full.name).toBeLessThan(12); // the whole sample on one slide: small names
    expect(full.legend).toBeLessThanOrEqual(Math.max(LEGEND_MIN_TEXT, 1.3 * full.name) + 0.01);
    expect(full.legend).toBeGreaterThanOrEqual(LEGEND_MIN_TEXT - 0.01);
    // A map of one department: large names, and the legend stays at its own largest size.
    const board = Object.values(sample.departments).find((d) => d.name === 'Executive Board')!;
    const small: AccountMap = {
      ...sample,
      departments: { [board.id]: board },
      stakeholders: Object.fromEntries(Object.entries(sample.stakeholders).filter(([, p]) => p.departmentId === board.id)),
      links: {},
    };
    const big = sizes(small);
    expect(big.legend).toBeGreaterThan(full.legend);
    expect(big.legend).toBeLessThanOrEqual(1.3 * big.name + 0.01);
  });
});
