// The departments' names seen from far (drawing/department-labels.ts): one canvas over the map,
// under the panels, drawn while the zoom is below the far zoom, where a frame's own name is a few
// pixels high. It follows the view from React Flow's store without a render, as the dot grid
// does, and covers both far looks: the page's own cards and the far canvas (FarMapLayer.tsx).
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import { recordRect } from '../domain/commands';
import type { AccountMap } from '../domain/types';
import { drawDepartmentLabels, labelFont, placeDepartmentLabels, type CardRects, type LabelledDepartment } from '../drawing/department-labels';
import { useMapStore } from '../store/map-store';
import { FACES_ZOOM } from '../drawing/far-map';
import { PAGE_FONT } from './far-map-painter';
import { FAR_ZOOM } from './use-view-window';
import type { MapNode, NoEdge } from './project';

/** The departments of a map with their rectangles on it, largest first; kept per departments table. */
const labelled = new WeakMap<object, LabelledDepartment[]>();
function departmentsOf(map: AccountMap): LabelledDepartment[] {
  let list = labelled.get(map.departments);
  if (!list) {
    list = [];
    for (const department of Object.values(map.departments)) {
      const rect = recordRect(map, department.id);
      if (rect) list.push({ ...rect, name: department.name, coverage: department.coverage });
    }
    list.sort((a, b) => b.width * b.height - a.width * a.height);
    labelled.set(map.departments, list);
  }
  return list;
}

interface DepartmentLabelsProps {
  /** Every node of the map, as the canvas projected it (positions on the map): the cards a label keeps off. */
  nodes: RefObject<readonly MapNode[]>;
}

export function DepartmentLabels({ nodes }: DepartmentLabelsProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi<MapNode, NoEdge>();
  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return undefined;
    // Measured once per text and size: a wheel step places the labels again, not the words.
    const widths = new Map<string, number>();
    const measure = (text: string, size: number) => {
      const key = `${size}|${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        context.font = labelFont(size, PAGE_FONT);
        widths.set(key, (width = context.measureText(text).width));
      }
      return width;
    };
    let shown = false;
    const draw = () => {
      const { transform, width, height } = flowStore.getState();
      const [x, y, zoom] = transform;
      const map = useMapStore.getState().map;
      if (!map || zoom >= FAR_ZOOM || width === 0) {
        if (shown) context.clearRect(0, 0, element.width, element.height);
        shown = false;
        delete element.dataset.labels;
        element.hidden = true;
        return;
      }
      const ratio = window.devicePixelRatio || 1;
      if (element.width !== Math.round(width * ratio) || element.height !== Math.round(height * ratio)) {
        element.width = Math.round(width * ratio);
        element.height = Math.round(height * ratio);
        element.style.width = `${width}px`;
        element.style.height = `${height}px`;
      }
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, element.width, element.height);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      // While the cards' names can be read, no label covers one.
      const cards: CardRects | null = zoom >= FACES_ZOOM ? (visit) => {
        for (const node of nodes.current) if (node.type !== 'department') visit(node.position.x, node.position.y, node.width ?? 0, node.height ?? 0);
      } : null;
      const labels = placeDepartmentLabels(departmentsOf(map), { x, y, zoom, width, height }, measure, cards);
      drawDepartmentLabels(context, labels, PAGE_FONT);
      element.hidden = false;
      shown = true;
      // For the tests: what the canvas shows, each name and its box on screen.
      const drawn = JSON.stringify(labels.map((label) => [label.lines.join(' '), Math.round(label.x), Math.round(label.y), Math.round(label.width), Math.round(label.height)]));
      if (element.dataset.labels !== drawn) element.dataset.labels = drawn;
    };
    draw();
    // Until the page's font has loaded, names are measured in a fallback: measure them again after.
    void document.fonts?.ready.then(() => {
      widths.clear();
      draw();
    });
    const stopFlow = flowStore.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) draw();
    });
    // After an edit, drawn once the canvas has rendered it: the cards' rectangles are then its own.
    let frame = 0;
    const stopMap = useMapStore.subscribe((state, previous) => {
      if (state.map !== previous.map && !frame) frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
      });
    });
    return () => {
      stopFlow();
      stopMap();
      cancelAnimationFrame(frame);
    };
  }, [flowStore, nodes]);
  return <canvas ref={canvas} className="pm-department-labels" aria-hidden="true" hidden />;
}
