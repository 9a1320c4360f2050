// After an edit that moves nothing (a stance, an owner, a note), the lines are not routed again:
// routesAsBefore (canvas/edges/route-store.ts) must say so only when every line would route the same.
import { describe, expect, it } from 'vitest';
import { applyEdit, type Edit } from '../../../src/domain/edits';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { routesAsBefore } from '../../../src/canvas/edges/route-store';

const base = () => createSampleAccountMap('2026-12-03T00:00:00.000Z');
const after = (edit: (map: ReturnType<typeof base>) => Edit) => {
  const map = base();
  return { map, next: applyEdit(map, edit(map)) };
};
const someone = (map: ReturnType<typeof base>, index = 0) => Object.values(map.stakeholders)[index];

describe('whether lines route as before an edit', () => {
  it('yes after a stance, an owner or a note, through a series of such edits', () => {
    const map = base();
    const [a, b] = Object.values(map.stakeholders);
    const owner = Object.keys(map.team)[0];
    const one = applyEdit(map, { type: 'setStance', ids: [a.id], stance: a.stance === 'blocker' ? 'champion' : 'blocker' });
    const two = applyEdit(one, { type: 'updateStakeholder', id: b.id, patch: { ownerId: owner } });
    expect(one).not.toBe(map);
    expect(routesAsBefore(map, one)).toBe(true);
    expect(routesAsBefore(map, two)).toBe(true);
  });

  it('no after a card moves', () => {
    const { map, next } = after((m) => ({ type: 'moveItems', moves: [{ id: someone(m).id, position: { x: someone(m).position.x + 40, y: someone(m).position.y } }] }));
    expect(routesAsBefore(map, next)).toBe(false);
  });

  it('no after a name long enough to make its card taller', () => {
    const { map, next } = after((m) => ({ type: 'updateStakeholder', id: someone(m).id, patch: { name: 'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach' } }));
    expect(routesAsBefore(map, next)).toBe(false);
  });

  it('no after someone leaves with a successor (a successor line appears)', () => {
    const { map, next } = after((m) => ({ type: 'markLeftCompany', id: someone(m, 2).id, departure: { leftTo: 'A competitor', successorId: someone(m, 3).id } }));
    expect(routesAsBefore(map, next)).toBe(false);
  });

  it('no after someone is added or removed, or a link changes', () => {
    const added = after((m) => ({ type: 'addStakeholder', stakeholder: { ...someone(m, 5), id: 'stk_new', name: 'New Person' } }));
    expect(routesAsBefore(added.map, added.next)).toBe(false);
    const removed = after((m) => ({ type: 'removeItems', ids: [someone(m, 6).id] }));
    expect(routesAsBefore(removed.map, removed.next)).toBe(false);
    const link = after((m) => ({ type: 'removeItems', ids: [Object.keys(m.links)[0]] }));
    expect(routesAsBefore(link.map, link.next)).toBe(false);
  });

  it('no between two maps loaded apart, even with the same records', () => {
    const map = base();
    expect(routesAsBefore(map, structuredClone(map))).toBe(false);
  });
});
