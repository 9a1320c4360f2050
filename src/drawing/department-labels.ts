// Department names seen from far: at a zoom where a frame's own name is hard to read, each
// department in view gets its name in a label of a fixed size on screen, as frame titles stay
// readable in Miro or Figma at any zoom (canvas/DepartmentLabels.tsx draws them). A name is
// wrapped between words to fit its department and never cut: a word longer than the room may
// reach a little past the frame. While the cards' own names can be read no label covers one, and
// where the room between the rows of cards is tight, the label's type steps down. A department too
// small on screen for its whole name, or with no free place for it, gets none at that zoom.
import type { Coverage } from '../domain/types';
import { CANVAS_BORDER_DASH, COVERAGE_LOOK } from './appearance';

/** A department as the labels see it: its rectangle in map units, its name and its coverage. */
export interface LabelledDepartment {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  name: string;
  coverage: Coverage;
  /** The word on its frame's badge (appearance.ts departmentBadge). */
  badge?: string;
}

/** One label placed on screen (CSS pixels): its department, its box and its name's lines. */
export interface PlacedLabel {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  /** Type size, px. */
  size: number;
  coverage: Coverage;
}

/**
 * Below this zoom the departments get labels. A frame's own name is set at 17 px
 * (DepartmentFrame.css): under 65% it is smaller than the labels' smallest type, 11 px.
 */
export const LABELS_BELOW_ZOOM = 0.65;

/** Spacing of a label, in screen pixels. */
export const LABEL = {
  /** Type sizes tried, largest first: 14 px reads on a projector, 11 px is the least used. */
  sizes: [14, 12.5, 11],
  padX: 6,
  padY: 2,
  /** Gap between the department's edge (or the screen's top) and its label. */
  inset: 4,
  maxLines: 3,
} as const;

/** The height of a line of a label's name at type size `size`. */
export const lineHeight = (size: number) => Math.round(size * 1.3);

/**
 * A frame's badge, a tab on its top edge at the right (DepartmentFrame.css), in map units: its
 * type size, its padding either side, its height, and its distance in from the frame's right edge
 * and up from its top edge (the border included).
 */
const BADGE = { size: 11.5, padX: 8, height: 20, right: 14, up: 10 } as const;

/** Calls `visit` with each rectangle (of a card, of a line's label) on the map, in map units. */
export type CardRects = (visit: (x: number, y: number, width: number, height: number) => void) => void;

/** The width of `text` set in a label's font at `size` px. */
export type Measure = (text: string, size: number) => number;

export interface LabelView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/**
 * Splits `text` into lines no wider than `room`, between words only: a word wider than the room
 * gets a line of its own, as wide as it is. Null when it takes more than `maxLines`.
 */
export function wrapName(text: string, room: number, measure: (text: string) => number, maxLines: number): string[] | null {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const joined = line ? `${line} ${word}` : word;
    if (!line || measure(joined) <= room) line = joined;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  tidyBreaks(lines, room, measure);
  return lines.length <= maxLines ? lines : null;
}

/** A word this short does not end a line before the rest of a name, nor stand alone on its last line. */
const CLINGS = 3;

/**
 * Moves words across breaks where that reads better and still fits: a short word ending a line
 * ("Legal &") goes down to the word it belongs with, and a short last line ("22") takes the word
 * before it ("Milan 22").
 */
function tidyBreaks(lines: string[], room: number, measure: (text: string) => number): void {
  const moveDown = (i: number) => {
    const words = lines[i].split(' ');
    if (words.length < 2) return;
    const next = `${words[words.length - 1]} ${lines[i + 1]}`;
    if (measure(next) > room) return;
    lines[i] = words.slice(0, -1).join(' ');
    lines[i + 1] = next;
  };
  for (let i = 0; i < lines.length - 1; i++) {
    const words = lines[i].split(' ');
    if (words[words.length - 1].length <= CLINGS && /^\P{L}+$|^\p{Ll}/u.test(words[words.length - 1])) moveDown(i);
  }
  const last = lines.length - 1;
  if (last > 0 && !lines[last].includes(' ') && lines[last].length <= CLINGS) moveDown(last - 1);
}

/**
 * Seen from so far that no card is avoided, the most of its department's area on screen a label
 * may cover: the stance colours of its cards stay in sight, and a department too small for its
 * name is left unlabelled rather than buried.
 */
const FAR_SHARE = 0.5;

/** How far a label may reach past its department's width, for a word longer than the room in it. */
const OVERHANG = 1.5;

/** Where a label lies: a box on screen, in CSS pixels. */
type Box = Pick<PlacedLabel, 'x' | 'y' | 'width' | 'height'>;

