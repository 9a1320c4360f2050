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
import { absolutePosition, departmentDepth, descendantsOf, recordRect } from '../domain/commands';
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
  /**
   * The departments a dragged record would join if dropped now (not the one it is in): their
   * frames light up, as a frame does in Miro, so a drop never changes a department unseen.
   * A new set only when it changes.
   */
  joining: ReadonlySet<string>;
}

const NONE: DragPreview = { shifts: new Map(), positions: new Map(), moving: new Set(), joining: new Set() };

export const useDragPreview = create<DragPreview>(() => NONE);

interface Frame extends Position {
  id: string;
  width: number;
  height: number;
  depth: number;
}

/** What moves along with each dragged department, and where the departments are, worked out once per drag (per map version). */
let inside: { map: AccountMap | null; of: Map<string, string[]>; frames: Frame[] | null } = { map: null, of: new Map(), frames: null };
function movingWith(map: AccountMap, id: string): string[] {
  if (inside.map !== map) inside = { map, of: new Map(), frames: null };
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
  const { moving, joining } = useDragPreview.getState();
  const same = moving.size === shifts.size && [...shifts.keys()].every((id) => moving.has(id));
  const targets = joiningDepartments(map, positions, shifts);
  const sameTargets = targets.size === joining.size && [...targets].every((id) => joining.has(id));
  useDragPreview.setState({ shifts, positions, moving: same ? moving : new Set(shifts.keys()), joining: sameTargets ? joining : targets });
}

function framesOf(map: AccountMap): Frame[] {
  if (inside.map !== map) inside = { map, of: new Map(), frames: null };
  inside.frames ??= Object.values(map.departments).map((department) => ({
    id: department.id,
    ...absolutePosition(map, department.id),
    ...department.size,
    depth: departmentDepth(map, department.id),
  }));
  return inside.frames;
}

/**
 * The departments the dragged records would join, by the rule the drop follows (domain
 * reparentDropped): the innermost department under a record's centre, leaving out what moves.
 */
function joiningDepartments(map: AccountMap, positions: ReadonlyMap<string, Position>, shifts: ReadonlyMap<string, Shift>): Set<string> {
  const targets = new Set<string>();
  const frames = framesOf(map);
  for (const [id, position] of positions) {
    const rect = recordRect(map, id);
    const parent = map.stakeholders[id]?.departmentId ?? map.departments[id]?.parentId;
    // Cards inside a dragged department go along with it, wherever the canvas reports them.
    if (!rect || parent === undefined || (parent !== null && shifts.has(parent))) continue;
    const centre = { x: position.x + rect.width / 2, y: position.y + rect.height / 2 };
    let best: Frame | null = null;
    for (const frame of frames) {
      const hit = centre.x >= frame.x && centre.y >= frame.y && centre.x <= frame.x + frame.width && centre.y <= frame.y + frame.height;
      // A moving department is no target: it, and what is inside it, go along with the drag.
      if (hit && (!best || frame.depth > best.depth) && !shifts.has(frame.id)) best = frame;
    }
    if (best && best.id !== parent) targets.add(best.id);
  }
  return targets;
}

/** The dragged records' last positions, and the preview cleared: call in the same task as the store takes them. */
export function takePreviewedMoves(): { id: string; position: Position }[] {
  const { positions } = useDragPreview.getState();
  if (positions.size > 0) useDragPreview.setState(NONE);
  inside = { map: null, of: new Map(), frames: null };
  return [...positions].map(([id, position]) => ({ id, position }));
}
