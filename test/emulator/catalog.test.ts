import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAssetCatalog, SAMPLE_CATALOG_DIR, titleFromFileName } from '../../demo/emulator/catalog/loadAssetCatalog.ts';
import { syntheticCatalog } from '../../demo/emulator/catalog/syntheticCatalog.ts';
import { startEmulator } from '../../demo/emulator/server.ts';
import { imageInfo, startTestEmulator } from './emulatorFixture.ts';
import { CATALOG_SIZE } from './searchFixture.ts';

describe('the sample catalog', () => {
  it('reads size, dimensions and format from the files, and metadata from the sidecar', async () => {
    const catalog = await loadAssetCatalog();
    expect(catalog.assets).toHaveLength(CATALOG_SIZE);
    const kite = catalog.assets.find((a) => a.name === 'kite.jpg')!;
    expect(kite).toMatchObject({ width: 2400, height: 1500, size: 158402, mimeType: 'image/jpeg', status: 'approved' });
    expect(kite.id).toMatch(/^urn:aaid:aem:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(kite.assetMetadata['xcm:keywords']).toContain('kite');
    expect(new Set(catalog.assets.map((a) => a.id)).size).toBe(CATALOG_SIZE);
    // A video and a document, measured from their files.
    expect(catalog.assets.find((a) => a.name === 'kite-flight.mp4')).toMatchObject({ mimeType: 'video/mp4', width: 640, height: 360 });
    const pdf = catalog.assets.find((a) => a.name === 'brand-guidelines.pdf')!;
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', width: 595, height: 842 });
    expect(pdf.assetMetadata['tiff:ImageWidth']).toBeUndefined();
    // Ids are stable: the same on every load.
    expect((await loadAssetCatalog()).assets.map((a) => a.id)).toEqual(catalog.assets.map((a) => a.id));
  });
});

describe('--catalog DIR', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-'));
    await mkdir(join(dir, 'sub'));
    await copyFile(join(SAMPLE_CATALOG_DIR, 'coffee.jpg'), join(dir, 'Morning_coffee-2.jpg'));
    await sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0.5 } } }).png().toFile(join(dir, 'sub', 'red dot.png'));
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toFile(join(dir, '.hidden.jpg'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('indexes any folder of images, approved and titled after the file name', async () => {
    const e = await startTestEmulator({ catalogDir: dir });
    try {
      const body = await (await e.search({ query: [{ match: { text: '*' } }], orderBy: 'repositoryMetadata.repo:name asc' })).json();
      const hits = body.hits.results;
      expect(hits.map((h: { assetMetadata: Record<string, unknown> }) => h.assetMetadata['dc:title'])).toEqual(['Morning coffee 2', 'Red dot']);
      expect(hits[1].repositoryMetadata).toMatchObject({ 'dc:format': 'image/png', 'repo:path': '/content/dam/local/sub/red dot.png' });
      expect(hits[1].assetMetadata).toMatchObject({ 'tiff:ImageWidth': 64, 'tiff:ImageLength': 48, 'dam:assetStatus': 'approved' });
      // The transparent PNG keeps its alpha in PNG output and gets the background colour when asked.
      const png = await imageInfo(await e.fetch(`/adobe/assets/${hits[1].assetId}/as/red.png?auto-format=false&background-color=rgb,0000ff`));
      const { data, info } = await sharp(png.data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(info.width).toBe(64);
      // Half-transparent red over blue: purple, and opaque.
      expect({ r: data[0]! > 100, g: data[1]! < 30, b: data[2]! > 100, a: data[3] }).toEqual({ r: true, g: true, b: true, a: 255 });
    } finally {
      await e.close();
    }
  });

  it('keeps ids stable across restarts', async () => {
    const a = await loadAssetCatalog(dir);
    const b = await loadAssetCatalog(dir);
    expect(a.assets.map((x) => x.id)).toEqual(b.assets.map((x) => x.id));
  });

  it('fails clearly for a folder without images', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'empty-'));
    await expect(loadAssetCatalog(empty)).rejects.toThrow(/no images/);
    await rm(empty, { recursive: true });
  });

  it('titles files readably', () => {
    expect(titleFromFileName('golden-gate_bridge.v2.jpg')).toBe('Golden gate bridge v2');
  });
});

