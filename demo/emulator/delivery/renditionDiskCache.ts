import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentTypeOf, extensionOf, parseRequestedFormat } from './formatNegotiation.ts';
import type { RenderedImage } from './renderImage.ts';

/** `<key>-<width>x<height>.<ext>`: everything a RenderedImage needs besides its bytes, in the name. */
const FILE_NAME = /^([0-9a-f]{40})-(\d+)x(\d+)\.([a-z]+)$/;

/**
 * Pre-warmed renders on disk (`<cacheDir>/renditions/`), so a restarted emulator serves its
 * thumbnails as warm as a CDN would. Only the pre-warmer writes here, so it holds at most what
 * the pre-warmer's bound allows per state of the repository; a key names the asset's ETag, so a
 * replaced binary's files are never read again. The folder's listing is read once, at start.
 */
export class RenditionDiskCache {
  readonly #dir: string;
  readonly #files = new Map<string, { file: string; width: number; height: number; ext: string }>();
  #loaded: Promise<void> | undefined;

  constructor(cacheDir: string) {
    this.#dir = join(cacheDir, 'renditions');
  }

  /** Lists the folder (once); reads before it wait for it. */
  load(): Promise<void> {
    this.#loaded ??= readdir(this.#dir).then(
      (names) => {
        for (const name of names) {
          const m = FILE_NAME.exec(name);
          if (m) this.#files.set(m[1]!, { file: name, width: Number(m[2]), height: Number(m[3]), ext: m[4]! });
        }
      },
      () => undefined,
    );
    return this.#loaded;
  }

  /** Whether `key` is stored (after {@link load}). */
  has(key: string): boolean {
    return this.#files.has(key);
  }

  /** The render stored under `key`, or undefined (never stored, or unreadable now). */
  async read(key: string): Promise<RenderedImage | undefined> {
    await this.load();
    const entry = this.#files.get(key);
    if (!entry) return undefined;
    try {
      const format = parseRequestedFormat(entry.ext);
      return { data: await readFile(join(this.#dir, entry.file)), format, contentType: contentTypeOf(format), width: entry.width, height: entry.height };
    } catch {
      this.#files.delete(key);
      return undefined;
    }
  }

  /** Stores a render; written to a temporary name and renamed, so a crash never leaves half a file. */
  async write(key: string, image: RenderedImage): Promise<void> {
    await this.load();
    if (this.#files.has(key)) return;
    const file = `${key}-${image.width}x${image.height}.${extensionOf(image.format)}`;
    await mkdir(this.#dir, { recursive: true });
    const temporary = join(this.#dir, `.${file}.${process.pid}.tmp`);
    await writeFile(temporary, image.data);
    await rename(temporary, join(this.#dir, file));
    this.#files.set(key, { file, width: image.width, height: image.height, ext: extensionOf(image.format) });
  }
}
