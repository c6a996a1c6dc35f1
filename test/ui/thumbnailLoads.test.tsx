// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { AssetSelector } from '../../src/ui/AssetSelector.tsx';
import { renderSelector, uiSuite } from './uiFixture.tsx';

/** A viewport of one row of five cards: most of the 24 results are out of view. */
const suite = uiSuite(undefined, { width: 1000, height: 200 });
const thumbnailOf = (cell: HTMLElement) => cell.querySelector<HTMLImageElement>('img.as-thumb-img');

describe('thumbnails that leave the grid stop loading', () => {
  it('a card scrolled away takes src and srcset from its image as it goes (the browser cancels the download)', async () => {
    renderSelector({ repository: suite.emulator.url });
    await screen.findAllByRole('gridcell');
    // A card with a picture in the second row (the first holds the grid's tab stop, which stays).
    const second = screen.getAllByRole('row').find((row) => row.getAttribute('aria-rowindex') === '2')!;
    const cell = within(second).getAllByRole('gridcell').find((c) => thumbnailOf(c)?.hasAttribute('srcset'))!;
    const name = cell.getAttribute('aria-label')!;
    const image = thumbnailOf(cell)!;
    // jsdom loads no image: this one is still on the way, as a slow thumbnail would be.
    expect(image.complete).toBe(false);
    const src = image.getAttribute('src')!;
    const srcset = image.getAttribute('srcset')!;
    expect(src).toMatch(/\/adobe\/assets\/.+\/as\/.+\?width=/);
    expect(srcset).toMatch(/ 160w/);

    const scroller = screen.getByRole('grid', { name: 'Assets' }).closest<HTMLElement>('.as-grid-scroll')!;
    act(() => scroller.scrollTo({ top: 6 * 199 }));
    await waitFor(() => expect(screen.queryByRole('gridcell', { name })).toBeNull());
    expect(image.isConnected).toBe(false);
    expect(image.hasAttribute('src')).toBe(false);
    expect(image.hasAttribute('srcset')).toBe(false);

    // Scrolled back, a new element loads it again.
    act(() => scroller.scrollTo({ top: 0 }));
    const back = thumbnailOf(await screen.findByRole('gridcell', { name }))!;
    expect(back).not.toBe(image);
    expect(back.getAttribute('src')).toBe(src);
    expect(back.getAttribute('srcset')).toBe(srcset);
  });

  it('under StrictMode, whose trial unmount lets go of every ref and takes it again, each thumbnail keeps its sources', async () => {
    render(
      <StrictMode>
        <AssetSelector repository={suite.emulator.url} selectionType="multiple" />
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/assets found$/));
    const images = screen.getAllByRole('gridcell').map(thumbnailOf).filter((img) => img !== null);
    expect(images.length).toBeGreaterThan(3);
    for (const img of images) {
      expect(img.isConnected).toBe(true);
      expect(img.getAttribute('src')).toMatch(/\/adobe\/assets\/.+\/as\/.+\?width=/);
      expect(img.getAttribute('srcset')).toMatch(/ 160w/);
    }
  });
});
