// Every line on the canvas (links, successor arrows, and while comparing the links lost since the
// snapshot) in one <svg> inside React Flow's viewport, between the departments and the cards.
//
// Why not React Flow's edges: it draws each edge in an <svg> of its own, and the browser's
// per-frame work grew with that number of SVG roots. Moving the sample's 150 lines into one
// <svg> took a one-card drag at 100 people from about 12.7 to 8.8 ms per pointer move (median,
// A/B in the same session). Lines read their ends from the account map, as before.
import './LinksLayer.css';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ViewportPortal, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { flowView } from '../flow-view';
import { shallow } from 'zustand/shallow';
import { recordRect } from '../../domain/commands';
import { runAtOnce, type Steps } from '../../domain/slices';
import type { AccountMap, Link, LinkKind, Stakeholder } from '../../domain/types';
import { perMapVersion, samePeople } from '../../domain/map-versions';
import { useMapStore } from '../../store/map-store';
import { LinkLine } from './LinkLine';
import { LostLine } from './LostLine';
import { SuccessorLine } from './SuccessorLine';
import { ArrowMarkers } from './markers';
import { focusRouting, scheduleRouting, useRouteStore } from './route-store';
import { useDragPreview } from '../drag-preview';
import { LineClipContext } from './line-clip';
import { fittingRoute, successorKey } from '../../drawing/line-routes';
import { hullMeetsRect, lineOutline, polylineMeetsRect, type Rect } from '../../drawing/link-geometry';

interface Line {
  key: string;
  kind: LinkKind | 'successor';
  sourceId: string;
  targetId: string;
  from: Rect;
  to: Rect;
  /** The rectangle around both ends, to leave out lines far off screen. */
  box: Rect;
  /** Whose successor the line shows: the successor's own id is `targetId`. */
  successorName?: string;
}

