import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransformQueue } from '../../demo/emulator/delivery/transformQueue.ts';
import type { RenderedImage } from '../../demo/emulator/delivery/renderImage.ts';
import { imageInfo, startTestEmulator, type TestEmulator } from './emulatorFixture.ts';

let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator({ avif: true });
});
afterAll(() => e.close());

const kite = () => `/adobe/assets/${e.idOf('kite.jpg')}`;

async function refused(path: string, parameter: string, init?: RequestInit) {
  const response = await e.fetch(path, init);
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = await response.json();
  expect(body).toMatchObject({ status: 400, parameter });
  expect(body.detail).toMatch(new RegExp(`^${parameter}: `));
  return body.detail as string;
}

describe('the pixel budget: what would take too long or too much memory is a 400 naming what to change', () => {
  it('a maximal output, 8192 × 8192, names width; one reached through dpr names dpr', async () => {
    expect(await refused(`${kite()}/as/kite.jpg?width=8192&height=8192&fit=crop`, 'width')).toMatch(/8192 × 8192 pixels \(67\.1 megapixels\).*at most 40\.0 megapixels/);
    await refused(`${kite()}/as/kite.jpg?height=8192&width=8000&fit=contain`, 'width');
    await refused(`${kite()}/as/kite.jpg?height=8000`, 'height');
    await refused(`${kite()}/as/kite.jpg?width=4096&height=4096&dpr=2`, 'dpr');
  });

  it('an expensive encoder at a size that is fine for JPEG names format', async () => {
    expect(await refused(`${kite()}/as/kite.gif?width=3000&height=3000&auto-format=false`, 'format')).toMatch(/GIF counts 10× per pixel.*or for jpg, png or webp/);
    await refused(`${kite()}/as/kite.avif?width=4000&height=3000&auto-format=false`, 'format');
  });

  it('auto-format picks the next best format instead of an AVIF over budget', async () => {
    const response = await e.fetch(`${kite()}/as/kite.avif?width=3300&height=3100&fit=crop`, { headers: { Accept: 'image/avif,image/webp,*/*' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    const small = await e.fetch(`${kite()}/as/kite.avif?width=64`, { headers: { Accept: 'image/avif,image/webp,*/*' } });
    expect(small.headers.get('content-type')).toBe('image/avif');
  });

  it('within budget, even a large GIF is rendered', async () => {
    const response = await e.fetch(`${kite()}/as/kite.gif?width=1200&height=1000&fit=crop&auto-format=false`);
    expect(await imageInfo(response)).toMatchObject({ width: 1200, height: 1000, format: 'gif' });
  });
});

describe('lanes: a thumbnail does not wait behind large transforms', () => {
  it('completes while two large transforms are still in flight', async () => {
    // Two slots, as on a 2-core machine; the large lane may hold only one of them.
    const queue = new TransformQueue<RenderedImage>({ concurrency: 2 });
    e.emulator.context.transforms = queue;
    const finished: string[] = [];
    const track = (name: string, response: Promise<Response>) =>
      response.then(async (r) => {
        expect(r.status).toBe(200);
        await r.arrayBuffer();
        finished.push(name);
      });
    const big = [
      // Just over the large lane's threshold (4 megapixels of work), so the test stays quick.
      track('big 1', e.fetch(`${kite()}/as/kite.jpg?width=2400&height=2400&fit=crop&quality=90`)),
      track('big 2', e.fetch(`${kite()}/as/kite.png?width=2200&height=2200&fit=crop&auto-format=false`)),
    ];
    // Both are in the queue (running or waiting) before the thumbnail is asked for.
    await expect.poll(() => queue.stats().misses).toBe(2);
    const thumbnail = e.fetch(`/adobe/assets/${e.idOf('coffee.jpg')}/as/coffee.webp?width=160`, { headers: { Accept: 'image/webp' } });
    await track('thumbnail', thumbnail);
    expect(finished).toEqual(['thumbnail']);
    // One large transform runs, the other waits for the large lane.
    expect(queue.stats()).toMatchObject({ runningLarge: 1, queuedLarge: 1 });
    await Promise.all(big);
    expect(finished).toEqual(['thumbnail', 'big 1', 'big 2']);
  });
});
