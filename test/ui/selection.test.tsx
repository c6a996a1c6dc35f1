// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SelectedAsset } from '../../src/core/types.ts';
import { renderSelector, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();

const cells = () => screen.getAllByRole('gridcell');
const loaded = () => waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^\d+ assets found$/));

describe('selection', () => {
  it('selects two by keyboard (arrows + Space) and Select hands over two SelectedAssets', async () => {
    const onSelect = vi.fn<(assets: SelectedAsset[]) => void>();
    const onSelectionChange = vi.fn<(assets: SelectedAsset[]) => void>();
    const { user } = renderSelector({ repository: suite.emulator.url, selectionType: 'multiple', onSelect, onSelectionChange });
    await loaded();
    const grid = screen.getByRole('grid', { name: 'Assets' });
    expect(grid.getAttribute('aria-multiselectable')).toBe('true');
    // One tab stop: Tab from the search field's neighbours lands on the first cell.
    expect(cells().filter((c) => c.tabIndex === 0)).toHaveLength(1);
    act(() => cells()[0]!.focus());
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cells()[1]);
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cells()[6]);
    await user.keyboard('{Enter}');
    expect(cells()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(cells()[6]!.getAttribute('aria-selected')).toBe('true');
    expect(cells()[0]!.getAttribute('aria-selected')).toBe('false');
    expect(cells().filter((c) => c.tabIndex === 0)).toEqual([cells()[6]]);
    expect(onSelectionChange).toHaveBeenCalledTimes(2);
    expect(onSelectionChange.mock.lastCall![0]).toHaveLength(2);

    const tray = screen.getByRole('region', { name: 'Selected assets' });
    expect(within(tray).getAllByRole('listitem')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Select 2' }));
    expect(onSelect).toHaveBeenCalledTimes(1);
    const assets = onSelect.mock.calls[0]![0];
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      expect(asset.url.startsWith(`${suite.emulator.url}/adobe/assets/${asset.assetId}/`)).toBe(true);
      expect(asset.modifiers).toEqual({});
      expect(asset.originalUrl.startsWith(suite.emulator.url)).toBe(true);
    }
    // Each cell's name starts with its asset's title.
    const names = [cells()[1]!, cells()[6]!].map((c) => c.getAttribute('aria-label')!);
    assets.forEach((a, i) => expect(names[i]!.startsWith(`${a.title}, `)).toBe(true));
    // Inline: Select does not hide the region.
    expect(screen.getByRole('region', { name: 'Asset selector' })).toBeTruthy();
  });

  it('moves with Home/End, Ctrl+End, PageDown and keeps focus visible on the active cell', async () => {
    const { user, store } = renderSelector({ repository: suite.emulator.url });
    await loaded();
    act(() => cells()[7]!.focus());
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(cells()[5]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(cells()[9]);
    await user.keyboard('{Control>}{End}{/Control}');
    const all = cells();
    expect(document.activeElement).toBe(all[all.length - 1]);
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement).toBe(cells()[0]);
    // 600px of 199px rows: a page is three rows of five.
    await user.keyboard('{PageDown}');
    expect(document.activeElement).toBe(cells()[15]);
    expect(store.getState().focusedId).toBeDefined();
    await user.keyboard('{PageUp}');
    expect(document.activeElement).toBe(cells()[0]);
  });

  it('single selection replaces the chosen asset; the tray removes; Cancel calls onClose', async () => {
    const onSelect = vi.fn();
    const onClose = vi.fn();
    const { user, store } = renderSelector({ repository: suite.emulator.url, onSelect, onClose });
    await loaded();
    await user.click(cells()[0]!);
    await user.click(cells()[2]!);
    expect(cells().map((c) => c.getAttribute('aria-selected'))).toEqual(cells().map((_, i) => String(i === 2)));
    expect(store.getState().selection.size).toBe(1);
    // Single selection: the button is just "Select".
    await user.click(screen.getByRole('button', { name: 'Select' }));
    expect(onSelect.mock.calls[0]![0]).toHaveLength(1);

    const tray = screen.getByRole('region', { name: 'Selected assets' });
    const title = (onSelect.mock.calls[0]![0] as Array<{ title: string }>)[0]!.title;
    await user.click(within(tray).getByRole('button', { name: `Remove ${title}` }));
    expect(store.getState().selection.size).toBe(0);
    expect(screen.getByRole('button', { name: 'Select' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('the details panel shows the focused asset as text', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url });
    await user.type(screen.getByRole('searchbox'), 'kite hills');
    const cell = await screen.findByRole('gridcell', { name: /^Kite over the hills/ });
    act(() => cell.focus());
    const details = screen.getByRole('region', { name: 'Details' });
    await within(details).findByText('Kite over the hills');
    expect(within(details).getByText('2400 × 1500')).toBeTruthy();
    expect(within(details).getByText('JPEG')).toBeTruthy();
    expect(within(details).getByText('cloud')).toBeTruthy();
  });
});
