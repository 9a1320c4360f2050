// The far view's scene of a map (drawing/far-map.ts): every department's and card's rectangle,
// each card's stance and name as its far face sets it, each link as a straight line.
import { recordRect } from '../domain/commands';
import { farName, stakeholderCard } from '../domain/card-layout';
import { STANCES, type AccountMap, type Stakeholder } from '../domain/types';
import type { Steps } from '../domain/slices';
import { STANCE_LOOK } from './appearance';
import type { FarScene } from './far-map';

/** A far card's name type: the card's own layout has it, worked out when the map opened, so the scene does not wrap each name again. */
function farNameOf(map: AccountMap, person: Stakeholder, size: { width: number; height: number }) {
  const layout = stakeholderCard(map, person);
  return layout.width === size.width && layout.height === size.height ? layout.far : farName(person.name, size);
}

/** Builds the scene a step per record (canvas/prepare.ts runs it in slices while a large map opens). */
export function* farScene(map: AccountMap): Steps<FarScene> {
  const departmentIds = Object.keys(map.departments);
  const departments = new Float64Array(departmentIds.length * 4);
  for (let i = 0; i < departmentIds.length; i++) {
    const r = recordRect(map, departmentIds[i]);
    if (r) departments.set([r.x, r.y, r.width, r.height], i * 4);
  }
  const people = Object.values(map.stakeholders);
  const cards = new Float64Array(people.length * 4);
  const stances = new Uint8Array(people.length);
  const nameSizes = new Float32Array(people.length);
  const names: string[] = [];
  const centres = new Map<string, [number, number]>();
  for (let i = 0; i < people.length; i++) {
    yield;
    const person = people[i];
    const r = recordRect(map, person.id);
    // A person with no place on the map (none should be) is an empty card with no name.
    if (!r) {
      names.push('');
      continue;
    }
    cards.set([r.x, r.y, r.width, r.height], i * 4);
    stances[i] = Math.max(0, STANCES.indexOf(person.stance));
    const far = farNameOf(map, person, r);
    nameSizes[i] = far.size;
    names.push(far.lines.join('\n'));
    centres.set(person.id, [r.x + r.width / 2, r.y + r.height / 2]);
  }
  const links = Object.values(map.links);
  const lines = new Float64Array(links.length * 4);
  let count = 0;
  for (const link of links) {
    yield;
    const a = centres.get(link.sourceId);
    const b = centres.get(link.targetId);
    if (a && b) lines.set([a[0], a[1], b[0], b[1]], 4 * count++);
  }
  return { departments, cards, stances, colors: STANCES.map((stance) => STANCE_LOOK[stance].color), nameSizes, names, lines: lines.slice(0, 4 * count) };
}

