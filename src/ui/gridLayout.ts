import type { ViewMode } from '../store/createSelectorStore.ts';

/** Spacing of the results grid, in CSS pixels; styles.css uses the same numbers. */
export const GRID_GAP = 12;
export const GRID_PADDING = 12;
const MIN_CARD_WIDTH = 168;
/** On a phone-sized selector two smaller cards per row beat one huge one. */
const COMPACT_MIN_CARD_WIDTH = 136;
/** Title and meta line under a card's 4:3 thumbnail frame. */
const CARD_CAPTION_HEIGHT = 48;
const LIST_ROW_HEIGHT = 64;
const LIST_THUMB_WIDTH = 48;

/**
 * Rows rendered beyond the viewport, above and below. One row (about 200 px) is more than a
 * frame of wheel or keyboard scrolling moves, and each row more is four or five cards of DOM.
 */
export const OVERSCAN_ROWS = 1;

export interface GridLayout {
  columns: number;
  /** The thumbnail's CSS width (its `sizes`). */
  thumbWidth: number;
  /** A virtual row's height, gap included. */
  rowHeight: number;
}

/** How many cards fit in a row of a container `width` wide (one in a rail), and how tall a row is. */
export function gridLayout(width: number, view: ViewMode, rail = false): GridLayout {
  const inner = Math.max(0, width - 2 * GRID_PADDING);
  if (view === 'list') return { columns: 1, thumbWidth: LIST_THUMB_WIDTH, rowHeight: LIST_ROW_HEIGHT };
  const min = inner < 2 * MIN_CARD_WIDTH + GRID_GAP ? COMPACT_MIN_CARD_WIDTH : MIN_CARD_WIDTH;
  const columns = rail ? 1 : Math.max(1, Math.floor((inner + GRID_GAP) / (min + GRID_GAP)));
  // Unmeasured (0 wide): assume one minimal card, so the first frame has sensible rows.
  const cardWidth = inner > 0 ? (inner - GRID_GAP * (columns - 1)) / columns : MIN_CARD_WIDTH;
  return { columns, thumbWidth: Math.round(cardWidth), rowHeight: Math.round((cardWidth * 3) / 4 + CARD_CAPTION_HEIGHT + GRID_GAP) };
}
