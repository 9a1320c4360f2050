// The far view's scene of a map (drawing/far-map.ts): every department's and card's rectangle,
// each card's stance and name as its far face sets it, each link as a straight line.
import { recordRect } from '../domain/commands';
import { farName, stakeholderCard } from '../domain/card-layout';
import { COVERAGE_STATUSES, STANCES, type AccountMap, type Coverage, type Stakeholder } from '../domain/types';
import { runAtOnce, type Steps } from '../domain/slices';
import { CANVAS_BORDER_DASH, COVERAGE_LOOK, STANCE_LOOK } from './appearance';
import type { FarDepartmentLook, FarScene } from './far-map';
import { samePeople } from '../domain/map-versions';

/** A far card's name type: the card's own layout has it, worked out when the map opened, so the scene does not wrap each name again. */
function farNameOf(map: AccountMap, person: Stakeholder, size: { width: number; height: number }) {
  const layout = stakeholderCard(map, person);
  return layout.width === size.width && layout.height === size.height ? layout.far : farName(person.name, size);
}

/** How strongly each coverage tints its frames from far: white space, the opportunity, most. */
const FAR_TINT: Record<Coverage, number> = { engaged: 0.07, 'white-space': 0.16, competitor: 0.1, unknown: 0.08 };

/** `#rrggbb` at `alpha`. */
const tint = (hex: string, alpha: number) => `rgba(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')}, ${alpha})`;

/** The frames' look from far, per coverage, in the order of COVERAGE_STATUSES. */
export function farDepartmentLooks(): FarDepartmentLook[] {
  return COVERAGE_STATUSES.map((coverage) => {
    const look = COVERAGE_LOOK[coverage];
    return { fill: tint(look.border, FAR_TINT[coverage]), stroke: look.border, dash: [...CANVAS_BORDER_DASH[look.borderStyle]] };
  });
}

/** Builds the scene a step per record (canvas/prepare.ts runs it in slices while a large map opens). */
export function* farScene(map: AccountMap): Steps<FarScene> {
  const departmentIds = Object.keys(map.departments);
  const departments = new Float64Array(departmentIds.length * 4);
  const coverages = new Uint8Array(departmentIds.length);
  for (let i = 0; i < departmentIds.length; i++) {
    const r = recordRect(map, departmentIds[i]);
    if (r) departments.set([r.x, r.y, r.width, r.height], i * 4);
    coverages[i] = Math.max(0, COVERAGE_STATUSES.indexOf(map.departments[departmentIds[i]].coverage));
  }
  const people = Object.values(map.stakeholders);
  const cards = new Float64Array(people.length * 4);
  const stances = new Uint8Array(people.length);
  const nameSizes = new Float32Array(people.length);
  const names: string[] = [];
  for (let i = 0; i < people.length; i++) {
    yield;
    names.push(setCard({ cards, stances, nameSizes }, i, map, people[i]));
  }
  const scene: FarScene = { departments, coverages, departmentLooks: farDepartmentLooks(), cards, stances, colors: STANCES.map((stance) => STANCE_LOOK[stance].color), nameSizes, names, lines: new Float64Array(0) };
  scene.lines = yield* linesOf(map, centresOf(map, scene));
  return scene;
}

/** Writes `person`'s card into the scene's arrays at `i`; returns its name's lines as the scene keeps them. */
function setCard(scene: Pick<FarScene, 'cards' | 'stances' | 'nameSizes'>, i: number, map: AccountMap, person: Stakeholder): string {
  const r = recordRect(map, person.id);
  // A person with no place on the map (none should be) is an empty card with no name.
  if (!r) {
    scene.cards.fill(0, i * 4, i * 4 + 4);
    return '';
  }
  scene.cards.set([r.x, r.y, r.width, r.height], i * 4);
  scene.stances[i] = Math.max(0, STANCES.indexOf(person.stance));
  const far = farNameOf(map, person, r);
  scene.nameSizes[i] = far.size;
  return far.lines.join('\n');
}

/** Each card's centre, looked up by person id (the scene's cards are in the people table's order). */
function centresOf(map: AccountMap, scene: FarScene): (id: string) => [number, number] | undefined {
  const order = orderOf(map.stakeholders);
  return (id) => {
    const i = order.get(id);
    if (i === undefined || (scene.cards[i * 4 + 2] === 0 && scene.cards[i * 4 + 3] === 0)) return undefined;
    return [scene.cards[i * 4] + scene.cards[i * 4 + 2] / 2, scene.cards[i * 4 + 1] + scene.cards[i * 4 + 3] / 2];
  };
}

function* linesOf(map: AccountMap, centre: (id: string) => [number, number] | undefined): Steps<Float64Array> {
  const links = Object.values(map.links);
  const lines = new Float64Array(links.length * 4);
  let count = 0;
  for (const link of links) {
    yield;
    const a = centre(link.sourceId);
    const b = centre(link.targetId);
    if (a && b) lines.set([a[0], a[1], b[0], b[1]], 4 * count++);
  }
  return lines.slice(0, 4 * count);
}

/** Where each person is in a people table's order, kept per table: the tables an edit makes keep their order. */
const orders = new WeakMap<object, Map<string, number>>();
function orderOf(table: AccountMap['stakeholders']): Map<string, number> {
  let order = orders.get(table);
  if (!order) orders.set(table, (order = new Map(Object.keys(table).map((id, i) => [id, i]))));
  return order;
}

/**
 * `before`'s scene (of the map `from`) brought up to `map`, which differs from it only in the people
 * `changed` (the same departments, links and team, no one added or removed): their cards are
 * written again, and the lines only if one of them moved or changed size. Null when `map` is not
 * such a version: build it whole. Setting a stance on a 20,000-person map then costs the far view
 * a copy of its arrays, not a walk over every card and link.
 */
export function patchedFarScene(before: FarScene, from: AccountMap, map: AccountMap, changed: ReadonlySet<string>): FarScene | null {
  if (from.departments !== map.departments || from.links !== map.links || from.team !== map.team || !samePeople(from, map, changed)) return null;
  const order = orderOf(from.stakeholders);
  orders.set(map.stakeholders, order);
  const scene: FarScene = { ...before, cards: before.cards.slice(), stances: before.stances.slice(), nameSizes: before.nameSizes.slice(), names: before.names.slice() };
  let moved = false;
  for (const id of changed) {
    const i = order.get(id)!;
    const was = before.cards.subarray(i * 4, i * 4 + 4).join();
    scene.names[i] = setCard(scene, i, map, map.stakeholders[id]);
    moved ||= scene.cards.subarray(i * 4, i * 4 + 4).join() !== was;
  }
  if (moved) scene.lines = runAtOnce(linesOf(map, centresOf(map, scene)));
  return scene;
}
