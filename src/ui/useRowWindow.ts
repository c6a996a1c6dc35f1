import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { renderedRows, scrollTopToReveal, totalHeight, visibleRange, type RowWindowLayout, type VisibleRange } from './rowWindow.ts';

export interface RowWindow {
  rows: Array<{ index: number; start: number }>;
  totalSize: number;
  /** The last row intersecting the viewport (-1 when none). */
  lastVisible: number;
  /** Scrolls the least needed to show row `index` whole. */
  scrollToRow(index: number): void;
}

/**
 * Renders only the rows in and near the viewport of `scrollRef`. The scroll listener re-renders
 * only when the visible range changes (not on every scroll event), coalesced to one update per
 * frame's scroll events, so scrolling 10,000 results keeps the DOM and the work per frame small.
 * The update runs in a task of its own, not in the frame: Preact renders a state change in a
 * microtask, so from an animation frame callback a jump of the window (30 new cards) rendered
 * inside the frame's own task, with its style, layout and paint, and made tasks of 53–108 ms while
 * scrolling 100,000 results. React renders in a task of its own either way; the overscan rows
 * cover the frame that shows the scroll before the new rows.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, layout: RowWindowLayout, viewportHeight: number, keep?: number, margin = 0): RowWindow {
  const [range, setRange] = useState<VisibleRange>({ first: -1, last: -1 });
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  // The scroll position the last scroll event found; 0 for a scroller nobody has scrolled.
  const scrolledTo = useRef(0);
  const viewport = useRef(viewportHeight);
  viewport.current = viewportHeight;
  const update = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    // At the top, with its height known, nothing needs reading: a grid that has just rendered its
    // first rows is not made to lay them out here, before the browser would anyway.
    const atTop = scrolledTo.current === 0 && viewport.current > 0;
    const next = atTop ? visibleRange(layoutRef.current, 0, viewport.current) : visibleRange(layoutRef.current, element.scrollTop, element.clientHeight);
    setRange((previous) => (previous.first === next.first && previous.last === next.last ? previous : next));
  }, [scrollRef]);

  useLayoutEffect(update, [update, layout.count, layout.rowHeight, layout.paddingStart, viewportHeight]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let queued: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      queued ??= setTimeout(() => {
        queued = undefined;
        scrolledTo.current = element.scrollTop;
        update();
      });
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      clearTimeout(queued);
    };
  }, [scrollRef, update]);

  const { count, rowHeight, paddingStart, paddingEnd, overscan } = layout;
  // Until the scroll position has been read (a grid that has just measured itself, or its first
  // results), the rows are those at the top, where a new scroller is: they render in this pass
  // rather than one layout and one render later.
  const shown = useMemo(
    () => (range.first < 0 && viewportHeight > 0 ? visibleRange({ count, rowHeight, paddingStart, paddingEnd, overscan }, 0, viewportHeight) : range),
    [range, viewportHeight, count, rowHeight, paddingStart, paddingEnd, overscan],
  );
  const rows = useMemo(
    () => renderedRows({ count, rowHeight, paddingStart, paddingEnd, overscan }, shown, keep),
    [count, rowHeight, paddingStart, paddingEnd, overscan, shown, keep],
  );
  const scrollToRow = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const top = scrollTopToReveal(layoutRef.current, index, element.scrollTop, element.clientHeight, margin);
      if (top !== undefined) element.scrollTo({ top });
    },
    [scrollRef, margin],
  );
  return { rows, totalSize: totalHeight(layout), lastVisible: shown.last, scrollToRow };
}
