import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { SelectedAsset } from '../src/core/types.ts';
import { selector, test } from './selectorHelpers.ts';

// axe walks the whole tree in the page's main thread: seconds on an idle machine, more on a shared one.
test.describe.configure({ timeout: 120_000 });

/** The sample catalog's space photos, in /content/dam/samples/space and its missions folder (demo/catalog/metadata.json). */
const SPACE_TITLES = ['Astronaut portrait', 'Hubble deep field', 'Rocket on the launch pad'];

test('the author tier: open a folder, see only its assets, breadcrumb back to everything; axe finds nothing serious', async ({ page, hostPage }) => {
  await page.goto(`${hostPage}?tier=author`);
  const s = selector(page);
  const folders = s.root.getByRole('region', { name: 'Folders' });
  const crumbs = folders.getByRole('navigation', { name: 'Folder path' });
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Assets');
  await expect(s.status).toHaveText(/^\d+ assets found$/);
  const everything = Number((await s.status.textContent())!.match(/\d+/)![0]);

  await folders.getByRole('button', { name: 'samples' }).click();
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('samples');
  // By keyboard from here: the new list's first folder has focus; Enter opens it.
  await expect(folders.getByRole('button', { name: 'space' })).toBeFocused();
  const scoped = page.waitForResponse((r) => r.url().endsWith('/adobe/assets/search') && (r.request().postData() ?? '').includes('/content/dam/samples/space'));
  await page.keyboard.press('Enter');
  await scoped;
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('space');
  await expect(s.status).toHaveText('3 assets found');
  await expect(s.cells).toHaveCount(3);
  for (const title of SPACE_TITLES) await expect(s.cell(title)).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).include({ fromShadowDom: ['#picker [data-asset-selector-mount]', '.as-folders'] }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);

  // What is picked in a folder is an ordinary asset.
  await s.cell('Rocket on the launch pad').click();
  await s.selectButton.click();
  await expect(page.getByRole('status').filter({ hasText: /received 1 asset/ })).toBeVisible();
  const received = JSON.parse((await page.getByRole('region', { name: 'onSelect payload as JSON' }).textContent())!) as SelectedAsset[];
  expect(received.map((a) => a.repositoryMetadata['repo:path'])).toEqual(['/content/dam/samples/space/missions/rocket.jpg']);

  await crumbs.getByRole('button', { name: 'Assets' }).click();
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Assets');
  await expect(s.status).toHaveText(`${everything} assets found`);
});

test('the folder option starts in a folder', async ({ page, hostPage }) => {
  await page.goto(`${hostPage}?tier=author&folder=/content/dam/samples/space/missions`);
  const s = selector(page);
  await expect(s.root.getByRole('navigation', { name: 'Folder path' }).locator('[aria-current="page"]')).toHaveText('missions');
  await expect(s.status).toHaveText('1 asset found');
  await expect(s.cell('Rocket on the launch pad')).toBeVisible();
});

test.describe('the Adobe destination selector', () => {
  test.skip(({ build }) => build !== 'script-tag', 'Adobe pages load their own build');

  test('browse to a folder, confirm: onConfirm receives its repo:path, then onClose closes the dialog', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto('/demo/adobe-compat/destination.html');
    await page.getByRole('button', { name: 'Choose a destination folder' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const folders = dialog.getByRole('region', { name: 'Folders' });
    await folders.getByRole('button', { name: 'samples' }).click();
    await folders.getByRole('button', { name: 'space' }).click();
    await expect(folders.getByRole('navigation', { name: 'Folder path' }).locator('[aria-current="page"]')).toHaveText('space');
    await dialog.getByRole('button', { name: 'Select “space”' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Destination:' })).toHaveText('Destination: /content/dam/samples/space');
    const folder = await page.evaluate(() => (window as unknown as { receivedFolder: Record<string, unknown> }).receivedFolder);
    expect(folder).toMatchObject({ 'repo:path': '/content/dam/samples/space', 'repo:name': 'space', 'repo:assetClass': 'folder' });
    await expect(dialog).toBeHidden();

    // Again, and Cancel: onClose only.
    await page.getByRole('button', { name: 'Choose a destination folder' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Destination:' })).toHaveText('Destination: /content/dam/samples/space');
    expect(errors).toEqual([]);
  });
});
