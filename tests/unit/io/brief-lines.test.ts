// The brief's map pictures draw the editor's lines: routed around the cards and the departments'
// names, labels on no card and no line, an arrowhead on every arrow, and page splits that fall
// between cards, never through a card or a badge. Counted in the pictures' own SVG, as printed.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AvoidLib } from 'libavoid-js';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { routeLines, sceneOf, type AvoidRouterLib, type Route } from '../../../src/drawing/line-routes';
import type { Rect } from '../../../src/drawing/link-geometry';
import { segmentCrosses } from '../../../src/drawing/avoid-router';
import { briefPictures, printLayout, type BriefPicture } from '../../../src/io/brief-pictures';
import { briefHtml } from '../../../src/io/brief';
import { textWidth } from '../../../src/domain/text-metrics';
import { DEPARTMENT_TYPE } from '../../../src/domain/card-layout';
import { salesforce43 } from '../fixtures/crm-maps';

const now = new Date('2026-11-22T09:00:00.000Z');
const sample = createSampleAccountMap(now.toISOString());

let avoid: AvoidRouterLib;
let routes: Map<string, Route>;
let pictures: BriefPicture[];
beforeAll(async () => {
  await AvoidLib.load(join(__dirname, '../../../node_modules/libavoid-js/dist/libavoid.wasm'));
  avoid = AvoidLib.getInstance();
  routes = routeLines(avoid, sceneOf(sample));
  pictures = briefPictures(sample, { fontCss: '', date: '22 November 2026', routes });
});

type Point = { x: number; y: number };

/** The points of an SVG path (M, L, H, V, Q, C; curves sampled), moved by (dx, dy). */
function pathPoints(d: string, dx: number, dy: number): Point[] {
  const tokens = d.match(/[MLHVQC]|-?[\d.]+(?:e-?\d+)?/g) ?? [];
  const points: Point[] = [];
  let i = 0;
  let command = 'M';
  const num = () => Number(tokens[i++]);
  const last = () => points[points.length - 1];
  while (i < tokens.length) {
    if (/[A-Z]/.test(tokens[i])) command = tokens[i++];
    if (command === 'M' || command === 'L') points.push({ x: num(), y: num() });
    else if (command === 'H') points.push({ x: num(), y: last().y });
    else if (command === 'V') points.push({ x: last().x, y: num() });
    else {
      const start = last();
      const controls = Array.from({ length: command === 'Q' ? 2 : 3 }, () => ({ x: num(), y: num() }));
      const all = [start, ...controls];
      for (let s = 1; s <= 8; s++) {
        // de Casteljau
        let level = all;
        while (level.length > 1) level = level.slice(1).map((p, k) => ({ x: level[k].x + (p.x - level[k].x) * (s / 8), y: level[k].y + (p.y - level[k].y) * (s / 8) }));
        points.push(level[0]);
      }
    }
  }
  return points.map((p) => ({ x: p.x + dx, y: p.y + dy }));
}

const rectOf = (el: Element): Rect => ({ x: Number(el.getAttribute('x')), y: Number(el.getAttribute('y')), width: Number(el.getAttribute('width')), height: Number(el.getAttribute('height')) });
const inside = (r: Rect, by = 1): Rect => ({ x: r.x + by, y: r.y + by, width: r.width - 2 * by, height: r.height - 2 * by });
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const holds = (r: Rect, p: Point, by: number) => p.x >= r.x - by && p.x <= r.x + r.width + by && p.y >= r.y - by && p.y <= r.y + r.height + by;

interface Drawn {
  cards: Rect[];
  names: { name: string; box: Rect }[];
  lines: { points: Point[]; marker: string | null; dashed: boolean }[];
  labels: { text: string; box: Rect }[];
}

/** What one picture draws: its cards, its departments' names, its lines and their labels. */
function drawn(picture: BriefPicture): Drawn {
  const svg = new DOMParser().parseFromString(picture.svg, 'image/svg+xml').documentElement;
  const [departments, links, cards] = [...svg.children].filter((el) => el.tagName === 'g');
  const names = [...departments.children].map((g) => {
    const frame = rectOf(g.querySelector('rect')!);
    const name = g.querySelector('text')!.textContent!;
    return { name, box: { x: frame.x + 10, y: frame.y + 8, width: Math.min(textWidth(name, DEPARTMENT_TYPE.name) + 4, frame.width - 16), height: 22 } };
  });
  const lines = [...links.querySelectorAll('path')].map((path) => {
    const move = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(path.parentElement?.getAttribute('transform') ?? '');
    return {
      points: pathPoints(path.getAttribute('d')!, Number(move?.[1] ?? 0), Number(move?.[2] ?? 0)),
      marker: path.getAttribute('marker-end'),
      dashed: path.hasAttribute('stroke-dasharray'),
    };
  });
  const labels = [...links.children].filter((el) => el.tagName === 'rect').map((rect) => ({ text: rect.nextElementSibling?.textContent ?? '', box: rectOf(rect) }));
  return { cards: [...cards.children].map((g) => rectOf(g.querySelector('rect')!)), names, lines, labels };
}

