import { expect, type Request, type Route } from '@playwright/test';
import { remountPicker, selector, test } from './selectorHelpers.ts';

/**
 * Scrolling past cards whose thumbnails are still on the way cancels those downloads: Chromium
 * keeps loading an `<img>` removed from the document (and keeps the element alive until the bytes
 * arrive), so without this a fast scroll through thousands of results queued hundreds of stale
 * thumbnails ahead of the ones in view. Here every thumbnail is held back by the test until the
 * end, as a slow network would hold it.
 */
test('thumbnails of the cards scrolled away are cancelled; the ones in view are still waited for', async ({ page, hostPage }) => {
  const held: Route[] = [];
  const aborted = new Set<Request>();
  // This test's picker asks for WebP thumbnails; the host page's own picker (AVIF) loads as usual.
  await page.route(/\/adobe\/assets\/[^/]+\/as\/[^?]+\.webp\?/, (route) => void held.push(route));
  page.on('requestfailed', (request) => request.failure()?.errorText === 'net::ERR_ABORTED' && aborted.add(request));
  await page.goto(hostPage);
  // A short picker: the rows at the top leave the row window after a scroll to the end.
  await page.evaluate(() => (document.querySelector<HTMLElement>('#picker')!.style.height = '420px'));
  await remountPicker(page, { imageFormat: 'webp' });
  const s = selector(page);
  await expect(s.status).toHaveText(/\d+ assets found/);
  // A card of the second row (the first holds the grid's tab stop, which stays rendered).
  const leaving = (await s.grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first().getAttribute('aria-label'))!;
  // Each image rendered has asked for its thumbnail (and is held).
  const images = await s.grid.locator('img').count();
  expect(images).toBeGreaterThan(4);
  await expect.poll(() => held.length).toBeGreaterThanOrEqual(images);
  const requested = held.map((route) => route.request());

  await s.grid.evaluate((grid) => {
    const scroller = grid.closest<HTMLElement>('.as-grid-scroll')!;
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(s.grid.getByRole('gridcell', { name: leaving, exact: true })).toHaveCount(0);

  // Every thumbnail requested for a card that is gone is cancelled; those of the cards still
  // shown are still on the way.
  // By asset: a pending image may not say yet which of its srcset's URLs it chose.
  const assetOf = (url: string) => /\/adobe\/assets\/([^/]+)\/as\//.exec(url)?.[1];
  const shown = new Set(await s.grid.locator('img').evaluateAll((all) => all.map((img) => img.getAttribute('src') ?? '')).then((urls) => urls.map(assetOf)));
  const gone = requested.filter((request) => !shown.has(assetOf(request.url())));
  const stay = requested.filter((request) => shown.has(assetOf(request.url())));
  expect(gone.length).toBeGreaterThan(2);
  expect(stay.length).toBeGreaterThan(0);
  await expect.poll(() => gone.filter((request) => !aborted.has(request)).map((request) => request.url())).toEqual([]);
  expect(stay.filter((request) => aborted.has(request)).map((request) => request.url())).toEqual([]);

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  for (const route of held) await route.continue().catch(() => undefined);
});
