// The automatic layout must leave a map readable without dragging: no card on another, every card
// inside its department below the title bar, sibling departments apart, managers above their
// reports, wide fan-outs wrapped. "Tidy up" on a selection moves only the selection, and the same
// map always gives the same picture.
import { describe, expect, it } from 'vitest';
import { ORG_LAYOUT, layoutMap, tidyUp } from '../../../src/layout/org-layout';
import { absolutePosition, recordRect } from '../../../src/domain/commands';
import { DEPARTMENT_HEADER_HEIGHT, STAKEHOLDER_CARD } from '../../../src/domain/defaults';
import type { AccountMap, Department, Stakeholder } from '../../../src/domain/types';
import { mapWith, smallMap } from '../fixtures/maps';
import { departmentMinWidth } from '../../../src/domain/card-layout';

type GenerateMap = (options: { size: number; seed?: number }) => AccountMap;
// A plain JS module shared with the benchmark, without type declarations: imported through a
// path typed as a plain string, so TypeScript does not look for them.
const generatorPath: string = '../../../bench/generate-map.mjs';
const { generateMap } = (await import(/* @vite-ignore */ generatorPath)) as { generateMap: GenerateMap };

interface Rect {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

// Cards are as large as their names need (domain/card-layout.ts).
const cardRect = (map: AccountMap, id: string): Rect => ({ id, ...recordRect(map, id)! });
const departmentRect = (map: AccountMap, id: string): Rect => ({ id, ...absolutePosition(map, id), ...map.departments[id].size });
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y + DEPARTMENT_HEADER_HEIGHT &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** Every readability rule the layout promises, as a list of sentences (empty when all hold). */
function problems(map: AccountMap): string[] {
  const found: string[] = [];
  const cards = Object.keys(map.stakeholders).map((id) => cardRect(map, id));
  // Sweep along x, so 2,000 cards do not make four million comparisons.
  cards.sort((a, b) => a.x - b.x);
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length && cards[j].x < cards[i].x + cards[i].width; j++) {
      if (overlap(cards[i], cards[j])) found.push(`${cards[i].id} overlaps ${cards[j].id}`);
    }
  }
  for (const person of Object.values(map.stakeholders)) {
    if (person.departmentId && !inside(cardRect(map, person.id), departmentRect(map, person.departmentId))) {
      found.push(`${person.id} sticks out of ${person.departmentId}`);
    }
  }
  const siblings = new Map<string | null, Department[]>();
  for (const department of Object.values(map.departments)) {
    siblings.set(department.parentId, [...(siblings.get(department.parentId) ?? []), department]);
    if (department.parentId && !inside(departmentRect(map, department.id), departmentRect(map, department.parentId))) {
      found.push(`${department.id} sticks out of ${department.parentId}`);
    }
  }
  for (const list of siblings.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (overlap(departmentRect(map, list[i].id), departmentRect(map, list[j].id))) found.push(`${list[i].id} overlaps ${list[j].id}`);
      }
    }
  }
  // Loose cards and departments on the same level must not overlap either.
  for (const person of Object.values(map.stakeholders)) {
    for (const department of siblings.get(person.departmentId) ?? []) {
      if (overlap(cardRect(map, person.id), departmentRect(map, department.id))) found.push(`${person.id} overlaps ${department.id}`);
    }
  }
  for (const link of Object.values(map.links)) {
    const report = map.stakeholders[link.sourceId];
    const manager = map.stakeholders[link.targetId];
    if (link.kind !== 'reports-to' || !report || !manager || report.departmentId !== manager.departmentId) continue;
    if (manager.position.y + cardRect(map, manager.id).height > report.position.y) found.push(`${manager.id} is not above ${report.id}`);
  }
  return found;
}

/** mulberry32, so scrambled maps are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Throws every card and department somewhere on top of each other, as after careless dragging. */
function scrambled(map: AccountMap, seed = 7): AccountMap {
  const next = random(seed);
  const spot = () => ({ x: Math.round(next() * 900), y: Math.round(next() * 700) });
  return {
    ...map,
    stakeholders: Object.fromEntries(Object.values(map.stakeholders).map((p) => [p.id, { ...p, position: spot() }])),
    departments: Object.fromEntries(Object.values(map.departments).map((d) => [d.id, { ...d, position: spot() }])),
  };
}

/** A generated map with departments nested three deep: 30..39 inside 0..9, 20..24 inside 30..34. */
function nestedGenerated(size = 400): AccountMap {
  const map = structuredClone(generateMap({ size }));
  for (let i = 30; i < 40; i++) map.departments[`dep_bench_${i}`].parentId = `dep_bench_${i - 30}`;
  for (let i = 20; i < 25; i++) map.departments[`dep_bench_${i}`].parentId = `dep_bench_${i + 10}`;
  return map;
}

