// The routed lines on the canvas (src/drawing/line-routes.ts), keyed by link id or successorKey().
// Routing is off the drag path: it starts when the map has been still for a moment, runs one
// neighbourhood at a time with a turn for the browser in between, and a line whose cards moved
// since it was routed is drawn with linkPath (fittingRoute) until the next pass.
import { create } from 'zustand';
import { fittingRoute, routeInSteps, sceneOf, type Route } from '../../drawing/line-routes';
import type { AccountMap } from '../../domain/types';
import { loadLineRouter } from '../../io/line-router';

export const useRouteStore = create<{ routes: ReadonlyMap<string, Route> }>(() => ({ routes: new Map() }));

/** Wait this long after the last change before routing, so a burst of edits routes once. */
const SETTLE_MS = 120;
let pass = 0;
/** The map the last pass routed: panning a large map routes only the lines it has not routed yet. */
let routedMap: AccountMap | null = null;

/** Routes `map`'s lines (or those inside `visible`, on a large map) and publishes them step by step; a newer call cancels an older one. */
export function scheduleRouting(map: AccountMap, visible: ReadonlySet<string> | null): () => void {
  const id = ++pass;
  const timer = setTimeout(async () => {
    const avoid = await loadLineRouter().catch(() => null);
    if (!avoid || id !== pass) return;
    const scene = sceneOf(map);
    const next = new Map(useRouteStore.getState().routes);
    const fresh = routedMap !== map;
    routedMap = map;
    const lines = scene.lines.filter(
      (line) => (!visible || visible.has(line.key)) && (fresh || !fittingRoute(next.get(line.key), scene.cards.get(line.fromId)!, scene.cards.get(line.toId)!)),
    );
    if (lines.length === 0) return;
    for (const step of routeInSteps(avoid, { ...scene, lines })) {
      if (id !== pass) return;
      for (const [key, route] of step) next.set(key, route);
      useRouteStore.setState({ routes: new Map(next) });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }, SETTLE_MS);
  return () => {
    clearTimeout(timer);
    if (id === pass) pass++;
  };
}
