// Automatic layout of an account map as org charts, and the "Tidy up" command built on it.
// Pure like the commands in domain/commands.ts: (map) -> new map, new objects only for records
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
import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import { DEPARTMENT_HEADER_HEIGHT, STAKEHOLDER_CARD } from '../domain/defaults';
import type { AccountMap, Department, Position, Size, Stakeholder } from '../domain/types';

/** Spacing of the automatic layout, in canvas pixels. */
export const ORG_LAYOUT = {
  /** Inside a department, between its frame (below the header) and its contents. */
  padding: 16,
  /** Between cards side by side. */
  cardGap: 24,
  /** Between a manager's row and their reports' row: room for the reporting lines. */
  rankGap: 48,
  /** Between the rows of a wrapped fan-out. */
  wrapRowGap: 20,
  /** Between org charts and departments that share a container. */
  blockGap: 40,
  /** Up to this many reports who manage nobody sit in one row under their manager; more wrap. */
  maxRow: 5,
  /** Width to height that wrapped grids and packed rows aim for (a slide, a projector). */
  aspect: 1.6,
} as const;

const CARD = STAKEHOLDER_CARD;
const HEADER = DEPARTMENT_HEADER_HEIGHT;
/** An empty department keeps room for one card, so it stays a visible drop target (white space). */
const EMPTY_DEPARTMENT: Size = {
  width: CARD.width + 2 * ORG_LAYOUT.padding,
  height: HEADER + CARD.height + 2 * ORG_LAYOUT.padding,
};

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
  return applyLayout(map, context.positions, context.sizes);
}

// ---------------------------------------------------------------- blocks

/** A record placed inside a block, relative to the block's top-left corner. */
interface Placed {
  id: string;
  x: number;
  y: number;
}

