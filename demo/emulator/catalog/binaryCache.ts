import { readFile } from 'node:fs/promises';

/**
 * Originals kept in memory, least recently used dropped first. Synthetic catalogs reuse a few
 * files under thousands of ids, so caching by file path (not by asset) keeps them all warm.
 */
export function createBinaryCache(maxBytes = 512 * 1024 * 1024): ((file: string) => Promise<Buffer>) & { forget(file: string): void } {
  const entries = new Map<string, Promise<Buffer>>();
  const sizes = new Map<string, number>();
  let total = 0;

  const read = (file: string): Promise<Buffer> => {
    const hit = entries.get(file);
    if (hit) {
      entries.delete(file);
      entries.set(file, hit);
      return hit;
    }
    const pending = readFile(file);
    entries.set(file, pending);
    pending.then(
      (data) => {
        if (entries.get(file) !== pending) return;
        sizes.set(file, data.length);
        total += data.length;
        for (const [key] of entries) {
          if (total <= maxBytes || key === file) break;
          entries.delete(key);
          total -= sizes.get(key) ?? 0;
          sizes.delete(key);
        }
      },
      () => entries.delete(file),
    );
    return pending;
  };
  const forget = (file: string) => {
    if (!entries.delete(file)) return;
    total -= sizes.get(file) ?? 0;
    sizes.delete(file);
  };
  return Object.assign(read, { forget });
}
