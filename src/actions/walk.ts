// The walk through a presentation: next and previous department or decision-maker, the view
// easing there (paging down through a department taller than the screen), and where the walk
// stands (ui-state `walk`, read by the caption on the canvas).
import { mapBounds, recordRect } from '../domain/commands';
import { walkPosition, walkStep, walkStops, type WalkKind } from '../domain/walk';
import { useMapStore } from '../store/map-store';
import { ui, useUiState } from './ui-state';
import { viewport } from './viewport';
import { t } from '../i18n';


/** Moves the walk of `kind` one stop on (step 1) or back (step -1), wrapping round at the ends. */
export function walk(kind: WalkKind, step: 1 | -1): void {
  const store = useMapStore.getState();
  const map = store.map;
  if (!map) return;
  const stops = walkStops(map, kind);
  if (stops.length === 0) {
    store.notify(t(`actions.nothingToWalk.${kind}`), 'info');
    return;
  }
  const current = useUiState.getState().walk;
  const at = walkPosition(map, kind, current);
  // A department taller than the screen is paged through before the walk moves on.
  if (current?.kind === kind && at !== null) {
    const part = current.part + step;
    if (part >= 0 && part < viewport.parts(recordRect(map, current.id)!)) {
      useUiState.setState({ walk: { ...current, part } });
      viewport.present(recordRect(map, current.id)!, part);
      return;
    }
  }
  const id = stops[walkStep(stops.length, at, step)];
  // A decision-maker is selected, so the room sees whom the caption names; leaving that walk
  // for the departments lets go of them again.
  if (kind === 'decision-maker') store.select([id]);
  else if (current?.kind === 'decision-maker' && store.selection.length === 1 && store.selection[0] === current.id) store.select([]);
  useUiState.setState({ walk: { kind, id, part: 0 } });
  viewport.present(recordRect(map, id)!);
}

/**
 * L: the legend docks below the canvas, so opening or closing it changes the canvas's height. In
 * presentation mode the stop of the walk on screen (or the whole map) is then shown again in the
 * new room, so the legend cuts off no card.
 */
export function toggleLegend(): void {
  ui.toggle('legendOpen');
  const { presenting, walk: at } = useUiState.getState();
  const map = useMapStore.getState().map;
  if (!presenting || !map) return;
  // Once the legend is docked and the canvas has its new size.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const rect = at ? recordRect(map, at.id) : mapBounds(map);
      if (rect) viewport.present(rect, at?.part ?? 0);
    }),
  );
}
