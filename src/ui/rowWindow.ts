/**
 * Windowing arithmetic for rows of one fixed height (the grid computes its row height; nothing is
 * measured). Pure, so it is tested apart from the hook that feeds it scroll positions.
 */
export interface RowWindowLayout {
  count: number;
  rowHeight: number;
  /** Space before the first row and after the last. */
  paddingStart: number;
  paddingEnd: number;
  /** Rows rendered beyond the viewport on each side. */
  overscan: number;
}

export interface VisibleRange {
  /** First and last row intersecting the viewport (-1, -1 when there are none). */
  first: number;
  last: number;
}

export function visibleRange(layout: RowWindowLayout, scrollTop: number, viewportHeight: number): VisibleRange {
  const { count, rowHeight, paddingStart } = layout;
  if (count === 0 || rowHeight <= 0) return { first: -1, last: -1 };
  const first = Math.min(count - 1, Math.max(0, Math.floor((scrollTop - paddingStart) / rowHeight)));
  const last = Math.min(count - 1, Math.max(first, Math.ceil((scrollTop + Math.max(viewportHeight, 1) - paddingStart) / rowHeight) - 1));
  return { first, last };
}

/** The rows to render: the visible ones, the overscan, and `keep` (the grid's tab stop) wherever it is. */
export function renderedRows(layout: RowWindowLayout, range: VisibleRange, keep?: number): Array<{ index: number; start: number }> {
  if (range.first < 0) return [];
  const from = Math.max(0, range.first - layout.overscan);
  const to = Math.min(layout.count - 1, range.last + layout.overscan);
  const indexes: number[] = [];
  if (keep !== undefined && keep >= 0 && keep < from) indexes.push(keep);
  for (let i = from; i <= to; i++) indexes.push(i);
  if (keep !== undefined && keep > to && keep < layout.count) indexes.push(keep);
  return indexes.map((index) => ({ index, start: layout.paddingStart + index * layout.rowHeight }));
}

export function totalHeight(layout: RowWindowLayout): number {
  return layout.paddingStart + layout.count * layout.rowHeight + layout.paddingEnd;
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement (undefined when it
 * already is), keeping `margin` pixels clear so a focus ring is never cut off.
 */
export function scrollTopToReveal(layout: RowWindowLayout, index: number, scrollTop: number, viewportHeight: number, margin: number): number | undefined {
  const top = layout.paddingStart + index * layout.rowHeight;
  const bottom = top + layout.rowHeight;
  if (top - margin < scrollTop) return Math.max(0, top - margin);
  if (bottom + margin > scrollTop + viewportHeight) return bottom + margin - viewportHeight;
  return undefined;
}