/** What a label keeps off besides other labels. */
export interface Obstacles {
  /** The cards, passed while their names can be read. */
  cards?: CardRects | null;
  /** The lines' labels, where the canvas shows them. */
  lineLabels?: CardRects | null;
  /** Whether the frames show their badges (not in the far look): a label covers no other frame's. */
  badges?: boolean;
}

/**
 * Where each department's label goes in `view`. Tried in turn, at each type size from the largest,
 * the name on one line and then wrapped: on its top edge like a tab, half in the gap above and
 * half in the frame's header; just inside its top-left corner, kept at the top of the screen while
 * the department reaches above it; a little higher or lower on the edge; just above it. The first
 * place free of other labels (and, given `cards`, of cards) is taken. Without `cards`, a label
 * covers at most half of its department.
 * `departments` come largest first, so a department is labelled before the ones inside it.
 */
export function placeDepartmentLabels(departments: readonly LabelledDepartment[], view: LabelView, measure: Measure, { cards = null, lineLabels = null, badges = false }: Obstacles = {}): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const { zoom } = view;
  const onScreen = (box: Box) => box.x < view.width && box.y < view.height && box.x + box.width > 0 && box.y + box.height > 0;
  // Badges are measured only for the frames on screen: this runs on steps of a pan.
  const inView = departments
    .map((department) => ({ department, frame: { x: department.x * zoom + view.x, y: department.y * zoom + view.y, width: department.width * zoom, height: department.height * zoom } }))
    .filter(({ frame }) => onScreen(frame))
    .map(({ department, frame }) => ({ department, frame, badge: badges && department.badge ? badgeBox(department.badge, frame, zoom, measure) : null }));
  const cardsInView = cards || lineLabels ? new BoxIndex([...(cards ? rectsOnScreen(cards, view) : []), ...(lineLabels ? rectsOnScreen(lineLabels, view) : [])]) : null;
  const badgesInView = badges ? new BoxIndex(inView.flatMap(({ badge }) => (badge ? [badge] : []))) : null;
  const labels = new BoxIndex();
  // A label wholly on screen (never cut at its edge), over no other label, no card, no line's
  // label and no other frame's badge (its own frame's makes way for it, as its name does).
  const free = (box: Box, own: Box | null) =>
    box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height && !labels.meets(box) && !cardsInView?.meets(box) && !badgesInView?.meets(box, own);
  const frames = inView.filter(({ department, frame }) => department.name.trim() && frame.width - 2 * LABEL.inset - 2 * LABEL.padX >= 2 * LABEL.sizes[LABEL.sizes.length - 1]);
  // Every department within its frame's width first; then, for those left without a label, the
  // name on one line reaching past the frame, where that lies over no other label.
  const labelled = new Set<LabelledDepartment>();
  for (const overhang of [false, true]) {
    for (const { department, frame, badge } of frames) {
      if (labelled.has(department)) continue;
      const label = labelAt(department, frame, measure, (box) => free(box, badge), overhang, cards ? 1 : FAR_SHARE);
      if (label) {
        placed.push(label);
        labels.add(label);
        labelled.add(department);
      }
    }
  }
  return placed;
}

/** Where the badge reading `text` lies on `frame` (on screen, at `zoom`). */
function badgeBox(text: string, frame: Box, zoom: number, measure: Measure): Box {
  const width = (measure(text, BADGE.size) + 2 * BADGE.padX) * zoom;
  return { x: frame.x + frame.width - BADGE.right * zoom - width, y: frame.y - BADGE.up * zoom, width, height: BADGE.height * zoom };
}

/** `department`'s label in the first free place, trying each type size from the largest; or null. */
function labelAt(department: LabelledDepartment, frame: Box, measure: Measure, free: (box: Box) => boolean, overhang: boolean, share: number): PlacedLabel | null {
  const usable = frame.width - 2 * LABEL.inset;
  const room = usable - 2 * LABEL.padX;
  const oneLine = [department.name.trim().replace(/\s+/g, ' ')];
  // The name on one line at any size first (fewer awkward breaks), then wrapped.
  const shapes: ((size: number) => string[] | null)[] = overhang ? [() => oneLine] : [() => oneLine, (size) => wrapName(department.name, room, (text) => measure(text, size), LABEL.maxLines)];
  for (const shape of shapes) {
    for (const size of LABEL.sizes) {
      const lines = room >= size * 2 ? shape(size) : null;
      if (!lines) continue;
      const width = Math.max(...lines.map((line) => measure(line, size))) + 2 * LABEL.padX;
      // A word longer than the room may reach past the frame, and so may the overhanging line.
      if (width > usable * (overhang || lines.length > 1 ? OVERHANG : 1)) continue;
      const height = lines.length * lineHeight(size) + 2 * LABEL.padY;
      if (width * height > share * frame.width * frame.height) continue;
      // At its frame's left, or at the screen's while the frame reaches past it (within the frame).
      const left = Math.max(frame.x + 2 * LABEL.inset, LABEL.inset);
      const x = width <= usable ? Math.min(left, frame.x + frame.width - LABEL.inset - width) : left;
      for (const y of placesFor(frame, height)) {
        const box = { x, y, width, height };
        if (free(box)) return { id: department.id, ...box, lines, size, coverage: department.coverage };
      }
    }
  }
  return null;
}

