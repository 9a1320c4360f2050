// The mounted React Flow instance. Canvas sets it on init; from it this module gives the actions
// their viewport handle (actions/viewport.ts), so nothing outside the canvas needs React Flow.
// The raw instance stays available to the canvas itself and to the benchmark hooks.
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { attachViewport, type MapViewport } from '../actions/viewport';
import type { MapNode, NoEdge } from './project';
import type { Position, Size } from '../domain/types';
import { partsShowing, viewportShowing } from './presentation';
import { clearOfOverview } from './MapOverview';
import { useMapStore } from '../store/map-store';
import { mapBounds } from '../domain/commands';

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;

let instance: ReactFlowInstance<MapNode, NoEdge> | null = null;

const REVEAL_MS = 300;
/** Where an easing reveal is taking the view (map coordinates), until it has arrived. */
let revealing: (Position & Size) | null = null;
let revealDone: ReturnType<typeof setTimeout> | undefined;

/** Told before each animation of the view, with its length: the canvas holds what it has mounted until then (use-view-window.ts). */
type HoldFor = (ms: number) => void;

/** After an animation's last frame, a little longer before the canvas mounts what the view reached. */
export const ANIMATION_SETTLE_MS = 60;

function viewportOf(flow: ReactFlowInstance<MapNode, NoEdge>, element: HTMLElement | null, holdFor: HoldFor): MapViewport {
  const animating = (duration: number | undefined) => {
    if (duration) holdFor(duration + ANIMATION_SETTLE_MS);
  };
  return {
    visibleCenter() {
      if (!element) return { x: 0, y: 0 };
      const box = element.getBoundingClientRect();
      return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    },
    visibleRect() {
      if (revealing) return revealing;
      const box = element?.getBoundingClientRect();
      const { x, y, zoom } = flow.getViewport();
      return { x: -x / zoom, y: -y / zoom, width: (box?.width ?? 0) / zoom, height: (box?.height ?? 0) / zoom };
    },
    current: () => flow.getViewport(),
    reveal(rect) {
      // While an earlier reveal is still easing, widen its target rather than the view half-way
      // there: four quick adds in a row must all end up on screen.
      const seen = revealing ?? this.visibleRect();
      if (rect.x >= seen.x && rect.y >= seen.y && rect.x + rect.width <= seen.x + seen.width && rect.y + rect.height <= seen.y + seen.height) return;
      const x = Math.min(seen.x, rect.x);
      const y = Math.min(seen.y, rect.y);
      const bounds = { x, y, width: Math.max(seen.x + seen.width, rect.x + rect.width) - x, height: Math.max(seen.y + seen.height, rect.y + rect.height) - y };
      revealing = bounds;
      clearTimeout(revealDone);
      revealDone = setTimeout(() => (revealing = null), REVEAL_MS + 100);
      animating(REVEAL_MS);
      void flow.fitBounds(bounds, { padding: 0.04, duration: REVEAL_MS });
    },
    // From the map's own rectangles: React Flow holds only the nodes near the view (node-window.ts).
    fit({ ids, padding = 0.1, maxZoom = MAX_ZOOM, duration } = {}) {
      const map = useMapStore.getState().map;
      const bounds = map ? mapBounds(map, ids ? new Set(ids) : undefined) : null;
      const box = element?.getBoundingClientRect();
      if (!bounds || !box || box.width === 0 || box.height === 0) return;
      animating(duration);
      void flow.setViewport(getViewportForBounds(bounds, box.width, box.height, MIN_ZOOM, maxZoom, clearOfOverview(padding)), { duration });
    },
    present(rect, part = 0) {
      const box = element?.getBoundingClientRect();
      if (!box || box.width === 0 || box.height === 0) return;
      animating(600);
      void flow.setViewport(viewportShowing(rect, box.width, box.height, part), { duration: 600 });
    },
    parts: (rect) => partsShowing(rect, element?.getBoundingClientRect().height ?? 0),
    zoomIn() {
      animating(150);
      void flow.zoomIn({ duration: 150 });
    },
    zoomOut() {
      animating(150);
      void flow.zoomOut({ duration: 150 });
    },
  };
}

export function attachCanvas(flow: ReactFlowInstance<MapNode, NoEdge> | null, element: HTMLElement | null, holdFor: HoldFor = () => {}): void {
  instance = flow;
  attachViewport(flow ? viewportOf(flow, element, holdFor) : null);
}

export function getCanvas(): ReactFlowInstance<MapNode, NoEdge> | null {
  return instance;
}
