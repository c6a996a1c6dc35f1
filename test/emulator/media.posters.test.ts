import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, imageInfo, magic, type TestEmulator } from './emulatorFixture.ts';
import { makeClip } from './mediaFixture.ts';

/**
 * Video posters and PDF thumbnails through image delivery, against a real emulator with real
 * ffmpeg and pdftoppm, over a catalog of the sample video and PDF and clips made for the test.
 */
const SAMPLES = resolve(import.meta.dirname, '../../demo/catalog');
const HIDDEN_ID = 'urn:aaid:aem:0b7e1c55-0000-4000-8000-00000000d1a1';
const RESTRICTED_ID = 'urn:aaid:aem:0b7e1c55-0000-4000-8000-00000000d1a2';

const sidecarEntry = (id: string, title: string, extra: object) => ({
  id, title, description: title, keywords: ['video'], creator: 'Test', rights: 'CC0', created: '2025-01-01T00:00:00.000Z', ...extra,
});

let dir: string;
let e: TestEmulator;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'media-posters-'));
  await copyFile(join(SAMPLES, 'kite-flight.mp4'), join(dir, 'kite-flight.mp4'));
  await copyFile(join(SAMPLES, 'brand-guidelines.pdf'), join(dir, 'brand-guidelines.pdf'));
  // A second of black before the picture: a poster from the first frame would be black.
  await makeClip(join(dir, 'late-start.mp4'), { width: 480, height: 270, blackSeconds: 1, seconds: 4 });
  await makeClip(join(dir, 'draft-clip.mp4'), { width: 320, height: 180, seconds: 2 });
  await makeClip(join(dir, 'team-clip.mp4'), { width: 256, height: 144, seconds: 2 });
  await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } }).jpeg().toFile(join(dir, 'photo.jpg'));
  await writeFile(join(dir, 'metadata.json'), JSON.stringify({
    assets: {
      'draft-clip.mp4': sidecarEntry(HIDDEN_ID, 'Draft clip', { status: 'draft' }),
      'team-clip.mp4': sidecarEntry(RESTRICTED_ID, 'Team clip', { status: 'approved', restrictedTo: ['marketing'] }),
    },
  }));
  e = await startTestEmulator({ catalogDir: dir });
});

afterAll(async () => {
  await e?.close();
  await rm(dir, { recursive: true, force: true });
});

const mean = async (data: Buffer) => {
  const { channels } = await sharp(data).stats();
  return channels.slice(0, 3).reduce((sum, c) => sum + c.mean, 0) / 3;
};

