// React Flow wiring only: the nodes and edges are a projection of the store's map, and every
// user gesture becomes a named domain command. A drag is previewed (drag-preview.ts) and stored
// at the drop, with its re-parenting, as one undo step (beginGesture/endGesture).
import './Canvas.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  ConnectionMode,
  ControlButton,
  Controls,
  ReactFlow,
  getViewportForBounds,
  SelectionMode,
  useReactFlow,
  useStoreApi,
  type FinalConnectionState,
  type ReactFlowInstance,
  type NodeChange,
  type Viewport as FlowViewport,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { useMapStore } from '../store/map-store';
import { mapBounds } from '../domain/commands';
import type { Link, Position, Viewport } from '../domain/types';
import { createLink } from '../actions/links';
import { addStakeholderAt } from '../actions/placement';
import { useUiState } from '../actions/ui-state';
import { actionById } from '../actions/registry';
import { ANIMATION_SETTLE_MS, attachCanvas, getCanvas, MAX_ZOOM, MIN_ZOOM } from './canvas-api';
import { useKeyboardFocus, CARD_KEYS_ID } from './keyboard-focus';
import { nodeTypes } from './node-types';
import { LinksLayer } from './edges/LinksLayer';
import { projectComparison, projectNodes, type MapNode, type NoEdge } from './project';
import { changeCount, compareMaps } from '../domain/compare';
import { ChangeMarksContext, changeMarks, type ChangeMarks } from './changes';
import { ComparisonBar } from './ComparisonBar';
import { EmptyMapHint } from './EmptyMapHint';
import { clearOfOverview, MapOverview } from './MapOverview';
import { FocusBar } from './FocusBar';
import { DotGrid } from './DotGrid';
import { DepartmentLabels, type LabelAt } from './DepartmentLabels';
import { FarContext } from './far-context';
import { LanguageContext } from './language-context';
import { FAR_MAP_CARDS, FarMapLayer } from './FarMapLayer';
import { prepareFarSceneWhenIdle } from './far-map-painter';
import { recordCount } from '../domain/table-changes';
import { OutOfFocusContext, outOfFocus } from './use-focus';
import { presentationViewport } from './presentation';
import { nodeAt, nodesNear, rectsMeet, viewArea } from './node-window';
import { useViewWindow } from './use-view-window';
import { previewMoves, takePreviewedMoves, useDragPreview } from './drag-preview';
// React Flow's stylesheet after ours (the components above import theirs), as it has always
// loaded: where one of its rules and one of ours are equally specific, its rule still wins.
import '@xyflow/react/dist/style.css';

interface CanvasProps {
  initialViewport: Viewport | null;
  onViewportChange(viewport: Viewport): void;
}

