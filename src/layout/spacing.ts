// The measures of the automatic layout, shared by its parts (see org-layout.ts).
import { DEPARTMENT_HEADER_HEIGHT, STAKEHOLDER_CARD } from '../domain/defaults';
import { stakeholderSize } from '../domain/card-layout';
import type { AccountMap, Size } from '../domain/types';

/** Spacing of the automatic layout, in canvas pixels. */
export const ORG_LAYOUT = {
  /** Inside a department, between its frame (below the header) and its contents. */
  padding: 16,
  /** Between cards side by side. */
  cardGap: 24,
  /** Between a manager's row and their reports' row: room for the reporting lines. */
  rankGap: 48,
  /** Between the rows of a wrapped fan-out. */
  wrapRowGap: 20,
  /** Between org charts and departments that share a container. */
  blockGap: 40,
  /** Up to this many reports who manage nobody sit in one row under their manager; more wrap. */
  maxRow: 5,
  /** Width to height that wrapped grids and packed rows aim for (a slide, a projector). */
  aspect: 1.6,
} as const;

/** The smallest card: grids aim their shape at it. Real cards are as large as their text needs. */
export const CARD = STAKEHOLDER_CARD;
/** The size of stakeholder `id`'s card on `map` (domain/card-layout.ts). */
export const cardSize = (map: AccountMap, id: string): Size => stakeholderSize(map, map.stakeholders[id]);
export const HEADER = DEPARTMENT_HEADER_HEIGHT;
/** An empty department keeps room for one card, so it stays a visible drop target (white space). */
export const EMPTY_DEPARTMENT: Size = {
  width: CARD.width + 2 * ORG_LAYOUT.padding,
  height: HEADER + CARD.height + 2 * ORG_LAYOUT.padding,
};
