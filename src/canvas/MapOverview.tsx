// The overview in the corner (a minimap): every department and card drawn small, and the part of
// the map on screen outlined. Click or drag in it to move the view there.
//
// Drawn from the account map, not from React Flow's nodes: cards of one stance share a single
// path, so a 1,000-person map is a dozen SVG elements instead of a thousand subscribed ones
// (React Flow's MiniMap re-checked every one of them on each drag step). During a drag it keeps
// showing the map as it was when the drag began and catches up when the drag ends.
import './MapOverview.css';
import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { flowView } from './flow-view';
import { shallow } from 'zustand/shallow';
import { mapBounds, recordRect } from '../domain/commands';
import { STANCES, type AccountMap, type Stance } from '../domain/types';
import { useMapStore } from '../store/map-store';
import { STANCE_LOOK } from '../drawing/appearance';
import { runAtOnce, type Steps } from '../domain/slices';
import { perMapVersion, samePeople } from '../domain/map-versions';

const WIDTH = 160;
const HEIGHT = 110;

/**
 * Screen pixels a fitted view leaves free along the bottom, so the overview (and the zoom buttons
 * beside it) cover no card after Fit: the panel's 15 px margin, its height with the border, and a gap.
 */
export const OVERVIEW_CLEARANCE = 15 + HEIGHT + 2 + 12;

/**
 * Screen pixels a fitted view leaves free along the top, so the focus picker (FocusBar.tsx, top left:
 * its 10 px margin and a 32 px select with its border) covers no card or department name, and a gap.
 */
export const FOCUS_CLEARANCE = 10 + 34 + 12;

/** Fit's padding: `padding` (a share of the screen) at the sides, clear of the focus picker at the top and of the overview at the bottom. */
export const clearOfOverview = (padding: number) => ({ top: `${FOCUS_CLEARANCE}px` as const, left: padding, right: padding, bottom: `${OVERVIEW_CLEARANCE}px` as const });

interface Drawing {
  departments: string;
  cards: [Stance, string][];
  /** Each person's rectangle as path data, in the people table's order, with their stance: what a patch starts from. */
  people: { ids: string[]; pieces: string[]; stances: Stance[] };
}

const rectPath = (map: AccountMap, id: string) => {
  const r = recordRect(map, id)!;
  return `M${r.x} ${r.y}h${r.width}v${r.height}h${-r.width}z`;
};

/** One path per stance, in the order of STANCES. */
function cardsByStance(pieces: readonly string[], stances: readonly Stance[]): [Stance, string][] {
  const byStance = new Map<Stance, string[]>();
  pieces.forEach((piece, i) => {
    const list = byStance.get(stances[i]) ?? [];
    list.push(piece);
    byStance.set(stances[i], list);
  });
  return STANCES.filter((stance) => byStance.has(stance)).map((stance) => [stance, byStance.get(stance)!.join('')]);
}

/** One path for all departments, one per stance for the cards, a step per record. */
function* drawingOf(map: AccountMap): Steps<Drawing> {
  const people = Object.values(map.stakeholders);
  const pieces: string[] = [];
  for (const person of people) {
    pieces.push(rectPath(map, person.id));
    yield;
  }
  const stances = people.map((person) => person.stance);
  return {
    departments: Object.keys(map.departments).map((id) => rectPath(map, id)).join(''),
    cards: cardsByStance(pieces, stances),
    people: { ids: people.map((person) => person.id), pieces, stances },
  };
}

/** After an edit of a few people (none came or went, departments as they were): their pieces again, the same drawing if none looks different. */
function patchedDrawing(before: Drawing, from: AccountMap, map: AccountMap, changed: ReadonlySet<string>): Drawing | null {
  if (from.departments !== map.departments || from.team !== map.team || !samePeople(from, map, changed)) return null;
  const { ids } = before.people;
  const pieces = before.people.pieces.slice();
  const stances = before.people.stances.slice();
  let differs = false;
  // The changed ids' places: a look-up over the ids, once per edit, cheaper than a path per person.
  for (let i = 0; i < ids.length; i++) {
    if (!changed.has(ids[i])) continue;
    const piece = rectPath(map, ids[i]);
    const stance = map.stakeholders[ids[i]].stance;
    differs ||= piece !== pieces[i] || stance !== stances[i];
    pieces[i] = piece;
    stances[i] = stance;
  }
  return differs ? { departments: before.departments, cards: cardsByStance(pieces, stances), people: { ids, pieces, stances } } : before;
}

/**
 * The overview's drawing of `map`: canvas/prepare.ts runs it in slices while a large map opens, and
 * the overview's first draw finds it built. Kept per map version and language (card sizes follow
 * the words), and patched after an edit of a few people.
 */
export const prepareOverview = perMapVersion(drawingOf, patchedDrawing);

function MapOverviewComponent() {
  const { t, i18n } = useTranslation();
  // The map as it was when the current gesture began, so a drag does not redraw the overview.
  const map = useMapStore((s) => s.gestureStart ?? s.map);
  const [tx, ty, zoom, width, height] = useStore(flowView, shallow);
  const flow = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);
  const drawing = useMemo(() => (map ? runAtOnce(prepareOverview(map)) : null), [map]);
  // The overview renders on every step of a pan (its screen rectangle): its name is looked up once per language.
  const label = useMemo(() => t('canvas.overview'), [t, i18n.language]);
  const bounds = useMemo(() => (map ? mapBounds(map) : null), [map]);

  const screen = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
  // Show the map and the screen together, with a margin, at the overview's aspect ratio.
  const left = Math.min(bounds?.x ?? screen.x, screen.x);
  const top = Math.min(bounds?.y ?? screen.y, screen.y);
  const right = Math.max(bounds ? bounds.x + bounds.width : screen.x + screen.width, screen.x + screen.width);
  const bottom = Math.max(bounds ? bounds.y + bounds.height : screen.y + screen.height, screen.y + screen.height);
  const scale = Math.max((right - left) / WIDTH, (bottom - top) / HEIGHT) * 1.1 || 1;
  const viewBox = [
    (left + right) / 2 - (WIDTH * scale) / 2,
    (top + bottom) / 2 - (HEIGHT * scale) / 2,
    WIDTH * scale,
    HEIGHT * scale,
  ];

  const moveTo = (event: React.PointerEvent<SVGSVGElement>) => {
    const matrix = svg.current?.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    void flow.setCenter(point.x, point.y, { zoom });
  };

  return (
    <Panel position="bottom-right" className="pm-overview">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={viewBox.join(' ')}
        role="img"
        aria-label={label}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons & 1) moveTo(event);
        }}
      >
        {drawing ? (
          <>
            <path d={drawing.departments} className="pm-overview__department" vectorEffect="non-scaling-stroke" />
            {drawing.cards.map(([stance, d]) => (
              <path key={stance} d={d} fill={STANCE_LOOK[stance].color} />
            ))}
          </>
        ) : null}
        <rect
          className="pm-overview__screen"
          x={screen.x}
          y={screen.y}
          width={screen.width}
          height={screen.height}
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </Panel>
  );
}

export const MapOverview = memo(MapOverviewComponent);
