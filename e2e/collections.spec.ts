import { expect, type Page } from '@playwright/test';
import { decodedSize, remountPicker, search, selector, test } from './selectorHelpers.ts';
import type { SelectedAsset } from '../src/core/types.ts';

/**
 * The Collections view in Chromium on both builds (the script tag loads it with the editors'
 * script, the ESM build as a chunk): browse, open a seeded collection, search within it, pick,
 * and the payload's `collectionId`; a collection built from a selection in the UI is listed by the
 * API and comes back after a reload. The emulator is shared by the run: seeded collections are
 * only read, and what is created has a unique title.
 */

const SKY = 'urn:cid:aem:0ce9a75f-7cd2-4e83-8019-d2e40e78c0d6';
const FLOWERS = 'urn:cid:aem:6fd47016-c015-4006-bd78-3786e7300d00';
const TOKEN = 'dev-token-contributor';

/** Replaces the host page's selector by one with a writer's token (and `extra` options), recording what `onSelect` receives. */
async function mountWith(page: Page, extra: Record<string, unknown> = {}): Promise<void> {
  await remountPicker(page, { token: TOKEN, selectionType: 'multiple', ...extra });
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: SelectedAsset[] }).received);

test('open a collection, search within it, pick: the payload names the collection and its URL delivers', async ({ page, hostPage }) => {
  await page.goto(hostPage);
  await mountWith(page);
  const s = selector(page);
  await expect(s.status).toHaveText(/^\d+ assets found$/);
  await s.root.getByRole('button', { name: 'Collections' }).click();
  const list = s.root.getByRole('list', { name: 'Collections in the repository' });
  await list.getByRole('button', { name: 'Sky and space' }).click();
  const heading = s.root.getByRole('heading', { name: 'Collection: Sky and space' });
  await expect(heading).toBeFocused();
  // Six members, one of them rejected: five shown.
  await expect(s.status).toHaveText('5 assets found');
  await search(s, 'kite', '2 assets found');
  await s.cell('Kite over the hills').click();
  await s.selectButton.click();
  const [asset] = await received(page);
  expect(asset).toMatchObject({ title: 'Kite over the hills', kind: 'image', collectionId: SKY });
  const size = await decodedSize(page, asset!.url);
  expect(size.width).toBeGreaterThan(0);
  expect(size.type).toMatch(/^image\//);

  // All assets: the scope goes, and so does collectionId for what is picked next.
  await s.root.getByRole('button', { name: 'All assets' }).click();
  await search(s, 'espresso', '1 asset found');
  await s.cell('Espresso cup').click();
  await s.selectButton.click();
  const [, espresso] = await received(page);
  expect(espresso!.title).toBe('Espresso cup');
  expect(espresso).not.toHaveProperty('collectionId');
});

test('the collection option opens the selector on that collection', async ({ page, hostPage }) => {
  await page.goto(hostPage);
  await mountWith(page, { collection: FLOWERS });
  const s = selector(page);
  await expect(s.root.getByRole('heading', { name: 'Collection: Flowers and gardens' })).toBeVisible();
  await expect(s.status).toHaveText('5 assets found');
});

test('a collection created from the selection is listed by the API and comes back after a reload', async ({ page, hostPage, request, build }) => {
  const title = `E2E ${build} ${Date.now()}`;
  await page.goto(hostPage);
  await mountWith(page);
  let s = selector(page);
  await search(s, 'kite', '2 assets found');
  await s.cell('Kite over the hills').click();
  await s.cell('Kite flight (video)').click();
  await s.root.getByRole('button', { name: 'Collections' }).click();
  const form = s.root.getByRole('form', { name: 'New collection from the selection' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Description (optional)').fill('made in Chromium');
  await form.getByRole('button', { name: 'Create collection' }).click();
  await expect(form.getByRole('status')).toHaveText(`Collection created: ${title}`);

  const listed = (await (await request.get('/adobe/assets/collections?limit=50')).json()) as { items: Array<{ id: string; collectionMetadata: { title: string; description?: string } }> };
  const made = listed.items.find((c) => c.collectionMetadata.title === title);
  expect(made?.collectionMetadata.description).toBe('made in Chromium');

  await page.reload();
  await mountWith(page);
  s = selector(page);
  await expect(s.status).toHaveText(/^\d+ assets found$/);
  await s.root.getByRole('button', { name: 'Collections' }).click();
  await s.root.getByRole('list', { name: 'Collections in the repository' }).getByRole('button', { name: title }).click();
  await expect(s.status).toHaveText('2 assets found');
  await expect(s.cell('Kite over the hills')).toBeVisible();
  await expect(s.cell('Kite flight (video)')).toBeVisible();
});
