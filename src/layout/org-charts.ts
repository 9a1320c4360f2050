// Org charts of the people in one container, from the reports-to lines among them (dagre, top to
// bottom), with wide fan-outs of reports wrapped into a compact grid under their manager.
import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import type { AccountMap } from '../domain/types';
import { type Block, type Placed, grid, packRows } from './blocks';
import { ORG_LAYOUT, cardSize } from './spacing';
import { type Index, push, readingOrder, rowOrder } from './structure';

/** The org charts of people in one container: one block per reporting tree, loose people in a grid. */
export function orgCharts(map: AccountMap, index: Index, ids: readonly string[]): Block {
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
  if (loose.length) blocks.push(grid(loose, (id) => cardSize(map, id)));
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
  const wrapped = new Map<string, Block>();
  for (const manager of ordered) {
    const leaves = (reports.get(manager) ?? []).filter((id) => !reports.has(id) && managers.get(id)!.length === 1);
    if (leaves.length <= ORG_LAYOUT.maxRow) continue;
    wrapped.set(manager, grid(readingOrder(map, leaves), (id) => cardSize(map, id)));
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
    if (manager === undefined) graph.setNode(id, { ...cardSize(map, id) });
    else if (!graph.hasNode(WRAP + manager)) {
      const { width, height } = wrapped.get(manager)!;
      graph.setNode(WRAP + manager, { width, height });
    }
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
    const block = node.startsWith(WRAP) ? wrapped.get(node.slice(WRAP.length))! : null;
    const size = block ?? cardSize(map, node);
    if (block) items.push(...block.items.map((item) => ({ id: item.id, x: x + item.x, y: y + item.y })));
    else items.push({ id: node, x, y });
    width = Math.max(width, x + size.width);
    height = Math.max(height, y + size.height);
  }
  return { width, height, items };
}
