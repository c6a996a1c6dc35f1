import { expect } from '@playwright/test';
import { search, selector, test } from './selectorHelpers.ts';

/**
 * A search's first screen of thumbnails is requested as its first page arrives, before the grid
 * renders the cards (src/ui/firstScreen.ts; test/ui/firstScreenRequests.test.tsx shows the
 * order). In Chromium, each card then finds its thumbnail in the memory cache: no thumbnail is
 * asked for twice, and every card in view shows one that was asked for.
 */
test('each thumbnail of the first screen is requested once, and the cards show those', async ({ page, hostPage }) => {
  const thumbnails: string[] = [];
  page.on('request', (request) => {
    if (/\/adobe\/assets\/[^/]+\/as\//.test(request.url())) thumbnails.push(request.url());
  });
  await page.goto(hostPage);
  const s = selector(page);
  await expect(s.status).toHaveText(/\d+ assets found/);
  // A new search: its first page arrives while the grid still shows the previous results.
  await search(s, 'flower', /^[2-9]\d* assets found$/);

  // Every thumbnail in view has loaded (the cards' own images).
  const shown = async () =>
    s.grid.locator('img.as-thumb-img').evaluateAll((images) => {
      const scroller = images[0]?.closest('.as-grid-scroll')?.getBoundingClientRect();
      return images
        .filter((img) => scroller && img.getBoundingClientRect().top < scroller.bottom)
        .map((img) => ({ src: (img as HTMLImageElement).currentSrc, loaded: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0 }));
    });
  await expect.poll(async () => (await shown()).every((img) => img.loaded)).toBe(true);
  const inView = (await shown()).map((img) => img.src);
  expect(inView.length).toBeGreaterThan(3);

  const times = new Map<string, number>();
  for (const url of thumbnails) times.set(url, (times.get(url) ?? 0) + 1);
  expect([...times].filter(([, count]) => count > 1)).toEqual([]);
  for (const src of inView) expect(thumbnails).toContain(src);
});
