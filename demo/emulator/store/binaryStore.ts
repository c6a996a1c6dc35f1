import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** A binary received into the store's temporary folder, hashed, not yet part of the store. */
export interface ReceivedBinary {
  tmpPath: string;
  sha256: string;
  size: number;
}

/** Thrown by {@link BinaryStore.receive} when the body is over its limit; nothing is kept. */
export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Binaries as files named by the sha256 of their bytes, so copies of an asset share one file and
 * a file's name says what it must hold. A binary enters in two steps: `receive` streams it into
 * `tmp/` (bounded, hashed on the way), `commit` flushes it to disk and renames it into place.
 * The caller commits the binary before the database row that refers to it, so a crash leaves at
 * worst an unreferenced file (removed by `removeOrphans` at the next start), never a row without
 * its bytes.
 */
export class BinaryStore {
  readonly #root: string;
  readonly #tmp: string;
  readonly #durable: boolean;

  /** `durable: false` skips the fsyncs, for throw-away stores (tests, `startEmulator()` without `dataDir`). */
  constructor(dir: string, { durable = true }: { durable?: boolean } = {}) {
    this.#root = join(dir, 'binaries');
    this.#tmp = join(dir, 'tmp');
    this.#durable = durable;
  }

  /** Creates the folders and drops what an interrupted upload left in `tmp/`. */
  async open(): Promise<void> {
    await rm(this.#tmp, { recursive: true, force: true });
    await mkdir(this.#tmp, { recursive: true });
    await mkdir(this.#root, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.#root, sha256.slice(0, 2), sha256);
  }

  /** Streams `source` into a temporary file, at most `limit` bytes; over that, a {@link TooLargeError}. */
  async receive(source: Readable, limit: number): Promise<ReceivedBinary> {
    const tmpPath = join(this.#tmp, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) return done(new TooLargeError(limit));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmpPath, { flags: 'wx' }));
    } catch (error) {
      await rm(tmpPath, { force: true });
      throw error;
    }
    return { tmpPath, sha256: hash.digest('hex'), size };
  }

  /** Copies a file into `tmp/` (hashing it), for seeding from a catalog folder. */
  receiveFile(file: string): Promise<ReceivedBinary> {
    return this.receive(createReadStream(file), Number.MAX_SAFE_INTEGER);
  }

  /**
   * Makes a received binary part of the store: flushed, then renamed to its content address (and
   * the folder flushed, so the rename survives a power cut). When the store already has these
   * bytes, the temporary file is simply dropped.
   */
  async commit(received: ReceivedBinary): Promise<string> {
    const target = this.pathOf(received.sha256);
    try {
      if (await exists(target)) return target;
      if (this.#durable) await fsync(received.tmpPath);
      await mkdir(join(target, '..'), { recursive: true });
      // link + unlink rather than rename: never replaces a file another commit just put there.
      await link(received.tmpPath, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      if (this.#durable) await fsync(join(target, '..'));
      return target;
    } finally {
      await rm(received.tmpPath, { force: true });
    }
  }

  /** Drops a received binary that will not be committed. */
  async discard(received: ReceivedBinary): Promise<void> {
    await rm(received.tmpPath, { force: true });
  }

  async remove(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  /** Deletes every file no row refers to (left by a crash between commit and the row); returns how many. */
  async removeOrphans(referenced: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    for (const shard of await readdir(this.#root).catch(() => [] as string[])) {
      for (const name of await readdir(join(this.#root, shard)).catch(() => [] as string[])) {
        if (referenced.has(name)) continue;
        await rm(join(this.#root, shard, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Hashes of every file in the store. */
  async list(): Promise<string[]> {
    const out: string[] = [];
    for (const shard of await readdir(this.#root).catch(() => [] as string[])) {
      for (const name of await readdir(join(this.#root, shard)).catch(() => [] as string[])) out.push(name);
    }
    return out;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
