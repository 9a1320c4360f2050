// Department names seen from far: a label of a fixed size on screen per department, the name whole.
import { describe, expect, it } from 'vitest';
import { LABEL, placeDepartmentLabels, wrapName, type CardRects, type LabelledDepartment, type PlacedLabel } from '../../../src/drawing/department-labels';

/** About the width of bold Latin letters: enough to test where names wrap. */
const measure = (text: string, size = 14) => text.length * size * 0.58;
const wordsOf = (label: PlacedLabel) => label.lines.join(' ');

/** A grid of departments as a CRM import lays them out: a 44-unit header, then rows of 220 × 96 cards. */
function grid(names: string[], columns: number, gap = 60) {
  const departments: LabelledDepartment[] = [];
  const cards: number[] = [];
  names.forEach((name, i) => {
    const x = (i % columns) * (960 + gap);
    const y = Math.floor(i / columns) * (440 + gap);
    departments.push({ id: `d${i}`, x, y, width: 960, height: 440, name, coverage: 'engaged' });
    for (let row = 0; row < 3; row++) for (let column = 0; column < 4; column++) cards.push(x + 16 + column * 240, y + 60 + row * 116, 220, 96);
  });
  const rects = Float64Array.from(cards);
  const visit: CardRects = (each) => {
    for (let i = 0; i < rects.length; i += 4) each(rects[i], rects[i + 1], rects[i + 2], rects[i + 3]);
  };
  return { departments, cards: visit, rects };
}

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('wrapName', () => {
  const eight = (text: string) => text.length * 8;
  it('wraps between words and keeps a word longer than the room whole on its own line', () => {
    expect(wrapName('Global Procurement Services', 100, eight, 3)).toEqual(['Global', 'Procurement', 'Services']);
    expect(wrapName('IT Milan 84', 100, eight, 3)).toEqual(['IT Milan 84']);
    expect(wrapName('Quality Antwerp 72', 100, eight, 3)).toEqual(['Quality', 'Antwerp 72']);
  });
  it('does not end a line on a short word that belongs to the next, nor leave one alone on the last line', () => {
    expect(wrapName('Sales Milan 22', 100, eight, 3)).toEqual(['Sales', 'Milan 22']);
    expect(wrapName('Legal & Compliance', 110, eight, 3)).toEqual(['Legal', '& Compliance']);
  });
  it('gives up rather than cut a name that needs more lines than allowed', () => {
    expect(wrapName('one two three four', 30, eight, 3)).toBeNull();
  });
});

