import { expect, type Page } from '@playwright/test';
import { selector, test } from './selectorHelpers.ts';

/**
 * The `persist` option in a real browser, on the project's plain host page (either build): the
 * query and a filter come back after an unmount and mount, and after a page reload, with the same
 * key; another key starts empty; and no storage the page can reach holds the token.
 */

const TOKEN = 'dev-token-all';

/** Replaces the host page's selector by one with `persist` (and a token, to prove it is not stored). */
async function mountWith(page: Page, persist: unknown): Promise<void> {
  await page.evaluate(
    ({ persist, token }) => {
      const w = window as unknown as { picker: { unmount(): void }; AssetSelector: { mount(el: Element, options: object): { unmount(): void } } };
      w.picker.unmount();
      w.picker = w.AssetSelector.mount(document.querySelector('#picker')!, { repository: location.origin, token, persist });
    },
    { persist, token: TOKEN },
  );
}

/** Every piece of storage the page can reach, as text. */
function everyStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const areas = [sessionStorage, localStorage].map((area) => Array.from({ length: area.length }, (_, i) => `${area.key(i)}=${area.getItem(area.key(i)!)}`).join('\n'));
    const databases = 'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
    const caches = 'caches' in window ? await window.caches.keys() : [];
    return [...areas, document.cookie, ...databases, ...caches].join('\n');
  });
}

test('the query and a filter survive an unmount, a reload and a new mount with the same key; never the token', async ({ page, hostPage }) => {
  await page.goto(hostPage);
  await mountWith(page, 'e2e-persist');
  let s = selector(page);
  await expect(s.status).toHaveText(/^\d+ assets found$/);
  await s.searchbox.fill('kite');
  await expect(s.status).toHaveText('2 assets found');
  await s.root.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'Image' }).check();
  await expect(s.status).toHaveText('1 asset found');
  await s.root.getByRole('button', { name: 'List view' }).click();

  const expectRemembered = async () => {
    s = selector(page);
    await expect(s.searchbox).toHaveValue('kite');
    await expect(s.root.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'Image' })).toBeChecked();
    await expect(s.root.getByRole('button', { name: 'List view' })).toHaveAttribute('aria-pressed', 'true');
    await expect(s.status).toHaveText('1 asset found');
    await expect(s.cell('Kite over the hills')).toBeVisible();
  };

  // Unmount and mount again on the same page.
  await mountWith(page, 'e2e-persist');
  await expectRemembered();

  // Reload: sessionStorage lives as long as the tab.
  await page.reload();
  await mountWith(page, 'e2e-persist');
  await expectRemembered();

  // Another key is another memory.
  await mountWith(page, { key: 'e2e-other' });
  s = selector(page);
  await expect(s.status).toHaveText(/^\d+ assets found$/);
  await expect(s.searchbox).toHaveValue('');

  const stored = await everyStorage(page);
  expect(stored).toContain('asset-selector:e2e-persist');
  expect(stored).toContain('kite');
  expect(stored).not.toContain(TOKEN);
  expect(stored).not.toMatch(/Bearer/i);
});

test('localStorage on request, and a corrupt record is ignored', async ({ page, hostPage }) => {
  await page.goto(hostPage);
  await page.evaluate(() => localStorage.setItem('asset-selector:e2e-local', '{"v":1,"text":'));
  await mountWith(page, { key: 'e2e-local', storage: 'local' });
  const s = selector(page);
  await expect(s.status).toHaveText(/^\d+ assets found$/);
  await expect(s.searchbox).toHaveValue('');
  await s.searchbox.fill('kite');
  await expect(s.status).toHaveText('2 assets found');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('asset-selector:e2e-local')!).text)).toBe('kite');
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  expect(await everyStorage(page)).not.toContain(TOKEN);
  await page.evaluate(() => localStorage.clear());
});
