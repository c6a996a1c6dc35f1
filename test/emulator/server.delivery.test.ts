import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CATALOG_DIR } from '../../demo/emulator/catalog/loadAssetCatalog.ts';
import { imageInfo, magic, startTestEmulator, type TestEmulator } from './emulatorFixture.ts';

let e: TestEmulator;
let kite: string;
beforeAll(async () => {
  e = await startTestEmulator();
  kite = e.idOf('kite.jpg'); // 2400 × 1500
});
afterAll(() => e.close());

const as = (id: string, query = '', ext = 'jpg', init?: RequestInit) => e.fetch(`/adobe/assets/${id}/as/kite.${ext}${query ? `?${query}` : ''}`, init);
const plain = { headers: { Accept: '*/*' } };

describe('GET /adobe/assets/{id}/as/{seoName}.{format}', () => {
  it('defaults to the original size up to 2048 px wide', async () => {
    const response = await as(kite, 'auto-format=false');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(await imageInfo(response)).toMatchObject({ width: 2048, height: 1280, format: 'jpeg' });
    const small = await imageInfo(await as(e.idOf('chelsea-cat.jpg'), 'auto-format=false'));
    expect(small).toMatchObject({ width: 451, height: 300 });
  });

  it('applies width, height, fit, crop, rotate, flip and dpr to the real output', async () => {
    const cases: Array<[string, number, number]> = [
      ['width=320', 320, 200],
      ['height=150', 240, 150],
      ['width=300&height=300', 300, 300],
      ['width=300&height=300&fit=constrain', 300, 188],
      ['width=300&height=300&fit=crop', 300, 300],
      ['width=200&dpr=2', 400, 250],
      ['crop=0p,0p,50p,50p', 1200, 750],
      ['crop=10p,20p,25p,40p&width=300', 300, 300],
      ['rotate=90&width=400', 400, 640],
      ['rotate=180&width=400', 400, 250],
      ['flip=hv&width=400', 400, 250],
      ['smartcrop=Square&width=500', 500, 500],
      ['smartcrop=Banner', 2000, 500],
      ['preset=thumbnail', 320, 320],
      ['preset=thumbnail&width=100&height=100', 100, 100],
    ];
    for (const [query, width, height] of cases) {
      const info = await imageInfo(await as(kite, `${query}&auto-format=false`));
      expect({ query, width: info.width, height: info.height }).toEqual({ query, width, height });
    }
  });

  it('encodes the requested format when auto-format is off', async () => {
    for (const ext of ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif'] as const) {
      const response = await as(kite, 'width=64&auto-format=false', ext);
      const data = Buffer.from(await response.arrayBuffer());
      expect(magic(data)).toBe(ext === 'jpg' ? 'jpeg' : ext);
    }
  });

  it('negotiates the format from Accept when auto-format is on, and says it varies', async () => {
    const webp = await as(kite, 'width=64', 'jpg', { headers: { Accept: 'image/avif,image/webp,*/*' } });
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect(webp.headers.get('vary')).toBe('Accept');
    expect(magic(Buffer.from(await webp.arrayBuffer()))).toBe('webp');
    const fallback = await as(kite, 'width=64', 'avif', plain);
    expect(fallback.headers.get('content-type')).toBe('image/jpeg');
  });

  it('delivers AVIF to AVIF-capable browsers only with the entitlement', async () => {
    const entitled = await startTestEmulator({ avif: true });
    try {
      const response = await entitled.fetch(`/adobe/assets/${kite}/as/kite.jpg?width=64`, { headers: { Accept: 'image/avif,image/webp' } });
      expect(magic(Buffer.from(await response.arrayBuffer()))).toBe('avif');
    } finally {
      await entitled.close();
    }
  });

  it('lower quality gives fewer bytes; blur, sharpen and unsharp-mask change the pixels', async () => {
    const bytes = async (q: string) => (await imageInfo(await as(kite, `width=400&auto-format=false&${q}`))).data;
    expect((await bytes('quality=10')).length).toBeLessThan((await bytes('quality=90')).length);
    expect((await bytes('max-quality=20')).length).toBeLessThan((await bytes('max-quality=90')).length);
    const base = await bytes('quality=80');
    for (const effect of ['blur=20', 'sharpen=true', 'unsharp-mask=200,3,0']) {
      expect(Buffer.compare(await bytes(`quality=80&${effect}`), base), effect).not.toBe(0);
    }
  });

  it('attachment asks the browser to download', async () => {
    const response = await as(kite, 'width=50&attachment=true');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kite\.\w+"$/);
    expect((await as(kite, 'width=50')).headers.get('content-disposition')).toMatch(/^inline/);
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await as(kite, 'width=120');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.headers.get('cache-control')).toContain('max-age');
    const again = await as(kite, 'width=120', 'jpg', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await as(kite, 'width=121', 'jpg', { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
  });

  it('queues a burst of thumbnail requests and answers them all', async () => {
    const ids = e.emulator.context.catalog.assets
      .filter((d) => d.status === 'approved' && d.mimeType.startsWith('image/') && d.restrictedTo.length === 0 && !d.onTime && !d.offTime)
      .map((d) => d.id);
    const responses = await Promise.all(Array.from({ length: 48 }, (_, i) => as(ids[i % ids.length]!, `width=${100 + i}`, 'webp')));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const stats = e.emulator.context.transforms.stats();
    expect(stats.running).toBe(0);
    expect(stats.queued).toBe(0);
  });
});

describe('the other binary endpoints', () => {
  it('GET /adobe/assets/{id} delivers 1024 px at quality 65 in the best accepted format', async () => {
    const webp = await e.fetch(`/adobe/assets/${kite}`, { headers: { Accept: 'image/webp,*/*' } });
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect(await imageInfo(webp)).toMatchObject({ width: 1024, height: 640 });
    const jpeg = await e.fetch(`/adobe/assets/${kite}`, plain);
    expect(await imageInfo(jpeg)).toMatchObject({ width: 1024, format: 'jpeg' });
  });

  it('original/as and the deprecated deliver/ return the uploaded bytes', async () => {
    const bytes = await readFile(join(SAMPLE_CATALOG_DIR, 'kite.jpg'));
    const original = await e.fetch(`/adobe/assets/${kite}/original/as/kite.jpg`);
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await original.arrayBuffer()).equals(bytes)).toBe(true);
    const deprecated = await e.fetch(`/adobe/assets/deliver/${kite}/kite.jpg`);
    expect(deprecated.headers.get('deprecation')).toBe('true');
    expect(Buffer.from(await deprecated.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('lists renditions with their real sizes and delivers each', async () => {
    const list = await (await e.fetch(`/adobe/assets/${kite}/renditions`)).json();
    expect(list.assetId).toBe(kite);
    expect(list.items.map((i: { name: string }) => i.name)).toEqual([
      'original',
      'cq5dam.thumbnail.48.48.png',
      'cq5dam.thumbnail.140.100.png',
      'cq5dam.thumbnail.319.319.png',
      'cq5dam.web.1280.1280.jpeg',
    ]);
    for (const item of list.items) {
      const response = await e.fetch(`/adobe/assets/${kite}/renditions/${item.name}/as/kite`);
      const info = await imageInfo(response);
      expect({ name: item.name, width: info.width, height: info.height, size: info.data.length }).toEqual({
        name: item.name,
        width: item.width,
        height: item.height,
        size: item.size,
      });
    }
    const missing = await e.fetch(`/adobe/assets/${kite}/renditions/cq5dam.nope/as/kite`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail).toMatch(/^renditionName: /);
  });

  it('videos and documents: originals, a player page for the video, posters through image delivery', async () => {
    const video = e.idOf('kite-flight.mp4');
    const original = await e.fetch(`/adobe/assets/${video}/original/as/kite-flight.mp4`);
    expect(original.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await original.arrayBuffer()).subarray(4, 8).toString()).toBe('ftyp');
    const player = await e.fetch(`/adobe/assets/${video}/play`);
    expect(player.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await player.text()).toContain(`<source src="/adobe/assets/${video}/original/as/kite-flight.mp4">`);
    // Streams, posters and PDF thumbnails in detail: media.streams.test.ts, media.posters.test.ts.
    expect((await e.fetch(`/adobe/assets/${video}/manifest.m3u8`)).headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const renditions = await (await e.fetch(`/adobe/assets/${video}/renditions`)).json();
    expect(renditions.items).toEqual([{ name: 'original', format: 'video/mp4', size: expect.any(Number), width: 640, height: 360 }]);
    expect((await (await e.fetch(`/adobe/assets/${video}/smartCrops`)).json()).items).toEqual([]);

    const pdf = e.idOf('brand-guidelines.pdf');
    const document = await e.fetch(`/adobe/assets/${pdf}/original/as/brand-guidelines.pdf`);
    expect(document.headers.get('content-type')).toBe('application/pdf');
    expect(await imageInfo(await e.fetch(`/adobe/assets/${pdf}/as/brand.jpg?width=100`))).toMatchObject({ width: 100, height: 141 });
    expect((await e.fetch(`/adobe/assets/${pdf}/play`)).status).toBe(404);
  });

  it('HEAD answers headers without a body', async () => {
    const head = await e.fetch(`/adobe/assets/${kite}/renditions`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBeTruthy();
    expect(await head.text()).toBe('');
  });
});
