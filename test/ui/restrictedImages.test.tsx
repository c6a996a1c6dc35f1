// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { SelectedAsset } from '../../src/core/types.ts';
import { stubObjectUrls } from './editorFixture.tsx';
import { renderSelector, spyOnFetch, uiSuite } from './uiFixture.tsx';

/** A viewport of one row of five cards: most of the 26 results (with the marketing role) are out of view. */
const suite = uiSuite(undefined, { width: 1000, height: 200 });
const MARKETING = 'dev-token-marketing';
const EVENING_GLOW = 'Rowing boats at sunset';

const realFetch = globalThis.fetch;
let objectUrls: ReturnType<typeof stubObjectUrls>;
let fetchSpy: MockInstance<typeof fetch>;
beforeEach(() => {
  objectUrls = stubObjectUrls();
  fetchSpy = spyOnFetch();
});
afterEach(() => {
  fetchSpy.mockRestore();
  objectUrls.restore();
});

const urlOf = (input: Parameters<typeof fetch>[0]) => String(input instanceof Request ? input.url : input);
const headerOf = (init: RequestInit | undefined, name: string) => new Headers(init?.headers).get(name);
/** The delivery requests fetch saw for one asset (thumbnails, previews), oldest first. */
const imageCalls = (assetId: string) => fetchSpy.mock.calls.filter(([input]) => urlOf(input).includes(`/adobe/assets/${assetId}/as/`));
const thumbnailOf = (cell: HTMLElement) => cell.querySelector<HTMLImageElement>('img.as-thumb-img');
const cell = (title: string) => screen.queryByRole('gridcell', { name: new RegExp(`^${title}`) });

