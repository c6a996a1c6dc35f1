// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SelectorError } from '../../src/core/selectorError.ts';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';
import { renderSelector, stubLayout } from './uiFixture.tsx';

let emulator: TestEmulator;
let restoreLayout: () => void;

beforeAll(async () => {
  emulator = await startTestEmulator({ faults: true });
  restoreLayout = stubLayout();
});
afterAll(async () => {
  restoreLayout();
  await emulator.close();
});
afterEach(async () => {
  cleanup();
  await emulator.fetch('/_emulator/faults', { method: 'DELETE' });
});

/** The next `count` requests to `path` fail with `status` (the emulator's fault injection). */
async function arm(path: string, status: number, count = 1) {
  const response = await emulator.fetch('/_emulator/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path, status, count }) });
  expect(response.ok).toBe(true);
}

describe('errors', () => {
  it('a rejected search shows the problem detail and Retry, reports once, and Retry recovers', async () => {
    await arm('/adobe/assets/search', 400);
    const onError = vi.fn();
    const { user } = renderSelector({ repository: emulator.url, onError });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The assets could not be loaded')).toBeTruthy();
    expect(within(alert).getByText(/^fault injected by the emulator for POST \/adobe\/assets\/search/)).toBeTruthy();
    // onError runs in an effect after the alert is committed.
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(SelectorError);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'bad-request', status: 400 });

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^\d+ assets found$/));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('a searchUrl that is not a search endpoint (405) is an error with the detail, never a blank panel', async () => {
    const onError = vi.fn();
    renderSelector({ repository: emulator.url, searchUrl: `${emulator.url}/adobe/assets/nowhere`, onError });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('method: POST is not supported here; use GET, HEAD')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
  });

  it('an unreachable repository says so, and Retry works once it is back', async () => {
    const down = await startTestEmulator();
    const url = down.url;
    const port = Number(new URL(url).port);
    await down.close();
    const onError = vi.fn();
    const { user } = renderSelector({ repository: url, onError });
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(within(alert).getByText('The repository could not be reached.')).toBeTruthy();
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'network' });
    const back = await startTestEmulator({ port });
    try {
      await user.click(within(alert).getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^\d+ assets found$/), { timeout: 10_000 });
    } finally {
      await back.close();
    }
  });
});
