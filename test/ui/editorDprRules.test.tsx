// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDraft } from '../../src/store/editorSession.ts';
import { openEditorOn, stubObjectUrls, urlModifiers } from './editorFixture.tsx';
import { settle, SLOW_LOAD, spyOnFetch, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();
let objectUrls: ReturnType<typeof stubObjectUrls>;
beforeEach(() => {
  objectUrls = stubObjectUrls();
});
afterEach(() => {
  objectUrls.restore();
  vi.restoreAllMocks();
});

describe('image editor: dpr against the sizes of presets and smart crops', () => {
  it.each([
    [{ preset: 'thumbnail', dpr: '0.001' }, 'dpr: width (from preset thumbnail) × dpr = 320 × 0.001 = 0 pixels; the result must be from 1 to 8192'],
    [{ smartcrop: 'Square', dpr: '0.0001' }, 'dpr: width (from smart crop Square) × dpr = 1080 × 0.0001 = 0 pixels; the result must be from 1 to 8192'],
  ])('%j: the problem stands beside the dpr control, and nothing is requested', async (modifiers, expected) => {
    const { editor, store } = await openEditorOn({ repository: suite.emulator.url });
    await within(editor).findByRole('img', { name: 'Preview' }, SLOW_LOAD);
    // The facts the rule needs: the presets and this image's smart crops.
    await within(screen.getByRole('radiogroup', { name: 'Smart crop' })).findByRole('radio', { name: 'Square' }, SLOW_LOAD);
    await within(screen.getByLabelText('Preset')).findByRole('option', { name: /^thumbnail/ }, SLOW_LOAD);

    const fetchSpy = spyOnFetch();
    const assetId = store.getState().editor!.ids[0]!;
    act(() => setDraft(store, assetId, { modifiers }));
    expect(urlModifiers()).toEqual(modifiers);
    const dpr = screen.getByLabelText('Pixel density') as HTMLSelectElement;
    await waitFor(() => expect(dpr.getAttribute('aria-invalid')).toBe('true'));
    expect(dpr.value).toBe(modifiers.dpr);
    const message = document.getElementById(dpr.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe(expected);
    expect(message.closest('.as-editor-field')).toBe(dpr.closest('.as-editor-field'));
    await settle(300);
    expect(fetchSpy.mock.calls.filter(([input]) => String(input).includes(`dpr=${modifiers.dpr}`))).toEqual([]);

    // A density that scales to real pixels clears it, and that preview is requested.
    act(() => setDraft(store, assetId, { modifiers: { ...modifiers, dpr: '1.5' } }));
    await waitFor(() => expect(dpr.getAttribute('aria-invalid')).toBeNull());
    await waitFor(() => expect(fetchSpy.mock.calls.some(([input]) => String(input).includes('dpr=1.5'))).toBe(true), SLOW_LOAD);
  });
});
