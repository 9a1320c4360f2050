// Domain -> React Flow: the canvas is a projection of the account map, never the other way round.
// Node objects are cached by record identity (and place), so after an edit only the changed cards
// get new objects and React Flow re-renders only those (this matters for maps of a thousand people).
// Lines are not React Flow edges: they are drawn by edges/LinksLayer.tsx.
import { Position as Side, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { stakeholderSize } from '../domain/card-layout';
import type { AccountMap, Department, Position, Stakeholder } from '../domain/types';
import { absolutePosition, recordRect } from '../domain/commands';
import type { MapComparison } from '../domain/compare';
import { departmentHeadcounts, departmentSummary, nameOf, relationsOf, relationsSentence, stakeholderSummary, type Relations } from '../domain/messages';
import { currentLanguage, t, tWords } from '../i18n';
import { CARD_KEYS_ID } from './keyboard-focus';
import { changedIds } from '../domain/table-changes';
import { runAtOnce, type Steps } from '../domain/slices';

/** Every card and department carries a description of what the keys do on it. */
/** The element that says who else has a card selected (canvas/nodes/PeerMarks.tsx), while anyone has. */
export const peerMarksId = (id: string) => `pm-peers-${id}`;

/** A card's description: who else has it selected on a shared map (when anyone has), then its keys. */
const descriptions = new Map<string, { 'aria-describedby': string }>();
const describedBy = (id: string) => {
  let attributes = descriptions.get(id);
  if (!attributes) descriptions.set(id, (attributes = { 'aria-describedby': `${peerMarksId(id)} ${CARD_KEYS_ID}` }));
  return attributes;
};

/** Who reports to whom and how many links each has: rebuilt only when the links change. */
const relationsCache = new WeakMap<AccountMap['links'], Relations>();
function relationsFor(map: AccountMap): Relations {
  let relations = relationsCache.get(map.links);
  if (!relations) {
    relations = relationsOf(map);
    relationsCache.set(map.links, relations);
  }
  return relations;
}

export type StakeholderNode = Node<{ stakeholderId: string }, 'stakeholder'>;
export type DepartmentNode = Node<{ departmentId: string }, 'department'>;
/** Someone on the snapshot being compared with who is no longer on the map: an outline, not a card. */
export type RemovedNode = Node<{ name: string; title: string }, 'removed'>;
export type MapNode = StakeholderNode | DepartmentNode | RemovedNode;
/** React Flow draws no edges: every line is in the links layer (edges/LinksLayer.tsx). */
export type NoEdge = Edge<Record<string, never>>;

type Cache<R extends object, V> = WeakMap<R, { selected: boolean; x: number; y: number; value: V }>;

/** The cached object while the record, its selection and its place on the map are unchanged. */
function cached<R extends object, V>(
  cache: Cache<R, V>,
  record: R,
  selected: boolean,
  build: () => V,
  at: Position = NO_POSITION,
  stillFits: (value: V) => boolean = () => true,
): V {
  const hit = cache.get(record);
  if (hit && hit.selected === selected && hit.x === at.x && hit.y === at.y && stillFits(hit.value)) return hit.value;
  const value = build();
  cache.set(record, { selected, x: at.x, y: at.y, value });
  return value;
}
const NO_POSITION: Position = { x: 0, y: 0 };

const stakeholderCache: Cache<Stakeholder, StakeholderNode> = new WeakMap();
const departmentCache: Cache<Department, DepartmentNode> = new WeakMap();

/** Side of the square connection handle drawn on cards and departments (.pm-handle in canvas/Canvas.css). */
const HANDLE = 10;

/**
 * What React Flow would otherwise measure in the DOM: the node's size and its two handles (a
 * target at the top centre, a source at the bottom centre). Sizes come from the domain, so the
 * canvas knows them up front. Without them React Flow drops a node's handle bounds whenever it
 * receives a new node object (every drag step), unmounts the node's lines until it has measured
 * the node again, and repaints them: most of the cost of a drag in a large map.
 */
function knownGeometry(width: number, height: number): Pick<Node, 'width' | 'height' | 'measured' | 'handles'> {
  const handles: NodeHandle[] = [
    { type: 'target', position: Side.Top, x: width / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: Side.Bottom, x: width / 2 - HANDLE / 2, y: height - HANDLE / 2, width: HANDLE, height: HANDLE },
  ];
  return { width, height, measured: { width, height }, handles };
}

export function stakeholderLabel(stakeholder: Stakeholder): string {
  const parts = [stakeholder.placeholder ? t('a11y.placeholderName', { name: stakeholder.name }) : stakeholder.name];
  if (stakeholder.title) parts.push(stakeholder.title);
  return parts.join(', ');
}

/** Depth of each department (0 at the top level): outer departments come first, nested ones above them. */
function departmentDepths(map: AccountMap): Map<string, number> {
  const depths = new Map<string, number>();
  const depthOf = (id: string, guard: number): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const parentId = map.departments[id]?.parentId;
    const depth = parentId && Object.hasOwn(map.departments, parentId) && guard < 64 ? depthOf(parentId, guard + 1) + 1 : 0;
    depths.set(id, depth);
    return depth;
  };
  for (const id in map.departments) depthOf(id, 0);
  return depths;
}