const person = (id: string, departmentId: string | null, x = 0, y = 0): Partial<Stakeholder> & { id: string } => ({
  id,
  departmentId,
  position: { x, y },
});
const reportsTo = (report: string, manager: string) => ({ id: `lnk_${report}_${manager}`, kind: 'reports-to' as const, sourceId: report, targetId: manager });

/** Sales: a head, two managers, three reports under the first (all piled at one spot). */
function salesMap(): AccountMap {
  return mapWith({
    departments: [{ id: 'dep_sales', position: { x: 100, y: 100 }, size: { width: 300, height: 200 } }],
    stakeholders: [
      person('head', 'dep_sales', 10, 10),
      person('m1', 'dep_sales', 20, 10),
      person('m2', 'dep_sales', 30, 10),
      person('r1', 'dep_sales', 10, 20),
      person('r2', 'dep_sales', 20, 20),
      person('r3', 'dep_sales', 30, 20),
    ],
    links: [reportsTo('m1', 'head'), reportsTo('m2', 'head'), reportsTo('r1', 'm1'), reportsTo('r2', 'm1'), reportsTo('r3', 'm1')],
  });
}

describe('layoutMap on small maps', () => {
  it('turns a pile of cards into an org chart inside a department that fits it', () => {
    const before = salesMap();
    expect(problems(before).length).toBeGreaterThan(0);
    const after = layoutMap(before);
    expect(problems(after)).toEqual([]);
    const at = (id: string) => after.stakeholders[id].position;
    // Three levels, one row each.
    expect(at('m1').y).toBe(at('m2').y);
    expect(at('r1').y).toBe(at('r3').y);
    expect(at('head').y).toBeLessThan(at('m1').y);
    expect(at('m1').y).toBeLessThan(at('r1').y);
    // Siblings evenly spaced, at the card gap.
    const row = ['r1', 'r2', 'r3'].map((id) => at(id).x).sort((a, b) => a - b);
    expect(row[1] - row[0]).toBe(STAKEHOLDER_CARD.width + ORG_LAYOUT.cardGap);
    expect(row[2] - row[1]).toBe(STAKEHOLDER_CARD.width + ORG_LAYOUT.cardGap);
    // The department hugs its contents: the first row sits right under the title bar.
    const department = after.departments.dep_sales;
    expect(at('head').y).toBe(DEPARTMENT_HEADER_HEIGHT + ORG_LAYOUT.padding);
    const right = Math.max(...Object.values(after.stakeholders).map((p) => p.position.x + STAKEHOLDER_CARD.width));
    expect(department.size.width).toBe(right + ORG_LAYOUT.padding);
  });

  it('makes room for cards grown to fit long names: nothing overlaps, every frame holds its name', () => {
    const names = [
      'Σταύρος Παπαδόπουλος-Καραμανλής',
      'Małgorzata Kamińska-Wiśniewska',
      'Александра Вячеславовна Рождественская',
      'Maximilian-Alexander von Hohenzollern-Sigmaringen',
      'Ana',
      'Grzegorz Brzęczyszczykiewicz',
      'Jean-Baptiste Lefèvre-Duchâteau',
    ];
    const before = mapWith({
      departments: [
        { id: 'dep_ops', name: 'Operațiuni și Chartering Maritim Internațional', position: { x: 0, y: 0 }, size: { width: 200, height: 120 } },
        { id: 'dep_ws', name: 'Chartering & Ship Leasing', coverage: 'white-space', potentialValue: '€1.2M ARR over three years', position: { x: 0, y: 0 }, size: { width: 200, height: 120 } },
      ],
      stakeholders: names.map((name, i) => ({
        id: `p${i}`,
        name,
        title: i === 3 ? 'Executive Assistant to the Chief Executive Officer and the Board' : 'Director',
        departmentId: 'dep_ops',
        position: { x: i * 10, y: 0 },
      })),
      links: names.slice(1).map((_, i) => ({ id: `l${i}`, kind: 'reports-to' as const, sourceId: `p${i + 1}`, targetId: i < 3 ? 'p0' : 'p1' })),
    });
    const after = layoutMap(before);
    expect(problems(after)).toEqual([]);
    // Cards grew past the smallest card for these names, and the frames with them.
    expect(cardRect(after, 'p2').width).toBeGreaterThan(STAKEHOLDER_CARD.width);
    expect(cardRect(after, 'p3').height).toBeGreaterThan(STAKEHOLDER_CARD.height);
    for (const id of ['dep_ops', 'dep_ws']) {
      expect(after.departments[id].size.width).toBeGreaterThanOrEqual(departmentMinWidth(after.departments[id]));
    }
    // The white-space frame keeps room at its foot for its potential value.
    expect(after.departments.dep_ws.size.height).toBeGreaterThan(DEPARTMENT_HEADER_HEIGHT + STAKEHOLDER_CARD.height + 2 * ORG_LAYOUT.padding);
  });

  it('wraps a manager with twelve reports into rows instead of one long row', () => {
    const reports = Array.from({ length: 12 }, (_, i) => person(`r${i}`, 'dep_ops', i * 5, 0));
    const before = mapWith({
      departments: [{ id: 'dep_ops', position: { x: 0, y: 0 }, size: { width: 400, height: 300 } }],
      stakeholders: [person('boss', 'dep_ops', 0, 0), ...reports],
      links: reports.map((r) => reportsTo(r.id, 'boss')),
    });
    const after = layoutMap(before);
    expect(problems(after)).toEqual([]);
    const xs = new Set(reports.map((r) => after.stakeholders[r.id].position.x));
    const ys = new Set(reports.map((r) => after.stakeholders[r.id].position.y));
    // One row would be 12 cards (about 2,900 px); wrapped it is at most 4 wide and 3 deep.
    expect(xs.size).toBeLessThanOrEqual(4);
    expect(ys.size).toBeGreaterThanOrEqual(3);
    expect(after.departments.dep_ops.size.width).toBeLessThanOrEqual(4 * (STAKEHOLDER_CARD.width + ORG_LAYOUT.cardGap) + 2 * ORG_LAYOUT.padding);
    // The manager sits above the block, centred over it.
    const boss = after.stakeholders.boss.position;
    const left = Math.min(...xs);
    const right = Math.max(...xs) + STAKEHOLDER_CARD.width;
    expect(Math.abs(boss.x + STAKEHOLDER_CARD.width / 2 - (left + right) / 2)).toBeLessThanOrEqual(1);
  });

  it('keeps up to five reports in one row, as a printed org chart does', () => {
    const reports = Array.from({ length: 5 }, (_, i) => person(`r${i}`, 'dep_ops', 0, i * 5));
    const after = layoutMap(
      mapWith({
        departments: [{ id: 'dep_ops' }],
        stakeholders: [person('boss', 'dep_ops'), ...reports],
        links: reports.map((r) => reportsTo(r.id, 'boss')),
      }),
    );
    expect(new Set(reports.map((r) => after.stakeholders[r.id].position.y)).size).toBe(1);
  });

  it('treats someone whose manager is in another department as a root of their own department', () => {
    const before = mapWith({
      departments: [
        { id: 'dep_a', position: { x: 0, y: 0 } },
        { id: 'dep_b', position: { x: 0, y: 0 } },
      ],
      stakeholders: [person('ceo', 'dep_a', 0, 300), person('vp', 'dep_b', 0, 300), person('lead', 'dep_b', 0, 0)],
      links: [reportsTo('vp', 'ceo'), reportsTo('lead', 'vp')],
    });
    const after = layoutMap(before);
    expect(problems(after)).toEqual([]);
    expect(after.stakeholders.vp.position.y).toBe(DEPARTMENT_HEADER_HEIGHT + ORG_LAYOUT.padding);
    expect(after.stakeholders.lead.position.y).toBeGreaterThan(after.stakeholders.vp.position.y);
  });

  it('lays out nested departments as blocks inside their parent, below the parent\'s own people', () => {
    const after = layoutMap(scrambled(smallMap()));
    expect(problems(after)).toEqual([]);
    expect(after.departments.dep_proc.parentId).toBe('dep_fin');
    // Finance's own people sit above its sub-department.
    expect(after.stakeholders.stk_cfo.position.y + STAKEHOLDER_CARD.height).toBeLessThanOrEqual(after.departments.dep_proc.position.y);
  });

  it('sizes an empty department to hold one card, and survives reporting loops', () => {
    const after = layoutMap(
      mapWith({
        departments: [{ id: 'dep_empty', size: { width: 900, height: 900 } }, { id: 'dep_loop' }],
        stakeholders: [person('a', 'dep_loop'), person('b', 'dep_loop'), person('c', 'dep_loop')],
        links: [reportsTo('a', 'b'), reportsTo('b', 'c'), reportsTo('c', 'a')],
      }),
    );
    expect(after.departments.dep_empty.size).toEqual({
      width: STAKEHOLDER_CARD.width + 2 * ORG_LAYOUT.padding,
      height: DEPARTMENT_HEADER_HEIGHT + STAKEHOLDER_CARD.height + 2 * ORG_LAYOUT.padding,
    });
    const cards = ['a', 'b', 'c'].map((id) => cardRect(after, id));
    expect(cards.some((card, i) => cards.some((other, j) => i !== j && overlap(card, other)))).toBe(false);
  });
});

