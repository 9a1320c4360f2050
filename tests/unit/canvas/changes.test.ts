// What a snapshot comparison puts on the canvas: tags on changed records, outlines for people
// removed since, and their lost links.
import { describe, expect, it } from 'vitest';
import { compareMaps } from '../../../src/domain/compare';
import { addLink, addStakeholder, moveItems, removeItems, setStance, toggleRole, updateDepartment } from '../../../src/domain/commands';
import { newLink, newStakeholder } from '../../../src/domain/defaults';
import { changeMarks } from '../../../src/canvas/changes';
import { projectComparison, removedNodeId } from '../../../src/canvas/project';
import { smallMap } from '../fixtures/maps';

const before = smallMap();
const none = new Map();

describe('changeMarks', () => {
  it('tags new people and links, and spells out stance, role and coverage changes on one tag each', () => {
    let now = setStance(before, 'stk_cfo', 'champion');
    now = toggleRole(now, 'stk_cfo', 'decision-maker');
    now = addStakeholder(now, newStakeholder({ id: 'stk_new', name: 'New' }));
    now = addLink(now, newLink({ id: 'lnk_new', kind: 'ally', sourceId: 'stk_new', targetId: 'stk_cfo' }));
    now = updateDepartment(now, 'dep_it', { coverage: 'white-space' });
    const marks = changeMarks(compareMaps(before, now), none);
    expect(marks.get('stk_new')).toEqual({ kind: 'added', text: 'New' });
    expect(marks.get('lnk_new')).toEqual({ kind: 'added', text: 'New link' });
    expect(marks.get('stk_cfo')).toEqual({ kind: 'changed', text: `${'Unknown stance'} → Champion · +DM` });
    expect(marks.get('dep_it')?.text).toMatch(/→ White space$/);
    expect(marks.has('stk_buyer')).toBe(false);
  });

  it('keeps the same object while only positions change, so cards are not re-rendered per drag step', () => {
    const changed = setStance(before, 'stk_cfo', 'blocker');
    const first = changeMarks(compareMaps(before, changed), none);
    const moved = moveItems(changed, [{ id: 'stk_cfo', position: { x: 300, y: 300 } }]);
    expect(changeMarks(compareMaps(before, moved), first)).toBe(first);
    expect(changeMarks(null, first).size).toBe(0);
  });
});

describe('projectComparison', () => {
  it('draws a removed person as an outline where they stood, out of reach of selection and drags', () => {
    const now = removeItems(before, ['stk_buyer']);
    const nodes = projectComparison(before, compareMaps(before, now));
    expect(nodes.map((n) => n.id)).toEqual([removedNodeId('stk_buyer')]);
    // Procurement (20, 200) inside Finance (0, 0), the card at (20, 60) inside Procurement.
    expect(nodes[0].position).toEqual({ x: 40, y: 260 });
    expect(nodes[0].selectable).toBe(false);
    expect(nodes[0].draggable).toBe(false);
    // The same objects on the next call: React Flow sees nothing new during a drag.
    expect(projectComparison(before, compareMaps(before, now))[0]).toBe(nodes[0]);
  });
});
