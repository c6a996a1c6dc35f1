// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import type { FunctionComponent } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';
import { renderSelector, resultSearchBodies, spyOnFetch, stubLayout } from './uiFixture.tsx';

/** Renders of the parts that show only the first page (the count, the filter groups), by name. */
const renders = new Map<string, number>();
function counted<P extends object>(name: string, inner: FunctionComponent<P>): FunctionComponent<P> {
  return (props: P) => {
    renders.set(name, (renders.get(name) ?? 0) + 1);
    return inner(props);
  };
}
vi.mock('../../src/ui/ResultStatus.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ui/ResultStatus.tsx')>();
  return { ...actual, ResultStatus: counted('ResultStatus', actual.ResultStatus) };
});
vi.mock('../../src/ui/FilterGroupValues.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ui/FilterGroupValues.tsx')>();
  return { ...actual, FilterGroupValues: counted('FilterGroupValues', actual.FilterGroupValues) };
});

/**
 * The pages the results query packed (resultList.ts's packPage, as the selector calls it), and the
 * pages the grid's list was last made of (createResultList): the grid must read the packed ones.
 */
const packed: Array<import('../../src/ui/resultList.ts').ResultsPage> = [];
let listed: readonly import('../../src/ui/resultList.ts').ResultsPage[] = [];
vi.mock('../../src/ui/resultList.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ui/resultList.ts')>();
  return {
    ...actual,
    packPage: (page: Parameters<typeof actual.packPage>[0]) => (packed.push(actual.packPage(page)), packed.at(-1)!),
    createResultList: (...args: Parameters<typeof actual.createResultList>) => ((listed = args[0] ?? []), actual.createResultList(...args)),
  };
});

let emulator: TestEmulator;
let restoreLayout: () => void;

beforeAll(async () => {
  // Enough synthetic assets that the repository caps the count (≈ 8 % are hidden).
  emulator = await startTestEmulator({ synthetic: 12_000 });
  restoreLayout = stubLayout({ width: 1000, height: 800 });
});
afterAll(async () => {
  restoreLayout();
  await emulator.close();
});
afterEach(() => cleanup());

describe('at scale', () => {
  it('says 10,000+, pages through the cursor while scrolling, and keeps the DOM small', async () => {
    const fetchSpy = spyOnFetch();
    try {
      renderSelector({ repository: emulator.url });
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('10,000+ assets found'));
      const grid = screen.getByRole('grid', { name: 'Assets' });
      expect(grid.getAttribute('aria-rowcount')).toBe('-1');
      const scroller = grid.closest<HTMLElement>('.as-grid-scroll')!;
      const rowHeight = 199;
      await waitFor(() => expect(screen.getAllByRole('gridcell').length).toBeGreaterThan(0));
      // The filter groups come a task after the first results (FilterPanel's PendingGroups).
      await waitFor(() => expect(renders.get('FilterGroupValues')).toBeGreaterThan(0));
      const before = new Map(renders);
      // Scroll to the end of what is loaded, again and again: each time the next page comes.
      for (let page = 1; page <= 6; page++) {
        await waitFor(() => expect(screen.getAllByRole('gridcell').length).toBeGreaterThan(0));
        const loadedRows = Math.ceil((page * 48) / 5);
        act(() => scroller.scrollTo({ top: loadedRows * rowHeight - 800 }));
        await waitFor(() => expect(resultSearchBodies(fetchSpy).length).toBeGreaterThan(page));
        // The grid holds the 5 rows the viewport shows, one overscan row each side and the tab
        // stop's row: at most 8 rows of 5 cards. With the rest of the selector that is under 400
        // elements here; `npm run bench` counts the 500-element budget in Chromium's layout.
        expect(grid.querySelectorAll('[role="row"]').length).toBeLessThanOrEqual(Math.ceil(800 / rowHeight) + 2 + 1);
        expect(document.body.querySelectorAll('*').length).toBeLessThanOrEqual(400);
        // An image card is 4 elements: the cell, the image (its own frame), title and meta; the
        // stylesheet draws the check and its tick.
        for (const image of grid.querySelectorAll('img')) expect(image.closest('[role="gridcell"]')!.querySelectorAll('*')).toHaveLength(3);
        // The one tab stop stays in the DOM (its row is kept rendered) however far the grid scrolls.
        expect(grid.querySelectorAll('[role="gridcell"][tabindex="0"]')).toHaveLength(1);
      }
      // The pages added while scrolling re-render neither the count nor the filter groups: they
      // show only what the first page says.
      expect(renders).toEqual(before);
      const bodies = resultSearchBodies(fetchSpy);
      expect(bodies[0]!.cursor).toBeUndefined();
      expect(bodies.slice(1).every((b) => typeof b.cursor === 'string')).toBe(true);
      // Facets are counted once, for the first page: later pages leave them out.
      expect(bodies[0]!.facets).toBeDefined();
      expect(bodies.slice(1).map((b) => b.facets)).toEqual(bodies.slice(1).map(() => undefined));
      // Every page after the first is kept as its text's UTF-8 bytes, not as objects: one array per page.
      // (the last page asked for may still be on its way)
      await waitFor(() => expect(packed).toHaveLength(bodies.length - 1));
      for (const page of packed) {
        expect(page.hits.results).toEqual([]);
        expect(page.packed!.count).toBe(48);
        expect(JSON.parse(new TextDecoder().decode(page.packed!.bytes))).toHaveLength(48);
      }
      // What the grid reads is those packed pages themselves, after the first page as it came.
      await waitFor(() => expect(listed.length).toBe(packed.length + 1));
      expect(listed[0]!.packed).toBeUndefined();
      listed.slice(1).forEach((page, i) => expect(page).toBe(packed[i]));
      // Rows far above the viewport are gone: the first cells are no longer in the DOM.
      expect(screen.getAllByRole('row')[1]!.getAttribute('aria-rowindex')).not.toBe('2');
      expect(screen.getAllByRole('gridcell').length).toBeLessThanOrEqual(5 * 12);
      // How long scrolling takes is measured in Chromium by `npm run bench` (long tasks while
      // scrolling 10,000 assets), not here: jsdom's timings say nothing about a browser's.
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
