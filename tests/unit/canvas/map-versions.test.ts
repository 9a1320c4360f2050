// What the canvas works out from a whole map (the lines, the overview, the far view's scene, the
// legend) is patched after an edit of a few people (domain/map-versions.ts). Through any series of
// edits it must be what a map never seen before gives.
import { describe, expect, it } from 'vitest';
import { applyEdit, type Edit } from '../../../src/domain/edits';
import { runAtOnce } from '../../../src/domain/slices';
import { createSampleAccountMap } from '../../../src/domain/sample';
import type { AccountMap } from '../../../src/domain/types';
import { prepareLines } from '../../../src/canvas/edges/LinksLayer';
import { prepareOverview } from '../../../src/canvas/MapOverview';
import { prepareFarScene } from '../../../src/canvas/far-map-painter';
import { legendEntries } from '../../../src/drawing/legend-entries';
import { ownedCountsOf } from '../../../src/panels/TeamEditor';

/** The same records in new objects: nothing worked out for the original applies to it. */
const unseen = (map: AccountMap): AccountMap => structuredClone(map);
const byKey = (lines: { key: string }[]) => [...lines].sort((a, b) => a.key.localeCompare(b.key));

/** Everything worked out from `map`. */
function workedOut(map: AccountMap) {
  const { cards, departments } = runAtOnce(prepareOverview(map));
  const scene = runAtOnce(prepareFarScene(map));
  return {
    lines: byKey(runAtOnce(prepareLines(map))),
    overview: { cards, departments },
    scene: [scene.names, [...scene.cards], [...scene.lines], [...scene.stances]],
    legend: legendEntries(map),
    owned: ownedCountsOf(map),
  };
}

function expectAsIfNew(map: AccountMap) {
  // The unseen copy first: what is patched is the version worked out last, which must stay `map`'s line of versions.
  const expected = workedOut(unseen(map));
  expect(workedOut(map)).toEqual(expected);
}

describe('a map worked out again after each edit', () => {
  it('stays what a new map gives through stances, roles, a departure, a move, a rename, an addition and a removal', () => {
    let map = createSampleAccountMap('2026-12-03T00:00:00.000Z');
    const people = Object.values(map.stakeholders);
    const linked = Object.values(map.links)[0];
    expectAsIfNew(map);
    const edits: Edit[] = [
      // Everyone a blocker: other stances leave the legend, one patch at a time.
      ...people.map((p): Edit => ({ type: 'setStance', ids: [p.id], stance: 'blocker' })),
      { type: 'setStance', ids: [people[0].id], stance: 'champion' },
      { type: 'setRole', ids: [people[1].id], role: 'economic-buyer', on: true },
      { type: 'markLeftCompany', id: people[2].id, departure: { leftTo: 'A competitor', successorId: people[3].id } },
      // The successor's card moves: the successor line's far end moves with it.
      { type: 'moveItems', moves: [{ id: people[3].id, position: { x: people[3].position.x + 40, y: people[3].position.y + 30 } }] },
      { type: 'moveItems', moves: [{ id: linked.targetId, position: { x: 600, y: 500 } }] },
      { type: 'updateStakeholder', id: people[4].id, patch: { name: 'Ada Lovelace' } },
      // Owners change hands: the team's counts follow.
      ...people.slice(0, 3).map((p): Edit => ({ type: 'updateStakeholder', id: p.id, patch: { ownerId: Object.keys(map.team)[0] } })),
      { type: 'updateStakeholder', id: people[0].id, patch: { ownerId: null } },
      { type: 'markLeftCompany', id: people[2].id, departure: null },
      { type: 'addStakeholder', stakeholder: { ...people[5], id: 'stk_new', name: 'New Person', stance: 'neutral' } },
      { type: 'removeItems', ids: [people[6].id] },
    ];
    for (const edit of edits) {
      map = applyEdit(map, edit);
      expectAsIfNew(map);
    }
  });
});