/** Accessible names by record: a name is put into words again only when what it says changes. */
const spokenNames = new WeakMap<Department | Stakeholder, { key: string; name: string }>();
function spoken<R extends Department | Stakeholder>(record: R, key: string, say: () => string): string {
  const hit = spokenNames.get(record);
  if (hit && hit.key === key) return hit.name;
  const name = say();
  spokenNames.set(record, { key, name });
  return name;
}

/**
 * What a screen reader announces for each card and department: the record's own words and its
 * place among the others ("Stakeholder: Anna Berg, CFO, champion, decision-maker, reports to
 * Boris Ivanov, 3 links"; "Department: Finance, engaged, 4 people"). A node is rebuilt when its
 * label changes, so a new link renames the two cards it joins and no other. The words are cached
 * per record with what else they depend on (language, link count, the managers' names, headcount):
 * putting 5,000 names into words took most of a change's time at 5,000 people.
 */
function accessibleNames(map: AccountMap) {
  const relations = relationsFor(map);
  const language = currentLanguage();
  let headcounts: Map<string, number> | null = null;
  return {
    stakeholder: (person: Stakeholder) => {
      const managers = relations.managers.get(person.id);
      const key = `${language}|${relations.linkCount.get(person.id) ?? 0}|${managers ? managers.map((id) => nameOf(map, id)).join('\u0000') : ''}`;
      return spoken(person, key, () =>
        tWords('a11y.stakeholderName', { name: person.name, summary: stakeholderSummary(person), relations: relationsSentence(map, relations, person.id) }));
    },
    department: (department: Department) => {
      headcounts ??= departmentHeadcounts(map);
      const people = headcounts.get(department.id) ?? 0;
      return spoken(department, `${language}|${people}`, () =>
        tWords('a11y.departmentName', { name: department.name, summary: departmentSummary(department, people) }));
    },
  };
}

type Names = ReturnType<typeof accessibleNames>;

function stakeholderNode(map: AccountMap, stakeholder: Stakeholder, selected: boolean, names: Names): StakeholderNode {
  const at = absolutePosition(map, stakeholder.id);
  // A card's size follows its text, which includes its owner's name (kept on the team record).
  const size = stakeholderSize(map, stakeholder);
  const ariaLabel = names.stakeholder(stakeholder);
  return cached(stakeholderCache, stakeholder, selected, () => ({
    id: stakeholder.id,
    type: 'stakeholder',
    position: at,
    ...knownGeometry(size.width, size.height),
    // A selected card over its neighbours: its quick tags float above it, over the card above.
    zIndex: selected ? 1001 : 1000,
    selected,
    ariaLabel,
    domAttributes: describedBy(stakeholder.id),
    data: { stakeholderId: stakeholder.id },
  }), at, (node) => node.width === size.width && node.height === size.height && node.ariaLabel === ariaLabel);
}

/** The last projection, to update in place when only a few people changed (a drag step, one edit). */
let last: { map: AccountMap; selection: ReadonlySet<string>; language: string; nodes: MapNode[]; index: Map<string, number> } | null = null;

/**
 * The last projection with only the changed people's cards replaced, or null when the change may
 * reach other nodes: departments, links or the team changed, someone came or went, was renamed
 * (others' names mention them) or changed department (its headcount), or the language changed.
 * The changed ids come from the table's own record of what it set (domain/table-changes.ts), so a
 * drag step or one edit at 5,000 people costs its own cards and one copy of the array, not 5,000.
 */
