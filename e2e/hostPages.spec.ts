import { expect } from '@playwright/test';
import { armFault, clearFaults, decodedSize, expectedSize, HOST_PAGES, hostPageUrl, search, selector, skipHost, test } from './selectorHelpers.ts';
import type { SelectedAsset } from '../src/core/types.ts';

/** What the host page printed: the `SelectedAsset[]` its `onSelect` received. */
type Received = SelectedAsset;

for (const host of HOST_PAGES) {
  test.describe(host.name, () => {
    skipHost(host);
    test.beforeEach(async ({ page, hostPage }) => {
      await page.goto(hostPageUrl(host, hostPage));
    });

    test('search, filter to images, select two assets by keyboard and confirm: each emitted URL decodes at the expected size', async ({ page }) => {
      const s = selector(page);
      await search(s, 'flower', /^[2-9]\d* assets found$/);
      // The filtered search must have answered before cells are picked: its results replace the grid's.
      const filtered = page.waitForResponse((r) => r.url().endsWith('/adobe/assets/search') && /image\//.test(r.request().postData() ?? ''));
      await s.root.getByRole('checkbox', { name: /^Image\b/ }).check();
      await filtered;
      await expect(s.grid).not.toHaveAttribute('aria-busy', 'true');
      await expect(s.status).toHaveText(/^[2-9]\d* assets found$/);
      await expect(s.root.locator('[role="gridcell"]:not([data-kind="image"])')).toHaveCount(0);

      // The grid is one tab stop; from its active cell, Space toggles and the arrows move.
      const first = s.cells.nth(0);
      const second = s.cells.nth(1);
      const titles = [await first.getAttribute('aria-label'), await second.getAttribute('aria-label')];
      await first.focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      await expect(second).toBeFocused();
      await page.keyboard.press('Space');
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await expect(second).toHaveAttribute('aria-selected', 'true');
      await expect(s.selectButton).toHaveAccessibleName(/2/);
      await s.selectButton.press('Enter');

      const received = page.locator('.received');
      await expect(received.getByRole('status')).toHaveText('onSelect received 2 assets');
      const assets = JSON.parse((await received.locator('pre').textContent()) ?? '[]') as Received[];
      expect(assets).toHaveLength(2);
      const origin = new URL(page.url()).origin;
      for (const [i, asset] of assets.entries()) {
        expect(titles[i]).toMatch(new RegExp(`^${asset.title}`));
        expect(asset.kind).toBe('image');
        expect(asset.url.startsWith(`${origin}/adobe/assets/${asset.assetId}/as/`)).toBe(true);
        expect(asset.url).not.toMatch(/token/i);
        const decoded = await decodedSize(page, asset.url);
        const expected = expectedSize(asset);
        expect(Math.abs(decoded.width - expected.width), `${asset.url} width`).toBeLessThanOrEqual(1);
        expect(Math.abs(decoded.height - expected.height), `${asset.url} height`).toBeLessThanOrEqual(1);
      }
      // The host's previews of those URLs loaded in the page.
      const previews = received.getByRole('img');
      await expect(previews).toHaveCount(2);
      for (const img of await previews.all()) {
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
      }
    });

    test('rejected and restricted assets never appear', async ({ page }) => {
      const s = selector(page);
      await expect(s.status).toHaveText(/assets found/);
      // Rejected (storm.jpg) and restricted to marketing (evening-glow.jpg): no token here.
      for (const title of ['Storm over the highway', 'Rowing boats at sunset']) {
        await search(s, title, '0 assets found');
        await expect(s.root.getByRole('gridcell', { name: new RegExp(title, 'i') })).toHaveCount(0);
      }
      // A word from each title alone still finds nothing of them.
      await search(s, 'highway', /^0 assets found$/);
      await search(s, 'rowing', /^0 assets found$/);
    });

    test('an emulator error shows Retry, and Retry recovers', async ({ page, request }) => {
      const s = selector(page);
      await expect(s.status).toHaveText(/assets found/);
      // More failures than the client retries, so the error reaches the person.
      await armFault(request, { path: '/adobe/assets/search', status: 503, count: 1000 });
      try {
        await s.searchbox.fill('Kite over the hills');
        const alert = s.root.getByRole('alert');
        await expect(alert).toContainText(/could not be loaded/);
        await clearFaults(request);
        await alert.getByRole('button', { name: 'Retry' }).click();
        await expect(s.status).toHaveText('1 asset found');
        await expect(s.cell('Kite over the hills')).toBeVisible();
      } finally {
        await clearFaults(request);
      }
    });

    test('modal mode: opens as a dialog, Esc closes it and focus returns to the opener', async ({ page }) => {
      await page.getByRole('button', { name: 'Modal', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Asset selector' })).toHaveCount(0);
      const opener = page.getByRole('button', { name: 'Open asset selector' });
      await opener.click();
      const s = selector(page, 'dialog');
      await expect(s.root).toBeVisible();
      await expect(s.root).toHaveAttribute('aria-modal', 'true');
      await expect(s.searchbox).toBeFocused();
      await expect(s.status).toHaveText(/assets found/);
      // Focus is trapped: Shift+Tab from the first control wraps to the dialog's last one.
      await page.keyboard.press('Shift+Tab');
      // (The dialog is in the selector's shadow root: the focused element is read there.)
      expect(await s.root.evaluate((dialog) => dialog.contains((dialog.getRootNode() as ShadowRoot).activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await expect(s.root).toHaveCount(0);
      await expect(opener).toBeFocused();
    });
  });
}
