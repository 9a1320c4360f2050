// The size of a stakeholder card and where its text wraps. A card is as wide as its longest line
// needs, between CARD_WIDTH.min and CARD_WIDTH.max; past the maximum, the name, the title and the
// note under them wrap onto as many lines as they need and the card grows taller. Nothing is cut.
// The canvas (canvas/nodes/StakeholderCard.tsx), the automatic layout and the exports all draw
// from this one layout, so a card has the same lines everywhere.
import { currentLanguage, t, tWords } from '../i18n';
import type { AccountMap, BuyingRole, Department, Size, Stakeholder } from './types';
import { type TextStyle, textWidth, wrapText } from './text-metrics';

/** Type on a card, in CSS pixels (StakeholderCard.css sets the same sizes and line heights). */
export const CARD_TYPE = {
  name: { size: 15, weight: 700, lineHeight: 19 },
  title: { size: 12.5, weight: 400, lineHeight: 17 },
  note: { size: 11.5, weight: 600, lineHeight: 16 },
} as const satisfies Record<string, TextStyle & { lineHeight: number }>;

export const CARD_WIDTH = { min: 220, max: 320 } as const;
export const CARD_MIN_HEIGHT = 96;

/**
 * The card's frame around its text column: left border 6, padding 10, stance circle 26, gap 10;
 * right padding 10 and border 1.5; top and bottom padding 9 and 8 plus 1.5 borders.
 */
export const CARD_FRAME = { left: 52, right: 11.5, top: 10.5, bottom: 9.5 } as const;
/** The row of stance label, role badges and influence bars; badges wrap onto more rows. */
export const CARD_META = { rowHeight: 16, marginTop: 3, gap: 4, stanceLabel: 84, badge: 30, influence: 20 } as const;
/** Gaps between the name, the title, the meta row and the note. */
const GAP = 1;
const NOTE_MARGIN = 1;

export type CardNoteKind = 'left' | 'no-relationship' | 'owner';

export interface CardLayout extends Size {
  name: string[];
  title: string[];
  /** Role badges per meta row: the first row also holds the stance label and influence bars. */
  roleRows: BuyingRole[][];
  note: { kind: CardNoteKind; text: string; lines: string[] } | null;
  /** Top of each text block, from the card's top edge (for exports, which place text themselves). */
  top: { name: number; title: number; meta: number; note: number };
  /** Seen from far: the name alone, in large type that fits the card. */
  far: { size: number; lines: string[] };
}

/** What a card says under its name when it has no title. */
export function titleText(person: Stakeholder): string {
  return person.title || tWords(person.placeholder ? 'canvas.card.seatToFill' : 'canvas.card.noTitle');
}

/** The line under the meta row: left the company, no relationship yet, or the owner on our side. */
export function cardNote(person: Stakeholder, ownerName: string | undefined): { kind: CardNoteKind; text: string } | null {
  // tWords: every card of a map is laid out when it opens, thousands on a large one.
  if (person.leftCompany) return { kind: 'left', text: person.leftTo ? tWords('canvas.card.leftTo', { company: person.leftTo }) : tWords('canvas.card.left') };
  if (person.relationship === 'none' && !person.placeholder) return { kind: 'no-relationship', text: tWords('canvas.card.noRelationship') };
  if (ownerName) return { kind: 'owner', text: tWords('canvas.card.owner', { name: ownerName }) };
  return null;
}

/** The stance label's type on the meta row (StakeholderCard.css: .pm-card__meta, .pm-card__stance-label). */
const STANCE_LABEL_TYPE: TextStyle = { size: 11.5, weight: 600 };

/**
 * Room the stance label takes on the meta row: at least CARD_META.stanceLabel, more for a longer
 * word ("Позиция неизвестна", "Nastawienie nieznane"), so badges move to the next row instead of
 * running past the card's edge.
 */
function stanceLabelWidth(person: Stakeholder): number {
  // Measured once per stance and language: every card of a large map asks.
  const key = `${currentLanguage()}|${person.stance}`;
  let width = stanceLabelWidths.get(key);
  if (width === undefined) {
    width = Math.max(CARD_META.stanceLabel, Math.ceil(textWidth(t(`legend.stance.${person.stance}`), STANCE_LABEL_TYPE)) + 2);
    stanceLabelWidths.set(key, width);
  }
  return width;
}
const stanceLabelWidths = new Map<string, number>();

function roleRows(roles: readonly BuyingRole[], width: number, stanceLabel: number): BuyingRole[][] {
  const { gap, badge, influence } = CARD_META;
  const rows: BuyingRole[][] = [[]];
  let used = stanceLabel + gap + influence;
  for (const role of roles) {
    if (used + badge + gap > width && rows[rows.length - 1].length + (rows.length === 1 ? 1 : 0) > 0) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(role);
    used += badge + gap;
  }
  return rows;
}

const FAR = { padding: 8, border: 14 + 1.5, largest: 26, smallest: 10, lineHeight: 1.1 } as const;

/**
 * The largest type, up to 26 px, at which the whole name fits the card seen from far, with no word
 * broken across lines ("Wolkenstein-Oberhause / n" read as two names). Where no size keeps every
 * word whole, the largest at which the name fits.
 */