/** Lines through cards other than their ends, labels on cards, lines through department names, labels on other lines. */
function collisions(picture: BriefPicture): string[] {
  const { cards, names, lines, labels } = drawn(picture);
  const found: string[] = [];
  lines.forEach((line, n) => {
    const segments = line.points.slice(1).map((b, i) => [line.points[i], b] as const);
    const [start, end] = [line.points[0], line.points[line.points.length - 1]];
    cards.forEach((card, c) => {
      // A line's own ends: the cards its first and last points touch (an arrowhead stops just short).
      if (holds(card, start, 14) || holds(card, end, 14)) return;
      if (segments.some(([a, b]) => segmentCrosses(a, b, inside(card)))) found.push(`${picture.title}: line ${n} through card ${c}`);
    });
    for (const { name, box } of names) if (segments.some(([a, b]) => segmentCrosses(a, b, inside(box)))) found.push(`${picture.title}: line ${n} through the name "${name}"`);
  });
  for (const label of labels) {
    cards.forEach((card, c) => {
      if (overlap(label.box, card)) found.push(`${picture.title}: label "${label.text}" on card ${c}`);
    });
    const through = lines.filter((line) => line.points.slice(1).some((b, i) => segmentCrosses(line.points[i], b, inside(label.box, 3))));
    // A label sits on its own line: more than one line through it is another's.
    if (through.length > 1) found.push(`${picture.title}: label "${label.text}" on ${through.length - 1} other line(s)`);
  }
  return found;
}

const mapPictures = () => pictures.filter((p) => !p.legend);

describe("the brief's map pictures draw the editor's routed lines", () => {
  it('draws one picture per top-level department of the sample, each with its lines', () => {
    expect(mapPictures().length).toBeGreaterThan(3);
    const lineCount = mapPictures().reduce((sum, p) => sum + drawn(p).lines.length, 0);
    expect(lineCount).toBeGreaterThan(10);
  });

  it('no line of the sample runs through a card or a department name, no label covers a card or another line', () => {
    expect(mapPictures().flatMap(collisions)).toEqual([]);
  });

  it('every arrow has its arrowhead, and the successor arrow its label', () => {
    for (const picture of mapPictures()) {
      for (const line of drawn(picture).lines.filter((l) => !l.dashed || l.marker)) expect(line.marker, picture.title).toMatch(/^url\(#pm-arrow-/);
    }
    // An arrowhead drawn under a card (a route ending inside its card) does not show.
    const hidden = mapPictures().flatMap((picture) => {
      const { cards, lines } = drawn(picture);
      return lines.flatMap((line, n) => {
        const ends = [line.points[0], line.points[line.points.length - 1]];
        return ends.some((end) => cards.some((card) => holds(inside(card, 2), end, 0))) ? [`${picture.title}: line ${n} ends inside a card`] : [];
      });
    });
    expect(hidden).toEqual([]);
    const it = mapPictures().find((p) => p.title === 'IT')!;
    expect(drawn(it).labels.map((l) => l.text)).toContain('successor');
  });

  it('names the people a line leaves the picture for', () => {
    const html = briefHtml(sample, { now, mapPictures: pictures });
    const page = new DOMParser().parseFromString(html, 'text/html');
    const textOf = (title: string) =>
      [...page.querySelectorAll('#map figure')]
        .filter((f) => f.querySelector('figcaption')?.textContent?.startsWith(title))
        .map((f) => f.textContent)
        .join(' ');
    expect(textOf('IT')).toContain('Σταύρος Παπαδόπουλος → Claire Dubois (Executive Board): Influences, “builds the budget case”');
    expect(textOf('Executive Board')).toContain('Σταύρος Παπαδόπουλος (IT) → Claire Dubois: Influences, “builds the budget case”');
    expect(textOf('Finance')).toContain('Lukas Becker → Σταύρος Παπαδόπουλος (IT): Dotted line, “IT category”');
  });

  it('the brief of a 43-person CRM import: no line through a card or a name, no label on a card or a line, seams between cards', () => {
    const crm = salesforce43();
    const crmPictures = briefPictures(crm, { fontCss: '', date: '22 November 2026', routes: routeLines(avoid, sceneOf(crm)) }).filter((p) => !p.legend);
    expect(crmPictures.reduce((sum, p) => sum + drawn(p).lines.length, 0)).toBe(29);
    expect(crmPictures.flatMap(collisions)).toEqual([]);
    for (const picture of crmPictures) expectSeamsBetween(picture);
  });

  it('splits a picture too large for one page between cards, never through a card or a badge', () => {
    expect(mapPictures().some((p) => printLayout(p).parts.length > 1)).toBe(true);
    for (const picture of mapPictures()) expectSeamsBetween(picture);
  });
});

/** The seams of a picture printed in parts cross none of its kept boxes (cards, badges, names, labels). */
function expectSeamsBetween(picture: BriefPicture): void {
  const { parts } = printLayout(picture);
  if (parts.length === 1) return;
  const keep = picture.keep ?? [];
  expect(keep.length, picture.title).toBeGreaterThan(0);
  const rows = [...new Set(parts.flatMap((p) => [p.y, p.y + p.height]).filter((y) => y > 0 && y < picture.height))];
  const columns = [...new Set(parts.flatMap((p) => [p.x, p.x + p.width]).filter((x) => x > 0 && x < picture.width))];
  for (const y of rows) for (const box of keep) expect(y > box.y && y < box.y + box.height, `${picture.title}: cut at y=${y} through ${JSON.stringify(box)}`).toBe(false);
  for (const x of columns) for (const box of keep) expect(x > box.x && x < box.x + box.width, `${picture.title}: cut at x=${x} through ${JSON.stringify(box)}`).toBe(false);
}
