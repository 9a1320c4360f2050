// Blocks: rectangles of records already laid out relative to their own corner, and the ways the
// layout combines them (rows that fit a 16:10 view, one above the other, grids of cards).
import type { Size } from '../domain/types';
import { CARD, ORG_LAYOUT } from './spacing';

/** A record placed inside a block, relative to the block's top-left corner. */
export interface Placed {
  id: string;
  x: number;
  y: number;
}

/** A rectangle of placed records, laid out but not yet positioned. */
export interface Block {
  width: number;
  height: number;
  items: Placed[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const single = (id: string, size: Size): Block => ({ width: size.width, height: size.height, items: [{ id, x: 0, y: 0 }] });

/**
 * Packs blocks left to right into rows, in the given order: a readable grid in which nothing
 * overlaps. Of the row widths at which the first row breaks, it keeps the one whose result needs
 * the smallest 16:10 view, so the packing fits a screen or a slide rather than a long strip.
 */
export function packRows(blocks: Block[], gap = ORG_LAYOUT.blockGap): Block {
  if (blocks.length <= 1) return blocks[0] ?? { width: 0, height: 0, items: [] };
  const { aspect } = ORG_LAYOUT;
  let bestWidth = 0;
  let bestView = Infinity;
  let candidate = -gap;
  for (const block of blocks) {
    candidate += block.width + gap;
    const { width, height } = shelf(blocks, candidate, gap, false);
    const view = Math.max(width, height * aspect) * Math.max(width / aspect, height);
    if (view < bestView) {
      bestView = view;
      bestWidth = candidate;
    }
  }
  return shelf(blocks, bestWidth, gap, true);
}

function shelf(blocks: Block[], rowWidth: number, gap: number, place: boolean): Block {
  const items: Placed[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const block of blocks) {
    if (x > 0 && x + block.width > rowWidth) {
      y += rowHeight + gap;
      x = 0;
      rowHeight = 0;
    }
    if (place) for (const item of block.items) items.push({ id: item.id, x: x + item.x, y: y + item.y });
    width = Math.max(width, x + block.width);
    rowHeight = Math.max(rowHeight, block.height);
    x += block.width + gap;
  }
  return { width, height: y + rowHeight, items };
}

/** One block above the other, the narrower one centred: a container's people over its departments. */
export function stack(top: Block | null, bottom: Block | null, gap = ORG_LAYOUT.blockGap): Block {
  if (!top || !bottom) return top ?? bottom ?? { width: 0, height: 0, items: [] };
  const width = Math.max(top.width, bottom.width);
  const topX = Math.round((width - top.width) / 2);
  const bottomX = Math.round((width - bottom.width) / 2);
  const bottomY = top.height + gap;
  return {
    width,
    height: bottomY + bottom.height,
    items: [
      ...top.items.map((item) => ({ id: item.id, x: topX + item.x, y: item.y })),
      ...bottom.items.map((item) => ({ id: item.id, x: bottomX + item.x, y: bottomY + item.y })),
    ],
  };
}

/** Columns and rows for `count` cards: one row up to maxRow, else a grid about `aspect` wide. */
function gridShape(count: number): { columns: number; rows: number } {
  if (count <= ORG_LAYOUT.maxRow) return { columns: count, rows: 1 };
  const cellWidth = CARD.width + ORG_LAYOUT.cardGap;
  const cellHeight = CARD.height + ORG_LAYOUT.wrapRowGap;
  const wanted = Math.max(3, Math.ceil(Math.sqrt((ORG_LAYOUT.aspect * cellHeight * count) / cellWidth)));
  const rows = Math.ceil(count / wanted);
  // Balance the rows, so the last one is not a lone card.
  return { columns: Math.ceil(count / rows), rows };
}

/**
 * Cards in a grid, in reading order. Cards are as wide as their names need, so each column is as
 * wide as its widest card and each row as tall as its tallest: the grid stays aligned and nothing
 * overlaps.
 */
export function grid(ids: readonly string[], sizeOf: (id: string) => Size): Block {
  const { columns } = gridShape(ids.length);
  const columnWidths: number[] = [];
  const rowHeights: number[] = [];
  ids.forEach((id, i) => {
    const size = sizeOf(id);
    const column = i % columns;
    const row = Math.floor(i / columns);
    columnWidths[column] = Math.max(columnWidths[column] ?? 0, size.width);
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, size.height);
  });
  const columnX = offsets(columnWidths, ORG_LAYOUT.cardGap);
  const rowY = offsets(rowHeights, ORG_LAYOUT.wrapRowGap);
  return {
    width: columnX[columnWidths.length],
    height: rowY[rowHeights.length],
    items: ids.map((id, i) => ({ id, x: columnX[i % columns], y: rowY[Math.floor(i / columns)] })),
  };
}

/** Start of each cell given the cells' lengths, and the total length last. */
function offsets(lengths: readonly number[], gap: number): number[] {
  const starts = [0];
  for (const length of lengths) starts.push(starts[starts.length - 1] + length + gap);
  starts[lengths.length] -= lengths.length ? gap : 0;
  return starts;
}