function applySelectionChanges(changes: NodeChange<MapNode>[]): void {
  const select = changes.filter((c) => c.type === 'select');
  if (select.length === 0) return;
  const store = useMapStore.getState();
  const next = new Set(store.selection);
  for (const change of select) {
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  store.select([...next]);
}

/** One hidden copy per node object, so a selection kept while seen from far gives React Flow the same objects. */
const hiddenCopies = new WeakMap<MapNode, MapNode>();
function hiddenCopy(node: MapNode): MapNode {
  let copy = hiddenCopies.get(node);
  if (!copy) hiddenCopies.set(node, (copy = { ...node, hidden: true }));
  return copy;
}

const FIT_VIEW = { padding: clearOfOverview(0.1), maxZoom: 1.2 };
// Constants, not literals in the JSX: React Flow re-applies a prop that is a new array or object
// on each render (its pan and zoom handlers are set up again for a new panOnDrag).
const PAN_BUTTONS = [1, 2];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const NO_EDGES: NoEdge[] = [];
const NO_LINKS: Link[] = [];
/** Where a double click on the far view takes the zoom: cards with their names, and few enough in view to mount. */
const READABLE_ZOOM = 0.8;

/**
 * A press of the middle or right button (PAN_BUTTONS) starts a pan. From the press on, the cards
 * and lines ignore the pointer (Canvas.css): React Flow marks the pane only on a later render, and
 * the first steps of a pan starting beside a card crossed it. With the right button the pan may
 * start on a card or department frame as on empty canvas (as in Miro): React Flow pans from a node
 * with the middle button only, as every node carries its `nopan` class, which d3-zoom's filter
 * reads on the mousedown after this pointerdown. The node drops the class until the release.
 */
function pressToPan(target: HTMLElement, canvas: HTMLElement | null, button: number): void {
  canvas?.classList.add('pm-canvas--panning');
  const node = button === 2 && !target.closest('.react-flow__handle, input, textarea, select, button') ? target.closest<HTMLElement>('.react-flow__node.nopan') : null;
  node?.classList.remove('nopan');
  const release = () => {
    window.removeEventListener('pointerup', release, true);
    window.removeEventListener('pointercancel', release, true);
    canvas?.classList.remove('pm-canvas--panning');
    node?.classList.add('nopan');
  };
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
}

/**
 * Where the canvas opens: the remembered viewport, or the whole map fitted to the canvas,
 * computed from the domain (every size is known) so the first frame already shows the map in
 * place instead of drawing it at 100% and jumping once React Flow has measured it.
 */
function openingViewport(remembered: Viewport | null, canvas: HTMLElement | null): Viewport | null {
  if (remembered) return remembered;
  const map = useMapStore.getState().map;
  const bounds = map ? mapBounds(map) : null;
  const box = canvas?.getBoundingClientRect();
  if (!bounds || !box || box.width === 0 || box.height === 0) return null;
  return getViewportForBounds(bounds, box.width, box.height, MIN_ZOOM, FIT_VIEW.maxZoom, FIT_VIEW.padding);
}

/**
 * React Flow mounts its selection listener whenever its store's `onSelectionChangeHandlers` is
 * truthy, and its default, an empty list, is. The listener then walks every node it holds on each
 * update of that store (every step of a pan or a zoom), allocating as it goes: at 500 people the
 * largest share of what a pan allocated (a sampled heap profile), and so of the garbage
 * collections that made some of its steps slow. Powermap learns of selection through
 * onNodesChange and registers no handler: without the list, the listener is not mounted. Code that
 * needs React Flow's `useOnSelectionChange` must drop this (that hook adds to the list).
 */
function useNoSelectionListener(): void {
  const flowStore = useStoreApi<MapNode, NoEdge>();
  useLayoutEffect(() => {
    if (flowStore.getState().onSelectionChangeHandlers.length === 0) flowStore.setState({ onSelectionChangeHandlers: undefined as never });
  }, [flowStore]);
}

export function Canvas({ initialViewport, onViewportChange }: CanvasProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { stakeholders, departments, links, readOnly } = useMapStore(
    useShallow((s) => ({
      stakeholders: s.map?.stakeholders,
      departments: s.map?.departments,
      links: s.map?.links,
      readOnly: s.readOnly,
    })),
  );
  const selection = useMapStore((s) => s.selection);
  const wrapper = useRef<HTMLDivElement>(null);
  // Every node of the map, for counting the cards in view at each step of a zoom.
  const projectedNow = useRef<readonly MapNode[]>([]);
  const departmentLabelAt = useRef<LabelAt | null>(null);
  const { far, farMap, fringe, hold, farMapNow, farMapShown, area, canvasSize, viewportNow, showFar, holdFor } = useViewWindow(wrapper, projectedNow);
  // A canvas that opened with nothing to fit (the map empty, or no room yet) fits the map once it
  // can: always when the room comes, and when content comes only if none of it is in view, so the
  // first card a person adds to an empty map does not move the view under them.
  const fitPending = useRef<'room' | 'content' | null>(null);
  const flow = useReactFlow<MapNode, NoEdge>();
  useNoSelectionListener();
  const fitIfPending = useCallback(() => {
    const reason = fitPending.current;
    const box = canvasSize.current;
    const map = useMapStore.getState().map;
    if (!reason || !box || box.width === 0 || box.height === 0) return;
    const bounds = map ? mapBounds(map) : null;
    if (!bounds) {
      fitPending.current = 'content';
      return;
    }
    fitPending.current = null;
    if (reason === 'content' && rectsMeet(bounds, viewArea(viewportNow.current, box))) return;
    void flow.setViewport(getViewportForBounds(bounds, box.width, box.height, MIN_ZOOM, FIT_VIEW.maxZoom, FIT_VIEW.padding));
  }, [flow]);
  // The canvas's size, read when it changes rather than on every move of the view.
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const measure = () => {
      const box = element.getBoundingClientRect();
      canvasSize.current = { width: box.width, height: box.height };
      // The viewport as this canvas last saw it: React Flow's instance may not be this map's yet.
      showFar(viewportNow.current);
      fitIfPending();
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [showFar, fitIfPending]);
  // undefined until measured (one layout pass, before paint); null when there is nothing to fit.
  const [opening, setOpening] = useState<Viewport | null | undefined>(undefined);
  useLayoutEffect(() => {
    if (opening !== undefined) return;
    const viewport = openingViewport(initialViewport, wrapper.current);
    const box = canvasSize.current;
    if (!viewport) fitPending.current = box && box.width > 0 && box.height > 0 ? 'content' : 'room';
    showFar(viewport ?? { x: 0, y: 0, zoom: 1 });
    setOpening(viewport);
  }, [opening, initialViewport, showFar]);
  // A map that arrives after its canvas opened (a shared map filled in by the relay) is shown.
  useEffect(fitIfPending, [stakeholders, departments, fitIfPending]);

  // Presentation mode: the chrome is gone by the time this runs (same commit), so the canvas has
  // its full size. Place the map for the room; on leaving, go back to where the editor was.
  const presenting = useUiState((s) => s.presenting);
  const viewportBeforePresenting = useRef<Viewport | null>(null);
  useLayoutEffect(() => {
    const instance = getCanvas();
    const box = wrapper.current?.getBoundingClientRect();
    const map = useMapStore.getState().map;
    if (!instance || !box || !map) return;
    if (presenting) {
      viewportBeforePresenting.current = instance.getViewport();
      const start = presentationViewport(map, useMapStore.getState().selection, box.width, box.height);
      useUiState.setState({ walk: start?.stop ? { kind: 'department', id: start.stop, part: 0 } : null });
      if (start) {
        holdFor(200 + ANIMATION_SETTLE_MS);
        void instance.setViewport(start.viewport, { duration: 200 });
      }
    } else if (viewportBeforePresenting.current) {
      useUiState.setState({ walk: null });
      holdFor(200 + ANIMATION_SETTLE_MS);
      void instance.setViewport(viewportBeforePresenting.current, { duration: 200 });
      viewportBeforePresenting.current = null;
    }
  }, [presenting]);

  const selectionSet = useMemo(() => new Set(selection), [selection]);
  const focus = useUiState((s) => s.focus);
  const previousOutOfFocus = useRef<ReadonlySet<string>>(new Set());
  const dimmed = useMemo(() => {
    previousOutOfFocus.current = outOfFocus(useMapStore.getState().map, focus, previousOutOfFocus.current);
    return previousOutOfFocus.current;
  }, [focus, stakeholders, departments]);
  // Comparing with a snapshot: marks on changed records, outlines for removed people, lost links.
  const comparing = useUiState((s) => s.comparing);
  const comparison = useMemo(() => {
    const map = useMapStore.getState().map;
    // Not on another map, nor on the snapshot itself when it is viewed.
    if (!comparing || !map || comparing.mapId !== map.id) return null;
    const result = compareMaps(comparing.before, map);
    return { result };
  }, [comparing, stakeholders, departments, links]);
  const previousMarks = useRef<ChangeMarks>(new Map());
  const marks = useMemo(() => (previousMarks.current = changeMarks(comparison?.result ?? null, previousMarks.current)), [comparison]);

  const projected = useMemo(() => {
    const map = useMapStore.getState().map;
    const live: MapNode[] = map ? projectNodes(map, selectionSet) : [];
    const removed = comparison ? projectComparison(comparing!.before, comparison.result) : [];
    return [...live, ...removed];
    // Links too: a card's accessible name says whom they report to and how many links they have.
    // The language too: accessible names and card sizes are in its words.
  }, [stakeholders, departments, links, selectionSet, comparison, comparing, language]);
  projectedNow.current = projected;
  // After each change to a map large enough for the far canvas, its scene is built again while the
  // page is idle: the zoom step where the canvas takes over then only posts it to its worker.
  useEffect(() => {
    const map = useMapStore.getState().map;
    return map && recordCount(map.stakeholders) > FAR_MAP_CARDS ? prepareFarSceneWhenIdle(map) : undefined;
  }, [stakeholders, departments, links, language]);
  // React Flow holds the nodes near the view and the selected ones (node-window.ts). Seen from far
  // the map is drawn on the canvas: React Flow keeps the cards it had mounted (hidden by Canvas.css)
  // and the rest of the selection as hidden nodes, and mounts nothing new.
  const near = useMemo(
    () =>
      farMap
        ? projected.filter((node) => farMap.kept.has(node.id) || selectionSet.has(node.id)).map((node) => (farMap.kept.has(node.id) ? node : hiddenCopy(node)))
        : nodesNear(projected, hold ?? area, selectionSet),
    [projected, farMap, hold, area, selectionSet],
  );
  // While a wheel zoom or an animation reaches past the cards mounted, the far canvas under them draws the rest.
  const fringeHole = useMemo(() => (area ? { cards: hold ?? area, lines: area } : null), [hold, area]);
  // While a drag is under way the moving cards are where the drag preview puts them (drag-preview.ts).
  const shifts = useDragPreview((p) => p.shifts);
  const nodes = useMemo(() => {
    if (shifts.size === 0) return near;
    return near.map((node) => {
      const shift = shifts.get(node.id);
      return shift ? { ...node, position: { x: node.position.x + shift.dx, y: node.position.y + shift.dy } } : node;
    });
  }, [near, shifts]);
  const dragging = useRef(false);
  // A canvas closed in the middle of a drag leaves no preview behind.
  useEffect(() => () => void takePreviewedMoves(), []);
  const onNodesChange = useCallback((changes: NodeChange<MapNode>[]) => {
    const moves: { id: string; position: Position }[] = [];
    for (const change of changes) {
      if (change.type === 'position' && change.position) moves.push({ id: change.id, position: change.position });
    }
    // React Flow reports absolute positions (its nodes have no parents, see project.ts). During a
    // drag they are previewed; the drop stores the last ones (finishDrag).
    const store = useMapStore.getState();
    if (moves.length > 0 && dragging.current && store.map) previewMoves(store.map, moves);
    else if (moves.length > 0) store.run({ type: 'moveItemsTo', moves });
    applySelectionChanges(changes);
  }, []);

  // Pressing a card selects it at once (as in Figma or Miro), and the panels hold still until the
  // button is released: the selection change, and the inspector form it brings, then happen on
  // the press rather than on the first frames of a drag. Modifier clicks are React Flow's.
  const onPointerDownCapture = useCallback((event: React.PointerEvent) => {
    if (PAN_BUTTONS.includes(event.button)) pressToPan(event.target as HTMLElement, wrapper.current, event.button);
    if (event.button !== 0 || event.shiftKey || event.metaKey || event.ctrlKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('.react-flow__handle, .nodrag, input, textarea, button, select')) return;
    const id = target.closest('.react-flow__node')?.getAttribute('data-id');
    const store = useMapStore.getState();
    if (!id || !(id in (store.map?.stakeholders ?? {}) || id in (store.map?.departments ?? {}))) return;
    useUiState.setState({ dragging: true });
    const release = () => {
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
      useUiState.setState({ dragging: false });
    };
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    if (!store.selection.includes(id)) store.select([id]);
  }, []);

  const onDragStart = useCallback(() => {
    wrapper.current?.classList.add('pm-canvas--dragging');
    useUiState.setState({ dragging: true });
    dragging.current = true;
    useMapStore.getState().beginGesture();
  }, []);
  const finishDrag = useCallback((dragged: MapNode[]) => {
    wrapper.current?.classList.remove('pm-canvas--dragging');
    useUiState.setState({ dragging: false });
    dragging.current = false;
    const store = useMapStore.getState();
    // The store takes the drop in the same task as the preview is cleared: no frame shows both.
    const moves = takePreviewedMoves();
    if (moves.length > 0) store.run({ type: 'moveItemsTo', moves });
    store.run({ type: 'reparentDropped', ids: dragged.map((node) => node.id) });
    store.endGesture();
  }, []);
  // Handlers React Flow keeps in its store stay the same functions from render to render: each new
  // one is a store update that runs every mounted node's selector (three of them on every step
  // of a drag, whose preview re-renders the canvas).
  const onNodeDragStop = useCallback((_: unknown, __: unknown, dragged: MapNode[]) => finishDrag(dragged), [finishDrag]);
  const onSelectionDragStop = useCallback((_: unknown, dragged: MapNode[]) => finishDrag(dragged), [finishDrag]);
  const viewportChanged = useRef(onViewportChange);
  useLayoutEffect(() => void (viewportChanged.current = onViewportChange), [onViewportChange]);
  const onMoveEnd = useCallback((_: unknown, viewport: FlowViewport) => viewportChanged.current(viewport), []);
  const onInit = useCallback((instance: ReactFlowInstance<MapNode, NoEdge>) => attachCanvas(instance, wrapper.current, holdFor), [holdFor]);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    const fromId = state.fromNode?.id;
    if (!fromId) return;
    if (state.isValid && state.toNode) {
      if (state.toNode.id !== fromId) createLink(fromId, state.toNode.id);
      return;
    }
    // Dropped on a card's body rather than its handle: link to that card all the same.
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    const element = document.elementFromPoint(point.clientX, point.clientY);
    const targetId = element?.closest('.react-flow__node')?.getAttribute('data-id');
    if (targetId && targetId !== fromId) createLink(fromId, targetId);
  }, []);

  const { onFocusCapture, onKeyDownCapture } = useKeyboardFocus(wrapper);
  const fitMap = useCallback(() => actionById['fit-view'].run(), []);
  const fitLabel = actionById['fit-view'].label;

  const onDoubleClick = useCallback((event: React.MouseEvent) => {
    const target = event.target as HTMLElement;
    const flow = useMapStore.getState().map && target.closest('.react-flow__pane, .pm-department');
    if (!flow || target.closest('.pm-department__header')) return;
    const instance = getCanvas();
    if (!instance) return;
    const point = instance.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // Seen from far on the canvas, the cards are painted, not mounted: a double click zooms in
    // there, as on a street map, until the cards under it can be read and clicked.
    if (farMapNow.current) void instance.setCenter(point.x, point.y, { zoom: READABLE_ZOOM, duration: 300 });
    else addStakeholderAt(point);
  }, []);

  // Seen from far, and at the edge of the view while a wheel zoom settles, cards are painted, not
  // mounted, and a click on one reaches the pane: it selects the card (or department) drawn there,
  // as a click on a mounted one does (where a mounted node is, the pane gets no click). React Flow
  // clears the selection right after this handler, so the new one is set after it.
  const onPaneClick = useCallback((event: React.MouseEvent) => {
    const instance = getCanvas();
    if (!instance) return;
    // A department's name label may lie above its frame: a click on it selects the department.
    const labelled = departmentLabelAt.current?.(event.clientX, event.clientY);
    const hit = labelled ? { id: labelled } : nodeAt(projectedNow.current, instance.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    if (!hit) return;
    const before = useMapStore.getState().selection;
    const adding = event.shiftKey || event.metaKey || event.ctrlKey;
    const next = !adding ? [hit.id] : before.includes(hit.id) ? before.filter((id) => id !== hit.id) : [...before, hit.id];
    queueMicrotask(() => useMapStore.getState().select(next));
  }, []);

  const onNodeDoubleClick = useCallback((event: React.MouseEvent, node: MapNode) => {
    const onHeader = (event.target as HTMLElement).closest('.pm-department__header');
    if (node.type === 'stakeholder' || onHeader) {
      event.stopPropagation();
      useMapStore.getState().startEditingName(node.id);
    }
  }, []);


  return (
    <div className="pm-canvas" ref={wrapper} onDoubleClick={onDoubleClick} onPointerDownCapture={onPointerDownCapture} onFocusCapture={onFocusCapture} onKeyDownCapture={onKeyDownCapture}>
      <p id={CARD_KEYS_ID} hidden>
        {t('a11y.cardKeys')}
      </p>
      {opening === undefined ? null : (
      <LanguageContext.Provider value={language}>
      <FarContext.Provider value={far}>
      <OutOfFocusContext.Provider value={dimmed}>
      <ChangeMarksContext.Provider value={marks}>
      <ReactFlow<MapNode, NoEdge>
        nodes={nodes}
        edges={NO_EDGES}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={onDragStart}
        onNodeDragStop={onNodeDragStop}
        onSelectionDragStart={onDragStart}
        onSelectionDragStop={onSelectionDragStop}
        onConnectEnd={onConnectEnd}
        onNodeDoubleClick={onNodeDoubleClick}
        onPaneClick={onPaneClick}
        onInit={onInit}
        onMoveEnd={onMoveEnd}
        defaultViewport={opening ?? undefined}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={36}
        zIndexMode="manual"
        selectionOnDrag
        selectionMode={SelectionMode.Partial}
        panOnDrag={PAN_BUTTONS}
        panActivationKeyCode="Space"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode={null}
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        autoPanOnNodeFocus={false}
        // Keys on a focused card are the registry's (arrows move between cards, Alt+arrows nudge).
        disableKeyboardA11y
        tabIndex={-1}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        // Only what is on screen is mounted: dragging and opening a 1,000-person map stay quick.
        onlyRenderVisibleElements
        proOptions={PRO_OPTIONS}
        aria-label={t('canvas.label')}
      >
        <LinksLayer lost={comparison?.result.linksRemoved ?? NO_LINKS} before={comparing?.before ?? null} drawnElsewhere={farMap !== null} area={area} />
        {farMap || fringe ? <FarMapLayer onShown={farMapShown} hole={farMap ? null : fringeHole} /> : null}
        <DotGrid gap={24} size={1.2} color="#cbd5e1" />
        <DepartmentLabels nodes={projectedNow} labelAt={departmentLabelAt} marks={marks} />
        {/* React Flow's own fit button fits the nodes it holds, only those near the view: this one fits the map. */}
        <Controls position="bottom-right" showInteractive={false} showFitView={false}>
          <ControlButton className="react-flow__controls-fitview" onClick={fitMap} title={fitLabel} aria-label={fitLabel}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M3 9V3h6M15 3h6v6M21 15v6h-6M9 21H3v-6" style={{ fill: 'none', stroke: 'currentColor', strokeWidth: 2.5 }} />
            </svg>
          </ControlButton>
        </Controls>
        <MapOverview />
        <FocusBar />
        <ComparisonBar changes={comparison ? changeCount(comparison.result) : null} />
        <EmptyMapHint />
      </ReactFlow>
      </ChangeMarksContext.Provider>
      </OutOfFocusContext.Provider>
      </FarContext.Provider>
      </LanguageContext.Provider>
      )}
    </div>
  );
}
