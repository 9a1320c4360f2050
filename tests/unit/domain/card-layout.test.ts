// Cards grow to fit their text: the name, the title and the note under them wrap at the widest
// card, and every character stays. The widths come from the bundled font's table, so these
// figures hold in the editor and in every export alike.
import { describe, expect, it } from 'vitest';
import { CARD_FRAME, CARD_MIN_HEIGHT, CARD_TYPE, CARD_WIDTH, cardLayout, departmentMinWidth } from '../../../src/domain/card-layout';
import { linesWithBreaks, textWidth, wrapText } from '../../../src/domain/text-metrics';
import { newDepartment, newStakeholder } from '../../../src/domain/defaults';

const person = (name: string, title = '', extra = {}) => newStakeholder({ id: 'p', name, title, ...extra });
const column = (width: number) => width - CARD_FRAME.left - CARD_FRAME.right;

const LONG_NAMES = [
  'Σταύρος Παπαδόπουλος-Καραμανλής',
  'Małgorzata Kamińska-Wiśniewska',
  'Ștefănia Constantinescu-Dumitrescu',
  'Александра Вячеславовна Рождественская',
  'Maximilian-Alexander von Hohenzollern-Sigmaringen',
  'Grzegorz Brzęczyszczykiewicz',
  'Nguyễn Thị Thanh Hương',
  '王小明 (Wang Xiaoming)',
];

describe('text metrics', () => {
  it('measures Noto Sans: a bold name is wider than the same name in regular type, and grows with size', () => {
    const regular = textWidth('Małgorzata', { size: 15, weight: 400 });
    expect(textWidth('Małgorzata', { size: 15, weight: 700 })).toBeGreaterThan(regular);
    expect(textWidth('Małgorzata', { size: 30, weight: 400 })).toBeCloseTo(2 * regular, 5);
    // "W" is wider than "i" in a proportional font.
    expect(textWidth('W', { size: 15, weight: 400 })).toBeGreaterThan(2 * textWidth('i', { size: 15, weight: 400 }));
  });

  it('wraps at spaces, breaks a word longer than a line between letters, and loses nothing', () => {
    const style = { size: 15, weight: 700 } as const;
    const lines = wrapText('Grzegorz Brzęczyszczykiewiczowski-Wiśniewski', 120, style);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, style)).toBeLessThanOrEqual(120);
    expect(linesWithBreaks('Grzegorz Brzęczyszczykiewiczowski-Wiśniewski', lines).join('')).toBe('Grzegorz Brzęczyszczykiewiczowski-Wiśniewski');
  });
});

