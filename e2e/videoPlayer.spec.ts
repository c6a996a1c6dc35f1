import { expect, type Page } from '@playwright/test';
import { search, selector, test } from './selectorHelpers.ts';

/**
 * A video in the selector, on both builds: its card and the details panel show a poster that
 * decodes, and the details panel plays it: natively where Chromium plays HLS, and through hls.js
 * (loaded only then) where the browser says it cannot.
 */
async function openVideo(page: Page, hostPage: string) {
  await page.goto(hostPage);
  const s = selector(page);
  await search(s, 'kite flight', /asset/);
  const cell = s.cell('Kite flight (video)');
  const poster = cell.locator('img');
  await expect(poster).toHaveAttribute('src', /\/as\/kite-flight\.avif\?width=\d+/);
  await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(cell.locator('.as-video-marker')).toBeVisible();
  await cell.click();
  const details = s.root.getByRole('region', { name: 'Details' });
  const play = details.getByRole('button', { name: 'Play Kite flight (video)' });
  await expect.poll(() => play.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  return { s, details, play };
}

/** Mutes the player (autoplay with sound depends on the browser's policy), plays it, and waits for frames. */
async function expectPlaying(page: Page, details: ReturnType<Page['locator']>) {
  await expect(details.locator('video')).toHaveAccessibleName('Kite flight (video)');
  await expect(details.locator('video')).toBeFocused();
  // Until a call resolves: where hls.js attaches its stream after the element is focused, a play()
  // just before that is interrupted by the new load ("AbortError", 1 CI run of the script tag).
  await expect
    .poll(
      () =>
        details.locator('video').evaluate((v: HTMLVideoElement) => {
          v.muted = true;
          return v.play().then(
            () => true,
            () => false,
          );
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
  await expect.poll(() => details.locator('video').evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => details.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);
  const state = await details.locator('video').evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight, error: v.error?.message ?? null, src: v.currentSrc }));
  expect(state.error).toBeNull();
  expect([[640, 360], [320, 180]]).toContainEqual([state.width, state.height]);
  return state;
}

test('Chromium plays the HLS stream natively: no hls.js is loaded', async ({ page, hostPage }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const { details, play } = await openVideo(page, hostPage);
  expect(await page.evaluate(() => document.createElement('video').canPlayType('application/vnd.apple.mpegurl'))).not.toBe('');
  await play.click();
  const state = await expectPlaying(page, details);
  expect(state.src).toMatch(/\/manifest\.m3u8$/);
  expect(requested.some((url) => /\/chunk-\d-\d{5}\.m4s$/.test(url))).toBe(true);
  expect(requested.filter((url) => /hls/i.test(url) && /\.js$/.test(url))).toEqual([]);
});

test('where the browser has no HLS, hls.js is loaded on Play and plays the stream through MSE', async ({ page, hostPage }) => {
  // A browser without native HLS (Firefox, Chrome before 2025): canPlayType says so.
  await page.addInitScript(() => {
    const original = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type: string) {
      return /mpegurl/i.test(type) ? '' : original.call(this, type);
    };
  });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  const { details, play } = await openVideo(page, hostPage);
  // Nothing of hls.js before Play.
  expect(scripts.filter((url) => /hls/i.test(url))).toEqual([]);
  await play.click();
  const state = await expectPlaying(page, details);
  expect(state.src).toMatch(/^blob:/);
  expect(scripts.filter((url) => /hls/i.test(url))).toHaveLength(1);
});
