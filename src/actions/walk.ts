// The walk through a presentation: next and previous department or decision-maker, the view
// easing there (paging down through a department taller than the screen), and where the walk
// stands (ui-state `walk`, read by the caption on the canvas).
import { recordRect } from '../domain/commands';
import { walkPosition, walkStep, walkStops, type WalkKind } from '../domain/walk';
import { useMapStore } from '../store/map-store';
import { useUiState } from './ui-state';
import { viewport } from './viewport';

const NOTHING_TO_WALK: Record<WalkKind, string> = {
  department: 'This map has no departments to walk through.',
  'decision-maker': 'Nobody on this map is tagged as a decision-maker yet.',
};

/** Moves the walk of `kind` one stop on (step 1) or back (step -1), wrapping round at the ends. */
export function walk(kind: WalkKind, step: 1 | -1): void {
  const store = useMapStore.getState();
  const map = store.map;
  if (!map) return;
  const stops = walkStops(map, kind);
  if (stops.length === 0) {
    store.notify(NOTHING_TO_WALK[kind], 'info');
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
