// Where the cards being dragged are shown, before the drop stores where they went.
//
// Why: a drag reports a position on every pointer move. Running each one as a domain command
// copied the stakeholder table (5,000 entries at 5,000 people), wrote the gesture's journal entry,
// and woke every subscriber of the map store: at 5,000 people most of a drag step's 40 ms
// (docs/benchmarks.md). During a drag the canvas now keeps how far each moving record has gone
// from its stored place (a shift) in this small store; the cards and the lines touching them read
// it, nothing else does. The drop runs one `moveItemsTo` with the last positions, inside the same
// gesture as the re-parenting, so a drag is still one undo step and one journal entry.
import { create } from 'zustand';
import { absolutePosition, descendantsOf } from '../domain/commands';
import type { AccountMap, Position } from '../domain/types';

export interface Shift {
  dx: number;
  dy: number;
}

interface DragPreview {
  /** How far each moving record (the dragged ones and everything inside a dragged department) has gone. */
  shifts: ReadonlyMap<string, Shift>;
  /** The last position the canvas reported for each dragged record (absolute, map coordinates). */
  positions: ReadonlyMap<string, Position>;
  /** The ids in `shifts`: a new set only when they change (once a drag), for whoever only asks what moves. */
  moving: ReadonlySet<string>;
}

const NONE: DragPreview = { shifts: new Map(), positions: new Map(), moving: new Set() };

export const useDragPreview = create<DragPreview>(() => NONE);

/** What moves along with each dragged department, worked out once per drag (per map version). */
let inside: { map: AccountMap | null; of: Map<string, string[]> } = { map: null, of: new Map() };
function movingWith(map: AccountMap, id: string): string[] {
  if (inside.map !== map) inside = { map, of: new Map() };
  let ids = inside.of.get(id);
  if (!ids) {
    ids = [];
    if (map.departments[id]) {
      const departments = new Set(descendantsOf(map, id));
      ids.push(...departments);
      departments.add(id);
      for (const person of Object.values(map.stakeholders)) if (person.departmentId && departments.has(person.departmentId)) ids.push(person.id);
    }
    inside.of.set(id, ids);
  }
  return ids;
}

/** Takes the positions the canvas reported for dragged records (absolute), against their place in `map`. */
export function previewMoves(map: AccountMap, moves: readonly { id: string; position: Position }[]): void {
  const positions = new Map(useDragPreview.getState().positions);
  for (const { id, position } of moves) positions.set(id, position);
  const shifts = new Map<string, Shift>();
  // Members of a dragged department move with it, unless the canvas moved them itself.
  for (const [id, position] of positions) {
    const stored = absolutePosition(map, id);
    const shift = { dx: position.x - stored.x, dy: position.y - stored.y };
    shifts.set(id, shift);
    for (const member of movingWith(map, id)) if (!positions.has(member) && !shifts.has(member)) shifts.set(member, shift);
  }
  const { moving } = useDragPreview.getState();
  const same = moving.size === shifts.size && [...shifts.keys()].every((id) => moving.has(id));
  useDragPreview.setState({ shifts, positions, moving: same ? moving : new Set(shifts.keys()) });
}

/** The dragged records' last positions, and the preview cleared: call in the same task as the store takes them. */
export function takePreviewedMoves(): { id: string; position: Position }[] {
  const { positions } = useDragPreview.getState();
  if (positions.size > 0) useDragPreview.setState(NONE);
  inside = { map: null, of: new Map() };
  return [...positions].map(([id, position]) => ({ id, position }));
}
