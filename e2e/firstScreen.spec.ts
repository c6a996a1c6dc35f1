import { expect, type Page } from '@playwright/test';
import { holdSearches, search, selector, test, watchEveryRoot, type EveryRoot } from './selectorHelpers.ts';

/** What the page's selector did to its first screens, as recorded by recordFirstScreens. */
interface FirstScreenRecord {
  /** Images added to a hidden element (the thumbnails requested ahead). */
  ahead: number;
  /** A thumbnail's `sizes` changed once set: its card was laid out again at another width. */
  resized: string[];
  /** Each pane's inner width, read as it was added: the skeletons', the grid's. */
  widths: Record<string, number>;
}

/** Records, from the page's start, what FirstScreenRecord holds, in the document and every shadow root. */
async function recordFirstScreens(page: Page): Promise<void> {
  await watchEveryRoot(page);
  await page.addInitScript(() => {
    const w = window as unknown as { firstScreen: FirstScreenRecord } & EveryRoot;
    const record: FirstScreenRecord = (w.firstScreen = { ahead: 0, resized: [], widths: {} });
    w.eachRoot((root) =>
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          const target = mutation.target as Element;
          if (mutation.type === 'attributes' && mutation.oldValue !== null && target.matches('img.as-thumb-img')) record.resized.push(`${mutation.oldValue} → ${target.getAttribute('sizes')}`);
          for (const node of mutation.addedNodes) {
            if (node instanceof HTMLImageElement && node.parentElement?.hidden) record.ahead++;
            if (!(node instanceof HTMLElement)) continue;
            for (const name of ['as-skeletons', 'as-grid-scroll']) {
              const pane = node.classList.contains(name) ? node : node.querySelector<HTMLElement>(`.${name}`);
              // Read as the selector reads it (in the commit that added it): on a busy machine the
              // answer can replace the skeletons before the next frame, when a removed pane reads 0.
              if (pane) record.widths[name] ??= pane.clientWidth;
            }
          }
        }
      }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['sizes'], attributeOldValue: true }),
    );
  });
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { firstScreen: FirstScreenRecord }).firstScreen);

/**
 * A search's first screen of thumbnails is requested as its first page arrives, before the grid
 * renders the cards (src/ui/firstScreen.ts; test/ui/firstScreenRequests.test.tsx shows the
 * order). In Chromium, each card then finds its thumbnail in the memory cache: each asset's
 * thumbnail is requested once (had the images requested ahead chosen another width from the
 * `srcset` than the cards, there would be two), and every card in view shows one that was.
 */
test('each thumbnail of the first screen is requested once, ahead of its card, and the cards show those', async ({ page, hostPage }) => {
  // The images requested ahead wait in a hidden element in the results pane: counted as they come.
  await recordFirstScreens(page);
  const thumbnails: string[] = [];
  page.on('request', (request) => {
    if (/\/adobe\/assets\/[^/]+\/as\//.test(request.url())) thumbnails.push(request.url());
  });
  await page.goto(hostPage);
  const s = selector(page);
  await expect(s.status).toHaveText(/\d+ assets found/);
  // A new search: its first page arrives while the grid still shows the previous results.
  await page.evaluate(() => ((window as unknown as { firstScreen: FirstScreenRecord }).firstScreen.ahead = 0));
  thumbnails.length = 0;
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

  expect((await recorded(page)).ahead).toBeGreaterThanOrEqual(inView.length);
  const assetOf = (url: string) => /\/adobe\/assets\/([^/]+)\/as\//.exec(url)![1]!;
  const times = new Map<string, number>();
  for (const url of thumbnails) times.set(assetOf(url), (times.get(assetOf(url)) ?? 0) + 1);
  expect([...times].filter(([, count]) => count > 1)).toEqual([]);
  for (const src of inView) expect(thumbnails).toContain(src);
});

/**
 * The first results are laid out at the width the skeletons before them measured (both keep a
 * scrollbar's gutter): had the grid been wider inside, it would have rendered every card again at
 * its own width, each thumbnail's `sizes` changed once the cards were there.
 */
test('the first results render at the width measured on the skeletons: no card is laid out twice', async ({ page, hostPage }) => {
  await recordFirstScreens(page);
  // Held until the skeletons are there: a search answered before the selector's first frame is
  // drawn (the ESM build's stylesheet chunk still on its way) has its results in that frame, and
  // no skeletons to measure (1 CI run of the React build in this state).
  const release = await holdSearches(page);
  await page.goto(hostPage);
  const s = selector(page);
  await expect.poll(async () => (await recorded(page)).widths['as-skeletons'] ?? 0).toBeGreaterThan(0);
  release();
  await expect(s.status).toHaveText(/\d+ assets found/);
  await expect(s.grid.locator('img.as-thumb-img').first()).toBeVisible();
  const { resized, widths } = await recorded(page);
  expect(widths['as-skeletons']).toBeGreaterThan(0);
  expect(widths['as-grid-scroll']).toBe(widths['as-skeletons']);
  expect(resized).toEqual([]);
});
