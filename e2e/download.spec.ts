import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import { unzip } from '../test/emulator/archiveFixture.ts';
import { search, selector, test } from './selectorHelpers.ts';

/**
 * Download in the tray, on both builds: three assets chosen, Download, and the browser saves a zip
 * that holds their original bytes. The archive part loads on first use; the file URL carries the
 * repository's own download token, never the selector's bearer token.
 */
const CATALOG = resolve(import.meta.dirname, '../demo/catalog');
const THREE = { 'Kite over the hills': 'kite.jpg', 'Water drop crown': 'aqua.jpg', 'Brand photography guidelines': 'brand-guidelines.pdf' };

test('select three assets, Download: the browser saves a zip of their original bytes', async ({ page, hostPage }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(hostPage);
  const s = selector(page);
  for (const [title] of Object.entries(THREE)) {
    await search(s, title, /assets? found/);
    await s.cell(title).click();
  }
  const tray = s.root.getByRole('region', { name: 'Selected assets' });
  await expect(tray.getByRole('listitem')).toHaveCount(3);

  const download = page.waitForEvent('download');
  await tray.getByRole('button', { name: 'Download' }).click();
  const part = tray.getByRole('group', { name: 'Download the selection' });
  await expect(part.getByRole('button', { name: 'Stop download' })).toBeFocused();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.zip$/);
  await expect(part.getByRole('status')).toHaveText('The archive is ready; your browser is saving it.');

  const zip = await unzip(await readFile((await saved.path())!));
  expect([...zip.keys()].sort()).toEqual(Object.values(THREE).sort());
  for (const name of Object.values(THREE)) expect(zip.get(name)!.equals(await readFile(resolve(CATALOG, name))), name).toBe(true);

  // The archive was asked for and polled; only its file URL carries a token, the repository's.
  expect(requested.some((url) => url.endsWith('/adobe/assets/archives'))).toBe(true);
  expect(requested.some((url) => /\/adobe\/assets\/archives\/[\w-]+\/status$/.test(url))).toBe(true);
  expect(requested.filter((url) => url.includes('token=')).every((url) => /\/archives\/[\w-]+\/files\/[^/?]+\.zip\?token=\d+\.[\w-]+$/.test(url))).toBe(true);

  await part.getByRole('button', { name: 'Done' }).click();
  await expect(tray.getByRole('button', { name: 'Download' })).toBeFocused();
});