/** A rectangle of placed records, laid out but not yet positioned. */
interface Block {
  width: number;
  height: number;
  items: Placed[];
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const single = (id: string, size: Size): Block => ({ width: size.width, height: size.height, items: [{ id, x: 0, y: 0 }] });

/**
 * Packs blocks left to right into rows, in the given order: a readable grid in which nothing
 * overlaps. Of the row widths at which the first row breaks, it keeps the one whose result needs
 * the smallest 16:10 view, so the packing fits a screen or a slide rather than a long strip.
 */
function packRows(blocks: Block[], gap = ORG_LAYOUT.blockGap): Block {
  if (blocks.length <= 1) return blocks[0] ?? { width: 0, height: 0, items: [] };
  const { aspect } = ORG_LAYOUT;
  let bestWidth = 0;
  let bestView = Infinity;
  let candidate = -gap;
  for (const block of blocks) {
    candidate += block.width + gap;
    const { width, height } = shelf(blocks, candidate, gap, false);
    const view = Math.max(width, height * aspect) * Math.max(width / aspect, height);
    if (view < bestView) {
      bestView = view;
      bestWidth = candidate;
    }
  }
  return shelf(blocks, bestWidth, gap, true);
}

function shelf(blocks: Block[], rowWidth: number, gap: number, place: boolean): Block {
  const items: Placed[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const block of blocks) {
    if (x > 0 && x + block.width > rowWidth) {
      y += rowHeight + gap;
      x = 0;
      rowHeight = 0;
    }
    if (place) for (const item of block.items) items.push({ id: item.id, x: x + item.x, y: y + item.y });
    width = Math.max(width, x + block.width);
    rowHeight = Math.max(rowHeight, block.height);
    x += block.width + gap;
  }
  return { width, height: y + rowHeight, items };
}

/** One block above the other, the narrower one centred: a container's people over its departments. */
function stack(top: Block | null, bottom: Block | null, gap = ORG_LAYOUT.blockGap): Block {
  if (!top || !bottom) return top ?? bottom ?? { width: 0, height: 0, items: [] };
  const width = Math.max(top.width, bottom.width);
  const topX = Math.round((width - top.width) / 2);
  const bottomX = Math.round((width - bottom.width) / 2);
  const bottomY = top.height + gap;
  return {
    width,
    height: bottomY + bottom.height,
    items: [
      ...top.items.map((item) => ({ id: item.id, x: topX + item.x, y: item.y })),
      ...bottom.items.map((item) => ({ id: item.id, x: bottomX + item.x, y: bottomY + item.y })),
    ],
  };
}

/** Columns and rows for `count` cards: one row up to maxRow, else a grid about `aspect` wide. */
function gridShape(count: number): { columns: number; rows: number } {
  if (count <= ORG_LAYOUT.maxRow) return { columns: count, rows: 1 };
  const cellWidth = CARD.width + ORG_LAYOUT.cardGap;
  const cellHeight = CARD.height + ORG_LAYOUT.wrapRowGap;
  const wanted = Math.max(3, Math.ceil(Math.sqrt((ORG_LAYOUT.aspect * cellHeight * count) / cellWidth)));
  const rows = Math.ceil(count / wanted);
  // Balance the rows, so the last one is not a lone card.
  return { columns: Math.ceil(count / rows), rows };
}

function gridSize(count: number): Size {
  const { columns, rows } = gridShape(count);
  return {
    width: columns * CARD.width + (columns - 1) * ORG_LAYOUT.cardGap,
    height: rows * CARD.height + (rows - 1) * ORG_LAYOUT.wrapRowGap,
  };
}

/** Cards in a grid (reading order), as placed items starting at (x, y). */
function gridItems(ids: readonly string[], x: number, y: number): Placed[] {
  const { columns } = gridShape(ids.length);
  return ids.map((id, i) => ({
    id,
    x: x + (i % columns) * (CARD.width + ORG_LAYOUT.cardGap),
    y: y + Math.floor(i / columns) * (CARD.height + ORG_LAYOUT.wrapRowGap),
  }));
}

// ---------------------------------------------------------------- the map's structure

interface Index {
  /** Departments per container (null: the canvas); a department in a corrupt parent cycle is left out. */
  departmentsIn: Map<string | null, string[]>;
  /** Stakeholders per container. */
  peopleIn: Map<string | null, string[]>;
  /** Each sound department's chain of departments, from the top level down to itself. */
  chains: Map<string, string[]>;
  /** reports-to: report -> their managers (stakeholders only). */
  managersOf: Map<string, string[]>;
  /** Between sibling departments: how many reporting lines run from A's people up to B's. */
  reportsUp: Map<string, Map<string, number>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(map: AccountMap): Index {
  const chains = new Map<string, string[]>();
  const broken = new Set<string>();
  const chainOf = (id: string): string[] | null => {
    const known = chains.get(id);
    if (known) return known;
    // Walk up to a known chain or the top, then fill the chains in on the way back.
    const path: string[] = [];
    const seen = new Set<string>();
    let base: string[] = [];
    for (let at: string | null = id; at; ) {
      if (broken.has(at) || seen.has(at)) {
        for (const p of path) broken.add(p);
        return null;
      }
      const cached = chains.get(at);
      if (cached) {
        base = cached;
        break;
      }
      seen.add(at);
      path.push(at);
      const parentId: string | null = map.departments[at].parentId;
      at = parentId && map.departments[parentId] ? parentId : null;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      base = [...base, path[i]];
      chains.set(path[i], base);
    }
    return chains.get(id)!;
  };

  const departmentsIn = new Map<string | null, string[]>();
  for (const department of Object.values(map.departments)) {
    const chain = chainOf(department.id);
    if (chain) push(departmentsIn, chain.length > 1 ? chain[chain.length - 2] : null, department.id);
  }
  const peopleIn = new Map<string | null, string[]>();
  for (const person of Object.values(map.stakeholders)) {
    const departmentId = person.departmentId && map.departments[person.departmentId] ? person.departmentId : null;
    if (departmentId && !chains.has(departmentId)) continue;
    push(peopleIn, departmentId, person.id);
  }

  const managersOf = new Map<string, string[]>();
  const reportsUp = new Map<string, Map<string, number>>();
  const personChain = (person: Stakeholder) =>
    person.departmentId && map.departments[person.departmentId] ? chains.get(person.departmentId) : [];
  for (const link of Object.values(map.links)) {
    if (link.kind !== 'reports-to' || link.sourceId === link.targetId) continue;
    const report = map.stakeholders[link.sourceId];
    const manager = map.stakeholders[link.targetId];
    if (!report || !manager) continue;
    push(managersOf, report.id, manager.id);
    // The two departments, side by side in one container, that this line runs between.
    const from = personChain(report);
    const to = personChain(manager);
    if (!from || !to) continue;
    let i = 0;
    while (i < from.length && from[i] === to[i]) i++;
    if (i < from.length && i < to.length) {
      const counts = reportsUp.get(from[i]) ?? new Map<string, number>();
      counts.set(to[i], (counts.get(to[i]) ?? 0) + 1);
      reportsUp.set(from[i], counts);
    }
  }
  return { departmentsIn, peopleIn, chains, managersOf, reportsUp };
}

/** The records that may move: the given ones and everything inside the given departments. */
function movingSet(index: Index, only: ReadonlySet<string>): Set<string> {
  const moving = new Set<string>();
  const people = new Set([...index.peopleIn.values()].flat());
  const addDepartment = (id: string) => {
    if (moving.has(id)) return;
    moving.add(id);
    for (const person of index.peopleIn.get(id) ?? []) moving.add(person);
    for (const inner of index.departmentsIn.get(id) ?? []) addDepartment(inner);
  };
  for (const id of only) {
    if (index.chains.has(id)) addDepartment(id);
    else if (people.has(id)) moving.add(id);
  }
  return moving;
}

/** Departments to visit: the moving ones and every department that holds a moving record. */
function touchedDepartments(index: Index, moving: Set<string> | null): Set<string> {
  if (!moving) return new Set(index.chains.keys());
  const touched = new Set<string>();
  for (const [container, people] of index.peopleIn) {
    if (container && people.some((id) => moving.has(id))) for (const id of index.chains.get(container)!) touched.add(id);
  }
  for (const id of moving) for (const up of index.chains.get(id) ?? []) touched.add(up);
  return touched;
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

const finite = (value: number) => (Number.isFinite(value) ? value : 0);
const originalOf = (map: AccountMap, id: string): Position => {
  const position = (map.stakeholders[id] ?? map.departments[id]).position;
  return { x: finite(position?.x), y: finite(position?.y) };
};
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Top to bottom, then left to right, by where the records were: a stable order for packing. */
function readingOrder(map: AccountMap, ids: readonly string[]): string[] {
  const at = new Map(ids.map((id) => [id, originalOf(map, id)]));
  return [...ids].sort((a, b) => at.get(a)!.y - at.get(b)!.y || at.get(a)!.x - at.get(b)!.x || compareIds(a, b));
}

/** Left to right, as siblings in an org chart stood before. */
function rowOrder(map: AccountMap, ids: readonly string[]): string[] {
  const at = new Map(ids.map((id) => [id, originalOf(map, id)]));
  return [...ids].sort((a, b) => at.get(a)!.x - at.get(b)!.x || at.get(a)!.y - at.get(b)!.y || compareIds(a, b));
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
        ...people.filter((id) => !isMoving(id)).map((id) => ({ ...originalOf(map, id), ...CARD })),
        ...departments.filter((id) => !isMoving(id)).map((id) => ({ ...originalOf(map, id), ...sizeOf(context, id) })),
      ];
      origin = clearOf(origin, content, fixed);
    }
    origin = { x: Math.round(origin.x), y: Math.round(origin.y) };
    for (const item of content.items) positions.set(item.id, { x: origin.x + item.x, y: origin.y + item.y });

