// @vitest-environment jsdom
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';
import { renderSelector, stubLayout } from './uiFixture.tsx';

const HOSTILE = '<img src=x onerror=alert(1)>';
let emulator: TestEmulator;
let catalogDir: string;
let restoreLayout: () => void;

beforeAll(async () => {
  // A catalog of one file whose name (and so its title) is markup.
  catalogDir = await mkdtemp(join(tmpdir(), 'selector-hostile-'));
  await copyFile(resolve(import.meta.dirname, '../../demo/catalog/kite.jpg'), join(catalogDir, `${HOSTILE}.jpg`));
  emulator = await startTestEmulator({ catalogDir });
  restoreLayout = stubLayout();
});
afterAll(async () => {
  restoreLayout();
  await emulator.close();
  await rm(catalogDir, { recursive: true, force: true });
});
afterEach(() => cleanup());

describe('details panel', () => {
  it('renders metadata as text, never as HTML', async () => {
    renderSelector({ repository: emulator.url });
    const cell = await screen.findByRole('gridcell', { name: new RegExp(`^${HOSTILE.replace(/[()]/g, '\\$&')}`) });
    expect(within(cell).getByText(HOSTILE)).toBeTruthy();
    act(() => cell.focus());
    const details = screen.getByRole('region', { name: 'Details' });
    await within(details).findByText(HOSTILE);
    expect(details.querySelector('.as-details-title')!.textContent).toBe(HOSTILE);
    expect(within(details).getByText(`${HOSTILE}.jpg`)).toBeTruthy();
    // The only images are the thumbnails the selector made itself.
    for (const img of document.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/adobe\/assets\//);
    await waitFor(() => expect(details.getAttribute('aria-busy')).toBeNull());
  });
});
