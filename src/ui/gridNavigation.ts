/**
 * The ARIA grid pattern's keyboard moves over a list laid out in rows of `columns` cells (the
 * last row may be short). Pure, so every edge case is a unit test.
 */
export interface GridShape {
  /** Cells in the grid (loaded assets). */
  count: number;
  /** Cells per row, at least 1. */
  columns: number;
  /** Rows that fit in the viewport: how far PageUp / PageDown move. */
  pageRows: number;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * The index the active cell moves to for a key, the same index when the key is a grid key that
 * cannot move further (so the caller still prevents the default scroll), or undefined when the
 * key is not a navigation key (or the grid is empty). Arrows do not wrap, as in the APG grid.
 */
export function nextGridIndex(key: GridKey, index: number, shape: GridShape): number | undefined {
  const { count } = shape;
  if (count <= 0) return undefined;
  const columns = Math.max(1, Math.floor(shape.columns));
  const pageRows = Math.max(1, Math.floor(shape.pageRows));
  const current = Math.min(Math.max(0, index), count - 1);
  const row = Math.floor(current / columns);
  const column = current % columns;
  const lastRow = Math.floor((count - 1) / columns);
  const rowStart = row * columns;
  const rowEnd = Math.min(rowStart + columns - 1, count - 1);
  // A move to another row keeps the column, landing on the last cell of a short last row.
  const toRow = (target: number) => Math.min(Math.max(0, Math.min(target, lastRow)) * columns + column, count - 1);
  const control = Boolean(key.ctrlKey || key.metaKey);

  switch (key.key) {
    case 'ArrowRight':
      return current < rowEnd ? current + 1 : current;
    case 'ArrowLeft':
      return current > rowStart ? current - 1 : current;
    case 'ArrowDown':
      return row < lastRow ? toRow(row + 1) : current;
    case 'ArrowUp':
      return row > 0 ? toRow(row - 1) : current;
    case 'Home':
      return control ? 0 : rowStart;
    case 'End':
      return control ? count - 1 : rowEnd;
    case 'PageDown':
      return toRow(row + pageRows);
    case 'PageUp':
      return toRow(row - pageRows);
    default:
      return undefined;
  }
}
