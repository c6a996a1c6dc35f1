// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SelectorOptions } from '../../src/core/options.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';
import { SelectorRoot } from '../../src/ui/SelectorRoot.tsx';
import { resultSearchBodies, SLOW_LOAD, spyOnFetch, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();

/** Mounts a selector, waits for its results, and unmounts it: what a host route leaving does. */
async function showAndLeave(options: SelectorOptions): Promise<string[]> {
  const view = render(<SelectorRoot store={createSelectorStore(validateOptions(options))} />);
  const cells = await within(await screen.findByRole('grid', { name: 'Assets' }, SLOW_LOAD)).findAllByRole('gridcell', {}, SLOW_LOAD);
  const names = cells.map((cell) => cell.getAttribute('aria-label')!);
  view.unmount();
  return names;
}

/** The result cells a selector shows in its very first render (no network answer awaited). */
function firstRender(options: SelectorOptions) {
  const fetchSpy = spyOnFetch();
  let cells: string[] = [];
  act(() => {
    render(<SelectorRoot store={createSelectorStore(validateOptions(options))} />);
  });
  const grid = screen.queryByRole('grid', { name: 'Assets' });
  cells = grid ? within(grid).queryAllByRole('gridcell').map((cell) => cell.getAttribute('aria-label')!) : [];
  return { cells, fetchSpy };
}

describe('mounted again on the same page', () => {
  it('shows the results it showed before in its first render, and asks the repository again', async () => {
    const options = { repository: suite.emulator.url };
    const before = await showAndLeave(options);
    expect(before.length).toBeGreaterThan(0);
    const { cells, fetchSpy } = firstRender(options);
    try {
      expect(cells).toEqual(before);
      // Stale while revalidating: the same search went out again.
      expect(resultSearchBodies(fetchSpy)).toHaveLength(1);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('shares nothing between different tokens, nor with a token function, nor across repositories or scopes', async () => {
    await showAndLeave({ repository: suite.emulator.url, token: 'dev-token' });
    for (const options of [
      { repository: suite.emulator.url },
      { repository: suite.emulator.url, token: 'another-token' },
      { repository: suite.emulator.url, token: () => 'dev-token' },
      { repository: `${suite.emulator.url}/`, token: 'dev-token', query: [{ term: { 'dc:format': ['image/jpeg'] } }] },
    ] satisfies SelectorOptions[]) {
      const { cells, fetchSpy } = firstRender(options);
      fetchSpy.mockRestore();
      expect(cells, JSON.stringify({ ...options, token: typeof options.token })).toEqual([]);
      act(() => document.body.replaceChildren());
    }
    // A token function neither reads nor writes what is shared, not even for itself.
    const tokenFunction = () => 'dev-token';
    await showAndLeave({ repository: suite.emulator.url, token: tokenFunction });
    const { cells, fetchSpy } = firstRender({ repository: suite.emulator.url, token: tokenFunction });
    fetchSpy.mockRestore();
    expect(cells).toEqual([]);
  });
});
