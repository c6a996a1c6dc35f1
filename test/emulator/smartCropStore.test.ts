import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssetRecord } from '../../demo/emulator/catalog/assetRecord.ts';
import { SmartCropStore } from '../../demo/emulator/smartcrop/smartCropStore.ts';
import { SMART_CROP_PROFILES } from '../../demo/emulator/smartcrop/smartCropProfiles.ts';

const CATALOG = fileURLToPath(new URL('../../demo/catalog/', import.meta.url));

/** The sample photos and their sizes; a mix of landscape, square and small images. */
const PHOTOS = [
  { file: 'kite.jpg', width: 2400, height: 1500 },
  { file: 'astronaut.jpg', width: 512, height: 512 },
  { file: 'chelsea-cat.jpg', width: 451, height: 300 },
  { file: 'rocket.jpg', width: 640, height: 427 },
  { file: 'wood.jpg', width: 2400, height: 1800 },
] as const;

const binaries = new Map<string, Buffer>();

function makeAsset(name: string, bytes: Buffer, width: number, height: number, mimeType = 'image/jpeg'): AssetRecord {
  const binaryHash = createHash('sha1').update(bytes).digest('hex');
  binaries.set(binaryHash, bytes);
  return {
    id: `urn:aaid:aem:${binaryHash.slice(0, 8)}-0000-0000-0000-${name.length.toString().padStart(12, '0')}`,
    name,
    file: path.join(CATALOG, name),
    binaryHash,
    mimeType,
    size: bytes.length,
    width,
    height,
    hasAlpha: false,
    status: 'approved',
    restrictedTo: [],
    etag: `"${binaryHash}"`,
    repositoryMetadata: {},
    assetMetadata: {},
  };
}

async function photo(index: number): Promise<AssetRecord> {
  const p = PHOTOS[index];
  if (!p) throw new Error(`no photo ${index}`);
  return makeAsset(p.file, await readFile(path.join(CATALOG, p.file)), p.width, p.height);
}

const tempDirs: string[] = [];
async function freshCacheDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'smartcrops-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A store whose binary reads are counted, to prove when the original is (not) touched. */
function makeStore(cacheDir: string, options: { maxConcurrentAnalyses?: number } = {}): { store: SmartCropStore; reads: () => number } {
  let reads = 0;
  const store = new SmartCropStore({
    ...options,
    cacheDir,
    readBinary: async (asset) => {
      reads++;
      const bytes = binaries.get(asset.binaryHash);
      if (!bytes) throw new Error(`unknown binary ${asset.binaryHash}`);
      return bytes;
    },
  });
  return { store, reads: () => reads };
}

/** A flat grey image with one colourful noise patch of `size` px whose left edge is at `left`. */
async function syntheticImage(left: number, size: number): Promise<Buffer> {
  let seed = 42; // a fixed LCG so the image, and therefore the test, is reproducible
  const noise = Buffer.alloc(size * size * 3);
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    noise[i] = seed >>> 24;
  }
  const patch = await sharp(noise, { raw: { width: size, height: size, channels: 3 } }).png().toBuffer();
  return sharp({ create: { width: 1200, height: 400, channels: 3, background: { r: 128, g: 128, b: 128 } } })
    .composite([{ input: patch, left, top: (400 - size) / 2 }])
    .png()
    .toBuffer();
}

