// The benchmark's baseline: a bare React Flow page that draws the same generated graph as the app
// (same seed, same positions, same parent/child nesting, same edges) with React Flow's default
// node and edge components and its default stylesheet, the standard useNodesState/useEdgesState
// wiring, and the PNG export recipe from React Flow's "download image" example with stock
// html-to-image. Only the zoom limits and fit-view options match the app's, so both start from a
// comparable view. Opened by bench/run.mjs as /bench/baseline/index.html?size=500&seed=...
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  getViewportForBounds,
  useEdgesState,
  useNodesState,
  useReactFlow,
  type Edge,
  type Node,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { toPng } from 'html-to-image';
// @ts-expect-error -- a plain .mjs module shared with Node, without type declarations
import { DEFAULT_SEED, generateMap } from '../generate-map.mjs';

interface GeneratedMap {
  departments: Record<string, { id: string; name: string; position: { x: number; y: number }; size: { width: number; height: number } }>;
  stakeholders: Record<
    string,
    { id: string; name: string; departmentId: string | null; position: { x: number; y: number }; leftCompany: boolean; successorId: string | null }
  >;
  links: Record<string, { id: string; kind: string; sourceId: string; targetId: string; label: string }>;
}

const params = new URLSearchParams(window.location.search);
const map: GeneratedMap = generateMap({ size: Number(params.get('size') ?? 100), seed: Number(params.get('seed') ?? DEFAULT_SEED) });

const initialNodes: Node[] = [
  ...Object.values(map.departments).map((department) => ({
    id: department.id,
    type: 'group',
    position: department.position,
    width: department.size.width,
    height: department.size.height,
    data: { label: department.name },
  })),
  ...Object.values(map.stakeholders).map((person) => ({
    id: person.id,
    position: person.position,
    parentId: person.departmentId ?? undefined,
    data: { label: person.name },
  })),
];

const initialEdges: Edge[] = [
  ...Object.values(map.links).map((link) => ({
    id: link.id,
    source: link.sourceId,
    target: link.targetId,
    label: link.label || undefined,
    markerEnd: link.kind === 'influences' ? { type: MarkerType.ArrowClosed } : undefined,
  })),
  ...Object.values(map.stakeholders)
    .filter((person) => person.leftCompany && person.successorId && map.stakeholders[person.successorId])
    .map((person) => ({ id: `successor:${person.id}`, source: person.id, target: person.successorId!, markerEnd: { type: MarkerType.ArrowClosed } })),
];

/** Same limits as the app's exporter (src/io/export-png.ts), so both produce images of the same size. */
function clampedRatio(width: number, height: number, wanted: number): number {
  return Math.min(wanted, 16000 / width, 16000 / height, Math.sqrt(120_000_000 / (width * height)));
}

function Flow() {
  const [nodes, setNodes, onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  const flow = useReactFlow();

  const onInit = (instance: ReactFlowInstance) => {
    window.__baselineBench = {
      instance,
      counts: { nodes: initialNodes.length, edges: initialEdges.length },
      select(ids: string[]) {
        const chosen = new Set(ids);
        setNodes((current) => current.map((node) => ({ ...node, selected: chosen.has(node.id) })));
      },
      // React Flow's download-image example, for the whole graph at 1:1 and the given pixel ratio.
      async exportPng(pixelRatio = 2) {
        const bounds = flow.getNodesBounds(flow.getNodes());
        const imageWidth = Math.ceil(bounds.width);
        const imageHeight = Math.ceil(bounds.height);
        const viewport = getViewportForBounds(bounds, imageWidth, imageHeight, 0.5, 2, 0);
        const ratio = clampedRatio(imageWidth, imageHeight, pixelRatio);
        const dataUrl = await toPng(document.querySelector('.react-flow__viewport') as HTMLElement, {
          backgroundColor: '#ffffff',
          width: imageWidth,
          height: imageHeight,
          pixelRatio: ratio,
          style: {
            width: `${imageWidth}px`,
            height: `${imageHeight}px`,
            transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
          },
        });
        return { bytes: Math.round((dataUrl.length - 22) * 0.75), width: Math.round(imageWidth * ratio), height: Math.round(imageHeight * ratio) };
      },
    };
  };

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onInit={onInit}
      fitView
      fitViewOptions={{ padding: 0.1, maxZoom: 1.2 }}
      minZoom={0.05}
      maxZoom={3}
    />
  );
}

declare global {
  interface Window {
    __baselineBench?: {
      instance: ReactFlowInstance;
      counts: { nodes: number; edges: number };
      select(ids: string[]): void;
      exportPng(pixelRatio?: number): Promise<{ bytes: number; width: number; height: number }>;
    };
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReactFlowProvider>
      <div style={{ width: '100vw', height: '100vh' }}>
        <Flow />
      </div>
    </ReactFlowProvider>
  </StrictMode>,
);