    if (container && whole) {
      sizes.set(container, {
        width: Math.max(EMPTY_DEPARTMENT.width, content.width + 2 * padding),
        height: Math.max(EMPTY_DEPARTMENT.height, HEADER + content.height + 2 * padding),
      });
      return;
    }
  } else if (container && whole) {
    sizes.set(container, { ...EMPTY_DEPARTMENT });
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
    right = Math.max(right, at.x + CARD.width);
    bottom = Math.max(bottom, at.y + CARD.height);
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

/**
 * Sibling departments in the order of the reporting lines between them: a department whose head
 * reports into another follows it (depth first, so a unit and its sub-units stay together);
 * otherwise reading order.
 */
function orderDepartments(map: AccountMap, index: Index, ids: readonly string[]): string[] {
  const sorted = readingOrder(map, ids);
  const rank = new Map(sorted.map((id, i) => [id, i]));
  const under = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const id of sorted) {
    let best: string | null = null;
    let bestCount = 0;
    for (const [other, count] of index.reportsUp.get(id) ?? []) {
      if (other === id || !rank.has(other)) continue;
      if (count > bestCount || (count === bestCount && best !== null && rank.get(other)! < rank.get(best)!)) {
        best = other;
        bestCount = count;
      }
    }
    if (best) {
      push(under, best, id);
      hasParent.add(id);
    }
  }
  const order: string[] = [];
  const visited = new Set<string>();
  const visit = (start: string) => {
    const stack = [start];
    while (stack.length) {
      const id = stack.pop()!;
      if (visited.has(id)) continue;
      visited.add(id);
      order.push(id);
      const children = under.get(id) ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  };
  for (const id of sorted) if (!hasParent.has(id)) visit(id);
  // Departments that report to each other in a circle: reading order.
  for (const id of sorted) visit(id);
  return order;
}

// ---------------------------------------------------------------- org charts

/** The org charts of people in one container: one block per reporting tree, loose people in a grid. */
function orgCharts(map: AccountMap, index: Index, ids: readonly string[]): Block {
  const inside = new Set(ids);
  const managers = new Map<string, string[]>();
  const reports = new Map<string, string[]>();
  for (const id of rowOrder(map, ids)) {
    for (const manager of index.managersOf.get(id) ?? []) {
      if (!inside.has(manager) || managers.get(id)?.includes(manager)) continue;
      push(managers, id, manager);
      push(reports, manager, id);
    }
  }
  // Connected groups, found from each person in reading order so the result is stable.
  const group = new Map<string, number>();
  const groups: string[][] = [];
  const loose: string[] = [];
  for (const start of readingOrder(map, ids)) {
    if (group.has(start)) continue;
    if (!managers.has(start) && !reports.has(start)) {
      loose.push(start);
      continue;
    }
    const members: string[] = [];
    const queue = [start];
    group.set(start, groups.length);
    for (let i = 0; i < queue.length; i++) {
      members.push(queue[i]);
      for (const next of [...(managers.get(queue[i]) ?? []), ...(reports.get(queue[i]) ?? [])]) {
        if (group.has(next)) continue;
        group.set(next, groups.length);
        queue.push(next);
      }
    }
    groups.push(members);
  }
  const blocks = groups.map((members) => orgChart(map, members, managers, reports));
  if (loose.length) {
    blocks.push({ ...gridSize(loose.length), items: gridItems(loose, 0, 0) });
  }
  return packRows(blocks);
}

/** Never a stakeholder id: ids are plain text from createId or a file, not control characters. */
const WRAP = '\u0001wrap:';

/** One reporting tree (or any connected reporting graph), laid out by dagre from the top. */
function orgChart(
  map: AccountMap,
  members: readonly string[],
  managers: Map<string, string[]>,
  reports: Map<string, string[]>,
): Block {
  const ordered = rowOrder(map, members);
  // Wide fan-outs: reports who manage nobody and have no other manager wrap into a grid.
  const wrapOf = new Map<string, string>();
  const wrapped = new Map<string, string[]>();
  for (const manager of ordered) {
    const leaves = (reports.get(manager) ?? []).filter((id) => !reports.has(id) && managers.get(id)!.length === 1);
    if (leaves.length <= ORG_LAYOUT.maxRow) continue;
    wrapped.set(manager, readingOrder(map, leaves));
    for (const leaf of leaves) wrapOf.set(leaf, manager);
  }

  const graph = new Graph();
  graph.setGraph({
    rankdir: 'TB',
    nodesep: ORG_LAYOUT.cardGap,
    ranksep: ORG_LAYOUT.rankGap,
    rankalign: 'top',
    marginx: 0,
    marginy: 0,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  // Insertion order seeds dagre's ordering within a rank: siblings keep their left-to-right order.
  for (const id of ordered) {
    const manager = wrapOf.get(id);
    if (manager === undefined) graph.setNode(id, { ...CARD });
    else if (!graph.hasNode(WRAP + manager)) graph.setNode(WRAP + manager, gridSize(wrapped.get(manager)!.length));
  }
  for (const id of ordered) {
    const manager = wrapOf.get(id);
    if (manager !== undefined) graph.setEdge(manager, WRAP + manager);
    else for (const up of managers.get(id) ?? []) graph.setEdge(up, id);
  }
  // In a plain tree, dagre's first ordering (depth first, in insertion order) has no crossings and
  // keeps siblings in the order they stood; its crossing reduction would flip equal siblings from
  // one run to the next. With two managers or a loop, crossings are possible: let dagre reduce them.
  const tree = ordered.every((id) => (managers.get(id)?.length ?? 0) <= 1);
  dagreLayout(graph, { disableOptimalOrderHeuristic: tree });

  const boxes = graph.nodes().map((node) => {
    const label = graph.node(node) as { x: number; y: number; width: number; height: number };
    return { node, left: label.x - label.width / 2, top: label.y - label.height / 2 };
  });
  const minLeft = Math.min(...boxes.map((b) => b.left));
  const minTop = Math.min(...boxes.map((b) => b.top));
  const items: Placed[] = [];
  let width = 0;
  let height = 0;
  for (const { node, left, top } of boxes) {
    const x = Math.round(left - minLeft);
    const y = Math.round(top - minTop);
    const size = node.startsWith(WRAP) ? gridSize(wrapped.get(node.slice(WRAP.length))!.length) : CARD;
    if (node.startsWith(WRAP)) items.push(...gridItems(wrapped.get(node.slice(WRAP.length))!, x, y));
    else items.push({ id: node, x, y });
    width = Math.max(width, x + size.width);
    height = Math.max(height, y + size.height);
  }
  return { width, height, items };
}

// ---------------------------------------------------------------- the new map

function applyLayout(map: AccountMap, positions: Map<string, Position>, sizes: Map<string, Size>): AccountMap {
  let stakeholders = map.stakeholders;
  let departments = map.departments;
  for (const [id, position] of positions) {
    const person = map.stakeholders[id];
    if (!person || (person.position.x === position.x && person.position.y === position.y)) continue;
    if (stakeholders === map.stakeholders) stakeholders = { ...map.stakeholders };
    stakeholders[id] = { ...person, position };
  }
  for (const id of new Set([...positions.keys(), ...sizes.keys()])) {
    const department: Department | undefined = map.departments[id];
    if (!department) continue;
    const position = positions.get(id) ?? department.position;
    const size = sizes.get(id) ?? department.size;
    const samePosition = position.x === department.position.x && position.y === department.position.y;
    const sameSize = size.width === department.size.width && size.height === department.size.height;
    if (samePosition && sameSize) continue;
    if (departments === map.departments) departments = { ...map.departments };
    departments[id] = {
      ...department,
      position: samePosition ? department.position : position,
      size: sameSize ? department.size : size,
    };
  }
  if (stakeholders === map.stakeholders && departments === map.departments) return map;
  return { ...map, stakeholders, departments };
}
