// A large map seen from far, drawn on one <canvas> instead of thousands of elements.
//
// Why: zoomed out on a 5,000-person map, every card and line is on screen, and onlyRenderVisible-
// Elements mounts them all: opening such a map fitted to the screen spent seconds creating,
// styling and laying out elements whose text is a pixel high, and zooming out past the point where
// they all came into view did it again. When many cards are in view at a far zoom (farMapWanted),
// the canvas hides React Flow's nodes and the line layer and draws departments, cards (in their
// stance colour, as the overview does) and lines here: one path per stance, built once per map,
// and repainted with the view's transform on each move. Zoom in and the real cards come back.
// Near the far zoom, where names can still be read, the canvas draws each card as a far card looks
// (white, a stance-coloured edge, the name in large type), so taking over early changes little.
// The drawing itself (drawing/far-map.ts) is done by a worker on a canvas handed to it
// (far-map-painter.ts): each step of a zoom then costs the page a message.
// With a `hole`, the canvas lies under the page's cards and draws only what is outside that part
// of the map: while a wheel zoom reaches past the cards mounted (use-view-window.ts), the edge of
// the view shows far cards at once instead of waiting for hundreds of cards to be mounted.
import { memo, useContext, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from '@xyflow/react';
import { flowView } from './flow-view';
import { shallow } from 'zustand/shallow';
import { useMapStore } from '../store/map-store';
import { OutOfFocusContext } from './use-focus';
import { paintInWorker, paintOnPage, workerCanDraw, type FarPainter } from './far-map-painter';
import type { FarHole } from '../drawing/far-map';

/**
 * Below the far zoom, and with more cards than this in view, the map is drawn on the canvas. Low:
 * each card mounted, or re-rendered as a far card, costs the zoom step that does it (npm run bench,
 * pan + zoom at 500 people, see Canvas.tsx), while a canvas frame costs the same for 100 or 5,000.
 */
export const FAR_MAP_CARDS = 100;

interface FarMapLayerProps {
  /** Called once the canvas shows its first frame of the whole map: until then the cards under it stay in sight. */
  onShown?: () => void;
  /** What the page's own cards and lines show: left out, or null to draw the whole map. */
  hole?: FarHole | null;
}

function FarMapLayerComponent({ onShown, hole = null }: FarMapLayerProps) {
  const map = useMapStore((s) => s.gestureStart ?? s.map);
  const selection = useMapStore((s) => s.selection);
  const dimmed = useContext(OutOfFocusContext);
  const [tx, ty, zoom, width, height] = useStore(flowView, shallow);
  const canvas = useRef<HTMLCanvasElement>(null);
  const painter = useRef<FarPainter | null>(null);
  const shown = useRef(onShown);
  shown.current = onShown;
  // A canvas handed to the worker is the worker's for good: if the worker fails, a new canvas
  // (another key) is drawn by the page.
  const [onPage, setOnPage] = useState(() => !workerCanDraw());

  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element) return undefined;
    const drawn = (view: string, cards: number, whole: boolean) => {
      // For the benchmark's "fully drawn" probe and tests: the view the canvas shows the whole map in.
      if (!whole) {
        delete element.dataset.view;
        return;
      }
      element.dataset.view = view;
      element.dataset.cards = String(cards);
      shown.current?.();
    };
    const current = (onPage ? null : paintInWorker(element, drawn, () => setOnPage(true))) ?? paintOnPage(element, drawn);
    painter.current = current;
    return () => {
      current.detach();
      painter.current = null;
    };
  }, [onPage]);
  useLayoutEffect(() => {
    if (map) painter.current?.show(map, selection, dimmed);
  }, [map, selection, dimmed, onPage]);
  useLayoutEffect(() => {
    painter.current?.hole(hole);
  }, [hole, onPage]);
  useLayoutEffect(() => {
    painter.current?.view({ x: tx, y: ty, zoom, width, height, ratio: window.devicePixelRatio || 1 });
  }, [tx, ty, zoom, width, height, onPage]);

  return <canvas key={onPage ? 'page' : 'worker'} ref={canvas} className={hole ? 'pm-far-map pm-far-map--fringe' : 'pm-far-map'} style={{ width, height }} aria-hidden="true" />;
}

export const FarMapLayer = memo(FarMapLayerComponent);
