import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';

/**
 * The emulator's HLS and DASH streams play in Chromium: natively (the player page), through
 * hls.js and through Shaka Player (MSE, as most browsers and the selector would play them),
 * from a host page of another origin, so CORS is part of what is tested. The players are loaded
 * into the test page only; they are not part of the selector.
 */
const ROOT = resolve(import.meta.dirname, '..');
const KITE_FLIGHT = 'urn:aaid:aem:1921e5a2-441c-4d32-9a13-ce528ee41fa0';

const PLAYERS = {
  'hls.js': 'node_modules/hls.js/dist/hls.min.js',
  shaka: 'node_modules/shaka-player/dist/shaka-player.compiled.js',
};

/**
 * A host page with one player script and a muted <video>, on `localhost` while the emulator is
 * `127.0.0.1`: another origin, so every manifest and segment request needs CORS. (A made-up public
 * host would not do: Chromium refuses requests from public pages to loopback addresses.)
 */
async function openHostPage(page: Page, baseURL: string, player: keyof typeof PLAYERS): Promise<void> {
  await page.goto(`${baseURL.replace('//127.0.0.1:', '//localhost:')}/host-page`);
  await page.setContent('<!doctype html><html lang="en"><title>Host</title><video muted playsinline width="640" height="360"></video></html>');
  await page.addScriptTag({ content: await readFile(resolve(ROOT, PLAYERS[player]), 'utf8') });
  expect(await page.evaluate(() => location.origin)).not.toBe(new URL(baseURL).origin);
}

/** Plays the page's video and waits until time moves and frames have a size: what a viewer sees. */
async function expectPlaying(page: Page) {
  await page.evaluate(() => document.querySelector('video')!.play());
  await expect.poll(() => page.evaluate(() => document.querySelector('video')!.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
  const state = await page.evaluate(() => {
    const v = document.querySelector('video')!;
    return { width: v.videoWidth, height: v.videoHeight, error: v.error?.message ?? null };
  });
  expect(state.error).toBeNull();
  expect(state.width).toBeGreaterThan(0);
  expect(state.height).toBeGreaterThan(0);
  return state;
}

/** The stream files a page fetched from the emulator. */
function streamRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', (response) => {
    const name = /\/adobe\/assets\/[^/]+\/([^/?]+)$/.exec(response.url())?.[1];
    if (name && /\.(m3u8|mpd|m4s)$/.test(name)) seen.push(`${response.status()} ${name}`);
  });
  return seen;
}

test('the HLS manifest plays through hls.js (MSE) on a host page of another origin', async ({ page, baseURL }) => {
  const seen = streamRequests(page);
  await openHostPage(page, baseURL!, 'hls.js');
  const supported = await page.evaluate(() => (window as unknown as { Hls: { isSupported(): boolean } }).Hls.isSupported());
  expect(supported).toBe(true);
  const errors: string[] = [];
  await page.exposeFunction('reportError', (detail: string) => errors.push(detail));
  await page.evaluate((src) => {
    const { Hls } = window as unknown as { Hls: any };
    const hls = new Hls();
    hls.on(Hls.Events.ERROR, (_: unknown, data: { fatal: boolean; details: string }) => data.fatal && (window as any).reportError(data.details));
    hls.loadSource(src);
    hls.attachMedia(document.querySelector('video'));
  }, `${baseURL}/adobe/assets/${KITE_FLIGHT}/manifest.m3u8`);
  const state = await expectPlaying(page);
  expect(errors).toEqual([]);
  expect([[640, 360], [320, 180]]).toContainEqual([state.width, state.height]);
  expect(seen).toContain('200 manifest.m3u8');
  expect(seen.some((s) => /^200 chunk-\d-\d{5}\.m4s$/.test(s))).toBe(true);
  expect(seen.filter((s) => !s.startsWith('200 '))).toEqual([]);
});

test('the DASH manifest plays through Shaka Player (MSE) on a host page of another origin', async ({ page, baseURL }) => {
  const seen = streamRequests(page);
  await openHostPage(page, baseURL!, 'shaka');
  await page.evaluate(async (src) => {
    const { shaka } = window as unknown as { shaka: any };
    shaka.polyfill.installAll();
    const player = new shaka.Player();
    await player.attach(document.querySelector('video'));
    await player.load(src);
  }, `${baseURL}/adobe/assets/${KITE_FLIGHT}/manifest.mpd`);
  const state = await expectPlaying(page);
  expect([[640, 360], [320, 180]]).toContainEqual([state.width, state.height]);
  expect(seen).toContain('200 manifest.mpd');
  expect(seen.some((s) => /^200 init-\d\.m4s$/.test(s))).toBe(true);
  expect(seen.some((s) => /^200 chunk-\d-\d{5}\.m4s$/.test(s))).toBe(true);
  expect(seen.filter((s) => !s.startsWith('200 '))).toEqual([]);
});

test('the player page plays the HLS stream where the browser plays HLS, the original elsewhere, with the poster', async ({ page }) => {
  const seen = streamRequests(page);
  await page.goto(`/adobe/assets/${KITE_FLIGHT}/play`);
  const video = page.locator('video');
  await expect(video).toHaveAttribute('poster', `/adobe/assets/${KITE_FLIGHT}/as/kite-flight.jpg`);
  await expect(video).toHaveAccessibleName('Kite flight (video)');
  await page.evaluate(() => (document.querySelector('video')!.muted = true));
  const state = await expectPlaying(page);
  // Either rendition of the stream (the player picks by bandwidth), or the 640 × 360 original.
  expect([[640, 360], [320, 180]]).toContainEqual([state.width, state.height]);
  const { nativeHls, currentSrc } = await video.evaluate((v: HTMLVideoElement) => ({ nativeHls: v.canPlayType('application/vnd.apple.mpegurl') !== '', currentSrc: v.currentSrc }));
  if (nativeHls) {
    expect(currentSrc).toMatch(/\/manifest\.m3u8$/);
    expect(seen.some((s) => /^200 chunk-\d-\d{5}\.m4s$/.test(s))).toBe(true);
  } else {
    expect(currentSrc).toMatch(/\/original\/as\/kite-flight\.mp4$/);
  }
  // The poster the page names is a real image of the video's size.
  const poster = await page.request.get(`/adobe/assets/${KITE_FLIGHT}/as/kite-flight.jpg`);
  expect(poster.headers()['content-type']).toBe('image/jpeg');
  expect(await sharp(await poster.body()).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 360 });
});
