import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { AssetSummary } from '../core/types.ts';
import { useSelector, useSelectorStore } from './useSelectorStore.ts';
import { AssetCard } from './AssetCard.tsx';
import { ErrorState } from './ErrorState.tsx';
import { firstScreenOf } from './firstScreen.ts';
import { GRID_GAP, GRID_PADDING, gridLayout, OVERSCAN_ROWS } from './gridLayout.ts';
import type { ResultList } from './resultList.ts';
import { useElementSize } from './useElementSize.ts';
import { useGridKeyboard } from './useGridKeyboard.ts';
import { useRowWindow } from './useRowWindow.ts';
import { useTranslator } from './useTranslator.ts';

export interface AssetGridProps {
  assets: ResultList;
  /** The repository's total (capped) and whether it is exact. */
  total: number;
  relation: 'eq' | 'gte';
  busy: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
  /** Set when loading a later page failed: shown as a last row with Retry. */
  nextPageError: unknown;
  /** The previous search's results are shown while this one's load. */
  showsPrevious: boolean;
}

/** The next page is fetched once the viewport is this many rows from the end of what is loaded. */
const PREFETCH_ROWS = 4;

/**
 * The results as an ARIA grid (one tab stop, arrow keys), virtualized by rows of as many cards as
 * fit, loading the next page through the cursor as its end comes into view. Only the rows in and
 * near the viewport exist in the DOM, however many assets are loaded.
 */
export function AssetGrid({ assets, total, relation, busy, hasNextPage, isFetchingNextPage, fetchNextPage, nextPageError, showsPrevious }: AssetGridProps) {
  const store = useSelectorStore();
  const t = useTranslator();
  const view = useSelector((s) => s.view);
  const multiple = useSelector((s) => s.options.selectionType === 'multiple');
  const focusedId = useSelector((s) => s.focusedId);
  const focusWanted = useSelector((s) => s.pendingFocus === 'grid');
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeCell = useRef<HTMLDivElement>(null);
  // Set by a keyboard move: DOM focus follows it to the new tab stop once that has rendered.
  const focusFollows = useRef(false);
  const screen = firstScreenOf(store);
  // It starts at the size the skeletons before it measured, so its first render has its rows.
  const size = useElementSize(scrollRef, screen.size);
  const { width, height } = size;
  useLayoutEffect(() => screen.shown(size, scrollRef.current!, showsPrevious), [screen, size, showsPrevious]);
  // Rendered (and painted): its cards have joined the thumbnails requested for them ahead.
  useEffect(() => screen.release(), [screen, assets]);
  const rail = useSelector((s) => s.options.layout === 'rail');
  const { columns, thumbWidth, rowHeight } = gridLayout(width, view, rail);
  const rows = Math.ceil(assets.length / columns);
  const tailHeight = hasNextPage || nextPageError ? rowHeight : 0;

  // A look-up only while something is focused (a map of every loaded asset, rebuilt for each page
  // while scrolling, cost more than all the look-ups it served), where it was first: as pages are
  // added while scrolling, the focused asset stays put.
  const focusedAt = useRef(-1);
  const focusedIndex = useMemo(() => (focusedId === undefined ? -1 : assets.indexOf(focusedId, focusedAt.current)), [assets, focusedId]);
  focusedAt.current = focusedIndex;
  const activeIndex = Math.max(0, focusedIndex);
  const activeRow = Math.floor(activeIndex / columns);
  // The active cell is the grid's only tab stop: its row stays rendered wherever the viewport is,
  // or Tab would skip the grid (and focus would drop) once it scrolls out of the window.
  const rowWindow = useRowWindow(
    scrollRef,
    { count: rows, rowHeight, paddingStart: GRID_PADDING, paddingEnd: GRID_PADDING + tailHeight, overscan: OVERSCAN_ROWS },
    height,
    activeRow,
    // Keyboard moves scroll the row in with its margin, so the focus ring is never cut off.
    GRID_PADDING,
  );
  const { scrollToRow } = rowWindow;

  const pageRows = Math.max(1, Math.floor(height / rowHeight));

  const onMove = useCallback(
    (index: number) => {
      const asset = assets.at(index);
      if (!asset) return;
      scrollToRow(Math.floor(index / columns));
      if (index === activeIndex && focusedIndex >= 0) return;
      focusFollows.current = true;
      store.getState().setFocused(asset.assetId);
    },
    [assets, columns, activeIndex, focusedIndex, store, scrollToRow],
  );
  const onToggle = useCallback((index: number) => {
    const asset = assets.at(index);
    if (asset) store.getState().toggle(asset);
  }, [assets, store]);
  const onKeyDown = useGridKeyboard({ count: assets.length, columns, pageRows, activeIndex, onMove, onToggle });

  // After a keyboard move, or when focus was handed to the grid (the editor closed without its
  // opener to return to), the active cell takes it as soon as it is rendered: a grid mounted with
  // focus wanted renders its rows only once it has measured itself (`rows` changes then).
  const renderedRows = rowWindow.rows;
  useLayoutEffect(() => {
    if (!activeCell.current) return;
    if (focusFollows.current || focusWanted) activeCell.current.focus({ preventScroll: true });
    focusFollows.current = false;
    if (focusWanted) store.getState().takeFocus();
  }, [activeIndex, focusedIndex, focusWanted, store, assets.length, renderedRows]);

  // The next page loads as the end of what is loaded comes within a few rows of the viewport.
  const lastVisible = rowWindow.lastVisible;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !nextPageError && lastVisible >= rows - 1 - PREFETCH_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, nextPageError, lastVisible, rows, fetchNextPage]);

  const totalSize = rowWindow.totalSize;
  return (
    <div ref={scrollRef} className="as-grid-scroll" data-view={view}>
      <div className="as-grid-canvas" style={{ height: totalSize }}>
        <div
          role="grid"
          aria-label={t.t('assets')}
          aria-multiselectable={multiple || undefined}
          aria-rowcount={relation === 'eq' ? Math.ceil(total / columns) : -1}
          aria-colcount={columns}
          aria-busy={busy || undefined}
          className="as-grid"
          data-view={view}
          onKeyDown={onKeyDown}
        >
          {rowWindow.rows.map((item) => {
            const first = item.index * columns;
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 1}
                className="as-grid-row"
                style={{
                  transform: `translateY(${item.start}px)`,
                  height: rowHeight - GRID_GAP,
                  gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
                }}
              >
                {rowOf(assets, first, columns).map((asset, column) => (
                  <AssetCard
                    key={asset.assetId}
                    asset={asset}
                    colIndex={column + 1}
                    tabStop={first + column === activeIndex}
                    view={view}
                    thumbWidth={thumbWidth}
                    cellRef={first + column === activeIndex ? activeCell : undefined}
                  />
                ))}
              </div>
            );
          })}
        </div>
        {tailHeight > 0 && (
          <div className="as-grid-tail" style={{ top: totalSize - tailHeight - GRID_PADDING, height: tailHeight - GRID_GAP }}>
            {nextPageError ? (
              <ErrorState inline error={nextPageError} title={t.t('errorTitle')} onRetry={() => void fetchNextPage()} />
            ) : (
              <span className="as-grid-loading">{t.t('loadingMore')}</span>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** The assets of the row starting at `first`. */
function rowOf(assets: ResultList, first: number, columns: number): AssetSummary[] {
  const row: AssetSummary[] = [];
  for (let i = first; i < first + columns && i < assets.length; i++) row.push(assets.at(i)!);
  return row;
}
