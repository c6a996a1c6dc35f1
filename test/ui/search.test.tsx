// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderSelector, searchBodies, spyOnFetch, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();

describe('search', () => {
  it('shows the region, the searchbox, the grid and a live status', async () => {
    renderSelector({ repository: suite.emulator.url });
    const region = screen.getByRole('region', { name: 'Asset selector' });
    expect(region.getAttribute('data-color-scheme')).toBe('auto');
    expect(screen.getByRole('searchbox', { name: 'Search assets' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 assets found'));
    const grid = screen.getByRole('grid', { name: 'Assets' });
    expect(grid.getAttribute('aria-rowcount')).toBe(String(Math.ceil(24 / 5)));
    expect(grid.getAttribute('aria-multiselectable')).toBeNull();
    expect(within(grid).getAllByRole('row')[0]!.getAttribute('aria-rowindex')).toBe('1');
    // 600 px show 3 rows of 5; one overscan row below: 4 of the 5 rows are in the DOM.
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(20);
  });

  it('typing "kite" finds the kite photo and video, debounced; one more word leaves "1 asset found"', async () => {
    const fetchSpy = spyOnFetch();
    try {
      const { user } = renderSelector({ repository: suite.emulator.url });
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 assets found'));
      const searchbox = screen.getByRole('searchbox', { name: 'Search assets' });
      await user.type(searchbox, 'kite');
      const cell = await screen.findByRole('gridcell', { name: /^Kite over the hills/ });
      expect(cell.getAttribute('aria-label')).toBe('Kite over the hills, image, 2400 × 1500');
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 assets found'));
      // The video shows its poster: its delivery URL with an image format, marked as a video.
      const video = screen.getByRole('gridcell', { name: /^Kite flight \(video\), video/ });
      expect(video.querySelector('img')!.getAttribute('src')).toMatch(/\/as\/kite-flight\.avif\?width=\d+&quality=80$/);
      expect(video.querySelector('.as-video-marker')).toBeTruthy();
      // One request for the empty search, one for the settled text: not one per keystroke.
      let bodies = searchBodies(fetchSpy);
      expect(bodies).toHaveLength(2);
      expect(bodies[1]!.query).toEqual([{ match: { text: 'kite' } }]);
      expect(bodies[1]!.limit).toBe(48);
      // The query's signal reaches fetch, so a newer search cancels a stale one.
      expect(fetchSpy.mock.calls[0]![1]!.signal).toBeInstanceOf(AbortSignal);

      await user.type(searchbox, ' hills');
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 asset found'));
      expect(screen.getAllByRole('gridcell')).toHaveLength(1);
      expect(screen.getByRole('gridcell', { name: /^Kite over the hills/ })).toBeTruthy();
      bodies = searchBodies(fetchSpy);
      expect(bodies).toHaveLength(3);
      expect(bodies[2]!.query).toEqual([{ match: { text: 'kite hills' } }]);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('thumbnails come from the delivery API with srcset, sizes and async decoding; the grid’s load at once, the tray’s lazily', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url, imageFormat: 'webp', selectionType: 'multiple' });
    await user.type(screen.getByRole('searchbox'), 'kite');
    const cell = await screen.findByRole('gridcell', { name: /^Kite over the hills/ });
    const img = cell.querySelector('img')!;
    const id = suite.emulator.idOf('kite.jpg');
    expect(img.getAttribute('src')).toBe(`${suite.emulator.url}/adobe/assets/${id}/as/kite.webp?width=240&quality=80`);
    expect(img.getAttribute('srcset')).toContain(`${suite.emulator.url}/adobe/assets/${id}/as/kite.webp?width=160&quality=80 160w`);
    expect(img.getAttribute('sizes')).toBe('186px');
    // The row window renders only the rows in view and a few beyond: it is the grid's lazy loader.
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(img.getAttribute('alt')).toBe('');
    // The original's size, so the frame is reserved before the image arrives.
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['2400', '1500']);
    // The URL really delivers an image.
    const response = await fetch(img.getAttribute('src')!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\//);
    // The tray may list hundreds: its thumbnails are left to the browser's lazy loading.
    await user.click(cell);
    const tray = screen.getByRole('region', { name: 'Selected assets' });
    await waitFor(() => expect(tray.querySelector('img')?.getAttribute('loading')).toBe('lazy'));
  });

  it('sorts through orderBy and switches to the list view', async () => {
    const fetchSpy = spyOnFetch();
    try {
      const { user } = renderSelector({ repository: suite.emulator.url });
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 assets found'));
      await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Largest first');
      await waitFor(() => expect(searchBodies(fetchSpy).at(-1)!.orderBy).toBe('repositoryMetadata.repo:size desc'));
      await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Name (A–Z)');
      await waitFor(() => expect(searchBodies(fetchSpy).at(-1)!.orderBy).toBe('repositoryMetadata.repo:name asc'));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 assets found'));
      const [first, second] = screen.getAllByRole('gridcell').map((c) => c.getAttribute('aria-label'));
      expect(first).toMatch(/^Water drop crown, image, /);
      expect(second).toMatch(/^Astronaut portrait, image, /);
      await user.click(screen.getByRole('button', { name: 'List view' }));
      expect(screen.getByRole('button', { name: 'List view' }).getAttribute('aria-pressed')).toBe('true');
      expect(screen.getByRole('grid').getAttribute('aria-colcount')).toBe('1');
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('shows the empty state and clears back to all assets', async () => {
    const { user } = renderSelector({ repository: suite.emulator.url });
    await user.type(screen.getByRole('searchbox'), 'zzzqqq');
    expect(await screen.findByText('No assets match “zzzqqq”')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 assets found'));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });

  it('speaks German for locale de-DE', async () => {
    renderSelector({ repository: suite.emulator.url, locale: 'de-DE' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 Assets gefunden'));
    expect(screen.getByRole('region', { name: 'Asset-Auswahl' }).getAttribute('lang')).toBe('de-DE');
  });
});