describe('placeDepartmentLabels', () => {
  const names = ['Procurement Milan 1', 'Sales Lyon 5', 'HR Brno 6', 'Facilities Antwerp 36', 'IT Milan 84', 'Strategy Antwerp 55'];
  const view = (zoom: number, x = 20, y = 40) => ({ x, y, zoom, width: 1400, height: 900 });
  const onScreen = (rects: Float64Array, i: number, zoom: number, at = view(zoom)) => ({
    x: rects[i] * zoom + at.x,
    y: rects[i + 1] * zoom + at.y,
    width: rects[i + 2] * zoom,
    height: rects[i + 3] * zoom,
  });

  it.each([0.3, 0.2, 0.16])('at zoom %s every department of a grid is labelled, its name whole, over no card', (zoom) => {
    const { departments, cards, rects } = grid(names, 3);
    const labels = placeDepartmentLabels(departments, view(zoom), measure, { cards });
    expect(labels.map(wordsOf).sort()).toEqual([...names].sort());
    for (let i = 0; i < rects.length; i += 4) {
      for (const label of labels) expect(overlap(onScreen(rects, i, zoom), label), `${wordsOf(label)} over a card`).toBe(false);
    }
  });

  it('steps the type down where the rows of cards leave little room, and uses the largest size where they leave enough', () => {
    const { departments, cards } = grid(names, 3);
    expect(new Set(placeDepartmentLabels(departments, view(0.3), measure, { cards }).map((label) => label.size))).toEqual(new Set([LABEL.sizes[0]]));
    expect(Math.min(...placeDepartmentLabels(departments, view(0.16), measure, { cards }).map((label) => label.size))).toBeLessThan(LABEL.sizes[0]);
  });

  it('seen from further, where cards are blocks of colour, a label may lie over cards, but over no other label and at most half its department', () => {
    const all = [...names, 'HR Lyon 7', 'IT Porto 8', 'Quality Vienna 9', 'R&D Malmö 10', 'Finance Brno 11', 'Legal Gdańsk 12'];
    const { departments } = grid(all, 4);
    const zoom = 0.11;
    const labels = placeDepartmentLabels(departments, view(zoom), measure);
    expect(labels.length).toBeGreaterThan(all.length / 2);
    for (const a of labels) for (const b of labels) if (a !== b) expect(overlap(a, b)).toBe(false);
    for (const label of labels) expect(label.width * label.height).toBeLessThanOrEqual(0.5 * 960 * 440 * zoom * zoom);
  });

  it('a department too small on screen for its name gets no label rather than a cut one', () => {
    const { departments } = grid(['Global Procurement and Supplier Quality Management Excellence'], 1);
    expect(placeDepartmentLabels(departments, view(0.05), measure)).toEqual([]);
    const [label] = placeDepartmentLabels(departments, view(0.2), measure);
    expect(wordsOf(label)).toBe('Global Procurement and Supplier Quality Management Excellence');
  });

  it('a department inside another is labelled after it, and not over its label', () => {
    const outer: LabelledDepartment = { id: 'outer', x: 0, y: 0, width: 2000, height: 1200, name: 'Operations', coverage: 'engaged' };
    const inner: LabelledDepartment = { id: 'inner', x: 20, y: 10, width: 900, height: 500, name: 'Hub Network', coverage: 'white-space' };
    const labels = placeDepartmentLabels([outer, inner], view(0.1), measure);
    expect(wordsOf(labels[0])).toBe('Operations');
    for (const label of labels.slice(1)) expect(overlap(label, labels[0])).toBe(false);
  });

  it('close up, a label covers no other frame’s badge and no line’s label, but may take the place of its own frame’s badge', () => {
    // A department inside another, at its top right, where the outer one's badge sits (a tab on
    // its top edge); a line's label on the top edge of a third.
    const outer: LabelledDepartment = { id: 'outer', x: 0, y: 0, width: 1000, height: 800, name: 'Operations', coverage: 'engaged', badge: 'Engaged' };
    const inner: LabelledDepartment = { id: 'inner', x: 780, y: 15, width: 200, height: 300, name: 'Hub Network', coverage: 'white-space', badge: 'White space' };
    const third: LabelledDepartment = { id: 'third', x: 0, y: 1000, width: 600, height: 300, name: 'Finance', coverage: 'engaged', badge: 'Engaged' };
    const at = view(0.55, 20, 100);
    const onScreen = (x: number, y: number, width: number, height: number) => ({ x: x * at.zoom + at.x, y: y * at.zoom + at.y, width: width * at.zoom, height: height * at.zoom });
    // The badge as DepartmentFrame.css sets it: 11.5 px type, 8 px either side, 14 in from the right, 10 up.
    const badgeOf = (department: LabelledDepartment) => {
      const width = measure(department.badge!, 11.5) + 16;
      return onScreen(department.x + department.width - 14 - width, department.y - 10, width, 20);
    };
    const lineLabel = { x: 10, y: 985, width: 120, height: 22 };
    const lineLabels: CardRects = (visit) => visit(lineLabel.x, lineLabel.y, lineLabel.width, lineLabel.height);
    const departments = [outer, third, inner];
    const labels = placeDepartmentLabels(departments, at, measure, { badges: true, lineLabels });
    expect(labels.map((label) => label.id).sort()).toEqual(['inner', 'outer', 'third']);
    for (const label of labels) {
      for (const department of departments) if (department.id !== label.id) expect(overlap(label, badgeOf(department)), `${wordsOf(label)} over the badge of ${department.name}`).toBe(false);
      expect(overlap(label, onScreen(lineLabel.x, lineLabel.y, lineLabel.width, lineLabel.height)), `${wordsOf(label)} over the line's label`).toBe(false);
    }
    // Its own badge is no obstacle: the inner frame's label, as wide as the frame, lies over it.
    expect(overlap(labels.find((label) => label.id === 'inner')!, badgeOf(inner))).toBe(true);
    // Seen from far, where frames show no badges and lines no labels, the same places are free.
    const far = placeDepartmentLabels(departments, at, measure);
    expect(overlap(far.find((label) => label.id === 'inner')!, badgeOf(outer))).toBe(true);
    expect(overlap(far.find((label) => label.id === 'third')!, onScreen(lineLabel.x, lineLabel.y, lineLabel.width, lineLabel.height))).toBe(true);
  });

  it('a department reaching above the screen keeps its label at the top of the screen', () => {
    const tall: LabelledDepartment = { id: 'tall', x: 0, y: 0, width: 3000, height: 9000, name: 'Logistics', coverage: 'engaged' };
    const [label] = placeDepartmentLabels([tall], view(0.2, 50, -600), measure);
    expect(label.y).toBe(LABEL.inset);
    expect(label.x).toBeGreaterThan(50);
  });

  it('keeps every label whole on screen: a department reaching past the left edge has its label at the screen’s edge, inside the frame', () => {
    const wide: LabelledDepartment = { id: 'wide', x: 0, y: 0, width: 4000, height: 1000, name: 'Logistics', coverage: 'engaged' };
    const [label] = placeDepartmentLabels([wide], view(0.2, -300, 100), measure);
    expect(label.x).toBe(LABEL.inset);
    const cut = placeDepartmentLabels([{ ...wide, width: 1550 }], view(0.2, -300, 100), measure);
    for (const other of cut) expect(other.x).toBeGreaterThanOrEqual(0);
    const offRight = placeDepartmentLabels([{ ...wide, x: 6900, width: 600 }], view(0.2, 20, 100), measure);
    for (const other of offRight) expect(other.x + other.width).toBeLessThanOrEqual(1400);
  });
});
