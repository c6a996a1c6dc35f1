import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { isImage, type AssetRecord } from '../catalog/assetRecord.ts';
import type { SmartCrop as SmartCropContract } from '../../../src/core/types.ts';
import type { FractionBox } from '../delivery/renderGeometry.ts';
import { analyseSmartCrops } from './sharpImageOperations.ts';
import { SMART_CROP_PROFILES, type SmartCropProfile } from './smartCropProfiles.ts';

/**
 * One smart crop of an asset, as `smartCrops` lists it: the profile's name and delivery size (not
 * the size of the box in the original), and the box to cut as fractions of the original.
 */
export type SmartCrop = Required<SmartCropContract>;

/** How `list` calls were served; lets tests prove that analysis ran only once. */
interface SmartCropStats {
  /** Binaries analysed with sharp + smartcrop. */
  computed: number;
  /** Binaries whose crops were read from a cache file written by an earlier run. */
  fromDisk: number;
  /** Calls answered from memory, including calls that joined an analysis still in progress. */
  fromMemory: number;
  /** The most analyses that ever ran at once (never more than `maxConcurrentAnalyses`). */
  peakConcurrent: number;
}

interface SmartCropStoreOptions {
  /** The emulator's cache directory; files go to `<cacheDir>/smartcrops/<binaryHash>.json`. */
  cacheDir: string;
  profiles?: readonly SmartCropProfile[];
  /** Reads an asset's original bytes (the store does not assume where binaries live). */
  readBinary: (asset: AssetRecord) => Promise<Buffer>;
  /**
   * Analyses allowed to run at once (default 1). A first page of results can ask for the crops of
   * dozens of images together; each analysis decodes an original, so they take turns rather than
   * crowding out transforms and memory.
   */
  maxConcurrentAnalyses?: number;
}

/** Bump when the analysis changes so that caches written by older code are recomputed. */
const CACHE_FORMAT = 'smartcrops/1';

/** What a cache file holds: enough to reject it if the profiles, the image or the code changed. */
interface CacheFile {
  format: string;
  binaryHash: string;
  imageWidth: number;
  imageHeight: number;
  crops: SmartCrop[];
}

/** Binary hashes become file names, so only hash-like keys are ever written to disk. */
const SAFE_HASH = /^[A-Za-z0-9_-]{1,128}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFraction = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;

function isValidBox(value: unknown): value is FractionBox {
  if (!isRecord(value)) return false;
  const { x, y, width, height } = value;
  return (
    isFraction(x) && isFraction(y) && isFraction(width) && isFraction(height) &&
    width > 0 && height > 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9
  );
}

const cloneCrops = (crops: readonly SmartCrop[]): SmartCrop[] =>
  crops.map((c) => ({ name: c.name, width: c.width, height: c.height, crop: { ...c.crop } }));

/**
 * Smart crops of the repository's images, one analysis per binary.
 *
 * Crops depend only on pixels, so they are keyed by `binaryHash`: assets sharing a binary share
 * the analysis. Results live in memory for the process and in one JSON file per binary so that a
 * restart does not re-analyse the whole catalog.
 */
