// React Flow is handed the nodes near the view, not the whole map.
//
// Why: React Flow re-adopts every node it is given on each change of the node array, and on each
// update of its store walks all of them (for the ones in view, and in its selection listener). At
// 20,000 people that walking was most of what a click on a card cost (0.1 to 0.15 s a click in
// the profiles, see docs/benchmarks.md). Given the nodes of an area around the view (the view
// grown by half its size each way) plus the selected ones, its work follows what is on screen.
// The map itself (the store) stays whole: lines, the far canvas, the overview, fitting and every
// action read the domain, never React Flow's nodes.
import type { Position, Size } from '../domain/types';
import type { MapNode } from './project';

export type Area = Position & Size;

/** How far the area reaches past the view on each side, as a share of the view's size. */
const MARGIN = 0.5;
/** A new area is taken when the view has left the old one, or is this many times smaller than it (zoomed in). */
const SHRINK = 4;

/** The part of the map a viewport shows on a canvas of the given size, in map coordinates. */
export function viewArea(viewport: { x: number; y: number; zoom: number }, size: Size): Area {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: size.width / viewport.zoom, height: size.height / viewport.zoom };
}

/**
 * The area whose nodes React Flow should hold for this view: the current one while it still
 * covers the view well (so a pan moves the view inside it without handing React Flow new nodes on
 * every step), otherwise a new one around the view.
 */
export function areaFor(view: Area, current: Area | null): Area {
  if (current && covers(current, view) && current.width <= view.width * SHRINK * (1 + 2 * MARGIN) / 2) return current;
  return {
    x: view.x - view.width * MARGIN,
    y: view.y - view.height * MARGIN,
    width: view.width * (1 + 2 * MARGIN),
    height: view.height * (1 + 2 * MARGIN),
  };
}

/** Whether two rectangles overlap. */
export function rectsMeet(a: Area, b: Area): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `outer` holds all of `inner`. */
export function covers(outer: Area, inner: Area): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * The nodes that meet the area, and every selected node wherever it is (a drag, the keyboard and
 * the inspector act on the selection). Keeps the order of `nodes`: departments before cards, outer
 * departments before nested ones. With no area yet (before the canvas is measured) every node.
 */
export function nodesNear(nodes: readonly MapNode[], area: Area | null, selection: ReadonlySet<string>): MapNode[] {
  if (!area) return nodes as MapNode[];
  const near: MapNode[] = [];
  for (const node of nodes) if (meets(node, area) || selection.has(node.id)) near.push(node);
  return near;
}

function meets(node: MapNode, area: Area): boolean {
  const { x, y } = node.position;
  return x < area.x + area.width && y < area.y + area.height && x + (node.width ?? 0) > area.x && y + (node.height ?? 0) > area.y;
}

/** How many cards (not departments) meet the area: what the far canvas switch weighs at each step of a zoom. */
export function cardsMeeting(nodes: readonly MapNode[], area: Area): number {
  let count = 0;
  for (const node of nodes) if (node.type === 'stakeholder' && meets(node, area)) count++;
  return count;
}

/**
 * The node on top at a point of the map, among those that can be selected: the last in `nodes`'
 * order that holds it (cards over departments, nested departments over outer ones). Seen from far
 * the cards are painted on a canvas, not mounted, and a click is matched to them with this.
 */
export function nodeAt(nodes: readonly MapNode[], point: Position): MapNode | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node.type !== 'removed' && meets(node, { ...point, width: 0, height: 0 })) return node;
  }
  return null;
}
