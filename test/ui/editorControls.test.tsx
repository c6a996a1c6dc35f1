// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { change, openEditorOn, stubObjectUrls, urlModifiers, urlText } from './editorFixture.tsx';
import { SLOW_LOAD, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();
let objectUrls: ReturnType<typeof stubObjectUrls>;
beforeEach(() => {
  objectUrls = stubObjectUrls();
});
afterEach(() => objectUrls.restore());

describe('editor controls → delivery URL', () => {
  it('opens from the tray as a region that replaces results and details; Esc closes without applying', async () => {
    const { user, editor, store, tray } = await openEditorOn({ repository: suite.emulator.url });
    expect(screen.queryByRole('grid', { name: 'Assets' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Details' })).toBeNull();
    expect(await within(editor).findByRole('img', { name: 'Preview' }, SLOW_LOAD)).toBeTruthy();
    await user.type(screen.getByLabelText('Width'), '400');
    expect(urlModifiers()).toEqual({ width: '400' });

    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await user.click(within(editor).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(urlText());
    expect(within(editor).getByText('Copied').getAttribute('role')).toBe('status');
    Reflect.deleteProperty(navigator, 'clipboard');

    // An aspect preset fits the largest box of that shape: 1:1 on 2400 × 1500 is 62.5% × 100%, centred.
    await user.selectOptions(screen.getByLabelText('Aspect ratio'), '1:1');
    expect(urlModifiers()).toEqual({ crop: '18.75p,0p,62.5p,100p', width: '400' });
    await user.click(screen.getByRole('button', { name: 'Whole image' }));
    expect(urlModifiers()).toEqual({ width: '400' });
    act(() => screen.getByLabelText('Width').focus());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Edit image' })).toBeNull();
    expect(screen.getByRole('grid', { name: 'Assets' })).toBeTruthy();
    expect([...store.getState().selection.values()][0]!.modifiers).toEqual({});
    // Focus goes back to the Edit button that opened it.
    await waitFor(() => expect(document.activeElement).toBe(within(tray).getByRole('button', { name: 'Edit' })));
  });

  it('maps size, density, fit, format, quality and auto-format, and clearing removes them', async () => {
    const { user } = await openEditorOn({ repository: suite.emulator.url, imageFormat: 'jpg' });
    expect(urlText()).toMatch(/\.jpg$/);
    const fit = screen.getByLabelText('Fit') as HTMLSelectElement;
    expect(fit.disabled).toBe(true);
    await user.type(screen.getByLabelText('Width'), '400');
    await user.type(screen.getByLabelText('Height'), '300');
    expect(fit.disabled).toBe(false);
    await user.selectOptions(fit, 'crop');
    await user.selectOptions(screen.getByLabelText('Pixel density'), '2');
    await user.selectOptions(screen.getByLabelText('Format'), 'webp');
    change('Quality', '70');
    await user.type(screen.getByLabelText('Maximum quality'), '90');
    await user.click(screen.getByLabelText('Auto-format'));
    expect(urlModifiers()).toEqual({ width: '400', height: '300', dpr: '2', fit: 'crop', quality: '70', 'max-quality': '90', 'auto-format': 'false' });
    expect(urlText()).toMatch(/\.webp\?/);
    expect((screen.getByLabelText('Quality value') as HTMLInputElement).value).toBe('70');

    await user.clear(screen.getByLabelText('Quality value'));
    await user.clear(screen.getByLabelText('Height'));
    await user.selectOptions(screen.getByLabelText('Pixel density'), '1');
    await user.click(screen.getByLabelText('Auto-format'));
    await user.clear(screen.getByLabelText('Maximum quality'));
    // Without both sizes fit would be refused, so it goes with the height.
    expect(urlModifiers()).toEqual({ width: '400' });
    await user.clear(screen.getByLabelText('Width'));
    expect(urlModifiers()).toEqual({});
  });

  it('maps rotate, flip, blur, sharpen, unsharp mask, background colour and preset', async () => {
    const { user } = await openEditorOn({ repository: suite.emulator.url });
    await user.selectOptions(screen.getByLabelText('Rotate'), '90');
    await user.selectOptions(screen.getByLabelText('Flip'), 'h');
    change('Blur', '12');
    await user.click(screen.getByLabelText('Sharpen'));
    await user.type(screen.getByLabelText('Amount'), '150');
    await user.type(screen.getByLabelText('Radius'), '2');
    await user.type(screen.getByLabelText('Threshold'), '3');
    await user.click(screen.getByLabelText('Monochrome'));
    change('Background colour', '#ff8800');
    const preset = screen.getByLabelText('Preset') as HTMLSelectElement;
    await within(preset).findByRole('option', { name: /^card/ });
    await user.selectOptions(preset, 'card');
    expect(urlModifiers()).toEqual({
      preset: 'card', rotate: '90', flip: 'h', blur: '12', sharpen: 'true', 'unsharp-mask': '150,2,3,true', 'background-color': 'rgb,ff8800',
    });
    expect(urlText()).toContain('?preset=card&rotate=90&flip=h&blur=12&sharpen=true&unsharp-mask=150,2,3,true&background-color=rgb,ff8800');

    await user.selectOptions(screen.getByLabelText('Rotate'), '');
    await user.selectOptions(screen.getByLabelText('Flip'), '');
    change('Blur', '0');
    await user.click(screen.getByLabelText('Sharpen'));
    await user.clear(screen.getByLabelText('Amount'));
    await user.clear(screen.getByLabelText('Radius'));
    await user.clear(screen.getByLabelText('Threshold'));
    await user.click(screen.getByLabelText('Monochrome'));
    await user.click(screen.getByRole('button', { name: 'None' }));
    await user.selectOptions(preset, '');
    expect(urlModifiers()).toEqual({});
  });
});
