import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREWARM_WIDTHS } from '../../demo/emulator/delivery/thumbnailPrewarmer.ts';
import { startEmulator, type Emulator } from '../../demo/emulator/server.ts';
import { imageUrlFor } from '../../src/core/imageUrlFor.ts';
import { normalizeAsset } from '../../src/core/normalizeAsset.ts';
import { thumbnailModifiers } from '../../src/core/srcset.ts';
import { PAGE_SIZE } from '../../src/core/searchRequestFor.ts';
import type { SearchResponse } from '../../src/core/types.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { imageInfo } from './emulatorFixture.ts';

const CHROMIUM_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'emulator-prewarm-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The grid's first page, and the thumbnail URL the selector builds for each image and video (its poster) on it at `width`. */
async function firstPageThumbnails(emulator: Emulator, width: number): Promise<string[]> {
  const response = await fetch(`${emulator.url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: [{ match: { text: '*' } }], limit: PAGE_SIZE }) });
  const page = (await response.json()) as SearchResponse;
  const { repository, imageFormat } = validateOptions({ repository: emulator.url });
  return page.hits.results
    .map(normalizeAsset)
    .filter((asset) => asset.kind === 'image' || asset.kind === 'video')
    .map((asset) => imageUrlFor(asset, { repository, format: imageFormat }, thumbnailModifiers(width)));
}

describe('thumbnail pre-warming', () => {
  it('renders the first page of thumbnails (images, video posters) in the background, so the grid asks for nothing new; a restart reads them from the cache dir', async () => {
    const options = { port: 0, cacheDir: join(folder, 'cache'), dataDir: join(folder, 'data'), prewarm: true };
    const first = await startEmulator(options);
    let served: Buffer;
    let images: number;
    try {
      const report = await first.prewarmed!;
      const urls = await firstPageThumbnails(first, 240);
      images = urls.length;
      expect(images).toBeGreaterThan(10);
      expect(report).toMatchObject({ assets: images, rendered: images * PREWARM_WIDTHS.length, fromDisk: 0 });
      expect(PREWARM_WIDTHS).toContain(240);
      const before = first.context.transforms.stats().misses;
      const responses = await Promise.all(urls.map((url) => fetch(url, { headers: { Accept: CHROMIUM_ACCEPT } })));
      expect(responses.map((r) => r.status)).toEqual(urls.map(() => 200));
      // Every thumbnail came from the warm cache: no transform started for the grid.
      expect(first.context.transforms.stats().misses).toBe(before);
      const info = await imageInfo(responses[0]!);
      expect(info).toMatchObject({ width: 240, format: 'webp' });
      served = info.data;
      for (const r of responses.slice(1)) await r.arrayBuffer();
    } finally {
      await first.close();
    }
    expect(await readdir(join(folder, 'cache', 'renditions'))).toHaveLength(images * PREWARM_WIDTHS.length);

    const second = await startEmulator(options);
    try {
      expect(await second.prewarmed!).toMatchObject({ assets: images, rendered: 0, fromDisk: images * PREWARM_WIDTHS.length });
      const [url] = await firstPageThumbnails(second, 240);
      const before = second.context.transforms.stats().misses;
      const response = await fetch(url!, { headers: { Accept: CHROMIUM_ACCEPT } });
      expect(Buffer.from(await response.arrayBuffer()).equals(served)).toBe(true);
      expect(second.context.transforms.stats().misses).toBe(before);
    } finally {
      await second.close();
    }
    // About a hundred real renders on a CPU the other test files share.
  }, 120_000);

  it('is off unless asked for: nothing is rendered ahead, nothing written', async () => {
    const cacheDir = join(folder, 'off');
    const emulator = await startEmulator({ port: 0, cacheDir });
    try {
      expect(emulator.prewarmed).toBeUndefined();
      const [url] = await firstPageThumbnails(emulator, 240);
      const before = emulator.context.transforms.stats().misses;
      await (await fetch(url!, { headers: { Accept: CHROMIUM_ACCEPT } })).arrayBuffer();
      expect(emulator.context.transforms.stats().misses).toBe(before + 1);
      await expect(readdir(join(cacheDir, 'renditions'))).rejects.toThrow();
    } finally {
      await emulator.close();
    }
  });

  it('a first screen of thumbnails (240 px, quality 80) weighs under 3 % of the originals', async () => {
    const emulator = await startEmulator({ port: 0, cacheDir: join(folder, 'bytes') });
    try {
      const urls = (await firstPageThumbnails(emulator, 240)).slice(0, 16);
      let thumbnails = 0;
      let originals = 0;
      for (const url of urls) {
        const response = await fetch(url, { headers: { Accept: CHROMIUM_ACCEPT } });
        thumbnails += (await response.arrayBuffer()).byteLength;
        const id = decodeURIComponent(new URL(url).pathname.split('/')[3]!);
        const metadata = (await (await fetch(`${emulator.url}/adobe/assets/${encodeURIComponent(id)}/metadata`)).json()) as { repositoryMetadata: { 'repo:size': number } };
        originals += metadata.repositoryMetadata['repo:size'];
      }
      expect(thumbnails / originals).toBeLessThan(0.03);
    } finally {
      await emulator.close();
    }
  }, 60_000);
});