export class SmartCropStore {
  readonly #cacheDir: string;
  readonly #profiles: readonly SmartCropProfile[];
  readonly #readBinary: (asset: AssetRecord) => Promise<Buffer>;
  /** Promises rather than values so that concurrent callers share one computation. */
  readonly #byHash = new Map<string, Promise<SmartCrop[]>>();
  readonly #stats: SmartCropStats = { computed: 0, fromDisk: 0, fromMemory: 0, peakConcurrent: 0 };
  readonly #maxConcurrent: number;
  #analysing = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(options: SmartCropStoreOptions) {
    this.#cacheDir = path.join(options.cacheDir, 'smartcrops');
    this.#profiles = (options.profiles ?? SMART_CROP_PROFILES).map((p) => ({ ...p }));
    this.#readBinary = options.readBinary;
    this.#maxConcurrent = options.maxConcurrentAnalyses ?? 1;
    if (!(this.#maxConcurrent >= 1)) throw new RangeError(`maxConcurrentAnalyses must be at least 1, got ${this.#maxConcurrent}`);
    const names = new Set<string>();
    for (const p of this.#profiles) {
      if (names.has(p.name)) throw new Error(`smart crop profile "${p.name}" is defined twice`);
      names.add(p.name);
      if (!(Number.isInteger(p.width) && Number.isInteger(p.height) && p.width > 0 && p.height > 0)) {
        throw new RangeError(`smart crop profile "${p.name}" has an invalid size ${p.width}×${p.height}`);
      }
    }
  }

  /** Names of the profiles every image has, in profile order. */
  profileNames(): string[] {
    return this.#profiles.map((p) => p.name);
  }

  /**
   * All smart crops of `asset`, in profile order; `[]` for non-image assets. Rejects if the
   * binary cannot be read or decoded; a failed analysis is not cached, so a later call retries.
   */
  async list(asset: AssetRecord): Promise<SmartCrop[]> {
    if (!isImage(asset) || this.#profiles.length === 0) return [];
    let pending = this.#byHash.get(asset.binaryHash);
    if (pending) {
      this.#stats.fromMemory++;
    } else {
      pending = this.#load(asset);
      this.#byHash.set(asset.binaryHash, pending);
      // Forget failures so that a transient error (missing file, …) is not remembered forever.
      const key = asset.binaryHash;
      const own = pending;
      own.catch(() => {
        if (this.#byHash.get(key) === own) this.#byHash.delete(key);
      });
    }
    return cloneCrops(await pending);
  }

  /** The smart crop named `name` (exact, case-sensitive profile name), if the asset has one. */
  async find(asset: AssetRecord, name: string): Promise<SmartCrop | undefined> {
    if (!this.#profiles.some((p) => p.name === name)) return undefined;
    return (await this.list(asset)).find((c) => c.name === name);
  }

  /**
   * Drops the crops of a binary the repository no longer has (deleted or replaced), from memory
   * and from the disk cache, so neither grows with every upload.
   */
  async forget(binaryHash: string): Promise<void> {
    this.#byHash.delete(binaryHash);
    const file = this.#cacheFile(binaryHash);
    if (file) await rm(file, { force: true }).catch(() => undefined);
  }

  /** A snapshot of the counters. */
  stats(): SmartCropStats {
    return { ...this.#stats };
  }

  async #load(asset: AssetRecord): Promise<SmartCrop[]> {
    const cached = await this.#readCache(asset);
    if (cached) {
      this.#stats.fromDisk++;
      return cached;
    }
    const boxes = await this.#inTurn(async () => {
      const source = await this.#readBinary(asset);
      this.#stats.computed++;
      return analyseSmartCrops(source, asset.width, asset.height, this.#profiles);
    });
    const crops = this.#profiles.map((p, i): SmartCrop => {
      const crop = boxes[i];
      if (!crop) throw new Error(`smart crop: no box for profile "${p.name}"`);
      return { name: p.name, width: p.width, height: p.height, crop };
    });
    await this.#writeCache(asset, crops);
    return crops;
  }

  /** Runs `analysis` when fewer than `maxConcurrentAnalyses` are running, in arrival order. */
  async #inTurn<T>(analysis: () => Promise<T>): Promise<T> {
    if (this.#analysing >= this.#maxConcurrent) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#analysing++;
    this.#stats.peakConcurrent = Math.max(this.#stats.peakConcurrent, this.#analysing);
    try {
      return await analysis();
    } finally {
      // A finished analysis hands its turn straight to the next one, so the count stays right.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#analysing--;
    }
  }

  #cacheFile(binaryHash: string): string | undefined {
    return SAFE_HASH.test(binaryHash) ? path.join(this.#cacheDir, `${binaryHash}.json`) : undefined;
  }

  /** The cached crops, or `undefined` if absent, unreadable, corrupt or stale (then recomputed). */
  async #readCache(asset: AssetRecord): Promise<SmartCrop[] | undefined> {
    const file = this.#cacheFile(asset.binaryHash);
    if (!file) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      return undefined;
    }
    if (
      !isRecord(parsed) ||
      parsed.format !== CACHE_FORMAT ||
      parsed.binaryHash !== asset.binaryHash ||
      parsed.imageWidth !== asset.width ||
      parsed.imageHeight !== asset.height ||
      !Array.isArray(parsed.crops) ||
      parsed.crops.length !== this.#profiles.length
    ) {
      return undefined;
    }
    const crops: SmartCrop[] = [];
    for (const [i, profile] of this.#profiles.entries()) {
      const entry: unknown = parsed.crops[i];
      // The file must describe exactly this store's profiles, in order.
      if (
        !isRecord(entry) ||
        entry.name !== profile.name ||
        entry.width !== profile.width ||
        entry.height !== profile.height ||
        !isValidBox(entry.crop)
      ) {
        return undefined;
      }
      const { x, y, width, height } = entry.crop;
      crops.push({ name: profile.name, width: profile.width, height: profile.height, crop: { x, y, width, height } });
    }
    return crops;
  }

  /**
   * Writes through a temporary file and a rename so that a crash or a concurrent reader never sees
   * a half-written file. The cache is an optimisation: failing to write it does not fail `list`.
   */
  async #writeCache(asset: AssetRecord, crops: SmartCrop[]): Promise<void> {
    const file = this.#cacheFile(asset.binaryHash);
    if (!file) return;
    const content: CacheFile = {
      format: CACHE_FORMAT,
      binaryHash: asset.binaryHash,
      imageWidth: asset.width,
      imageHeight: asset.height,
      crops,
    };
    const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(this.#cacheDir, { recursive: true });
      await writeFile(tmp, `${JSON.stringify(content, null, 2)}\n`, 'utf8');
      await rename(tmp, file);
    } catch (error) {
      await rm(tmp, { force: true }).catch(() => undefined);
      process.emitWarning(`smart crop cache not written for ${asset.binaryHash}: ${String(error)}`);
    }
  }
}
