// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCrop } from '../../src/core/cropGeometry.ts';
import type { SelectedAsset } from '../../src/core/types.ts';
import { openEditorOn, stubObjectUrls, urlModifiers, urlText } from './editorFixture.tsx';
import { renderSelector, resultSearchBodies, settle, SLOW_LOAD, spyOnFetch, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();
let objectUrls: ReturnType<typeof stubObjectUrls>;
beforeEach(() => {
  objectUrls = stubObjectUrls();
});
afterEach(() => {
  objectUrls.restore();
  vi.restoreAllMocks();
});

/** The preview's requests: the only delivery URLs loaded with fetch (thumbnails are <img>s). */
const previewCalls = (spy: ReturnType<typeof spyOnFetch>) => spy.mock.calls.filter(([input]) => String(input).includes('/as/'));

describe('image editor', () => {
  it('smart crop and a keyboard-drawn crop exclude each other', async () => {
    const { user } = await openEditorOn({ repository: suite.emulator.url });
    const crop = screen.getByLabelText('Crop');
    expect(crop.getAttribute('aria-roledescription')).toBe('crop area');
    act(() => crop.focus());
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(urlModifiers()).toEqual({});
    await user.keyboard('{ArrowUp}'.repeat(3) + '{Shift>}{ArrowUp}{/Shift}');
    expect(urlModifiers()).toEqual({ crop: '0p,0p,100p,99p' });

    const group = screen.getByRole('radiogroup', { name: 'Smart crop' });
    const square = await within(group).findByRole('radio', { name: 'Square' });
    expect(document.getElementById(square.getAttribute('aria-describedby')!)!.textContent).toBe('1080 × 1080');
    await user.click(square);
    expect(urlModifiers()).toEqual({ smartcrop: 'Square' });
    expect(urlText()).toContain('smartcrop=Square');

    act(() => crop.focus());
    for (let i = 0; i < 20; i++) await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    await user.keyboard('{ArrowRight}'.repeat(5));
    const mods = urlModifiers();
    expect(mods.smartcrop).toBeUndefined();
    expect(mods.crop).toMatch(/^\d{1,3}(\.\d{1,2})?p,\d{1,3}(\.\d{1,2})?p,\d{1,3}(\.\d{1,2})?p,\d{1,3}(\.\d{1,2})?p$/);
    const rect = parseCrop(mods.crop!)!;
    expect(rect.x + rect.width).toBeLessThanOrEqual(100);
    expect(rect.y + rect.height).toBeLessThanOrEqual(100);
    // The square on a 2400 × 1500 image is 62.5% wide; 20 steps narrower leaves 42.5%.
    expect(rect.width).toBeCloseTo(42.5, 2);
    expect(screen.getByText(/^Crop: left [\d.]+%, top 0%, 42.5% × 100%$/)).toBeTruthy();

    await user.click(within(group).getByRole('radio', { name: 'None' }));
    expect(urlModifiers().smartcrop).toBeUndefined();
    await user.click(within(group).getByRole('radio', { name: 'Square' }));
    expect(urlModifiers()).toEqual({ smartcrop: 'Square' });
  });

  it('drags a handle to resize and the body to move, one update per animation frame', async () => {
    await openEditorOn({ repository: suite.emulator.url });
    const crop = screen.getByLabelText('Crop');
    const frame = crop.parentElement!;
    vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, left: 0, top: 0, width: 600, height: 375, right: 600, bottom: 375, toJSON: () => ({}) });
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const handle = crop.querySelector('[data-handle="se"]')!;
    fireEvent.pointerDown(handle, { button: 0, pointerId: 1, clientX: 600, clientY: 375 });
    for (const [x, y] of [[500, 300], [400, 250], [300, 187.5]]) fireEvent.pointerMove(frame, { pointerId: 1, clientX: x, clientY: y });
    expect(frames).toHaveLength(1);
    expect(urlModifiers()).toEqual({});
    act(() => frames[0]!(0));
    expect(urlModifiers()).toEqual({ crop: '0p,0p,50p,50p' });
    fireEvent.pointerUp(frame, { pointerId: 1 });

    fireEvent.pointerDown(crop, { button: 0, pointerId: 1, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(frame, { pointerId: 1, clientX: 160, clientY: 137.5 });
    // Releasing applies the pending move at once rather than waiting for the frame.
    fireEvent.pointerUp(frame, { pointerId: 1 });
    expect(urlModifiers()).toEqual({ crop: '10p,10p,50p,50p' });
  });

  it('Apply puts the settings on the selection, and Select emits url, modifiers and srcset with them', async () => {
    const onSelect = vi.fn<(assets: SelectedAsset[]) => void>();
    const { user, store } = await openEditorOn({ repository: suite.emulator.url, onSelect });
    await user.type(screen.getByLabelText('Width'), '400');
    await user.selectOptions(screen.getByLabelText('Rotate'), '90');
    await user.selectOptions(screen.getByLabelText('Format'), 'webp');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.queryByRole('region', { name: 'Edit image' })).toBeNull();
    const entry = [...store.getState().selection.values()][0]!;
    expect(entry).toMatchObject({ modifiers: { width: '400', rotate: '90' }, format: 'webp' });

    await user.click(screen.getByRole('button', { name: 'Select 1' }));
    const [asset] = onSelect.mock.calls[0]![0];
    expect(asset!.url).toMatch(/\/as\/[\w.-]+\.webp\?width=400&rotate=90$/);
    expect(asset!.modifiers).toEqual({ width: '400', rotate: '90' });
    expect(asset!.srcset).toBeDefined();
    for (const candidate of asset!.srcset!.split(', ')) expect(candidate).toMatch(/\.webp\?width=\d+&rotate=90 \d+w$/);

    // Reopening starts from what was applied.
    await user.click(within(screen.getByRole('region', { name: 'Selected assets' })).getByRole('button', { name: 'Edit' }));
    expect(((await screen.findByLabelText('Width')) as HTMLInputElement).value).toBe('400');
    expect((screen.getByLabelText('Format') as HTMLSelectElement).value).toBe('webp');
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(urlModifiers()).toEqual({});
    expect(urlText()).toMatch(/\.avif$/);
    await user.click(screen.getByRole('button', { name: 'Close editor' }));
    expect([...store.getState().selection.values()][0]!.modifiers).toEqual({ width: '400', rotate: '90' });
  });

  it('edits two selected images one after another, each keeping its own settings', async () => {
    const { user, store } = await openEditorOn({ repository: suite.emulator.url }, ['Kite over the hills', 'Chelsea the cat']);
    const editor = screen.getByRole('region', { name: 'Edit image' });
    expect(within(editor).getByRole('heading').textContent).toBe('Kite over the hillsImage 1 of 2');
    await user.type(screen.getByLabelText('Width'), '400');
    await user.click(screen.getByRole('button', { name: 'Next image' }));
    expect(within(editor).getByRole('heading').textContent).toMatch(/^Chelsea the cat/);
    expect((screen.getByLabelText('Width') as HTMLInputElement).value).toBe('');
    await user.selectOptions(screen.getByLabelText('Rotate'), '180');
    await user.click(screen.getByRole('button', { name: 'Previous image' }));
    expect((screen.getByLabelText('Width') as HTMLInputElement).value).toBe('400');
    expect((screen.getByLabelText('Rotate') as HTMLSelectElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect([...store.getState().selection.values()].map((e) => e.modifiers)).toEqual([{ width: '400' }, { rotate: '180' }]);
  });

  it('Edit in the details panel selects an unselected image first; editor: false offers no Edit', async () => {
    const { user, store } = renderSelector({ repository: suite.emulator.url });
    await user.type(screen.getByRole('searchbox'), 'kite hills');
    const cell = await screen.findByRole('gridcell', { name: /^Kite over the hills/ });
    act(() => cell.focus());
    const details = screen.getByRole('region', { name: 'Details' });
    const edit = await within(details).findByRole('button', { name: 'Edit' });
    expect(document.getElementById(edit.getAttribute('aria-describedby')!)!.textContent).toBe('Kite over the hills');
    expect(store.getState().selection.size).toBe(0);
    await user.click(edit);
    expect(store.getState().selection.size).toBe(1);
    const editor = await screen.findByRole('region', { name: 'Edit image' }, SLOW_LOAD);
    // Closing it: the Edit that opened it is gone with the details it was in, so focus goes to the
    // grid's active cell rather than being dropped.
    act(() => within(editor).getByRole('button', { name: 'Close editor' }).click());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('gridcell', { name: /^Kite over the hills/ })));
    expect(store.getState().pendingFocus).toBeUndefined();
    act(() => store.getState().setOptions({ ...store.getState().options, editor: false }));
    expect(screen.queryAllByRole('button', { name: 'Edit' })).toEqual([]);
  });

  it('a search that settles while the editor is open is fetched then: closing it shows its results at once', async () => {
    const { user, store } = await openEditorOn({ repository: suite.emulator.url });
    const fetchSpy = spyOnFetch();
    try {
      // The results are not rendered while the editor is: the count and the filters still read the search.
      act(() => store.getState().setText('aqua'));
      await waitFor(() => expect(resultSearchBodies(fetchSpy).length).toBeGreaterThan(0), SLOW_LOAD);
      // Its answer read (the results' count is not shown while the editor is).
      const call = fetchSpy.mock.calls.findLastIndex(([input, init]) => String(input).endsWith('/adobe/assets/search') && JSON.parse(String(init?.body)).limit === 48);
      const answer = await (fetchSpy.mock.results[call]!.value as Promise<Response>);
      await waitFor(() => expect(answer.bodyUsed).toBe(true), SLOW_LOAD);
      await settle();
      act(() => screen.getByLabelText('Width').focus());
      await user.keyboard('{Escape}');
      const cells = within(screen.getByRole('grid', { name: 'Assets' })).getAllByRole('gridcell');
      expect(cells.map((cell) => cell.getAttribute('aria-label')!.split(',')[0])).toContain('Water drop crown');
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('an invalid value is shown next to its control and never requested', async () => {
    const fetchSpy = spyOnFetch();
    const { user } = await openEditorOn({ repository: suite.emulator.url });
    const width = screen.getByLabelText('Width');
    await user.type(width, '9000');
    expect(width.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(width.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe("width: must be an integer from 1 to 8192, got '9000'");
    expect(message.closest('.as-editor-field')).toBe(width.closest('.as-editor-field'));
    await settle(250);
    expect(fetchSpy.mock.calls.some(([input]) => String(input).includes('width=9000'))).toBe(false);
    await user.clear(width);
    expect(width.getAttribute('aria-invalid')).toBeNull();
  });

  it('a newer preview aborts the stale request; a public preview shows the delivery URL itself, no object URL', async () => {
    const fetchSpy = spyOnFetch();
    const { user, unmount } = await openEditorOn({ repository: suite.emulator.url });
    const preview = (await screen.findByRole('img', { name: 'Preview' }, SLOW_LOAD)) as HTMLImageElement;
    await waitFor(() => expect(preview.getAttribute('src')).toBe(urlText()));
    const first = preview.getAttribute('src');
    await user.type(screen.getByLabelText('Width'), '400');
    const calls = previewCalls(fetchSpy);
    const stale = calls.find(([input]) => /[?&]width=4(&|$)/.test(String(input)))!;
    expect(stale).toBeDefined();
    expect(stale[1]!.signal!.aborted).toBe(true);
    // Once input rests, the exact URL is what is shown.
    await waitFor(() => expect(screen.getByRole('img', { name: 'Preview' }).getAttribute('src')).not.toBe(first), { timeout: 5000 });
    await waitFor(() => expect(previewCalls(fetchSpy).at(-1)![0]).toBe(urlText()));
    await waitFor(() => expect(screen.getByRole('img', { name: 'Preview' }).getAttribute('src')).toBe(urlText()));
    // A strict Content-Security-Policy's img-src allows the repository, not blob: (object URLs are for images that need the token).
    expect(objectUrls.created).not.toHaveBeenCalled();
    // The preview asks as an <img> would, so auto-format answers WebP (the emulator has no AVIF entitlement).
    expect(document.querySelector('.as-editor-preview-info')!.textContent).toContain('WebP');
    unmount();
  });
});
