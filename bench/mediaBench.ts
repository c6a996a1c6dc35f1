import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { httpRequest, percentile, spawnEmulator, timed, type Measurement } from './benchTools.ts';

const SAMPLES = resolve(import.meta.dirname, '../demo/catalog');

/**
 * Video posters, PDF thumbnails and HLS/DASH packaging, against the real CLI in a child process
 * over a fresh cache folder: the sample video and PDF, and a 20 s 720p clip with sound made here
 * with ffmpeg, closer to what people upload.
 */
export async function benchMedia(): Promise<Measurement[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-media-'));
  const cache = join(dir, '.cache');
  await copyFile(join(SAMPLES, 'kite-flight.mp4'), join(dir, 'kite-flight.mp4'));
  await copyFile(join(SAMPLES, 'brand-guidelines.pdf'), join(dir, 'brand-guidelines.pdf'));
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=25:d=20', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=20',
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', join(dir, 'clip-720p.mp4'),
  ]);
  const out: Measurement[] = [];
  let emulator = await spawnEmulator(['--catalog', dir, '--cache-dir', cache]);
  try {
    const search = JSON.parse((await httpRequest(`${emulator.url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: [{ match: { text: '*' } }] }) })).body.toString()) as {
      hits: { results: Array<{ assetId: string; repositoryMetadata: Record<string, string> }> };
    };
    const idOf = (name: string) => search.hits.results.find((r) => r.repositoryMetadata['repo:name'] === name)!.assetId;
    const get = async (path: string) => {
      const [ms, response] = await timed(() => httpRequest(`${emulator.url}${path}`));
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.body.toString().slice(0, 200)}`);
      return { ms, bytes: response.bytes, body: response.body };
    };
    const kite = `/adobe/assets/${idOf('kite-flight.mp4')}`;
    const pdf = `/adobe/assets/${idOf('brand-guidelines.pdf')}`;
    const clip = `/adobe/assets/${idOf('clip-720p.mp4')}`;

    out.push({ name: 'video poster, cold: probe + frame + 320-px JPEG', value: (await get(`${kite}/as/kite.jpg?width=320`)).ms, unit: 'ms', note: '640 × 360 sample', budget: { limit: 1500, kind: 'max' } });
    const fresh: number[] = [];
    for (let w = 100; w < 600; w += 20) fresh.push((await get(`${kite}/as/kite.jpg?width=${w}`)).ms);
    out.push({ name: 'video poster, a new size of a made poster, median', value: percentile(fresh, 50), unit: 'ms', budget: { limit: 60, kind: 'max' } });
    const cached: number[] = [];
    for (let i = 0; i < 50; i++) cached.push((await get(`${kite}/as/kite.jpg?width=320`)).ms);
    out.push({ name: 'video poster, the same URL again, median', value: percentile(cached, 50), unit: 'ms' });
    out.push({ name: 'video poster, cold, 1280 × 720 clip', value: (await get(`${clip}/as/clip.jpg?width=320`)).ms, unit: 'ms' });
    out.push({ name: 'PDF page 1, cold: pdftoppm + 320-px PNG', value: (await get(`${pdf}/as/brand.png?width=320`)).ms, unit: 'ms', budget: { limit: 1500, kind: 'max' } });
    const pages: number[] = [];
    for (let w = 100; w < 600; w += 20) pages.push((await get(`${pdf}/as/brand.png?width=${w}`)).ms);
    out.push({ name: 'PDF page 1, a new size of a rendered page, median', value: percentile(pages, 50), unit: 'ms' });

    const packaged = await get(`${kite}/manifest.m3u8`);
    out.push({ name: 'HLS + DASH packaging, first manifest request', value: packaged.ms, unit: 'ms', note: '5 s sample, 360p + 180p', budget: { limit: 5000, kind: 'max' } });
    out.push({ name: 'HLS master playlist', value: packaged.bytes, unit: 'B' });
    const media = await get(`${kite}/media_0.m3u8`);
    out.push({ name: 'HLS media playlist (360p)', value: media.bytes, unit: 'B' });
    const mpd = await get(`${kite}/manifest.mpd`);
    out.push({ name: 'DASH manifest', value: mpd.bytes, unit: 'B' });
    for (const rendition of [0, 1]) {
      const playlist = (await get(`${kite}/media_${rendition}.m3u8`)).body.toString();
      const segments = playlist.split('\n').filter((l) => l.endsWith('.m4s'));
      const sizes = await Promise.all(segments.map(async (s) => (await get(`${kite}/${s}`)).bytes));
      const total = sizes.reduce((a, b) => a + b, 0);
      out.push({ name: `${rendition === 0 ? '360p' : '180p'} segments: ${segments.length}, total`, value: total / 1024, unit: 'KiB', note: `largest ${(Math.max(...sizes) / 1024).toFixed(0)} KiB` });
    }
    const segment: number[] = [];
    for (let i = 0; i < 50; i++) segment.push((await get(`${kite}/chunk-0-00001.m4s`)).ms);
    out.push({ name: 'segment request, median', value: percentile(segment, 50), unit: 'ms' });

    const big = await get(`${clip}/manifest.mpd`);
    out.push({ name: 'HLS + DASH packaging, 20 s 1280 × 720 clip with sound', value: big.ms, unit: 'ms', note: `720p + 360p + AAC; ${(20_000 / big.ms).toFixed(1)}× real time`, budget: { limit: 60_000, kind: 'max' } });
  } finally {
    await emulator.stop();
  }
  // A restart over the same cache folder: nothing is made again.
  emulator = await spawnEmulator(['--catalog', dir, '--cache-dir', cache]);
  try {
    const search = JSON.parse((await httpRequest(`${emulator.url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: [{ match: { text: 'kite' } }] }) })).body.toString()) as {
      hits: { results: Array<{ assetId: string }> };
    };
    const id = search.hits.results[0]!.assetId;
    const [manifestMs] = await timed(() => httpRequest(`${emulator.url}/adobe/assets/${id}/manifest.m3u8`));
    out.push({ name: 'manifest after a restart (packaging read from the cache folder)', value: manifestMs, unit: 'ms' });
    const [posterMs] = await timed(() => httpRequest(`${emulator.url}/adobe/assets/${id}/as/kite.jpg?width=320`));
    out.push({ name: 'video poster after a restart (frame read from the cache folder)', value: posterMs, unit: 'ms' });
  } finally {
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}
