// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';
import { SelectorRoot } from '../../src/ui/SelectorRoot.tsx';
import { renderSelector, searchBodies, SLOW_LOAD, spyOnFetch, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();
let fetchSpy: ReturnType<typeof spyOnFetch>;
afterEach(() => fetchSpy?.mockRestore());

const editor = () => screen.getByRole('region', { name: 'Advanced query' });
const shownBody = () => JSON.parse(within(editor()).getByRole('figure', { name: 'Request body' }).querySelector('pre')!.textContent!);

describe('advanced query editor', () => {
  it('builds rows and a nested group, shows the body it makes, runs it, and survives a remount', async () => {
    fetchSpy = spyOnFetch();
    const store = createSelectorStore(validateOptions({ repository: suite.emulator.url }));
    const { user, unmount } = renderSelector({ repository: suite.emulator.url }, store);
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    // The editor is loaded on first use.
    await screen.findByRole('region', { name: 'Advanced query' }, SLOW_LOAD);
    expect(screen.getByRole('button', { name: 'Advanced' }).getAttribute('aria-expanded')).toBe('true');

    // Condition 1: keywords is kite.
    await user.click(within(editor()).getByRole('button', { name: 'Add condition' }));
    let row = within(editor()).getByRole('group', { name: 'Condition 1' });
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Field' }), 'Keywords');
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Operator' }), 'is');
    await user.type(within(row).getByRole('textbox', { name: 'Value' }), 'kite');

    // A group: width between 2000 and 3000 OR title contains "moon".
    await user.click(within(editor()).getByRole('button', { name: 'Add group' }));
    const group = within(editor()).getByRole('group', { name: 'Group 2' });
    row = within(group).getByRole('group', { name: 'Condition 2' });
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Field' }), 'Width (px)');
    await user.type(within(row).getByRole('spinbutton', { name: 'Value' }), '2000');
    await user.type(within(row).getByRole('spinbutton', { name: 'Upper value' }), '3000');
    await user.click(within(group).getByRole('button', { name: 'Add condition' }));
    row = within(group).getByRole('group', { name: 'Condition 3' });
    await user.type(within(row).getByRole('textbox', { name: 'Value' }), 'hills');

    const expectedQuery: Array<{ or?: unknown[] } & Record<string, unknown>> = [
      { term: { 'assetMetadata.xcm:keywords': ['kite'] } },
      { or: [{ range: { 'assetMetadata.tiff:ImageWidth': { gte: 2000, lte: 3000 } } }, { match: { text: 'hills', fields: ['assetMetadata.dc:title'] } }] },
    ];
    expect(shownBody()).toEqual({ query: expectedQuery, limit: 48, facets: expect.any(Array) });
    // Nothing runs before Run.
    expect(searchBodies(fetchSpy).some((b) => JSON.stringify(b).includes('hills'))).toBe(false);

    await user.click(within(editor()).getByRole('button', { name: 'Run query' }));
    await waitFor(() => expect(searchBodies(fetchSpy).at(-1)).toEqual(shownBody()));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 asset found'));
    expect(screen.getByRole('gridcell', { name: /^Kite over the hills/ })).toBeTruthy();
    expect(screen.getByText('Advanced query applied')).toBeTruthy();

    // Unmount the UI, mount a new one on the same store: the editor and its query are still there.
    const body = shownBody();
    unmount();
    render(<SelectorRoot store={store} />);
    await screen.findByRole('region', { name: 'Advanced query' }, SLOW_LOAD);
    expect(shownBody()).toEqual(body);
    expect((within(editor()).getByRole('group', { name: 'Condition 1' }).querySelector('input') as HTMLInputElement).value).toBe('kite');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 asset found'));

    // OR at the top level makes one `or` (the group's own `or` folds into it); Clear query empties and deactivates it.
    await user.selectOptions(within(editor()).getByRole('combobox', { name: 'Combine conditions' }), 'Any (OR)');
    expect(shownBody().query).toEqual([{ or: [expectedQuery[0], ...expectedQuery[1]!.or!] }]);
    await user.click(within(editor()).getByRole('button', { name: 'Clear query' }));
    expect(store.getState().advanced).toMatchObject({ items: [], active: false });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^2\d assets found$/));
  });
});