describe('layoutMap on generated maps', () => {
  it.each([
    ['300 people in flat departments', () => scrambled(structuredClone(generateMap({ size: 300 })), 3)],
    ['400 people, departments nested three deep', () => scrambled(nestedGenerated(), 11)],
  ])('leaves %s readable', (_, make) => {
    const before = make();
    expect(problems(before).length).toBeGreaterThan(0);
    expect(problems(layoutMap(before))).toEqual([]);
  });

  it('gives the same picture for the same map, whatever order its records were stored in', () => {
    const map = scrambled(nestedGenerated(), 5);
    // Without every third reporting line, departments hold several charts and loose people too.
    const reporting = Object.values(map.links).filter((link) => link.kind === 'reports-to');
    reporting.forEach((link, i) => i % 3 === 0 && delete map.links[link.id]);
    const reversed: AccountMap = {
      ...map,
      stakeholders: Object.fromEntries(Object.entries(map.stakeholders).reverse()),
      departments: Object.fromEntries(Object.entries(map.departments).reverse()),
      links: Object.fromEntries(Object.entries(map.links).reverse()),
    };
    const first = layoutMap(map);
    expect(layoutMap(structuredClone(map))).toEqual(first);
    const again = layoutMap(reversed);
    for (const id of Object.keys(first.stakeholders)) expect(again.stakeholders[id].position).toEqual(first.stakeholders[id].position);
    for (const id of Object.keys(first.departments)) expect(again.departments[id]).toEqual(first.departments[id]);
  });

  it('keeps the record objects that did not move, and the map itself when nothing moves', () => {
    const tidy = layoutMap(scrambled(structuredClone(generateMap({ size: 200 }))));
    expect(layoutMap(tidy)).toBe(tidy);
    // Drag one card away; tidying again brings back only that card.
    const [first] = Object.values(tidy.stakeholders);
    const dragged = { ...tidy, stakeholders: { ...tidy.stakeholders, [first.id]: { ...first, position: { x: 5000, y: 5000 } } } };
    const back = layoutMap(dragged);
    expect(back.stakeholders[first.id].position).toEqual(first.position);
    for (const person of Object.values(tidy.stakeholders)) if (person.id !== first.id) expect(back.stakeholders[person.id]).toBe(person);
    expect(back.departments).toBe(tidy.departments);
    expect(back.links).toBe(tidy.links);
  });
});