describe('cardLayout', () => {
  it('keeps the smallest card for a short name and title', () => {
    const layout = cardLayout(person('Ana Pop', 'CFO'));
    expect(layout).toMatchObject({ width: CARD_WIDTH.min, height: CARD_MIN_HEIGHT, name: ['Ana Pop'], title: ['CFO'] });
  });

  it.each(LONG_NAMES)('shows "%s" whole, within the widest card', (name) => {
    const layout = cardLayout(person(name, 'Executive Assistant to the Chief Executive Officer and the Board'));
    expect(layout.width).toBeLessThanOrEqual(CARD_WIDTH.max);
    expect(linesWithBreaks(name, layout.name).join('')).toBe(name);
    for (const line of layout.name) expect(textWidth(line, CARD_TYPE.name)).toBeLessThanOrEqual(column(layout.width));
    for (const line of layout.title) expect(textWidth(line, CARD_TYPE.title)).toBeLessThanOrEqual(column(layout.width));
    expect(layout.name.join('')).not.toContain('…');
  });

  it('grows wider before it wraps, and taller for every extra line', () => {
    const one = cardLayout(person('Jean-Baptiste Lefèvre-Duchâteau'));
    expect(one.width).toBeGreaterThan(CARD_WIDTH.min);
    expect(one.name).toHaveLength(1);
    const wrapped = cardLayout(person('Maximilian-Alexander von Hohenzollern-Sigmaringen', 'Executive Assistant to the Chief Executive Officer and the Board'));
    expect(wrapped.width).toBe(CARD_WIDTH.max);
    expect(wrapped.name.length).toBeGreaterThan(1);
    expect(wrapped.height).toBeGreaterThan(CARD_MIN_HEIGHT);
    expect(wrapped.height).toBeGreaterThanOrEqual(
      CARD_FRAME.top + wrapped.name.length * CARD_TYPE.name.lineHeight + wrapped.title.length * CARD_TYPE.title.lineHeight + CARD_FRAME.bottom,
    );
  });

  it('wraps the owner line and puts six role badges on more than one row', () => {
    const layout = cardLayout(
      person('Ana Pop', 'CFO', {
        relationship: 'good',
        roles: ['decision-maker', 'economic-buyer', 'technical-evaluator', 'user', 'influencer', 'gatekeeper'],
      }),
      'Alexandru-Constantin Ionescu-Rădulescu de la Vrancea',
    );
    expect(layout.note?.kind).toBe('owner');
    expect(linesWithBreaks(layout.note!.text, layout.note!.lines).join('')).toBe('Owner: Alexandru-Constantin Ionescu-Rădulescu de la Vrancea');
    expect(layout.roleRows.length).toBeGreaterThan(1);
    expect(layout.roleRows.flat()).toHaveLength(6);
    expect(layout.height).toBeGreaterThan(CARD_MIN_HEIGHT);
  });

  it('fits the whole name, seen from far, at the largest type that fits the card', () => {
    const short = cardLayout(person('Ana Pop'));
    expect(short.far.size).toBe(26);
    const long = cardLayout(person('Maximilian-Alexander von Hohenzollern-Sigmaringen'));
    expect(long.far.size).toBeLessThan(26);
    expect(linesWithBreaks('Maximilian-Alexander von Hohenzollern-Sigmaringen', long.far.lines).join('')).toBe('Maximilian-Alexander von Hohenzollern-Sigmaringen');
  });

  it('breaks no word across lines seen from far where a smaller type keeps them whole', () => {
    for (const name of [...LONG_NAMES, 'Maximiliana Wolkenstein-Oberhausen von Trautmannsdorf']) {
      const { far } = cardLayout(person(name));
      // Each line holds whole words: joined with spaces they are the name's words, none split.
      expect(far.lines.join(' ').split(' '), name).toEqual(name.trim().split(/\s+/));
    }
  });
});

describe('departmentMinWidth', () => {
  it('is wide enough for the name and a white-space department\'s potential value on one line', () => {
    const department = newDepartment({ id: 'd', name: 'Chartering & Ship Leasing', coverage: 'white-space', potentialValue: '€1.2M ARR over three years' });
    const width = departmentMinWidth(department);
    expect(width).toBeGreaterThan(textWidth('Chartering & Ship Leasing', { size: 17, weight: 700 }) + 20);
    expect(width).toBeGreaterThan(textWidth('Potential: €1.2M ARR over three years', { size: 12.5, weight: 600 }) + 20);
  });
});

describe('a card that grows makes room', () => {
  it('moves the card beside it and the card below it along, and grows the department', async () => {
    const { mapWith } = await import('../fixtures/maps');
    const { applyEdit } = await import('../../../src/domain/edits');
    const { recordRect } = await import('../../../src/domain/commands');
    const map = mapWith({
      departments: [{ id: 'dep', position: { x: 0, y: 0 }, size: { width: 560, height: 320 } }],
      stakeholders: [
        { id: 'a', name: 'Ana Pop', departmentId: 'dep', position: { x: 20, y: 60 } },
        { id: 'b', name: 'Ion Ilie', departmentId: 'dep', position: { x: 264, y: 60 } },
        { id: 'c', name: 'Eva Lupu', departmentId: 'dep', position: { x: 20, y: 180 } },
      ],
    });
    const renamed = applyEdit(map, {
      type: 'updateStakeholder',
      id: 'a',
      patch: { name: 'Ana-Maria Constantinescu-Dumitrescu de la Vrancea', title: 'Director General Adjunct pentru Operațiuni' },
    });
    const rect = (id: string) => recordRect(renamed, id)!;
    const overlap = (p: string, q: string) => {
      const [r, s] = [rect(p), rect(q)];
      return r.x < s.x + s.width && s.x < r.x + r.width && r.y < s.y + s.height && s.y < r.y + r.height;
    };
    expect(rect('a').width).toBeGreaterThan(220);
    expect(overlap('a', 'b')).toBe(false);
    expect(overlap('a', 'c')).toBe(false);
    expect(overlap('b', 'c')).toBe(false);
    const department = rect('dep');
    for (const id of ['a', 'b', 'c']) expect(rect(id).x + rect(id).width).toBeLessThanOrEqual(department.x + department.width);
  });
});
