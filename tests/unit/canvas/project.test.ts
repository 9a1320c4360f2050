// The canvas is a projection of the account map: what projectNodes hands React Flow.
import { describe, expect, it } from 'vitest';
import { projectNodes, stakeholderLabel } from '../../../src/canvas/project';
import { moveItems, setStance } from '../../../src/domain/commands';
import { STAKEHOLDER_CARD, newLink } from '../../../src/domain/defaults';
import { applyEdit } from '../../../src/domain/edits';
import type { AccountMap } from '../../../src/domain/types';
import { mapWith, smallMap } from '../fixtures/maps';

const byId = (map: AccountMap, selection: string[] = []) => new Map(projectNodes(map, new Set(selection)).map((node) => [node.id, node]));

describe('projectNodes', () => {
  it('lists departments before people, and a department before the ones inside it', () => {
    // Listed inside-out on purpose: the order must come from nesting, not from the record order.
    const map = mapWith({
      stakeholders: [{ id: 'stk_a', departmentId: 'dep_inner' }],
      departments: [
        { id: 'dep_inner', parentId: 'dep_mid' },
        { id: 'dep_mid', parentId: 'dep_top' },
        { id: 'dep_top' },
      ],
    });
    expect(projectNodes(map, new Set()).map((node) => node.id)).toEqual(['dep_top', 'dep_mid', 'dep_inner', 'stk_a']);
  });

  it('places every card at its absolute position, stacks nested departments above their parents and cards above all', () => {
    const nodes = byId(smallMap());
    expect(nodes.get('dep_fin')).toMatchObject({ type: 'department', position: { x: 0, y: 0 }, zIndex: 0, width: 600, height: 500 });
    expect(nodes.get('dep_proc')).toMatchObject({ position: { x: 20, y: 200 }, zIndex: 1, width: 400, height: 200 });
    // Zofia sits at (20, 60) inside Procurement, which sits at (20, 200) inside Finance.
    expect(nodes.get('stk_buyer')).toMatchObject({ type: 'stakeholder', position: { x: 40, y: 260 }, zIndex: 1000 });
    expect(nodes.get('stk_cio')!.position).toEqual({ x: 820, y: 60 });
    expect(nodes.get('stk_free')!.position).toEqual({ x: 1400, y: 0 });
    // No React Flow parents: positions are absolute (React Flow would re-derive them on each drag step).
    expect([...nodes.values()].every((node) => node.parentId === undefined)).toBe(true);
  });

  it('gives each card its size, its two handles and the name a screen reader announces', () => {
    const nodes = byId(smallMap());
    const zofia = nodes.get('stk_buyer')!;
    expect(zofia).toMatchObject({ width: STAKEHOLDER_CARD.width, height: STAKEHOLDER_CARD.height, ariaLabel: 'Stakeholder: Zofia, Head of Procurement, stance unknown, reports to Claire, 2 links' });
    expect(zofia.handles!.map((h) => h.type)).toEqual(['target', 'source']);
    expect(nodes.get('dep_it')!.ariaLabel).toBe('Department: IT, held by Acme, 1 person');
    expect(stakeholderLabel({ ...smallMap().stakeholders.stk_free, placeholder: true })).toBe('Consultant (placeholder)');
  });

  it('renames the two cards a new link joins, and keeps every other node as it was', () => {
    const map = smallMap();
    const before = byId(map);
    const after = byId(applyEdit(map, { type: 'addLink', link: newLink({ id: 'lnk_new', kind: 'reports-to', sourceId: 'stk_free', targetId: 'stk_cio' }) }));
    expect(after.get('stk_free')!.ariaLabel).toBe('Stakeholder: Consultant, stance unknown, reports to Stavros, 1 link');
    expect(after.get('stk_cio')!.ariaLabel).toMatch(/, 3 links$/);
    expect(after.get('stk_cfo')).toBe(before.get('stk_cfo'));
    expect(after.get('dep_it')).toBe(before.get('dep_it'));
  });

  it('marks the selected cards, and follows the selection on the same map', () => {
    const map = smallMap();
    const selectedIn = (nodes: ReturnType<typeof byId>) => [...nodes.values()].filter((node) => node.selected).map((node) => node.id).sort();
    expect(selectedIn(byId(map))).toEqual([]);
    expect(selectedIn(byId(map, ['stk_cfo', 'dep_it', 'lnk_1']))).toEqual(['dep_it', 'stk_cfo']);
    expect(selectedIn(byId(map, ['stk_cio']))).toEqual(['stk_cio']);
  });

  it('hands back the same node objects for unchanged cards, and new ones for what an edit or a move touched', () => {
    const map = smallMap();
    const before = byId(map);
    expect(byId(map)).toEqual(before);
    expect(byId(map).get('stk_cfo')).toBe(before.get('stk_cfo'));

    const retagged = byId(setStance(map, 'stk_cfo', 'champion'));
    expect(retagged.get('stk_cfo')).not.toBe(before.get('stk_cfo'));
    expect(retagged.get('stk_cio')).toBe(before.get('stk_cio'));

    // Moving a department moves its members on the canvas, though their records do not change.
    const moved = byId(moveItems(map, [{ id: 'dep_it', position: { x: 900, y: 0 } }]));
    expect(moved.get('stk_cio')!.position).toEqual({ x: 920, y: 60 });
    expect(moved.get('stk_cfo')).toBe(before.get('stk_cfo'));

    const reselected = byId(map, ['stk_cio']);
    expect(reselected.get('stk_cio')).not.toBe(before.get('stk_cio'));
    expect(reselected.get('stk_cio')!.selected).toBe(true);
  });

  it('after each edit in a series, hands React Flow what projecting the whole map afresh would', () => {
    // Projecting the same map through a plain copy of its tables (no record of what changed) takes the long way.
    const afresh = (map: AccountMap, selection: string[] = []) =>
      new Map(projectNodes({ ...map, stakeholders: { ...map.stakeholders } }, new Set(selection)).map((node) => [node.id, node]));
    const steps: [AccountMap, string[]][] = [];
    let map = smallMap();
    steps.push([map, []]);
    steps.push([(map = setStance(map, 'stk_buyer', 'champion')), []]);
    steps.push([map, ['stk_cio']]);
    steps.push([(map = moveItems(map, [{ id: 'stk_buyer', position: { x: 30, y: 70 } }])), ['stk_cio']]);
    steps.push([map, ['stk_cio', 'dep_it']]);
    // Zofia reports to Claire: renaming Claire renames what Zofia's card says.
    steps.push([(map = setStance(map, 'stk_buyer', 'blocker')), []]);
    steps.push([(map = applyEdit(map, { type: 'updateStakeholder', id: 'stk_cfo', patch: { name: 'Clara' } })), []]);
    // Step by step first (each projection builds on the one before), then each afresh.
    const quick = steps.map(([step, selection]) => byId(step, selection));
    steps.forEach(([step, selection], i) => expect(quick[i]).toEqual(afresh(step, selection)));
    expect(byId(map).get('stk_buyer')!.ariaLabel).toBe('Stakeholder: Zofia, Head of Procurement, blocker, reports to Clara, 2 links');
  });
});
