import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeliveryUrl, fileSeoName, originalUrl, playerUrl, renditionUrl, seoNameFor } from '../../src/core/deliveryUrl.ts';
import { imageInfo, startTestEmulator, type TestEmulator } from './emulatorFixture.ts';

const SAMPLES = resolve(import.meta.dirname, '../../demo/catalog');
/** Names in three scripts, with spaces, and their pixel sizes. */
const IMAGES: Record<string, { width: number; height: number }> = {
  'Müller.jpg': { width: 640, height: 480 },
  '東京.jpg': { width: 300, height: 200 },
  'café au lait.png': { width: 200, height: 100 },
};

let dir: string;
let e: TestEmulator;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unicode-catalog-'));
  for (const [name, { width, height }] of Object.entries(IMAGES)) {
    const image = sharp({ create: { width, height, channels: name.endsWith('.png') ? 4 : 3, background: { r: 200, g: 80, b: 40, alpha: 0.8 } } });
    await (name.endsWith('.png') ? image.png() : image.jpeg()).toFile(join(dir, name));
  }
  await copyFile(join(SAMPLES, 'kite-flight.mp4'), join(dir, 'kite flight.mp4'));
  await copyFile(join(SAMPLES, 'brand-guidelines.pdf'), join(dir, 'brand guide (2025).pdf'));
  e = await startTestEmulator({ catalogDir: dir });
});
afterAll(async () => {
  await e?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The file name a browser saves under, from `filename*` (RFC 8187) when there is one. */
function savedName(response: Response): string | undefined {
  const header = response.headers.get('content-disposition') ?? '';
  const extended = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return extended ? decodeURIComponent(extended) : /filename="([^"]*)"/.exec(header)?.[1];
}

describe('file names in any script, end to end', () => {
  it('finds them by their titles, accents folded', async () => {
    const names = async (text: string) => (await (await e.search({ query: [{ match: { text } }] })).json()).hits.results.map((r: { repositoryMetadata: Record<string, string> }) => r.repositoryMetadata['repo:name']);
    expect(await names('Müller')).toEqual(['Müller.jpg']);
    expect(await names('muller')).toEqual(['Müller.jpg']);
    expect(await names('東京')).toEqual(['東京.jpg']);
    expect(await names('cafe')).toEqual(['café au lait.png']);
  });

  it.each(Object.entries(IMAGES))('%s: the thumbnail, an edited image, the original and a rendition load at their sizes', async (name, size) => {
    const id = e.idOf(name);
    const seoName = seoNameFor(name);
    expect(seoName).toMatch(/^[\w.%-]+$/);

    const thumbnail = await e.fetch(buildDeliveryUrl({ repository: e.url, assetId: id, seoName, format: 'webp', modifiers: { width: '160' } }).slice(e.url.length), { headers: { Accept: 'image/webp' } });
    expect(thumbnail.status).toBe(200);
    expect(savedName(thumbnail)).toBe(`${decodeURIComponent(seoName)}.webp`);
    expect(await imageInfo(thumbnail)).toMatchObject({ width: 160, height: Math.round((160 * size.height) / size.width), format: 'webp' });

    const edited = await fetch(buildDeliveryUrl({ repository: e.url, assetId: id, seoName, format: 'png', modifiers: { crop: '0p,0p,50p,50p', rotate: '90', 'auto-format': 'false', attachment: 'true' } }));
    expect(edited.status).toBe(200);
    expect(edited.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(await imageInfo(edited)).toMatchObject({ width: size.height / 2, height: size.width / 2, format: 'png' });

    const original = await fetch(originalUrl(e.url, id, name));
    expect(original.status).toBe(200);
    expect(savedName(original)).toBe(decodeURIComponent(fileSeoName(name)));
    expect(await imageInfo(original)).toMatchObject(size);

    const rendition = await fetch(renditionUrl(e.url, id, 'cq5dam.thumbnail.140.100.png', name));
    expect(rendition.status).toBe(200);
    const scale = Math.min(140 / size.width, 100 / size.height);
    expect(await imageInfo(rendition)).toMatchObject({ width: Math.round(size.width * scale), height: Math.round(size.height * scale), format: 'png' });

    const convenience = await e.fetch(`/adobe/assets/${id}`);
    expect(convenience.status).toBe(200);
    expect(savedName(convenience)).toMatch(new RegExp(`^${decodeURIComponent(seoName)}\\.(jpg|png)$`));
  });

  it('a non-ASCII name is sent as filename* with an ASCII stand-in, never raw in the header', async () => {
    const response = await fetch(originalUrl(e.url, e.idOf('東京.jpg'), '東京.jpg'));
    expect(response.headers.get('content-disposition')).toBe("inline; filename=\"__.jpg\"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC.jpg");
  });

  it('a video whose name holds a space plays: the player page points at an original that loads', async () => {
    const id = e.idOf('kite flight.mp4');
    const page = await (await fetch(playerUrl(e.url, id))).text();
    const src = /<source src="([^"]+\/original\/as\/[^"]+)">/.exec(page)?.[1];
    expect(src).toBe(`/adobe/assets/${id}/original/as/kite-flight.mp4`);
    const video = await e.fetch(src!);
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('video/mp4');
  });

  it('a document whose name holds spaces and brackets opens through originalUrl', async () => {
    const response = await fetch(originalUrl(e.url, e.idOf('brand guide (2025).pdf'), 'brand guide (2025).pdf'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(savedName(response)).toBe('brand-guide-2025.pdf');
  });

  it('still refuses names that are not SEO names: spaces, separators, dot segments', async () => {
    const id = e.idOf('Müller.jpg');
    for (const seo of ['M%C3%BC%20ller', 'a%2Fb', 'a%00b', '%E0%A4%A', '%25']) {
      const response = await e.rawGet(`/adobe/assets/${id}/as/${seo}.jpg`);
      expect({ seo, status: response.status }).toEqual({ seo, status: 400 });
      expect((await response.json()).detail).toMatch(/^(seoName|path): /);
    }
  });
});