function around(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

function linkLine(map: AccountMap, link: Link): Line | null {
  const a = recordRect(map, link.sourceId);
  const b = recordRect(map, link.targetId);
  return a && b ? { key: link.id, kind: link.kind, sourceId: link.sourceId, targetId: link.targetId, from: a, to: b, box: around(a, b) } : null;
}

/** Someone who left points to their successor: derived from the record, not a link the user drew. */
function successorLine(map: AccountMap, person: Stakeholder): Line | null {
  if (!person.leftCompany || !person.successorId || !map.stakeholders[person.successorId]) return null;
  const a = recordRect(map, person.id)!;
  const b = recordRect(map, person.successorId)!;
  return { key: successorKey(person.id), kind: 'successor', sourceId: person.id, targetId: person.successorId, from: a, to: b, box: around(a, b), successorName: person.name };
}

function* everyLine(map: AccountMap): Steps<Line[]> {
  const lines: Line[] = [];
  for (const link of Object.values(map.links)) {
    const line = linkLine(map, link);
    if (line) lines.push(line);
    yield;
  }
  for (const person of Object.values(map.stakeholders)) {
    const line = successorLine(map, person);
    if (line) lines.push(line);
  }
  return lines;
}

/** The lines of a version where only the `changed` people differ (none came or went): the others' lines are kept. */
function patchedLines(before: Line[], from: AccountMap, map: AccountMap, changed: ReadonlySet<string>): Line[] | null {
  if (from.links !== map.links || from.departments !== map.departments || from.team !== map.team || !samePeople(from, map, changed)) return null;
  const lines: Line[] = [];
  for (const line of before) {
    const touched = changed.has(line.sourceId) || changed.has(line.targetId);
    if (!touched) lines.push(line);
    // A changed person's own successor line is added again below.
    else if (line.kind !== 'successor') lines.push(linkLine(map, map.links[line.key])!);
    else if (!changed.has(line.sourceId)) lines.push(successorLine(map, map.stakeholders[line.sourceId])!);
  }
  for (const id of changed) {
    const line = successorLine(map, map.stakeholders[id]);
    if (line) lines.push(line);
  }
  return lines;
}

/** Every line of a map, kept per map version: worked out ahead in slices when a large map opens, patched after an edit of a few people. */
export const prepareLines = perMapVersion(everyLine, patchedLines);

const linesOf = (map: AccountMap): Line[] => runAtOnce(prepareLines(map));

const NO_LINES: Line[] = [];
const NO_VIEW = [0, 0, 1, 0, 0] as const;
/** With an area the lines do not follow the view: no re-render on each step of a pan. */
const noViewSelector = () => NO_VIEW;
/** The middle of the screen, in map coordinates, as React Flow's store has it now. */
function screenCentre(s: ReactFlowState): { x: number; y: number } | null {
  const [tx, ty, zoom] = s.transform;
  return s.width && s.height ? { x: (s.width / 2 - tx) / zoom, y: (s.height / 2 - ty) / zoom } : null;
}
/** Until the area is known, lines this far (in screen pixels) outside the canvas are drawn already, so panning shows no gaps. */
const MARGIN = 200;
// The lines mounted are those through `area` (canvas/node-window.ts) rather than through the
// screen: the area stays put while the view moves inside it, so a pan and the first wheel steps
// out mount no lines. Through the screen, each step out mounted 50 to 80 lines at 500 people (the
// slowest steps of a zoom; pan + zoom p95 32 to 34 -> 22 to 27 ms) and 45 to 110 at 5,000 (pan +
// zoom p95 in five alternating runs 45.0 to 57.9 -> 23.1 to 47.3 ms, npm run bench).

/**
 * Up to this many lines every line is routed, outward from the view. Past it (5,000 people have
 * 7,500 lines, 20,000 people 30,000) only the lines through `area`, and none while the far canvas
 * draws the map (its lines are straight): routing 30,000 lines kept one of two cores busy for
 * minutes after opening, and a click then waited for raster work that had the other.
 */
const ROUTE_ALL_UP_TO = 3000;

interface LinksLayerProps {
  lost: readonly Link[];
  before: AccountMap | null;
  /** The map is drawn on the far view's canvas (FarMapLayer): no line is mounted. */
  drawnElsewhere?: boolean;
  /** The part of the map around the view (canvas/node-window.ts): its lines are mounted, and on a large map routed. */
  area?: Rect | null;
}

function LinksLayerComponent({ lost, before, drawnElsewhere = false, area = null }: LinksLayerProps) {
  const { t, i18n } = useTranslation();
  // Where the lines are is taken from the map as it was when the current gesture began: which lines
  // are near the screen is not recomputed on every drag step (the lines themselves still move).
  const frozen = useMapStore((s) => s.gestureStart ?? s.map);
  const lines = useMemo(() => (frozen ? linesOf(frozen) : []), [frozen]);
  const [tx, ty, zoom, width, height] = useStore(area ? noViewSelector : flowView, shallow);
  const flowStore = useStoreApi();
  const previous = useRef<Line[]>([]);
  const routes = useRouteStore((s) => s.routes);
  const many = lines.length > ROUTE_ALL_UP_TO;
  const around = area ?? { x: (-tx - MARGIN) / zoom, y: (-ty - MARGIN) / zoom, width: (width + 2 * MARGIN) / zoom, height: (height + 2 * MARGIN) / zoom };
  const visible = useMemo(() => {
    // The lines in view when the far canvas took over stay, hidden under it (see Canvas.tsx).
    if (drawnElsewhere) return previous.current;
    // A line whose ends' box meets the area, and whose own course (its route, or the hull of
    // the curve it is drawn as) does: on a large map most long lines' boxes cover the area while
    // the lines pass elsewhere, and each mounted line costs every store update (536 lines for 46
    // cards at 5,000 people).
    const next = lines.filter((line) => {
      const { box } = line;
      if (!(box.x < around.x + around.width && around.x < box.x + box.width && box.y < around.y + around.height && around.y < box.y + box.height)) return false;
      const route = fittingRoute(routes.get(line.key), line.from, line.to);
      if (route) return polylineMeetsRect(route.points, around);
      return hullMeetsRect(lineOutline(line.kind === 'successor' ? 'influences' : line.kind, line.from, line.to), around);
    });
    // The same array while the same lines are in view, so panning re-renders nothing here.
    if (next.length === previous.current.length && next.every((line, i) => line === previous.current[i])) return previous.current;
    previous.current = next;
    return next;
    // `around` is a new object each render while there is no area: its numbers are what count.
  }, [lines, routes, drawnElsewhere, around.x, around.y, around.width, around.height]);

  // Routing waits for the map to be still: nothing is routed during a gesture (null map). The worker
  // routes every line (on a large map those through the area around the view), outward from the
  // middle of the screen, which follows the view as it moves (only when other lines come into
  // view, so panning posts nothing most of the time).
  const still = useMapStore((s) => (s.gestureStart ? null : s.map));
  const within = many && !drawnElsewhere ? area : null;
  const routeNothing = many && !within;
  useEffect(() => {
    if (!still || routeNothing) return undefined;
    return scheduleRouting(still, screenCentre(flowStore.getState()), within);
  }, [still, within, routeNothing, flowStore]);
  useEffect(() => {
    const centre = screenCentre(flowStore.getState());
    if (centre) focusRouting(centre);
  }, [visible, flowStore]);

  // While cards are dragged, the lines touching them are drawn in an <svg> of their own: the
  // main one, its own compositor layer over the whole map, is then not painted and rasterised
  // again on every step (at 5,000 people, hiding the lines halved a drag step's cost).
  const moving = useDragPreview((p) => p.moving);
  const [resting, moved] = useMemo(() => {
    if (moving.size === 0) return [visible, NO_LINES];
    const touches = (line: Line) => moving.has(line.sourceId) || moving.has(line.targetId);
    return [visible.filter((line) => !touches(line)), visible.filter(touches)];
  }, [visible, moving]);
  // The moving <svg> is hidden from assistive technology (the lines are back in the main one at the
  // drop), so nothing in it takes focus either: no focusable element inside aria-hidden.
  const draw = useMemo(
    () => (lines: Line[], focusable: boolean) =>
      lines.map((line) =>
        line.successorName !== undefined ? (
          <SuccessorLine
            key={line.key}
            personId={line.sourceId}
            successorId={line.targetId}
            label={t('a11y.succeededBy', { name: line.successorName, successor: frozen?.stakeholders[line.targetId]?.name ?? '' })}
          />
        ) : (
          <LinkLine key={line.key} id={line.key} sourceId={line.sourceId} targetId={line.targetId} focusable={focusable} />
        ),
      ),
    // The language too: the successor lines are named in it.
    [frozen, t, i18n.language],
  );
  const drawn = useMemo(() => draw(resting, true), [draw, resting]);
  const drawnMoving = useMemo(() => draw(moved, false), [draw, moved]);

  return (
    <ViewportPortal>
      <LineClipContext.Provider value={area}>
      <svg className="pm-links" aria-label={t('canvas.links')}>
        <ArrowMarkers />
        {drawn}
        {before ? lost.map((link) => <LostLine key={`lost:${link.id}`} link={link} before={before} />) : null}
      </svg>
      {moved.length > 0 ? (
        <svg className="pm-links pm-links--moving" aria-hidden="true">
          {drawnMoving}
        </svg>
      ) : null}
      </LineClipContext.Provider>
    </ViewportPortal>
  );
}

export const LinksLayer = memo(LinksLayerComponent);
