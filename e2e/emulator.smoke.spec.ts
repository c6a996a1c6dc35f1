import { expect, test } from '@playwright/test';

test('the emulator serves its landing page, whose search shows real delivered thumbnails', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Asset Selector' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/\d+ assets found/);

  await page.getByRole('searchbox', { name: 'Search assets' }).fill('kite');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status')).toHaveText('2 assets found');
  const image = page.getByRole('list', { name: 'Assets' }).getByRole('img').first();
  await expect(image).toHaveAccessibleName(/kite/i);
  // The browser decoded a real image: its intrinsic size is what the delivery URL asked for.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  // naturalWidth is density-corrected for srcset candidates; decode the chosen file to see its pixels.
  const size = await image.evaluate(async (img: HTMLImageElement) => {
    const bitmap = await createImageBitmap(await (await fetch(img.currentSrc)).blob());
    return { w: bitmap.width, h: bitmap.height, src: img.currentSrc };
  });
  expect(size.src).toMatch(/\/adobe\/assets\/urn:aaid:aem:[0-9a-f-]+\/as\/kite\.webp\?width=(320|640)$/);
  expect(size.w).toBe(Number(size.src.split('width=')[1]));
  expect(size.h).toBe(size.w === 320 ? 200 : 400);
});

test('an image URL loads in the browser as the requested size and format', async ({ page, request }) => {
  const search = await request.post('/adobe/assets/search', { data: { query: [{ term: { 'repositoryMetadata.repo:name': ['astronaut.jpg'] } }] } });
  expect(search.ok()).toBe(true);
  const { hits } = await search.json();
  const id = hits.results[0].assetId as string;
  const response = await page.goto(`/adobe/assets/${id}/as/astronaut.png?width=200&auto-format=false`);
  expect(response?.headers()['content-type']).toBe('image/png');
  const dims = await page.evaluate(() => {
    const img = document.querySelector('img')!;
    return { w: img.naturalWidth, h: img.naturalHeight };
  });
  expect(dims).toEqual({ w: 200, h: 200 });
});
