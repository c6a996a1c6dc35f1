import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveDone } from './archiveFixture.ts';
import { launchCli } from './cliFixture.ts';

const COPIES = 24;

/** Resident memory of a process, from /proc (Linux). */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/**
 * A large archive through the real CLI in its own process, so its resident memory is the
 * emulator's alone: an incompressible ~4 MB image, 24 times over, zipped and downloaded.
 * Memory growth is asserted (well under the archive's size: it is streamed); speed is reported.
 */
let dir: string;
let cli: Awaited<ReturnType<typeof launchCli>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archive-memory-'));
  const catalog = join(dir, 'catalog');
  await mkdir(catalog);
  const noise = await sharp({ create: { width: 2600, height: 2600, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 80 } } }).jpeg({ quality: 100 }).toBuffer();
  await sharp(noise).toFile(join(catalog, 'noise-00.jpg'));
  for (let i = 1; i < COPIES; i++) await copyFile(join(catalog, 'noise-00.jpg'), join(catalog, `noise-${String(i).padStart(2, '0')}.jpg`));
  cli = await launchCli(join(dir, 'data'), ['--catalog', catalog]);
}, 120_000);
afterAll(async () => {
  await cli?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a large archive streams', () => {
  it('resident memory grows by far less than the archive while it is built and downloaded', async () => {
    const search = await (await fetch(`${cli.url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: [{ match: { text: '*' } }], limit: 50 }) })).json();
    const ids: string[] = search.hits.results.map((r: { assetId: string }) => r.assetId);
    expect(ids).toHaveLength(COPIES);
    const before = await rssOf(cli.pid);
    let peak = before;
    const sampler = setInterval(() => void rssOf(cli.pid).then((rss) => (peak = Math.max(peak, rss)), () => undefined), 20);
    try {
      const started = performance.now();
      const response = await fetch(`${cli.url}/adobe/assets/archives`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items: ids.map((assetId) => ({ assetId })) }) });
      expect(response.status).toBe(202);
      const status = await archiveDone((path) => fetch(`${cli.url}${path}`), response.headers.get('location')!);
      const built = performance.now() - started;
      expect(status.status).toBe('COMPLETED');
      const size: number = status.files[0].size;
      const downloadStarted = performance.now();
      const download = await fetch(status.files[0].url);
      let received = 0;
      const reader = download.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value.length;
      const downloaded = performance.now() - downloadStarted;
      expect(received).toBe(size);
      const grown = peak - before;
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      console.info(
        `archive memory: ${mb(size)} MB zip of ${COPIES} images; emulator RSS ${mb(before)} → peak ${mb(peak)} MB (grew ${mb(grown)} MB); ` +
          `built at ${(size / 1024 / 1024 / (built / 1000)).toFixed(0)} MB/s, downloaded at ${(size / 1024 / 1024 / (downloaded / 1000)).toFixed(0)} MB/s (report only)`,
      );
      expect(size).toBeGreaterThan(60 * 1024 * 1024);
      // A zip built whole in memory grows the process by at least its size; streaming grows it by
      // buffers and allocator slack, which varies with load (0.1–31 MB seen for a 93-MB zip).
      expect(grown).toBeLessThan(size / 2);
    } finally {
      clearInterval(sampler);
    }
  }, 120_000);
});
