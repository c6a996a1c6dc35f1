// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { memo, type ComponentProps, type FunctionComponent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderSelector, resultSearchBodies, spyOnFetch, uiSuite } from './uiFixture.tsx';

/** Renders per asset id: AssetCard is wrapped (same memo, same hooks) to count its renders. */
const renders = new Map<string, number>();

vi.mock('../../src/ui/AssetCard.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ui/AssetCard.tsx')>();
  const inner = (actual.AssetCard as unknown as { type: FunctionComponent<ComponentProps<typeof actual.AssetCard>> }).type;
  const Counted = memo((props: ComponentProps<typeof actual.AssetCard>) => {
    renders.set(props.asset.assetId, (renders.get(props.asset.assetId) ?? 0) + 1);
    return inner(props);
  });
  return { ...actual, AssetCard: Counted };
});

/** Renders of the layout (toolbar, panels, results): SelectorLayout wrapped the same way. */
let layoutRenders = 0;
vi.mock('../../src/ui/SelectorLayout.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ui/SelectorLayout.tsx')>();
  const Counted = (props: ComponentProps<typeof actual.SelectorLayout>) => {
    layoutRenders++;
    return actual.SelectorLayout(props);
  };
  return { ...actual, SelectorLayout: Counted };
});

const suite = uiSuite();

const snapshot = () => new Map(renders);
const changed = (before: Map<string, number>) => [...renders].filter(([id, n]) => before.get(id) !== n).map(([id]) => id);

describe('per-card subscriptions', () => {
  it('toggling one card re-renders that card only', async () => {
    const { user, store } = renderSelector({ repository: suite.emulator.url, selectionType: 'multiple' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    const cells = screen.getAllByRole('gridcell');
    expect(cells.length).toBeGreaterThan(10);
    act(() => cells[3]!.focus());
    await user.keyboard('{ArrowLeft}{ArrowRight}');
    // Let the details panel's metadata request settle: it must not re-render cards either.
    await waitFor(() => expect(screen.getByRole('region', { name: 'Details' }).getAttribute('aria-busy')).toBeNull());

    const id = store.getState().focusedId!;
    let before = snapshot();
    await user.keyboard(' ');
    expect(store.getState().selection.has(id)).toBe(true);
    expect(changed(before)).toEqual([id]);
    expect(renders.get(id)! - before.get(id)!).toBe(1);

    before = snapshot();
    await user.keyboard(' ');
    expect(changed(before)).toEqual([id]);

    // A store update that changes no card's slice re-renders no card.
    before = snapshot();
    act(() => store.getState().setText(store.getState().text));
    act(() => store.getState().deselect('urn:aaid:aem:not-there'));
    expect(changed(before)).toEqual([]);
  });

  it('left alone, a selector keeps the search it started with: nothing settles into an equal one after the typing pause', async () => {
    const { store } = renderSelector({ repository: suite.emulator.url });
    const search = store.getState().search;
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    // Past the typing pause (250 ms): an equal search made then re-rendered the results and the filters.
    await new Promise((done) => setTimeout(done, 400));
    expect(store.getState().search).toBe(search);
  });

  it('typing in the search box does not re-render the cards', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    const before = snapshot();
    await user.type(screen.getByRole('searchbox'), 'ki');
    expect(changed(before)).toEqual([]);
  });

  it('typing, and the search it settles into, do not render the layout again (toolbar, panels, the frame of the results)', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    const before = layoutRenders;
    await user.type(screen.getByRole('searchbox'), 'kite');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^\d+ assets? found$/));
    await waitFor(() => expect(screen.getAllByRole('gridcell').every((cell) => /kite/i.test(cell.getAttribute('aria-label') ?? ''))).toBe(true));
    // The toolbar, the panels and the results' frame were not rendered again: only the search
    // box, the settling and the parts that read the results were.
    expect(layoutRenders).toBe(before);
  });

  it('mounted again, the repository’s same answer to the repeated search re-renders no card', async () => {
    const options = { repository: suite.emulator.url };
    const first = renderSelector(options);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    first.unmount();
    const fetchSpy = spyOnFetch();
    try {
      renderSelector(options);
      // Its first render shows the results it showed before (recentFirstPages.ts), and asks again.
      expect(screen.getAllByRole('gridcell').length).toBeGreaterThan(10);
      const before = snapshot();
      const asked = resultSearchBodies(fetchSpy).length;
      expect(asked).toBe(1);
      const grid = screen.getByRole('grid', { name: 'Assets' });
      expect(grid.getAttribute('aria-busy')).toBe('true');
      await waitFor(() => expect(grid.hasAttribute('aria-busy')).toBe(false));
      expect(changed(before)).toEqual([]);
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