/** The heights a label of `height` may sit at on `frame`, best first. */
function placesFor(frame: Box, height: number): number[] {
  const places = [
    // A tab on the top edge, centred on it.
    frame.y - height / 2,
    // Inside, at the top of the screen while the frame reaches above it, never below its bottom.
    ...(height <= frame.height - 2 * LABEL.inset ? [Math.min(Math.max(frame.y, 0) + LABEL.inset, frame.y + frame.height - LABEL.inset - height)] : []),
    // On the edge a little higher or lower, or just above it.
    frame.y - (height * 3) / 4,
    frame.y - height / 4,
    frame.y - height - 2,
  ];
  return places;
}

/** Boxes on screen, bucketed in a coarse grid so a label is tested against the few near it. */
class BoxIndex {
  private readonly cells = new Map<number, Box[]>();
  private static readonly CELL = 64;
  /** Cells start a little above and left of the screen: keys stay positive and unique. */
  private static readonly OFFSET = 64;

  constructor(boxes: readonly Box[] = []) {
    for (const box of boxes) this.add(box);
  }

  add(box: Box): void {
    const [left, right, top, bottom] = BoxIndex.span(box);
    for (let cx = left; cx <= right; cx++) {
      for (let cy = top; cy <= bottom; cy++) {
        const key = cx * 4096 + cy;
        const cell = this.cells.get(key);
        if (cell) cell.push(box);
        else this.cells.set(key, [box]);
      }
    }
  }

  /** Whether `box` overlaps one of the boxes, `except` aside. */
  meets(box: Box, except: Box | null = null): boolean {
    const [left, right, top, bottom] = BoxIndex.span(box);
    for (let cx = left; cx <= right; cx++) {
      for (let cy = top; cy <= bottom; cy++) {
        const cell = this.cells.get(cx * 4096 + cy);
        if (cell) for (const other of cell) if (other !== except && overlaps(other, box)) return true;
      }
    }
    return false;
  }

  private static span(box: Box): [number, number, number, number] {
    const cell = BoxIndex.CELL;
    const at = (value: number) => Math.floor(value / cell) + BoxIndex.OFFSET;
    return [at(box.x), at(box.x + box.width), at(box.y), at(box.y + box.height)];
  }
}

/** The cards that are on screen, in screen pixels. */
function rectsOnScreen(cards: CardRects, view: LabelView): Box[] {
  const boxes: Box[] = [];
  const { zoom } = view;
  cards((mapX, mapY, mapWidth, mapHeight) => {
    const x = mapX * zoom + view.x;
    const y = mapY * zoom + view.y;
    const width = mapWidth * zoom;
    const height = mapHeight * zoom;
    if (x < view.width && y < view.height && x + width > 0 && y + height > 0) boxes.push({ x, y, width, height });
  });
  return boxes;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The font a label is set in, at `size` px, for `family` (a CSS font family list). */
export const labelFont = (size: number, family: string) => `700 ${size}px ${family}`;

/**
 * Draws `labels` (placed by placeDepartmentLabels, in CSS pixels; the context is scaled to them):
 * white tags outlined in their coverage's colour and line style, as the frame is, with the names.
 * The type is set again only where the size changes: setting it is what costs.
 */
export function drawDepartmentLabels(context: Context, labels: readonly PlacedLabel[], family: string): void {
  context.lineWidth = 1.5;
  context.textBaseline = 'middle';
  let size = 0;
  for (const label of labels) {
    const look = COVERAGE_LOOK[label.coverage];
    context.beginPath();
    context.roundRect(label.x, label.y, label.width, label.height, 5);
    context.fillStyle = 'rgba(255, 255, 255, 0.94)';
    context.fill();
    context.setLineDash(CANVAS_BORDER_DASH[look.borderStyle]);
    context.strokeStyle = look.border;
    context.stroke();
    if (label.size !== size) context.font = labelFont((size = label.size), family);
    context.fillStyle = '#0f172a';
    const step = lineHeight(label.size);
    label.lines.forEach((line, n) => context.fillText(line, label.x + LABEL.padX, label.y + LABEL.padY + (n + 0.5) * step));
  }
  context.setLineDash([]);
}