describe('video posters', () => {
  it('a video URL with an image format delivers a frame at the requested width', async () => {
    const kite = e.idOf('kite-flight.mp4');
    const response = await e.fetch(`/adobe/assets/${kite}/as/kite-flight.jpg?width=320`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="kite-flight.jpg"');
    const info = await imageInfo(response);
    expect({ format: info.format, width: info.width, height: info.height }).toEqual({ format: 'jpeg', width: 320, height: 180 });
  });

  it('the poster goes through the same modifiers as images: format, crop, fit, rotate, quality', async () => {
    const kite = e.idOf('kite-flight.mp4');
    const get = async (query: string, ext = 'png') => imageInfo(await e.fetch(`/adobe/assets/${kite}/as/kite.${ext}?${query}&auto-format=false`));
    expect(magic((await get('width=200', 'webp')).data)).toBe('webp');
    // The left half of the 640 × 360 frame, 100 px wide.
    expect(await get('crop=0p,0p,50p,100p&width=100')).toMatchObject({ format: 'png', width: 100, height: 113 });
    expect(await get('width=120&height=120&fit=crop')).toMatchObject({ width: 120, height: 120 });
    expect(await get('rotate=90&width=90')).toMatchObject({ width: 90, height: 160 });
    const small = (await get('width=320&quality=10', 'jpg')).data.length;
    const large = (await get('width=320&quality=95', 'jpg')).data.length;
    expect(small).toBeLessThan(large / 2);
  });

  it('is a representative frame, not the black first one', async () => {
    const id = e.idOf('late-start.mp4');
    const firstFrame = (await promisify(execFile)('ffmpeg', ['-v', 'error', '-i', join(dir, 'late-start.mp4'), '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'], { encoding: 'buffer' })).stdout;
    expect(await mean(firstFrame)).toBeLessThan(5);
    const poster = await imageInfo(await e.fetch(`/adobe/assets/${id}/as/late-start.png?width=240&auto-format=false`));
    expect(poster).toMatchObject({ width: 240, height: 135 });
    expect(await mean(poster.data)).toBeGreaterThan(40);
  });

  it('GET /{id} on a video is its poster, at the video size (under the convenience width cap of 1024)', async () => {
    const response = await e.fetch(`/adobe/assets/${e.idOf('kite-flight.mp4')}`, { headers: { Accept: 'image/webp,image/*' } });
    expect(response.status).toBe(200);
    expect(await imageInfo(response)).toMatchObject({ format: 'webp', width: 640, height: 360 });
  });

  it('revalidates with 304, and HEAD has no body', async () => {
    const url = `/adobe/assets/${e.idOf('kite-flight.mp4')}/as/kite.jpg?width=160`;
    const first = await e.fetch(url);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await e.fetch(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const head = await e.fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('smart crops are for images: a video with smartcrop is a 400 naming it', async () => {
    const response = await e.fetch(`/adobe/assets/${e.idOf('kite-flight.mp4')}/as/kite.jpg?smartcrop=Square`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ parameter: 'smartcrop', detail: expect.stringMatching(/^smartcrop: kite-flight\.mp4 is not an image/) });
  });

  it('hidden videos have no poster: a draft is a 404, a restricted one only shows with its role', async () => {
    const unknown = await e.fetch('/adobe/assets/urn:aaid:aem:00000000-0000-4000-8000-000000000000/as/x.jpg?width=100');
    const draft = await e.fetch(`/adobe/assets/${HIDDEN_ID}/as/x.jpg?width=100`);
    expect(draft.status).toBe(404);
    expect((await draft.json()).detail).toBe((await unknown.json()).detail.replace('00000000-0000-4000-8000-000000000000', HIDDEN_ID.slice(13)));
    expect((await e.fetch(`/adobe/assets/${RESTRICTED_ID}`)).status).toBe(404);
    const withRole = await e.fetch(`/adobe/assets/${RESTRICTED_ID}/as/team.jpg?width=128`, { headers: { Authorization: 'Bearer dev-token-marketing' } });
    expect(withRole.status).toBe(200);
    expect(withRole.headers.get('cache-control')).toMatch(/^private/);
    expect(await imageInfo(withRole)).toMatchObject({ width: 128, height: 72 });
  });
});

describe('PDF thumbnails', () => {
  it('a PDF URL with an image format delivers page 1 at the requested width', async () => {
    const pdf = e.idOf('brand-guidelines.pdf');
    const response = await e.fetch(`/adobe/assets/${pdf}/as/brand-guidelines.png?width=300&auto-format=false`);
    expect(response.status).toBe(200);
    const page = await imageInfo(response);
    // An A4 page (595 × 842 pt) at 300 px wide.
    expect(page).toMatchObject({ format: 'png', width: 300, height: 424 });
    // A white page with black text on it, not a blank or black image.
    const { channels } = await sharp(page.data).stats();
    expect(channels[0]!.mean).toBeGreaterThan(200);
    expect(channels[0]!.min).toBeLessThan(100);
  });

  it('GET /{id} on a PDF is its first page', async () => {
    const response = await e.fetch(`/adobe/assets/${e.idOf('brand-guidelines.pdf')}`, { headers: { Accept: 'image/png' } });
    expect(response.status).toBe(200);
    const page = await imageInfo(response);
    expect(page.width).toBeLessThanOrEqual(1024);
    expect(page.height! / page.width!).toBeCloseTo(842 / 595, 1);
  });

  it('images are delivered exactly as before', async () => {
    expect(await imageInfo(await e.fetch(`/adobe/assets/${e.idOf('photo.jpg')}/as/photo.jpg?width=200`))).toMatchObject({ width: 200, height: 150 });
  });
});

describe('posters are made once per binary', () => {
  it('concurrent requests share one job, and a restarted emulator reads the poster from its cache folder', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'media-poster-cache-'));
    const first = await startTestEmulator({ catalogDir: dir, cacheDir });
    try {
      const id = first.idOf('kite-flight.mp4');
      const widths = [100, 120, 140, 160, 180, 200];
      const sizes = await Promise.all(widths.map(async (w) => (await imageInfo(await first.fetch(`/adobe/assets/${id}/as/k.jpg?width=${w}`))).width));
      expect(sizes).toEqual(widths);
      expect(first.emulator.context.media.stats()).toMatchObject({ posters: 1, fromDisk: 0 });
    } finally {
      await first.close();
    }
    const second = await startTestEmulator({ catalogDir: dir, cacheDir });
    try {
      expect((await imageInfo(await second.fetch(`/adobe/assets/${second.idOf('kite-flight.mp4')}/as/k.jpg?width=90`))).width).toBe(90);
      expect(second.emulator.context.media.stats()).toMatchObject({ posters: 0, fromDisk: 1 });
    } finally {
      await second.close();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