describe('SmartCropStore', () => {
  it('gives every image one box per profile, inside the image, with the profile aspect ratio', async () => {
    const { store } = makeStore(await freshCacheDir());
    expect(store.profileNames()).toEqual(['Square', 'Landscape', 'Portrait', 'Banner']);
    for (let i = 0; i < PHOTOS.length; i++) {
      const asset = await photo(i);
      const crops = await store.list(asset);
      expect(crops.map((c) => c.name)).toEqual(store.profileNames());
      for (const [j, { name, width, height, crop }] of crops.entries()) {
        const profile = SMART_CROP_PROFILES[j];
        expect({ name, width, height }).toEqual(profile);
        for (const v of [crop.x, crop.y, crop.width, crop.height]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(Math.round(v * 10_000) / 10_000).toBe(v);
        }
        expect(crop.x + crop.width).toBeLessThanOrEqual(1 + 1e-9);
        expect(crop.y + crop.height).toBeLessThanOrEqual(1 + 1e-9);
        const boxAspect = (crop.width * asset.width) / (crop.height * asset.height);
        expect(Math.abs(boxAspect / (width / height) - 1), `${asset.name} ${name}`).toBeLessThan(0.01);
        // Largest crop of the aspect ratio: it spans the full width or the full height.
        expect(Math.max(crop.width, crop.height)).toBe(1);
      }
    }
  });

  it('spans the full width of a square image with the Banner crop', async () => {
    const { store } = makeStore(await freshCacheDir());
    const banner = await store.find(await photo(1), 'Banner');
    expect(banner?.crop.x).toBe(0);
    expect(banner?.crop.width).toBe(1);
    expect(banner?.crop.height).toBe(0.25);
    expect(await store.find(await photo(1), 'Nope')).toBeUndefined();
  });

  it('is deterministic', async () => {
    const asset = await photo(0);
    const first = await makeStore(await freshCacheDir()).store.list(asset);
    const second = await makeStore(await freshCacheDir()).store.list(asset);
    expect(second).toEqual(first);
  });

  it('serves a second call from memory', async () => {
    const { store, reads } = makeStore(await freshCacheDir());
    const asset = await photo(2);
    const first = await store.list(asset);
    first[0]!.crop.x = 0.5; // callers get copies: mutating one must not corrupt the store
    const second = await store.list(asset);
    expect(second[0]!.crop.x).not.toBe(0.5);
    expect(store.stats()).toMatchObject({ computed: 1, fromDisk: 0, fromMemory: 1 });
    expect(reads()).toBe(1);
  });

  it('reads crops written by an earlier store from disk and computes nothing', async () => {
    const cacheDir = await freshCacheDir();
    const asset = await photo(3);
    const expected = await makeStore(cacheDir).store.list(asset);
    const file = path.join(cacheDir, 'smartcrops', `${asset.binaryHash}.json`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ binaryHash: asset.binaryHash });

    const { store, reads } = makeStore(cacheDir);
    expect(await store.list(asset)).toEqual(expected);
    expect(store.stats()).toMatchObject({ computed: 0, fromDisk: 1, fromMemory: 0 });
    expect(reads()).toBe(0);
  });

  it('shares one computation between concurrent calls and assets with the same binary', async () => {
    const { store, reads } = makeStore(await freshCacheDir());
    const asset = await photo(4);
    const twin: AssetRecord = { ...asset, id: `${asset.id}-twin`, name: 'wood-copy.jpg' };
    const results = await Promise.all([store.list(asset), store.list(asset), store.list(twin), store.list(asset)]);
    for (const r of results) expect(r).toEqual(results[0]);
    expect(store.stats()).toMatchObject({ computed: 1, fromDisk: 0, fromMemory: 3 });
    expect(reads()).toBe(1);
  });

  it('analyses one image at a time, however many are asked for at once', async () => {
    const { store } = makeStore(await freshCacheDir());
    const assets = await Promise.all(PHOTOS.map((_, i) => photo(i)));
    const all = await Promise.all(assets.map((asset) => store.list(asset)));
    for (const crops of all) expect(crops.map((c) => c.name)).toEqual(SMART_CROP_PROFILES.map((p) => p.name));
    expect(store.stats()).toMatchObject({ computed: PHOTOS.length, peakConcurrent: 1 });

    const { store: wider } = makeStore(await freshCacheDir(), { maxConcurrentAnalyses: 2 });
    await Promise.all(assets.map((asset) => wider.list(asset)));
    expect(wider.stats()).toMatchObject({ computed: PHOTOS.length, peakConcurrent: 2 });
  });

  it('ignores and rewrites a corrupt cache file', async () => {
    const cacheDir = await freshCacheDir();
    const asset = await photo(2);
    const file = path.join(cacheDir, 'smartcrops', `${asset.binaryHash}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"format": "smartcrops/1", "crops": [tru');

    const { store } = makeStore(cacheDir);
    const crops = await store.list(asset);
    expect(crops).toHaveLength(4);
    expect(store.stats()).toMatchObject({ computed: 1, fromDisk: 0, fromMemory: 0 });

    const again = makeStore(cacheDir).store;
    expect(await again.list(asset)).toEqual(crops);
    expect(again.stats().fromDisk).toBe(1);
  });

  it('gives non-image assets no smart crops', async () => {
    const { store, reads } = makeStore(await freshCacheDir());
    const pdf = makeAsset('brochure.pdf', Buffer.from('%PDF-1.7\n'), 0, 0, 'application/pdf');
    expect(await store.list(pdf)).toEqual([]);
    expect(await store.find(pdf, 'Square')).toBeUndefined();
    expect(reads()).toBe(0);
  });

  it('follows the content: the Square crop holds a detailed patch away from the centre', async () => {
    const { store } = makeStore(await freshCacheDir());
    for (const left of [1000, 50]) {
      const size = 150;
      const asset = makeAsset(`patch-${left}.png`, await syntheticImage(left, size), 1200, 400, 'image/png');
      const square = await store.find(asset, 'Square');
      if (!square) throw new Error('no Square crop');
      const x0 = square.crop.x * asset.width;
      const x1 = (square.crop.x + square.crop.width) * asset.width;
      expect(x0, `patch at ${left}`).toBeLessThanOrEqual(left);
      // A centred square (400..800) would miss the patch entirely.
      expect(x1, `patch at ${left}`).toBeGreaterThanOrEqual(left + size);
    }
  });

  it('analyses the EXIF-oriented image, as delivered', async () => {
    const { store } = makeStore(await freshCacheDir());
    // Stored 1200×400 with the patch on the right; orientation 6 displays it 400×1200 with the patch at the bottom.
    const stored = await sharp(await syntheticImage(1000, 150)).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
    const asset = makeAsset('rotated.jpg', stored, 400, 1200);
    const square = await store.find(asset, 'Square');
    if (!square) throw new Error('no Square crop');
    expect(square.crop).toMatchObject({ x: 0, width: 1 });
    expect(square.crop.y * asset.height).toBeLessThanOrEqual(1000);
    expect((square.crop.y + square.crop.height) * asset.height).toBeGreaterThanOrEqual(1150);
  });
});
