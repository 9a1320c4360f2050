// The mounted React Flow instance. Canvas sets it on init; from it this module gives the actions
// their viewport handle (actions/viewport.ts), so nothing outside the canvas needs React Flow.
// The raw instance stays available to the canvas itself and to the benchmark hooks.
import type { ReactFlowInstance } from '@xyflow/react';
import { attachViewport, type MapViewport } from '../actions/viewport';
import type { MapNode, NoEdge } from './project';
import { partsShowing, viewportShowing } from './presentation';

let instance: ReactFlowInstance<MapNode, NoEdge> | null = null;

function viewportOf(flow: ReactFlowInstance<MapNode, NoEdge>, element: HTMLElement | null): MapViewport {
  return {
    visibleCenter() {
      if (!element) return { x: 0, y: 0 };
      const box = element.getBoundingClientRect();
      return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    },
    current: () => flow.getViewport(),
    fit({ ids, ...options } = {}) {
      void flow.fitView({ ...options, ...(ids ? { nodes: ids.map((id) => ({ id })) } : {}) });
    },
    present(rect, part = 0) {
      const box = element?.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) void flow.setViewport(viewportShowing(rect, box.width, box.height, part), { duration: 600 });
    },
    parts: (rect) => partsShowing(rect, element?.getBoundingClientRect().height ?? 0),
    zoomIn: () => void flow.zoomIn({ duration: 150 }),
    zoomOut: () => void flow.zoomOut({ duration: 150 }),
  };
}

export function attachCanvas(flow: ReactFlowInstance<MapNode, NoEdge> | null, element: HTMLElement | null): void {
  instance = flow;
  attachViewport(flow ? viewportOf(flow, element) : null);
}

export function getCanvas(): ReactFlowInstance<MapNode, NoEdge> | null {
  return instance;
}
