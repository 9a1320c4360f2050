// React Flow wiring only: the nodes and edges are a projection of the store's map, and every
// user gesture becomes a named domain command. A drag is one undo step (beginGesture/endGesture).
import { useCallback, useMemo, useRef } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type Viewport as FlowViewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useShallow } from 'zustand/react/shallow';
import { useMapStore } from '../store/map-store';
import { addLink, moveItems } from '../domain/commands';
import { newLink } from '../domain/defaults';
import { createId } from '../domain/ids';
import type { LinkKind, Position, Viewport } from '../domain/types';
import { addStakeholderAt } from '../actions/placement';
import { STANCE_LOOK } from './appearance';
import { attachCanvas, getCanvas } from './canvas-api';
import { edgeTypes, nodeTypes } from './node-types';
import { projectEdges, projectNodes, type LinkEdge, type MapNode } from './project';
import { reparentDropped } from './reparent';
import { EmptyMapHint } from './EmptyMapHint';

/** New links start as the kind drawn last, so drawing several influence lines in a row is fast. */
let lastLinkKind: LinkKind = 'influences';
export function rememberLinkKind(kind: LinkKind): void {
  lastLinkKind = kind;
}

interface CanvasProps {
  initialViewport: Viewport | null;
  onViewportChange(viewport: Viewport): void;
}

function applySelectionChanges(changes: (NodeChange<MapNode> | EdgeChange<LinkEdge>)[]): void {
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

function createLink(sourceId: string, targetId: string): void {
  const store = useMapStore.getState();
  const id = createId('lnk');
  const link = newLink({ id, kind: lastLinkKind, sourceId, targetId });
  if (store.run((map) => addLink(map, link))) store.select([id]);
}

export function Canvas({ initialViewport, onViewportChange }: CanvasProps) {
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

  const selectionSet = useMemo(() => new Set(selection), [selection]);
  const nodes = useMemo(() => {
    const map = useMapStore.getState().map;
    return map ? projectNodes(map, selectionSet) : [];
  }, [stakeholders, departments, selectionSet]);
  const edges = useMemo(() => {
    const map = useMapStore.getState().map;
    return map ? projectEdges(map, selectionSet) : [];
    // Stakeholders too: successor arrows come from their records.
  }, [links, stakeholders, selectionSet]);

  const onNodesChange = useCallback((changes: NodeChange<MapNode>[]) => {
    const moves: { id: string; position: Position }[] = [];
    for (const change of changes) {
      if (change.type === 'position' && change.position) moves.push({ id: change.id, position: change.position });
    }
    if (moves.length > 0) useMapStore.getState().run((map) => moveItems(map, moves));
    applySelectionChanges(changes);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<LinkEdge>[]) => applySelectionChanges(changes), []);

  const onDragStart = useCallback(() => useMapStore.getState().beginGesture(), []);
  const finishDrag = useCallback((dragged: MapNode[]) => {
    const store = useMapStore.getState();
    store.run((map) => reparentDropped(map, dragged.map((node) => node.id)));
    store.endGesture();
  }, []);

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

  const onDoubleClick = useCallback((event: React.MouseEvent) => {
    const target = event.target as HTMLElement;
    const flow = useMapStore.getState().map && target.closest('.react-flow__pane, .pm-department');
    if (!flow || target.closest('.pm-department__header')) return;
    const instance = getCanvas();
    if (!instance) return;
    addStakeholderAt(instance.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }, []);

  const onNodeDoubleClick = useCallback((event: React.MouseEvent, node: MapNode) => {
    const onHeader = (event.target as HTMLElement).closest('.pm-department__header');
    if (node.type === 'stakeholder' || onHeader) {
      event.stopPropagation();
      useMapStore.getState().startEditingName(node.id);
    }
  }, []);


  return (
    <div className="pm-canvas" ref={wrapper} onDoubleClick={onDoubleClick}>
      <ReactFlow<MapNode, LinkEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onDragStart}
        onNodeDragStop={(_, __, dragged) => finishDrag(dragged)}
        onSelectionDragStart={onDragStart}
        onSelectionDragStop={(_, dragged) => finishDrag(dragged)}
        onConnectEnd={onConnectEnd}
        onNodeDoubleClick={onNodeDoubleClick}
        onInit={(instance) => attachCanvas(instance, wrapper.current)}
        onMoveEnd={(_, viewport: FlowViewport) => onViewportChange(viewport)}
        defaultViewport={initialViewport ?? undefined}
        fitView={!initialViewport}
        fitViewOptions={{ padding: 0.1, maxZoom: 1.2 }}
        minZoom={0.05}
        maxZoom={3}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={36}
        zIndexMode="manual"
        selectionOnDrag
        selectionMode={SelectionMode.Partial}
        panOnDrag={[1, 2]}
        panActivationKeyCode="Space"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode={null}
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        autoPanOnNodeFocus={false}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        onlyRenderVisibleElements={false}
        proOptions={{ hideAttribution: true }}
        aria-label="Account map canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} color="#cbd5e1" />
        <Controls position="bottom-right" showInteractive={false} />
        <MiniMap
          position="bottom-right"
          style={{ marginRight: 58, width: 160, height: 110, opacity: 0.92 }}
          pannable
          zoomable
          ariaLabel="Minimap"
          nodeStrokeWidth={2}
          nodeColor={(node) => {
            if (node.type !== 'stakeholder') return 'rgba(148, 163, 184, 0.25)';
            const stance = useMapStore.getState().map?.stakeholders[node.id]?.stance ?? 'unknown';
            return STANCE_LOOK[stance].color;
          }}
        />
        <EmptyMapHint />
      </ReactFlow>
    </div>
  );
}