export function farName(name: string, size: Size): CardLayout['far'] {
  const width = size.width - FAR.border - 2 * 14;
  const height = size.height - 2 * FAR.padding - 3;
  const words = name.trim().split(/\s+/);
  let fitting: CardLayout['far'] | null = null;
  for (let px: number = FAR.largest; ; px -= 2) {
    const style = { size: px, weight: 700 } as const;
    const lines = wrapText(name, width, style);
    const fits = lines.length * px * FAR.lineHeight <= height;
    if (fits && words.every((word) => textWidth(word, style) <= width)) return { size: px, lines };
    fitting ??= fits ? { size: px, lines } : null;
    if (px <= FAR.smallest) return fitting ?? { size: px, lines };
  }
}

/** The card for `person`, whose owner on our side is `ownerName`. */
export function cardLayout(person: Stakeholder, ownerName?: string): CardLayout {
  const title = titleText(person);
  const note = cardNote(person, ownerName);
  const noteStyle = note?.kind === 'owner' ? { ...CARD_TYPE.note, weight: 400 as const } : CARD_TYPE.note;
  const stanceLabel = stanceLabelWidth(person);
  const natural = Math.max(
    textWidth(person.name, CARD_TYPE.name),
    stanceLabel + CARD_META.gap + CARD_META.influence,
    textWidth(title, CARD_TYPE.title),
    note ? textWidth(note.text, noteStyle) : 0,
  );
  const frame = CARD_FRAME.left + CARD_FRAME.right;
  // Rounded up to 10 px, so cards in a row line up on a coarse grid.
  const width = Math.min(CARD_WIDTH.max, Math.max(CARD_WIDTH.min, Math.ceil((natural + frame + 1) / 10) * 10));
  const column = width - frame;
  const nameLines = wrapText(person.name, column, CARD_TYPE.name);
  const titleLines = wrapText(title, column, CARD_TYPE.title);
  const noteLines = note ? wrapText(note.text, column, noteStyle) : null;
  const rows = roleRows(person.roles, column, stanceLabel);
  // Top to bottom as the card's flex column stacks them (StakeholderCard.css).
  const top = { name: CARD_FRAME.top, title: 0, meta: 0, note: 0 };
  top.title = top.name + nameLines.length * CARD_TYPE.name.lineHeight + GAP;
  top.meta = top.title + titleLines.length * CARD_TYPE.title.lineHeight + GAP + CARD_META.marginTop;
  top.note = top.meta + rows.length * CARD_META.rowHeight + GAP + NOTE_MARGIN;
  const bottom = noteLines ? top.note + noteLines.length * CARD_TYPE.note.lineHeight : top.meta + rows.length * CARD_META.rowHeight;
  const height = Math.max(CARD_MIN_HEIGHT, Math.ceil(bottom + CARD_FRAME.bottom));
  return {
    width,
    height,
    name: nameLines,
    title: titleLines,
    roleRows: rows,
    note: note && noteLines ? { kind: note.kind, text: note.text, lines: noteLines } : null,
    top,
    far: farName(person.name, { width, height }),
  };
}

const layouts = new WeakMap<Stakeholder, { owner: string | undefined; language: string; layout: CardLayout }>();

/** The card layout of a stakeholder on `map` (records are immutable: cached per record, owner name and language, whose words fill the card). */
export function stakeholderCard(map: AccountMap, person: Stakeholder): CardLayout {
  return keptCardLayout(person, person.ownerId ? map.team[person.ownerId]?.name : undefined);
}

/** `cardLayout`, kept per record, owner's name and language: a card mounted again finds it worked out. */
export function keptCardLayout(person: Stakeholder, owner: string | undefined): CardLayout {
  const language = currentLanguage();
  const hit = layouts.get(person);
  if (hit && hit.owner === owner && hit.language === language) return hit.layout;
  const layout = cardLayout(person, owner);
  layouts.set(person, { owner, language, layout });
  return layout;
}

/** The size of a stakeholder's card on `map`. */
export function stakeholderSize(map: AccountMap, person: Stakeholder): Size {
  const { width, height } = stakeholderCard(map, person);
  return { width, height };
}


// ---------------------------------------------------------------- department frames

/** A department's name in its title bar, and a white-space department's potential value at its foot. */
export const DEPARTMENT_TYPE = {
  name: { size: 17, weight: 700, lineHeight: 22 },
  value: { size: 12.5, weight: 600, lineHeight: 17 },
} as const satisfies Record<string, TextStyle & { lineHeight: number }>;
/** Left and right padding of the title bar and of the value tag, together. */
const FRAME_PADDING = 24 + 12;

export const potentialValueText = (department: Department): string | null =>
  department.coverage === 'white-space' && department.potentialValue ? t('canvas.potential', { value: department.potentialValue }) : null;

/** The width at which a department shows its name (and potential value) on one line. */
export function departmentMinWidth(department: Department): number {
  const value = potentialValueText(department);
  const needed = Math.max(
    textWidth(department.name, DEPARTMENT_TYPE.name),
    value ? textWidth(value, DEPARTMENT_TYPE.value) : 0,
  );
  return Math.ceil((needed + FRAME_PADDING) / 10) * 10;
}

/** Room a department keeps at its foot for the potential value tag, so no card covers it. */
export const departmentFootRoom = (department: Department): number => (potentialValueText(department) ? 28 : 0);
