// The departments' names seen from far (drawing/department-labels.ts): one canvas over the map,
// under the panels, drawn while the zoom is below LABELS_BELOW_ZOOM, where a frame's own name is
// under 11 px. It follows the view from React Flow's store without a render, as the dot grid
// does, and covers both far looks (the page's own cards and the far canvas, FarMapLayer.tsx) and
// the cards close up. Below the far zoom the frames' own names are all hidden (Canvas.css); above
// it, only those of the labelled frames, which this layer marks (`data-labelled`, Canvas.css).
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import { recordRect } from '../domain/commands';
import { departmentBadge } from '../drawing/appearance';
import { currentLanguage } from '../i18n';
import type { AccountMap } from '../domain/types';
import { drawDepartmentLabels, labelFont, LABELS_BELOW_ZOOM, placeDepartmentLabels, type CardRects, type LabelledDepartment, type LabelView, type PlacedLabel } from '../drawing/department-labels';
import { labelSize, successorKey } from '../drawing/line-routes';
import { useMapStore } from '../store/map-store';
import { useRouteStore } from './edges/route-store';
import { whenIdle } from '../store/when-idle';
import { useDragPreview, type Shift } from './drag-preview';
import type { ChangeMarks } from './changes';
import { FACES_ZOOM } from '../drawing/far-map';
import { PAGE_FONT } from './far-map-painter';
import { FAR_ZOOM } from './use-view-window';
import type { MapNode, NoEdge } from './project';

/**
 * Marks the mounted frames of `labelled` (and only those) `data-labelled`: their own names and
 * badges make way for the labels (Canvas.css), the label's outline showing the coverage the badge
 * named. An attribute on the few frames that change, where a style sheet of their ids made the
 * browser restyle every card whenever the labelled set changed during a pan. A frame mounted
 * later is marked at the next placement, at most PLACE_EVERY_MS on.
 */
function markLabelled(root: ParentNode, labelled: ReadonlySet<string>): void {
  for (const frame of root.querySelectorAll<HTMLElement>('.react-flow__node-department')) {
    const wanted = labelled.has(frame.dataset.id ?? '');
    if (wanted !== frame.hasAttribute('data-labelled')) frame.toggleAttribute('data-labelled', wanted);
  }
}
const NONE: ReadonlySet<string> = new Set();

/**
 * During a pan or a zoom the labels are placed again at most this often, and in between the canvas
 * is moved and scaled with the view: placing and drawing them cost 1 to 4 ms a step at 500 people,
 * a transform next to nothing. The last step of a gesture is always placed.
 */
const PLACE_EVERY_MS = 100;

/** While departments are dragged, their labels are placed again this often. */
const DRAG_PLACE_MS = 50;

/** How long after the canvas opens a map its labels are first drawn (then when the page is idle). */
const FIRST_DRAW_AFTER_MS = 600;

/** The type size characters are measured at: widths at the labels' sizes are scaled from it. */
const MEASURED_AT = 100;

/**
 * `departments` with those being dragged where the drag has taken them (drag-preview.ts), less
 * those that keep their own header: `keep` says which (the one whose name is being edited, its
 * name field where the label would lie; close up, those a snapshot comparison marks there).
 */
function whereDragged(departments: LabelledDepartment[], shifts: ReadonlyMap<string, Shift>, keep: (id: string) => boolean): LabelledDepartment[] {
  if (departments.some((department) => keep(department.id))) departments = departments.filter((department) => !keep(department.id));
  if (shifts.size === 0) return departments;
  return departments.map((department) => {
    const shift = shifts.get(department.id);
    return shift ? { ...department, x: department.x + shift.dx, y: department.y + shift.dy } : department;
  });
}

/** The departments of a map with their rectangles on it, largest first; kept per departments table and language (the badges' words). */
const labelled = new WeakMap<object, { language: string; list: LabelledDepartment[] }>();
function departmentsOf(map: AccountMap): LabelledDepartment[] {
  const language = currentLanguage();
  let kept = labelled.get(map.departments);
  if (kept?.language !== language) {
    const list: LabelledDepartment[] = [];
    for (const department of Object.values(map.departments)) {
      const rect = recordRect(map, department.id);
      if (rect) list.push({ id: department.id, ...rect, name: department.name, coverage: department.coverage, badge: departmentBadge(department) });
    }
    list.sort((a, b) => b.width * b.height - a.width * a.height);
    labelled.set(map.departments, (kept = { language, list }));
  }
  return kept.list;
}

