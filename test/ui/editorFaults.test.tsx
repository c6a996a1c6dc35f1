// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEditorOn, stubObjectUrls } from './editorFixture.tsx';
import { SLOW_LOAD, uiSuite } from './uiFixture.tsx';

const suite = uiSuite({ faults: true });
let objectUrls: ReturnType<typeof stubObjectUrls>;
beforeEach(() => {
  objectUrls = stubObjectUrls();
});
afterEach(async () => {
  objectUrls.restore();
  await suite.emulator.fetch('/_emulator/faults', { method: 'DELETE' });
});

describe('image editor: the repository refuses a transform', () => {
  it("shows the server's problem detail and keeps the last good preview", async () => {
    const { user, editor } = await openEditorOn({ repository: suite.emulator.url });
    const preview = (await within(editor).findByRole('img', { name: 'Preview' }, SLOW_LOAD)) as HTMLImageElement;
    const good = preview.getAttribute('src');
    // Let the smart crops and presets arrive first: the fault must hit the preview.
    await within(screen.getByRole('radiogroup', { name: 'Smart crop' })).findByRole('radio', { name: 'Square' });
    await within(screen.getByLabelText('Preset')).findByRole('option', { name: /^card/ });
    const armed = await suite.emulator.fetch('/_emulator/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/adobe/assets/*', status: 400, count: 1, method: 'GET' }),
    });
    expect(armed.status).toBe(200);
    await user.selectOptions(screen.getByLabelText('Flip'), 'v');
    const alert = await within(editor).findByRole('alert');
    expect(alert.textContent).toMatch(/The preview could not be rendered.*fault injected by the emulator for GET \/adobe\/assets\//);
    expect(preview.getAttribute('src')).toBe(good);

    // The next change that the server accepts clears the message.
    await user.selectOptions(screen.getByLabelText('Flip'), 'h');
    await waitFor(() => expect(within(editor).queryByRole('alert')).toBeNull());
    await waitFor(() => expect(preview.getAttribute('src')).not.toBe(good));
  });
});
