// What the canvas mounts for the current view, kept in step with React Flow's viewport store:
// the area whose nodes React Flow is given (node-window.ts), whether cards show their far face
// (far-context.ts), and whether the far canvas draws the map (FarMapLayer.tsx) with the cards and
// lines it found mounted kept, hidden, under it.
import { startTransition, useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useStoreApi, type Viewport as FlowViewport } from '@xyflow/react';
import { useMapStore } from '../store/map-store';
import { recordCount } from '../domain/table-changes';
import { viewMoved } from './edges/route-store';
import { FAR_MAP_CARDS } from './FarMapLayer';
import { areaFor, cardsMeeting, covers, viewArea, type Area } from './node-window';
import type { MapNode, NoEdge } from './project';

/**
 * Below this zoom a card's title and badges are a few pixels high: cards then drop them (the
 * far rules in nodes/StakeholderCard.css and edges/LinksLayer.css), which also spares the
 * browser laying out and painting thousands of unreadable elements when a large map is seen whole.
 */
export const FAR_ZOOM = 0.35;

/**
 * A wheel zoom counts as over this long after its last step (d3-zoom, under React Flow, ends one
 * after 150 ms): until then the area is held, and the far canvas draws what reaches past it.
 */
const WHEEL_SETTLE_MS = 160;

/** Whether the open map has more people than the far canvas takes over at: only such a map holds, slices or draws far. */
const largeMap = () => recordCount(useMapStore.getState().map?.stakeholders ?? {}) > FAR_MAP_CARDS;

/** The ids of the nodes React Flow has in the page. */
function mountedNodeIds(root: HTMLElement | null): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const node of root?.querySelectorAll('.react-flow__node') ?? []) {
    const id = node.getAttribute('data-id');
    if (id) ids.add(id);
  }
  return ids;
}

export interface ViewWindow {
  /** Cards show their far face. */
  far: boolean;
  /** The far canvas draws the map; `kept` are the nodes left mounted (hidden) under it. */
  farMap: { kept: ReadonlySet<string> } | null;
  /** A wheel zoom or an animation has taken the view past what is mounted: the far canvas draws the rest, under the cards. */
  fringe: boolean;
  /** While a wheel zoom or an animation of the view goes on: the view it began from, whose nodes are all React Flow is given (null otherwise). */
  hold: Area | null;
  /** The same as `farMap !== null`, readable from event handlers without a render. */
  farMapNow: RefObject<boolean>;
  /** The far canvas shows its first frame: what it covers is hidden. */
  farMapShown(): void;
  /** The part of the map whose nodes React Flow is given; null until the canvas is measured. */
  area: Area | null;
  /** The canvas's size, set by whoever measures it (Canvas.tsx). */
  canvasSize: RefObject<{ width: number; height: number } | null>;
  /** The viewport as the canvas last saw it. */
  viewportNow: RefObject<FlowViewport>;
  /** Follows a new viewport; `gesture` when it comes from React Flow's store (a pan, a zoom, a fit). */
  showFar(viewport: FlowViewport, gesture?: boolean): void;
  /** An animation of the view starts: hold what is mounted (`hold`) until `ms` from now. */
  holdFor(ms: number, beforeThisEvent?: boolean): void;
}

