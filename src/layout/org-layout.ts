// Automatic layout of an account map as org charts, and the "Tidy up" command built on it.
// Pure like the commands in domain/commands/: (map) -> new map, new objects only for records
// that moved or were resized. It lives apart from domain/ because it brings dagre, which only
// this command needs: the UI loads it with import() the first time someone tidies up.
//
// How a map is laid out, from the inside out:
// - People in one department form org charts from the reports-to links among them (manager
//   above reports, dagre, top to bottom). Links that leave the department do not shape it.
// - A manager with more than `maxRow` reports who manage nobody gets those reports wrapped into a
//   compact grid under them (what Lucidchart and Visio do), instead of one very long row.
// - Each connected org chart is a block; people with no reporting line inside the department
//   share a grid block. These blocks are packed into rows that fit a 16:10 view.
// - Sub-departments, already laid out and sized, are packed the same way below the department's
//   own people (its leaders over its units), ordered by the reporting lines between them.
// - A department is resized to its contents. The canvas is arranged like a department, keeping
//   the map's top-left corner where it was: people without a department above the departments.
//
// The parts: spacing.ts (measures), structure.ts (reading the map), blocks.ts (packing),
// org-charts.ts (dagre); this file arranges containers bottom-up and writes the new map.
import type { AccountMap, Position, Size } from '../domain/types';
import { applyEdit } from '../domain/edits';
import { type Block, type Box, packRows, single, stack } from './blocks';
import { orgCharts } from './org-charts';
import { EMPTY_DEPARTMENT, HEADER, ORG_LAYOUT, cardSize } from './spacing';
import { departmentFootRoom, departmentMinWidth } from '../domain/card-layout';
import { type Index, buildIndex, movingSet, orderDepartments, originalOf, touchedDepartments } from './structure';

export { ORG_LAYOUT };

export interface LayoutOptions {
  /** Stakeholder and department ids to lay out (a department brings its contents); default all. */
  only?: ReadonlySet<string>;
}

/** The selection-aware "Tidy up": the selected cards and departments, or the whole map. */
export function tidyUp(map: AccountMap, selection?: readonly string[]): AccountMap {
  const ids = (selection ?? []).filter((id) => map.stakeholders[id] || map.departments[id]);
  return layoutMap(map, ids.length ? { only: new Set(ids) } : {});
}

/**
 * Lays the map out as org charts inside resized departments. With `only`, just those records
 * (and what selected departments contain) move; the departments holding them grow to fit and
 * everything else stays where it is.
 */
export function layoutMap(map: AccountMap, options: LayoutOptions = {}): AccountMap {
  const index = buildIndex(map);
  const moving = options.only ? movingSet(index, options.only) : null;
  const context: Context = {
    map,
    index,
    isMoving: moving ? (id) => moving.has(id) : () => true,
    touched: touchedDepartments(index, moving),
    positions: new Map(),
    sizes: new Map(),
  };
  arrange(context, null);
  return applyEdit(map, { type: 'arrange', positions: Object.fromEntries(context.positions), sizes: Object.fromEntries(context.sizes) });
}

// ---------------------------------------------------------------- arranging a container

interface Context {
  map: AccountMap;
  index: Index;
  isMoving: (id: string) => boolean;
  touched: Set<string>;
  /** New positions, relative to the parent as stored. */
  positions: Map<string, Position>;
  sizes: Map<string, Size>;
}

function sizeOf(context: Context, departmentId: string): Size {
  return context.sizes.get(departmentId) ?? context.map.departments[departmentId].size;
}

