import { describe, expect, it } from 'vitest';
import { farScene, patchedFarScene } from '../../../src/drawing/far-scene';
import { applyEdit, type Edit } from '../../../src/domain/edits';
import { changedIds } from '../../../src/domain/table-changes';
import { recordRect } from '../../../src/domain/commands';
import { runAtOnce } from '../../../src/domain/slices';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { COVERAGE_STATUSES, STANCES } from '../../../src/domain/types';
import { COVERAGE_LOOK, STANCE_LOOK } from '../../../src/drawing/appearance';

describe('the far view scene', () => {
  const map = createSampleAccountMap('2026-12-02T00:00:00.000Z');
  const scene = runAtOnce(farScene(map));
  const people = Object.values(map.stakeholders);

  it('has every card where the map puts it, in its stance colour, with its whole name', () => {
    expect(scene.names).toHaveLength(people.length);
    people.forEach((person, i) => {
      const r = recordRect(map, person.id)!;
      expect([...scene.cards.subarray(i * 4, i * 4 + 4)]).toEqual([r.x, r.y, r.width, r.height]);
      expect(scene.colors[scene.stances[i]]).toBe(STANCE_LOOK[person.stance].color);
      // Wrapped onto lines, but every word of the name is there.
      expect(scene.names[i].split('\n').join(' ').replace(/\s+/g, ' ')).toBe(person.name.replace(/\s+/g, ' '));
      expect(scene.nameSizes[i]).toBeGreaterThan(0);
    });
    expect(scene.colors).toHaveLength(STANCES.length);
  });

  it('draws each link from the middle of one card to the middle of the other, and leaves out links to no one', () => {
    const centre = (id: string) => {
      const r = recordRect(map, id)!;
      return [r.x + r.width / 2, r.y + r.height / 2];
    };
    const links = Object.values(map.links);
    expect(scene.lines).toHaveLength(links.length * 4);
    links.forEach((link, i) => expect([...scene.lines.subarray(i * 4, i * 4 + 4)]).toEqual([...centre(link.sourceId), ...centre(link.targetId)]));
    const [first] = links;
    const broken = { ...map, links: { ...map.links, [first.id]: { ...first, targetId: 'nobody' } } };
    expect(runAtOnce(farScene(broken)).lines).toHaveLength((links.length - 1) * 4);
  });

  it('has every department’s rectangle and coverage, white space in its own colour and dashed', () => {
    const ids = Object.keys(map.departments);
    expect(scene.departments).toHaveLength(ids.length * 4);
    ids.forEach((id, i) => {
      const r = recordRect(map, id)!;
      expect([...scene.departments.subarray(i * 4, i * 4 + 4)]).toEqual([r.x, r.y, r.width, r.height]);
      expect(COVERAGE_STATUSES[scene.coverages[i]]).toBe(map.departments[id].coverage);
    });
    expect(ids.some((id) => map.departments[id].coverage === 'white-space')).toBe(true);
    const whiteSpace = scene.departmentLooks[COVERAGE_STATUSES.indexOf('white-space')];
    expect(whiteSpace.stroke).toBe(COVERAGE_LOOK['white-space'].border);
    expect(whiteSpace.dash.length).toBeGreaterThan(0);
    expect(scene.departmentLooks[COVERAGE_STATUSES.indexOf('engaged')].dash).toEqual([]);
  });

  describe('patched after an edit of a few people', () => {
    const people = Object.values(map.stakeholders);
    const linked = Object.values(map.links)[0].sourceId;
    const patch = (edit: Edit) => {
      const next = applyEdit(map, edit);
      return { next, patched: patchedFarScene(scene, map, next, changedIds(map.stakeholders, next.stakeholders)!) };
    };

    it.each<[string, Edit]>([
      ['a stance', { type: 'setStance', ids: [people[0].id, people[1].id], stance: 'blocker' }],
      ['a new name', { type: 'updateStakeholder', id: people[2].id, patch: { name: 'Ada Lovelace' } }],
      ['a role', { type: 'setRole', ids: [people[4].id], role: 'economic-buyer', on: true }],
      ['a card with links moved', { type: 'moveItems', moves: [{ id: linked, position: { x: 777, y: 333 } }] }],
    ])('is what a scene built whole gives, after %s', (_, edit) => {
      const { next, patched } = patch(edit);
      const whole = runAtOnce(farScene(structuredClone(next)));
      expect(patched).not.toBeNull();
      expect({ ...patched!, cards: [...patched!.cards], lines: [...patched!.lines] }).toEqual({ ...whole, cards: [...whole.cards], lines: [...whole.lines] });
      // The scene it came from is left as it was.
      expect(runAtOnce(farScene(structuredClone(map))).names).toEqual(scene.names);
    });

    it('is not made when people came or went, or departments or links changed: the scene is built whole', () => {
      expect(patch({ type: 'removeItems', ids: [people[3].id] }).patched).toBeNull();
      expect(patch({ type: 'addStakeholder', stakeholder: { ...people[3], id: 'stk_new' } }).patched).toBeNull();
      expect(patch({ type: 'moveItems', moves: [{ id: Object.keys(map.departments)[0], position: { x: -90, y: -90 } }] }).patched).toBeNull();
      const link = Object.values(map.links)[0];
      expect(patch({ type: 'updateLink', id: link.id, patch: { kind: link.kind === 'ally' ? 'conflict' : 'ally' } }).patched).toBeNull();
    });
  });
});