/** The department whose label is drawn at a point of the window (client pixels), or null. */
export type LabelAt = (clientX: number, clientY: number) => string | null;

interface DepartmentLabelsProps {
  /** Every node of the map, as the canvas projected it (positions on the map): the cards a label keeps off. */
  nodes: RefObject<readonly MapNode[]>;
  /** Set to the layer's LabelAt while it is mounted: the canvas selects a department by a click on its label. */
  labelAt: RefObject<LabelAt | null>;
  /**
   * A snapshot comparison's marks (changes.ts). Close up a marked department keeps its header,
   * where its mark sits ("White space → Engaged"), rather than a label over it.
   */
  marks: ChangeMarks;
}

export function DepartmentLabels({ nodes, labelAt, marks }: DepartmentLabelsProps) {
  const marksNow = useRef(marks);
  marksNow.current = marks;
  const redraw = useRef<(() => void) | null>(null);
  useEffect(() => redraw.current?.(), [marks]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi<MapNode, NoEdge>();
  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    const root = element?.parentElement;
    if (!element || !context || !root) return undefined;
    // Each character is measured once, at one size, in a context of its own whose font is set
    // once: a name's width at any size is its characters' widths scaled to it (kerning aside:
    // a label's box has room to spare), and names coming into view during a pan measure nothing.
    const widths = new Map<string, number>();
    const ruler = document.createElement('canvas').getContext('2d') ?? context;
    ruler.font = labelFont(MEASURED_AT, PAGE_FONT);
    const measure = (text: string, size: number) => {
      let width = 0;
      for (const character of text) {
        let w = widths.get(character);
        if (w === undefined) widths.set(character, (w = ruler.measureText(character).width));
        width += w;
      }
      return (width * size) / MEASURED_AT;
    };
    const lineLabelSizes = new Map<string, { width: number; height: number }>();
    let shown = false;
    let placed: { labels: PlacedLabel[]; view: LabelView; map: unknown; nodes: unknown; at: number } | null = null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    /** The view the canvas was last drawn for. */
    let drawn: LabelView | null = null;
    // Called on every step of a pan close up: touches nothing once hidden.
    const hide = () => {
      if (!shown) return;
      context.clearRect(0, 0, element.width, element.height);
      shown = false;
      placed = drawn = null;
      delete element.dataset.labels;
      element.hidden = true;
      markLabelled(root, NONE);
    };
    const paint = (labels: readonly PlacedLabel[], view: LabelView) => {
      const ratio = window.devicePixelRatio || 1;
      if (element.width !== Math.round(view.width * ratio) || element.height !== Math.round(view.height * ratio)) {
        element.width = Math.round(view.width * ratio);
        element.height = Math.round(view.height * ratio);
        element.style.width = `${view.width}px`;
        element.style.height = `${view.height}px`;
      }
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, element.width, element.height);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawDepartmentLabels(context, labels, PAGE_FONT);
      element.style.transform = '';
      element.hidden = false;
      shown = true;
      drawn = view;
      // For the tests: what the canvas shows, each name and its box on screen.
      const names = JSON.stringify(labels.map((label) => [label.lines.join(' '), Math.round(label.x), Math.round(label.y), Math.round(label.width), Math.round(label.height)]));
      if (element.dataset.labels !== names) element.dataset.labels = names;
      // Close up (the far look hides every frame's name), a labelled frame's own name makes way.
      markLabelled(root, view.zoom >= FAR_ZOOM ? new Set(labels.map((label) => label.id)) : NONE);
    };
    const draw = (placeAgain = false) => {
      const { transform, width, height } = flowStore.getState();
      const [x, y, zoom] = transform;
      const { map, editingNameId } = useMapStore.getState();
      if (!map || zoom >= LABELS_BELOW_ZOOM || width === 0) return hide();
      const view = { x, y, zoom, width, height };
      const now = performance.now();
      if (!placeAgain && placed && placed.map === map && placed.nodes === nodes.current && now - placed.at < PLACE_EVERY_MS) {
        clearTimeout(settle);
        settle = setTimeout(() => draw(true), PLACE_EVERY_MS);
        // In between, the canvas as drawn follows the view (the compositor's work, no drawing):
        // moved with a pan, and scaled with a zoom until the next placement sets the type right.
        if (drawn && drawn.width === width && drawn.height === height) {
          const scale = zoom / drawn.zoom;
          element.style.transform = `translate(${x - drawn.x * scale}px, ${y - drawn.y * scale}px) scale(${scale})`;
          return;
        }
      }
      // While the cards' names can be read, no label covers one.
      const cards: CardRects | null = zoom >= FACES_ZOOM ? (visit) => {
        for (const node of nodes.current) if (node.type !== 'department') visit(node.position.x, node.position.y, node.width ?? 0, node.height ?? 0);
      } : null;
      // Close up, the frames show their badges (a label covers none but its own frame's) and the
      // lines their labels.
      const close = zoom >= FAR_ZOOM;
      const lineLabels: CardRects | null = close ? (visit) => {
        for (const [key, route] of useRouteStore.getState().routes) {
          const text = map.links[key]?.label || (key.startsWith(successorKey('')) ? 'successor' : '');
          if (!text) continue;
          let size = lineLabelSizes.get(text);
          if (!size) lineLabelSizes.set(text, (size = labelSize(text)));
          visit(route.labelX - size.width / 2, route.labelY - size.height / 2, size.width, size.height);
        }
      } : null;
      const keep = (id: string) => id === editingNameId || (close && marksNow.current.has(id));
      const labels = placeDepartmentLabels(whereDragged(departmentsOf(map), useDragPreview.getState().shifts, keep), view, measure, { cards, lineLabels, badges: close });
      placed = { labels, view, map, nodes: nodes.current, at: now };
      paint(labels, view);
    };
    // Not while the map opens: the first placement measures every character of the names (20 to
    // 40 ms at 500 people, when the map's first frame is still being drawn); the labels follow a
    // moment after the cards.
    let ready = false;
    let cancelFirst = () => {};
    const wait = setTimeout(() => {
      cancelFirst = whenIdle(() => {
        ready = true;
        draw(true);
      }, 500);
    }, FIRST_DRAW_AFTER_MS);
    // Until the page's font has loaded, names are measured in a fallback: measure them again after.
    void document.fonts?.ready.then(() => {
      widths.clear();
      if (ready) draw(true);
    });
    const stopFlow = flowStore.subscribe((state, previous) => {
      if (ready && (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height)) draw();
    });
    // After an edit, drawn once the canvas has rendered it: the cards' rectangles are then its own.
    // So too when a department's name field opens or closes, and when lines are routed (their
    // labels move) while the labels show.
    let frame = 0;
    const drawNextFrame = () => {
      if (ready && !frame) frame = requestAnimationFrame(() => {
        frame = 0;
        draw(true);
      });
    };
    const stopMap = useMapStore.subscribe((state, previous) => {
      if (state.map !== previous.map || state.editingNameId !== previous.editingNameId) drawNextFrame();
    });
    redraw.current = drawNextFrame;
    const stopRoutes = useRouteStore.subscribe(() => {
      if (shown && flowStore.getState().transform[2] >= FAR_ZOOM) drawNextFrame();
    });
    // A dragged department takes its label along, placed again every few frames of the drag (a
    // drag of cards alone moves no label: nothing to do on its steps).
    let dragStep: ReturnType<typeof setTimeout> | undefined;
    let moving: ReadonlySet<string> | null = null;
    let movesDepartment = false;
    const stopDrag = useDragPreview.subscribe((state, previous) => {
      if (state.moving !== moving) {
        moving = state.moving;
        const departments = useMapStore.getState().map?.departments ?? {};
        movesDepartment = [...moving].some((id) => Object.hasOwn(departments, id));
      }
      if (ready && movesDepartment && state.shifts !== previous.shifts && dragStep === undefined) dragStep = setTimeout(() => {
        dragStep = undefined;
        draw(true);
      }, DRAG_PLACE_MS);
    });
    // Where the labels are as drawn; not while the drawn canvas is only moved along with a gesture.
    labelAt.current = (clientX, clientY) => {
      if (!shown || !placed || element.style.transform) return null;
      const box = element.getBoundingClientRect();
      const [x, y] = [clientX - box.left, clientY - box.top];
      return placed.labels.find((label) => x >= label.x && x <= label.x + label.width && y >= label.y && y <= label.y + label.height)?.id ?? null;
    };
    return () => {
      labelAt.current = null;
      redraw.current = null;
      stopFlow();
      stopMap();
      stopRoutes();
      stopDrag();
      clearTimeout(dragStep);
      cancelAnimationFrame(frame);
      clearTimeout(wait);
      cancelFirst();
      clearTimeout(settle);
      markLabelled(root, NONE);
    };
  }, [flowStore, nodes, labelAt]);
  return <canvas ref={canvas} className="pm-department-labels" aria-hidden="true" hidden />;
}