describe('tidyUp with a selection', () => {
  it('moves only the selected department, its contents and the departments around it', () => {
    const map = scrambled(nestedGenerated(), 13);
    const selected = 'dep_bench_30'; // inside dep_bench_0, holds dep_bench_20
    const after = tidyUp(map, [selected]);
    const movable = new Set([selected, 'dep_bench_20', 'dep_bench_0']);
    for (const department of Object.values(map.departments)) {
      if (!movable.has(department.id)) expect(after.departments[department.id]).toBe(department);
    }
    for (const person of Object.values(map.stakeholders)) {
      const within = person.departmentId === selected || person.departmentId === 'dep_bench_20';
      if (!within) expect(after.stakeholders[person.id]).toBe(person);
    }
    // Inside the selection everything is readable, and the parent grew to hold it.
    const within = Object.values(after.stakeholders).filter((p) => p.departmentId === selected || p.departmentId === 'dep_bench_20');
    const part: AccountMap = {
      ...after,
      departments: {
        [selected]: { ...after.departments[selected], parentId: null, position: absolutePosition(after, selected) },
        dep_bench_20: after.departments.dep_bench_20,
      },
      stakeholders: Object.fromEntries(within.map((p) => [p.id, p])),
    };
    expect(problems(part)).toEqual([]);
    expect(inside(departmentRect(after, selected), departmentRect(after, 'dep_bench_0'))).toBe(true);
    expect(after.departments.dep_bench_0.position).toEqual(map.departments.dep_bench_0.position);
  });

  it('moves a selected card off the cards that stay put', () => {
    const map = mapWith({
      departments: [{ id: 'dep_it', position: { x: 0, y: 0 }, size: { width: 600, height: 400 } }],
      stakeholders: [person('stays', 'dep_it', 20, 60), person('moves', 'dep_it', 40, 70)],
    });
    const after = tidyUp(map, ['moves']);
    expect(after.stakeholders.stays).toBe(map.stakeholders.stays);
    expect(overlap(cardRect(after, 'stays'), cardRect(after, 'moves'))).toBe(false);
    expect(inside(cardRect(after, 'moves'), departmentRect(after, 'dep_it'))).toBe(true);
  });

  it('tidies the whole map when the selection holds no card or department', () => {
    const map = scrambled(smallMap());
    expect(tidyUp(map, ['lnk_1'])).toEqual(layoutMap(map));
    expect(tidyUp(map)).toEqual(layoutMap(map));
  });
});