function updatedInPlace(map: AccountMap, selection: ReadonlySet<string>): MapNode[] | null {
  if (!last) return null;
  const before = last.map;
  if (before.departments !== map.departments || before.links !== map.links || before.team !== map.team || last.language !== currentLanguage()) return null;
  const ids = changedIds(before.stakeholders, map.stakeholders);
  if (!ids) return null;
  if (selection !== last.selection) {
    for (const id of selection) if (!last.selection.has(id)) ids.add(id);
    for (const id of last.selection) if (!selection.has(id)) ids.add(id);
  }
  for (const id of ids) {
    const was = before.stakeholders[id];
    const now = map.stakeholders[id];
    if (!was || !now || was.name !== now.name || was.departmentId !== now.departmentId || !last.index.has(id)) return null;
  }
  const nodes = last.nodes.slice();
  const names = accessibleNames(map);
  for (const id of ids) nodes[last.index.get(id)!] = stakeholderNode(map, map.stakeholders[id], selection.has(id), names);
  return nodes;
}

export function projectNodes(map: AccountMap, selection: ReadonlySet<string>): MapNode[] {
  const quick = updatedInPlace(map, selection);
  if (quick) {
    last = { ...last!, map, selection, nodes: quick };
    return quick;
  }
  return runAtOnce(projection(map, selection));
}

/**
 * Projects a map being opened ahead of its first draw, a step per record (run in slices by
 * canvas/prepare.ts): the canvas's first projectNodes then finds it done. At 20,000 people the
 * projection took 0.5 s of the first render.
 */
export function prepareProjection(map: AccountMap): Steps<MapNode[]> {
  return projection(map, new Set());
}

function* projection(map: AccountMap, selection: ReadonlySet<string>): Steps<MapNode[]> {
  const depths = departmentDepths(map);
  const names = accessibleNames(map);
  const departments = Object.values(map.departments).sort(
    (a, b) => (depths.get(a.id) ?? 0) - (depths.get(b.id) ?? 0),
  );
  const nodes: MapNode[] = [];
  // Positions are absolute and no node has a React Flow parent: with parents, React Flow re-derived
  // every child's absolute position on each drag step (most of its per-step work in a large map).
  // Members still move with their department: their records hold positions relative to it, so a
  // department's move gives them new absolute positions here.
  for (const department of departments) {
    const selected = selection.has(department.id);
    const at = absolutePosition(map, department.id);
    const ariaLabel = names.department(department);
    nodes.push(
      cached(departmentCache, department, selected, () => ({
        id: department.id,
        type: 'department',
        position: at,
        ...knownGeometry(department.size.width, department.size.height),
        // Nested departments stack above their parents; cards stack above every department.
        zIndex: depths.get(department.id) ?? 0,
        selected,
        ariaLabel,
        domAttributes: describedBy(department.id),
        data: { departmentId: department.id },
      }), at, (node) => node.ariaLabel === ariaLabel),
    );
    yield;
  }
  for (const stakeholder of Object.values(map.stakeholders)) {
    nodes.push(stakeholderNode(map, stakeholder, selection.has(stakeholder.id), names));
    yield;
  }
  last = { map, selection, language: currentLanguage(), nodes, index: new Map(nodes.map((node, i) => [node.id, i])) };
  return nodes;
}

/** Node id of a removed person's outline: never the same as a live record's id. */
export const removedNodeId = (stakeholderId: string) => `removed:${stakeholderId}`;

const removedCache = new WeakMap<Stakeholder, RemovedNode>();

/**
 * What a comparison adds to React Flow's nodes: outlines where removed people stood on the
 * snapshot (their lost links are in the links layer). Cached by the snapshot's records, so a drag
 * while comparing hands React Flow the same objects on every step.
 */
export function projectComparison(before: AccountMap, comparison: MapComparison): RemovedNode[] {
  return comparison.removed.map((person) => {
    const ariaLabel = t('a11y.removedName', { name: stakeholderLabel(person) });
    let node = removedCache.get(person);
    // Rebuilt when its name changes with the language.
    if (!node || node.ariaLabel !== ariaLabel) {
      const rect = recordRect(before, person.id)!;
      node = {
        id: removedNodeId(person.id),
        type: 'removed',
        position: { x: rect.x, y: rect.y },
        ...knownGeometry(rect.width, rect.height),
        zIndex: 999,
        selectable: false,
        draggable: false,
        connectable: false,
        focusable: false,
        deletable: false,
        ariaRole: 'group',
        ariaLabel,
        data: { name: person.name, title: person.title },
      };
      removedCache.set(person, node);
    }
    return node;
  });
}
