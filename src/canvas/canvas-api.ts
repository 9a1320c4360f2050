// A narrow handle on the mounted React Flow instance, for actions that need the viewport
// (place a new card in the visible area, fit view, export). Set by Canvas while it is mounted.
import type { ReactFlowInstance } from '@xyflow/react';
import type { Position } from '../domain/types';
import type { MapNode, NoEdge } from './project';

let instance: ReactFlowInstance<MapNode, NoEdge> | null = null;
let container: HTMLElement | null = null;

export function attachCanvas(flow: ReactFlowInstance<MapNode, NoEdge> | null, element: HTMLElement | null): void {
  instance = flow;
  container = element;
}

export function getCanvas(): ReactFlowInstance<MapNode, NoEdge> | null {
  return instance;
}

export function getCanvasElement(): HTMLElement | null {
  return container;
}

/** The centre of what the user sees, in map coordinates; the origin if no canvas is mounted. */
export function visibleCenter(): Position {
  if (!instance || !container) return { x: 0, y: 0 };
  const box = container.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
}
