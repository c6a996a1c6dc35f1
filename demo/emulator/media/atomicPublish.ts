import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A hidden sibling of `final` to build it in; {@link publish} moves it into place. */
export function tempSibling(final: string): string {
  return join(dirname(final), `.${basename(final)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Renames a finished file or folder into place, so readers (this process, or another emulator on
 * the same cache folder) see all of it or none. When another writer got there first, its entry is
 * kept and ours is dropped: both were made from the same bytes.
 */
export async function publish(temp: string, final: string): Promise<void> {
  try {
    await rename(temp, final);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
    await rm(temp, { recursive: true, force: true });
  }
}

/** Removes temp entries left by a process that died mid-job, under `root/<key>/`. */
export async function sweepTemps(root: string, olderThanMs: number): Promise<void> {
  const keys = await readdir(root).catch(() => [] as string[]);
  const cutoff = Date.now() - olderThanMs;
  for (const key of keys) {
    const entries = await readdir(join(root, key)).catch(() => [] as string[]);
    for (const entry of entries.filter((e) => e.startsWith('.') && e.includes('.tmp-'))) {
      const path = join(root, key, entry);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await rm(path, { recursive: true, force: true });
    }
  }
}