/** Lays out what `container` holds (bottom-up through touched departments) and sizes it. */
function arrange(context: Context, container: string | null): void {
  const { map, index, isMoving, positions, sizes } = context;
  const departments = index.departmentsIn.get(container) ?? [];
  const people = index.peopleIn.get(container) ?? [];
  for (const id of departments) if (context.touched.has(id)) arrange(context, id);

  const movingPeople = people.filter(isMoving);
  const movingDepartments = departments.filter(isMoving);
  // Laid out as a whole: a moving department, or the canvas when everything on it moves.
  const whole =
    container === null
      ? movingPeople.length === people.length && movingDepartments.length === departments.length
      : isMoving(container);
  const { padding } = ORG_LAYOUT;

  if (movingPeople.length + movingDepartments.length > 0) {
    // The container's own people (its leaders, usually) above its departments, like an org chart.
    const content = stack(
      movingPeople.length ? orgCharts(map, index, movingPeople) : null,
      movingDepartments.length
        ? packRows(orderDepartments(map, index, movingDepartments).map((id) => single(id, sizeOf(context, id))))
        : null,
    );

    const moved = [...movingPeople, ...movingDepartments].map((id) => originalOf(map, id));
    let origin: Position = { x: Math.min(...moved.map((p) => p.x)), y: Math.min(...moved.map((p) => p.y)) };
    if (container && whole) {
      origin = { x: padding, y: HEADER + padding };
    } else if (!whole) {
      if (container) origin = { x: Math.max(origin.x, padding), y: Math.max(origin.y, HEADER + padding) };
      const fixed: Box[] = [
        ...people.filter((id) => !isMoving(id)).map((id) => ({ ...originalOf(map, id), ...cardSize(map, id) })),
        ...departments.filter((id) => !isMoving(id)).map((id) => ({ ...originalOf(map, id), ...sizeOf(context, id) })),
      ];
      origin = clearOf(origin, content, fixed);
    }
    origin = { x: Math.round(origin.x), y: Math.round(origin.y) };
    for (const item of content.items) positions.set(item.id, { x: origin.x + item.x, y: origin.y + item.y });

    if (container && whole) {
      const department = map.departments[container];
      // Wide enough for its name on one line, with room at the foot for a potential value.
      sizes.set(container, {
        width: Math.max(EMPTY_DEPARTMENT.width, departmentMinWidth(department), content.width + 2 * padding),
        height: Math.max(EMPTY_DEPARTMENT.height, HEADER + content.height + 2 * padding + departmentFootRoom(department)),
      });
      return;
    }
  } else if (container && whole) {
    const department = map.departments[container];
    sizes.set(container, {
      width: Math.max(EMPTY_DEPARTMENT.width, departmentMinWidth(department)),
      height: EMPTY_DEPARTMENT.height + departmentFootRoom(department),
    });
    return;
  }
  if (container) sizes.set(container, grownToFit(context, container, people, departments));
}

/** A department that was not itself laid out only grows, to hold what moved or grew inside it. */
function grownToFit(context: Context, container: string, people: string[], departments: string[]): Size {
  const { map, positions } = context;
  let right = 0;
  let bottom = 0;
  for (const id of people) {
    const at = positions.get(id) ?? originalOf(map, id);
    const size = cardSize(map, id);
    right = Math.max(right, at.x + size.width);
    bottom = Math.max(bottom, at.y + size.height);
  }
  for (const id of departments) {
    const at = positions.get(id) ?? originalOf(map, id);
    const size = sizeOf(context, id);
    right = Math.max(right, at.x + size.width);
    bottom = Math.max(bottom, at.y + size.height);
  }
  const current = map.departments[container].size;
  return {
    width: Math.max(current.width, right + ORG_LAYOUT.padding),
    height: Math.max(current.height, bottom + ORG_LAYOUT.padding),
  };
}

/** Slides a block down from `origin` until it overlaps none of the records that stay put. */
function clearOf(origin: Position, block: Block, fixed: Box[]): Position {
  const margin = ORG_LAYOUT.cardGap;
  let y = origin.y;
  for (let guard = 0; guard <= fixed.length; guard++) {
    let below = -Infinity;
    for (const box of fixed) {
      const overlaps =
        origin.x < box.x + box.width + margin &&
        box.x < origin.x + block.width + margin &&
        y < box.y + box.height + margin &&
        box.y < y + block.height + margin;
      if (overlaps) below = Math.max(below, box.y + box.height + margin);
    }
    if (below === -Infinity) break;
    y = below;
  }
  return { x: origin.x, y };
}