describe('restricted assets, for the people allowed to see them', () => {
  it('fetches a restricted thumbnail with the token and shows it as an object URL; public ones stay plain <img srcset>', async () => {
    const onSelect = vi.fn<(assets: SelectedAsset[]) => void>();
    const { user } = renderSelector({ repository: suite.emulator.url, token: MARKETING, onSelect });
    const evening = await screen.findByRole('gridcell', { name: new RegExp(`^${EVENING_GLOW}`) });
    const image = thumbnailOf(evening)!;
    await waitFor(() => expect(image.getAttribute('src')).toMatch(/^blob:/));
    expect(image.dataset.delivery).toBe('authorized');
    expect(image.hasAttribute('srcset')).toBe(false);
    const id = suite.emulator.idOf('evening-glow.jpg');
    const calls = imageCalls(id);
    expect(calls).toHaveLength(1);
    expect(headerOf(calls[0]![1], 'Authorization')).toBe(`Bearer ${MARKETING}`);
    expect(urlOf(calls[0]![0])).not.toContain(MARKETING);
    // The bytes are what the repository delivered for that URL.
    expect(objectUrls.created).toHaveBeenCalledTimes(1);
    expect((objectUrls.created.mock.calls[0]![0] as Blob).size).toBeGreaterThan(1000);

    const kite = thumbnailOf(cell('Kite over the hills')!)!;
    expect(kite.dataset.delivery).toBe('public');
    expect(kite.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/adobe\/assets\/.*\/as\/kite\.avif\?width=/);
    expect(kite.getAttribute('srcset')).toMatch(/ 160w, /);
    // Nothing public was fetched by script: the browser loads those.
    expect(imageCalls(suite.emulator.idOf('kite.jpg'))).toHaveLength(0);

    await user.click(evening);
    await user.click(screen.getByRole('button', { name: /^Select\b/ }));
    expect(onSelect.mock.calls[0]![0]).toEqual([expect.objectContaining({ title: EVENING_GLOW, requiresAuthorization: true })]);
    expect(JSON.stringify(onSelect.mock.calls[0]![0])).not.toContain(MARKETING);
  });

  it('revokes the object URL when its cell scrolls away, and shows it again from the cache (no new request) when it scrolls back', async () => {
    renderSelector({ repository: suite.emulator.url, token: MARKETING });
    const evening = await screen.findByRole('gridcell', { name: new RegExp(`^${EVENING_GLOW}`) });
    await waitFor(() => expect(thumbnailOf(evening)!.getAttribute('src')).toMatch(/^blob:/));
    const shown = thumbnailOf(evening)!.getAttribute('src')!;
    expect(objectUrls.revoked).not.toHaveBeenCalledWith(shown);

    const scroller = screen.getByRole('grid', { name: 'Assets' }).closest<HTMLElement>('.as-grid-scroll')!;
    act(() => scroller.scrollTo({ top: 6 * 199 }));
    await waitFor(() => expect(cell(EVENING_GLOW)).toBeNull());
    // The cell leaves the DOM at the commit; its effects' cleanup (the revocation) runs right after.
    await waitFor(() => expect(objectUrls.revoked).toHaveBeenCalledWith(shown));
    // The other restricted asset, now in view, is fetched with the token in its turn.
    const orange = await screen.findByRole('gridcell', { name: /^Orange petals/ });
    await waitFor(() => expect(thumbnailOf(orange)!.getAttribute('src')).toMatch(/^blob:/));

    act(() => scroller.scrollTo({ top: 0 }));
    const back = await screen.findByRole('gridcell', { name: new RegExp(`^${EVENING_GLOW}`) });
    await waitFor(() => expect(thumbnailOf(back)!.getAttribute('src')).toMatch(/^blob:/));
    expect(thumbnailOf(back)!.getAttribute('src')).not.toBe(shown);
    expect(imageCalls(suite.emulator.idOf('evening-glow.jpg'))).toHaveLength(1);
  });

  it('revokes every object URL on unmount, and aborts a request whose cell is gone before the image arrived', async () => {
    const id = suite.emulator.idOf('evening-glow.jpg');
    // A slow network for this one image: the request waits before it goes out, unless aborted.
    let slow = true;
    fetchSpy.mockImplementation(async (input, init) => {
      if (slow && urlOf(input).includes(`/adobe/assets/${id}/as/`)) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 3000);
          init?.signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
      }
      return realFetch(input, init);
    });
    const first = renderSelector({ repository: suite.emulator.url, token: MARKETING });
    await screen.findByRole('gridcell', { name: new RegExp(`^${EVENING_GLOW}`) });
    await waitFor(() => expect(imageCalls(id)).toHaveLength(1));
    const pending = imageCalls(id)[0]![1]!.signal!;
    expect(pending.aborted).toBe(false);
    first.unmount();
    expect(pending.aborted).toBe(true);
    expect(objectUrls.created).not.toHaveBeenCalled();

    slow = false;
    const second = renderSelector({ repository: suite.emulator.url, token: MARKETING });
    const evening = await screen.findByRole('gridcell', { name: new RegExp(`^${EVENING_GLOW}`) });
    await waitFor(() => expect(thumbnailOf(evening)!.getAttribute('src')).toMatch(/^blob:/));
    const live = objectUrls.created.mock.results.map((r) => r.value as string);
    expect(live.length).toBeGreaterThan(0);
    second.unmount();
    for (const url of live) expect(objectUrls.revoked).toHaveBeenCalledWith(url);
  });

  it('a public image that fails to load is tried once more with the token, and only once', async () => {
    renderSelector({ repository: suite.emulator.url, token: MARKETING });
    const kite = await screen.findByRole('gridcell', { name: /^Kite over the hills/ });
    const image = thumbnailOf(kite)!;
    expect(image.dataset.delivery).toBe('public');
    act(() => void fireEvent.error(image));
    await waitFor(() => expect(thumbnailOf(kite)!.getAttribute('src')).toMatch(/^blob:/));
    expect(thumbnailOf(kite)!.dataset.delivery).toBe('authorized');
    const calls = imageCalls(suite.emulator.idOf('kite.jpg'));
    expect(calls).toHaveLength(1);
    expect(headerOf(calls[0]![1], 'Authorization')).toBe(`Bearer ${MARKETING}`);
    // Once: if that fails too, the icon stands in.
    act(() => void fireEvent.error(thumbnailOf(kite)!));
    await waitFor(() => expect(thumbnailOf(kite)).toBeNull());
    expect(kite.querySelector('.as-thumb-icon')).not.toBeNull();
  });

  it('without a token, a failed public image is not fetched by script: its kind icon stands in', async () => {
    renderSelector({ repository: suite.emulator.url });
    const kite = await screen.findByRole('gridcell', { name: /^Kite over the hills/ });
    act(() => void fireEvent.error(thumbnailOf(kite)!));
    await waitFor(() => expect(kite.querySelector('.as-thumb-icon')).not.toBeNull());
    expect(imageCalls(suite.emulator.idOf('kite.jpg'))).toHaveLength(0);
    expect(within(kite).queryByRole('img')).toBeNull();
  });
});