/** `projectedNow`: every node of the map, for counting the cards in view at each step of a zoom. */
export function useViewWindow(wrapper: RefObject<HTMLDivElement | null>, projectedNow: RefObject<readonly MapNode[]>): ViewWindow {
  // Seen from far, cards draw a light version (FarContext); React re-renders them only when the
  // zoom crosses FAR_ZOOM, not on every frame of a zoom. Far, with hundreds of cards in view, the
  // map is drawn on a canvas instead (FarMapLayer).
  const [far, setFar] = useState(false);
  const farNow = useRef(false);
  // Zooming out past that point mounted nothing new but unmounted every card and line in view, and
  // zooming back in mounted them again: the slowest steps of a zoom on a 500-person map (npm run
  // bench, pan + zoom). The cards and lines mounted when the canvas takes over now stay mounted
  // under it, hidden (Canvas.css) and unchanged, so zooming back in only shows them.
  const [farMap, setFarMap] = useState<{ kept: ReadonlySet<string> } | null>(null);
  const farMapNow = useRef(false);
  // The part of the map whose nodes React Flow is given (node-window.ts), kept while the view moves inside it.
  const [area, setArea] = useState<Area | null>(null);
  const areaNow = useRef<Area | null>(null);
  const canvasSize = useRef<{ width: number; height: number } | null>(null);
  const viewportNow = useRef<FlowViewport>({ x: 0, y: 0, zoom: 1 });
  // The first wheel step out after a pan took a new area, mounting a few hundred cards and lines in
  // one step (the slowest event of a pan + zoom at 500 people, 54 to 107 ms), and each step after
  // it mounted the cards coming into view. While a wheel zoom goes on, React Flow keeps the nodes
  // of the view it began from (`hold`) and the area stays; what the view shows past them is drawn
  // by the far canvas, and the area follows once the wheel has stopped (a zoom out then mounts
  // once, at its end).
  const [fringe, setFringe] = useState(false);
  const fringeNow = useRef(false);
  const [hold, setHold] = useState<Area | null>(null);
  const holdNow = useRef<Area | null>(null);
  const holding = useRef(false);
  const showFringe = useCallback((shown: boolean) => {
    if (shown === fringeNow.current) return;
    fringeNow.current = shown;
    setFringe(shown);
  }, []);
  // `moving`: a change of React Flow's viewport (a gesture, a fit). Its state changes that mount or
  // re-render many cards are then React transitions, rendered in slices the next wheel step or
  // pointer move can cut into. Not the first area (until then React Flow holds every node), nor
  // the switch to the far canvas (until it shows, React Flow mounts each card that comes into view).
  const followView = useCallback((viewport: FlowViewport, moving: boolean) => {
    viewportNow.current = viewport;
    if (!canvasSize.current) return;
    // A canvas with no room (squeezed out by a very long map name) has no view to be near: React
    // Flow gets every node and decides itself, as it did before there was an area.
    const view = viewArea(viewport, canvasSize.current);
    const next = canvasSize.current.width > 0 && canvasSize.current.height > 0 ? areaFor(view, areaNow.current) : null;
    const held = areaNow.current;
    if (moving && holding.current && held && next) showFringe(!covers(holdNow.current ?? held, view));
    else if (next === held) showFringe(false);
    else {
      areaNow.current = next;
      // The fringe goes in the same render as the cards that replace it are mounted.
      const apply = () => {
        setArea(next);
        showFringe(false);
      };
      if (moving && held) startTransition(apply);
      else apply();
    }
  }, [showFringe]);
  const showFar = useCallback((viewport: FlowViewport, gesture = false) => {
    viewMoved();
    // A map of no more cards than the far canvas takes over at has none to slice: there the
    // transitions' extra render passes cost more than they spared (pan + zoom at 100 people).
    const moving = gesture && largeMap();
    const isFar = viewport.zoom < FAR_ZOOM;
    const box = canvasSize.current;
    // While a wheel zoom or an animation goes on (holdFor), the far canvas may take the map over
    // but does not give it back, and the cards keep their face: the fringe draws what the view
    // shows past them. Showing every card again from under the canvas painted them all, the
    // slowest wheel step of a pan + zoom at 500 people after the hold (23 to 25 ms, npm run
    // bench); it now happens once, when the gesture has ended. Taking over stays in the gesture:
    // held cards left in sight were painted again at each step further out.
    const held = holding.current;
    // Counted from the cards' rectangles: estimated from the map's area, the count stayed under the
    // limit one step too long at 500 people, and every card in view turned into a far card just
    // before the canvas took over.
    const cards = isFar && box ? cardsMeeting(projectedNow.current, viewArea(viewport, box)) : 0;
    // A margin either way, so a view near the limit does not switch back and forth.
    const drawFar = (held && farMapNow.current) || cards > (farMapNow.current ? FAR_MAP_CARDS * 0.75 : FAR_MAP_CARDS);
    // While the canvas draws the map, the cards under it and their area stay as they were.
    if (drawFar) viewportNow.current = viewport;
    else {
      followView(viewport, moving);
      // The cards' face waits for a held gesture to end, as said above.
      if (!held) {
        wrapper.current?.classList.toggle('pm-canvas--far', isFar);
        if (isFar !== farNow.current) {
          farNow.current = isFar;
          if (moving) startTransition(() => setFar(isFar));
          else setFar(isFar);
        }
      }
    }
    if (drawFar !== farMapNow.current) {
      farMapNow.current = drawFar;
      if (drawFar) {
        // The cards mounted now stay mounted, hidden under the canvas: read from the page, as React
        // Flow mounted them (worked out from the last view instead, a zoom's quick steps mounted more).
        setFarMap({ kept: mountedNodeIds(wrapper.current) });
      } else if (moving) startTransition(() => setFarMap(null));
      else setFarMap(null);
    }
  }, [followView]);
  // A wheel zoom, or an animation of the view (a fit, going to someone), holds what is mounted
  // until it has ended: `ms` after the last call. Each wheel step is seen before React Flow zooms on it.
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const holdFor = useCallback(
    (ms: number, beforeThisEvent = false) => {
      const box = canvasSize.current;
      if (!holding.current && !farMapNow.current && areaNow.current && box && largeMap()) {
        const held = viewArea(viewportNow.current, box);
        holdNow.current = held;
        // A wheel step's hold is rendered before React Flow zooms on that step. Left to React's
        // queue, the zoom rendered first, with the whole area: React Flow mounted the cards coming
        // into view (22 at 500 people), and the hold's render took them away again.
        if (beforeThisEvent) flushSync(() => setHold(held));
        else setHold(held);
      }
      holding.current = true;
      clearTimeout(settle.current);
      settle.current = setTimeout(() => {
        holding.current = false;
        holdNow.current = null;
        // One render lets the hold go and catches up with the view: the far canvas takes over or
        // gives way, the cards take their face, the area moves and the fringe goes (showFar).
        startTransition(() => {
          setHold(null);
          showFar(viewportNow.current);
        });
      }, ms);
    },
    [showFar],
  );
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element) return undefined;
    const onWheel = () => holdFor(WHEEL_SETTLE_MS, true);
    element.addEventListener('wheel', onWheel, { capture: true, passive: true });
    return () => {
      element.removeEventListener('wheel', onWheel, { capture: true });
      clearTimeout(settle.current);
    };
  }, [wrapper, holdFor]);
  // Every change of React Flow's viewport (a gesture, a fit, an animation, the opening one) moves
  // the area and the far switch: its store is the one place all of them pass through.
  const flowStore = useStoreApi<MapNode, NoEdge>();
  useLayoutEffect(
    () =>
      flowStore.subscribe((state, previous) => {
        if (state.transform !== previous.transform) showFar({ x: state.transform[0], y: state.transform[1], zoom: state.transform[2] }, true);
      }),
    [flowStore, showFar],
  );
  // The cards and lines under the far canvas are hidden once it shows its first frame (drawn by a
  // worker, that can be a frame after it mounts): hidden at once, the map would blink out.
  const farMapShown = useCallback(() => {
    if (farMapNow.current) wrapper.current?.classList.add('pm-canvas--far-map');
  }, [wrapper]);
  useLayoutEffect(() => {
    if (farMap === null) wrapper.current?.classList.remove('pm-canvas--far-map');
  }, [farMap, wrapper]);
  return { far, farMap, fringe, hold, farMapNow, farMapShown, area, canvasSize, viewportNow, showFar, holdFor };
}
