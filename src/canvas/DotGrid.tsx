// The canvas's dot grid, moved by the compositor as the view pans.
//
// Why not React Flow's <Background>: it is an <svg> pattern whose offset React re-renders on every
// step of a pan, and the browser then paints and rasterises a full-screen layer again each step
// (with the dots gone, the compositor's commit during the bench's pans at 500 people took about
// half as long). Here the dots are a CSS background on a layer of their own, a little larger than
// the canvas: a pan only moves that layer (a transform, set from React Flow's store without a
// render), and a zoom, which changes the spacing, repaints it once per step as before.
import { useLayoutEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { MapNode, NoEdge } from './project';

/** Below this spacing on screen the dots would blur into a grey wash: they are left out. */
const MIN_SPACING_PX = 8;

interface DotGridProps {
  /** Distance between dots, in map units (screen pixels at zoom 1). */
  gap: number;
  /** Dot diameter, in map units. */
  size: number;
  color: string;
}

export function DotGrid({ gap, size, color }: DotGridProps) {
  const grid = useRef<HTMLDivElement>(null);
  const flowStore = useStoreApi<MapNode, NoEdge>();
  useLayoutEffect(() => {
    let spacing = 0;
    const place = ([x, y, zoom]: readonly [number, number, number]) => {
      const element = grid.current;
      if (!element) return;
      const step = gap * zoom;
      if (step !== spacing) {
        spacing = step;
        const radius = (size * zoom) / 2;
        element.hidden = step < MIN_SPACING_PX;
        element.style.backgroundImage = `radial-gradient(circle at ${step / 2}px ${step / 2}px, ${color} ${radius}px, transparent ${radius + 0.6}px)`;
        element.style.backgroundSize = `${step}px ${step}px`;
        element.style.width = `calc(100% + ${2 * step}px)`;
        element.style.height = `calc(100% + ${2 * step}px)`;
      }
      // The layer starts up to one step left of and above the canvas, so it always covers it.
      const offset = (value: number) => (((value % step) + step) % step) - step;
      element.style.transform = `translate3d(${offset(x)}px, ${offset(y)}px, 0)`;
    };
    place(flowStore.getState().transform);
    return flowStore.subscribe((state, previous) => {
      if (state.transform !== previous.transform) place(state.transform);
    });
  }, [flowStore, gap, size, color]);
  return <div ref={grid} className="pm-dot-grid" aria-hidden="true" />;
}
