import { describe, expect, it } from 'vitest';
import { areaFor, nodeAt, nodesNear, viewArea } from '../../../src/canvas/node-window';
import type { MapNode } from '../../../src/canvas/project';

const card = (id: string, x: number, y: number): MapNode => ({
  id,
  type: 'stakeholder',
  position: { x, y },
  width: 200,
  height: 80,
  data: { stakeholderId: id },
});

describe('the nodes React Flow is given', () => {
  // A row of 100 cards, 300 px apart: 0, 300, 600, ... 29,700.
  const row = Array.from({ length: 100 }, (_, i) => card(`p${i}`, i * 300, 0));

  it('are the cards near the view, plus the selected ones wherever they are', () => {
    const view = viewArea({ x: 0, y: 0, zoom: 1 }, { width: 1000, height: 600 });
    const area = areaFor(view, null);
    const near = nodesNear(row, area, new Set(['p90']));
    const ids = near.map((node) => node.id);
    // The view shows x 0..1000; the area reaches half a view further each way (-500..1500).
    expect(ids).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p90']);
  });

  it('keep their area while the view pans inside it, and move with a view that leaves it', () => {
    const size = { width: 1000, height: 600 };
    const first = areaFor(viewArea({ x: 0, y: 0, zoom: 1 }, size), null);
    // Panned 400 px right: still inside the area, so React Flow gets no new nodes.
    expect(areaFor(viewArea({ x: -400, y: 0, zoom: 1 }, size), first)).toBe(first);
    // Panned 800 px right: the view leaves the area, a new one is centred on it.
    const moved = areaFor(viewArea({ x: -800, y: 0, zoom: 1 }, size), first);
    expect(moved).not.toBe(first);
    expect(moved.x).toBe(300);
    expect(nodesNear(row, moved, new Set()).map((node) => node.id)).toContain('p7');
  });

  it('shrink again after zooming in from far, so a zoomed-in view does not hold the whole map', () => {
    const size = { width: 1000, height: 600 };
    const far = areaFor(viewArea({ x: 0, y: 0, zoom: 0.05 }, size), null);
    expect(nodesNear(row, far, new Set())).toHaveLength(100);
    const near = areaFor(viewArea({ x: 0, y: 0, zoom: 1 }, size), far);
    expect(near).not.toBe(far);
    expect(nodesNear(row, near, new Set()).length).toBeLessThan(10);
  });

  it('are every node before the canvas has measured its size', () => {
    expect(nodesNear(row, null, new Set())).toHaveLength(100);
  });
});

describe('the node at a point (a click on the far view)', () => {
  const department: MapNode = { id: 'd1', type: 'department', position: { x: 0, y: 0 }, width: 1000, height: 500, data: { departmentId: 'd1' } } as MapNode;
  const inner: MapNode = { id: 'd2', type: 'department', position: { x: 500, y: 0 }, width: 400, height: 400, data: { departmentId: 'd2' } } as MapNode;
  const ghost: MapNode = { id: 'gone', type: 'removed', position: { x: 40, y: 300 }, width: 200, height: 80, data: {} } as unknown as MapNode;
  const nodes = [department, inner, card('p1', 40, 40), card('p2', 600, 40), ghost];

  it('is the card there, over its department', () => {
    expect(nodeAt(nodes, { x: 100, y: 100 })?.id).toBe('p1');
    expect(nodeAt(nodes, { x: 700, y: 100 })?.id).toBe('p2');
  });

  it('is the innermost department where no card is, and nothing outside every node', () => {
    expect(nodeAt(nodes, { x: 700, y: 300 })?.id).toBe('d2');
    expect(nodeAt(nodes, { x: 300, y: 450 })?.id).toBe('d1');
    expect(nodeAt(nodes, { x: 1200, y: 100 })).toBeNull();
  });

  it('is never a removed card shown by a comparison', () => {
    expect(nodeAt(nodes, { x: 100, y: 320 })?.id).toBe('d1');
  });
});
