import { describe, expect, it } from 'vitest';
import { renderedRows, scrollTopToReveal, totalHeight, visibleRange, type RowWindowLayout } from '../../src/ui/rowWindow.ts';

const layout: RowWindowLayout = { count: 1000, rowHeight: 100, paddingStart: 10, paddingEnd: 60, overscan: 2 };

describe('row window', () => {
  it('finds the rows that intersect the viewport', () => {
    expect(visibleRange(layout, 0, 350)).toEqual({ first: 0, last: 3 });
    expect(visibleRange(layout, 10, 300)).toEqual({ first: 0, last: 2 });
    expect(visibleRange(layout, 1010, 300)).toEqual({ first: 10, last: 12 });
    expect(visibleRange(layout, 10 ** 9, 300)).toEqual({ first: 999, last: 999 });
    expect(visibleRange({ ...layout, count: 0 }, 0, 300)).toEqual({ first: -1, last: -1 });
  });

  it('renders the range, the overscan and the kept row, in order', () => {
    const rows = renderedRows(layout, { first: 10, last: 12 });
    expect(rows.map((r) => r.index)).toEqual([8, 9, 10, 11, 12, 13, 14]);
    expect(rows[0]!.start).toBe(810);
    expect(renderedRows(layout, { first: 10, last: 12 }, 500).map((r) => r.index)).toEqual([8, 9, 10, 11, 12, 13, 14, 500]);
    expect(renderedRows(layout, { first: 10, last: 12 }, 1).map((r) => r.index)[0]).toBe(1);
    expect(renderedRows(layout, { first: 0, last: 1 }).map((r) => r.index)).toEqual([0, 1, 2, 3]);
  });

  it('stays small however many rows there are', () => {
    const huge = { ...layout, count: 1_000_000 };
    expect(renderedRows(huge, visibleRange(huge, 5e7, 900)).length).toBeLessThanOrEqual(14);
    expect(totalHeight(huge)).toBe(10 + 1e8 + 60);
  });

  it('reveals a row with the least scrolling, keeping a margin', () => {
    expect(scrollTopToReveal(layout, 5, 0, 300, 10)).toBe(10 + 600 + 10 - 300);
    expect(scrollTopToReveal(layout, 1, 0, 300, 10)).toBeUndefined();
    expect(scrollTopToReveal(layout, 0, 500, 300, 10)).toBe(0);
    expect(scrollTopToReveal(layout, 3, 500, 300, 10)).toBe(300);
  });
});