// Child processes (tsx, a 100,000-asset index): seconds alone, far more when the cores are shared.
describe('--synthetic N', { timeout: 90_000 }, () => {
  it('serves N assets with distinct ids and varied metadata, some hidden', async () => {
    const catalog = syntheticCatalog(await loadAssetCatalog(), 5000);
    expect(catalog.assets).toHaveLength(5000);
    expect(new Set(catalog.assets.map((a) => a.id)).size).toBe(5000);
    expect(new Set(catalog.assets.map((a) => a.assetMetadata['dc:title'])).size).toBe(5000);
    const hidden = catalog.assets.filter((a) => a.status !== 'approved' || a.restrictedTo.length || a.onTime || a.offTime).length;
    expect(hidden / 5000).toBeGreaterThan(0.04);
    expect(hidden / 5000).toBeLessThan(0.15);
    const years = new Set(catalog.assets.map((a) => String(a.repositoryMetadata['repo:createDate']).slice(0, 4)));
    expect(years.size).toBeGreaterThan(10);
  });

  it('scales to 100,000 assets', async () => {
    const e = await startEmulator({ port: 0, synthetic: 100_000, cacheDir: await mkdtemp(join(tmpdir(), 'syn-')) });
    try {
      const response = await fetch(`${e.url}/adobe/assets/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: [{ match: { text: 'golden' } }], limit: 50 }) });
      const body = await response.json();
      expect(body.search_metadata.totalCount.total).toBeGreaterThan(3000);
      const image = await fetch(`${e.url}/adobe/assets/${body.hits.results[49].assetId}/as/x.jpg?width=80&auto-format=false`);
      expect((await imageInfo(image)).width).toBe(80);
    } finally {
      await e.close();
    }
  });
});

describe('the command line', { timeout: 90_000 }, () => {
  const cli = resolve(import.meta.dirname, '../../demo/emulator/cli.ts');
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], { timeout: 20_000 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('rejects bad options with a message that names them', async () => {
    const bad = await run('--port', 'abc');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port must be an integer from 0 to 65535, got "abc"/);
    expect((await run('--synthetic', '0')).stderr).toMatch(/--synthetic must be an integer from 1 to 100000/);
    expect((await run('--colour')).stderr).toMatch(/Unknown option '--colour'/);
    expect((await run('--catalog', '/nonexistent-folder')).stderr).toMatch(/nonexistent-folder/);
    expect((await run('--webhook', 'ftp://hooks.test/x?token=secret')).stderr).toMatch(/--webhook: "ftp:\/\/hooks\.test\/x" must be an http or https URL/);
    expect((await run('--webhook', 'not a url')).stderr).toMatch(/--webhook: "not a url" is not a URL/);
    expect((await run('--max-upload', '0')).stderr).toMatch(/--max-upload must be an integer from 1 to 16384/);
  });

  it('keeps its store where --data says, seeds it once, and --reset starts over', async () => {
    const data = await mkdtemp(join(tmpdir(), 'cli-data-'));
    try {
      const started = (...extra: string[]) => {
        const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--quiet', '--data', data, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
        return new Promise<string>((done, fail) => {
          let out = '';
          child.stdout.on('data', (c: Buffer) => {
            out += c.toString();
            if (/Open http/.test(out)) {
              child.kill('SIGTERM');
              child.once('exit', () => done(out));
            }
          });
          child.once('error', fail);
        });
      };
      expect(await started()).toMatch(/Store: .*cli-data-.* \(seeded now from the sample catalog\)/);
      expect(await started()).toMatch(/seeded earlier from the sample catalog/);
      expect(await started('--reset')).toMatch(/seeded now from/);
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });

  it('documents itself', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--require-auth/);
  });
});

describe('logs', () => {
  it('never print tokens or API keys', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const e = await startTestEmulator({ log: true, requireAuth: true });
    try {
      await e.search({ query: [{ match: { text: '*' } }] }, { Authorization: 'Bearer dev-token-marketing', 'X-Api-Key': 'asset-selector-dev' });
      await e.fetch(`/adobe/assets/${e.idOf('evening-glow.jpg')}/as/x.jpg?width=20`, { headers: { Authorization: 'Bearer dev-token-marketing' } });
      await e.fetch('/adobe/assets/search', { method: 'POST', headers: { Authorization: 'Bearer secret-123' }, body: '{}' });
      await new Promise((r) => setTimeout(r, 50));
      const lines = log.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(lines).toMatch(/POST \/adobe\/assets\/search 200/);
      expect(lines).toMatch(/POST \/adobe\/assets\/search 401/);
      expect(lines).not.toMatch(/dev-token|secret-123|asset-selector-dev/);
    } finally {
      log.mockRestore();
      await e.close();
    }
  });
});
